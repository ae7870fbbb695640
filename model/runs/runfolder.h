#pragma once

#include <QDir>
#include <QString>

namespace mlwb {

/// The files of one run under <workspace>/runs/<run id>/:
///   code/          the expanded snapshot; the script's working folder
///   metrics.jsonl  what the logging helper writes
///   output.log     stdout and stderr, as they happen
///   outputs/       collected from code/outputs when the run ends
///   pgid, exit_code  written by the run's shell wrapper, so a run that
///                    outlived its supervisor can still be finished
///   supervisor.note  what the supervisor waits on, if anything (SupervisorNote)
class RunFolder
{
public:
    RunFolder(const QString &runsFolder, const QString &uid)
        : m_root(QDir(runsFolder).filePath(uid))
    {}
    QString root() const { return m_root; }
    QString code() const { return file("code"); }
    QString metrics() const { return file("metrics.jsonl"); }
    QString log() const { return file("output.log"); }
    QString outputs() const { return file("outputs"); }
    QString processGroupFile() const { return file("pgid"); }
    QString exitCodeFile() const { return file("exit_code"); }
    QString lockFile() const { return file("supervisor.lock"); }
    QString noteFile() const { return file("supervisor.note"); }
    /// Present while the run's environment is being read (beside the run).
    QString environmentPendingFile() const { return file("environment.pending"); }

private:
    QString file(const char *name) const { return QDir(m_root).filePath(QLatin1String(name)); }
    QString m_root;
};

} // namespace mlwb
