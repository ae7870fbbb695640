#pragma once

#include <QDir>
#include <QString>

namespace mlwb {

/// Where a deployment served as a process lives on disk, under the
/// workspace's deployments/NAME: the scoring script (app/), the model files
/// as Azure ML lays them out (azureml-models/NAME/VERSION/), the scoring
/// server, its log, and what its wrapper and supervisor leave behind.
class DeploymentFolder
{
public:
    DeploymentFolder(const QString &deploymentsRoot, const QString &name)
        : m_root(QDir(deploymentsRoot).filePath(name))
    {}

    QString root() const { return m_root; }
    QString app() const { return file("app"); }
    QString models() const { return file("azureml-models"); }
    QString server() const { return file("mlwb_score_server.py"); }
    /// What the scoring server writes (stdout and stderr), with the
    /// supervisor's notes on restarts between.
    QString log() const { return file("server.log"); }
    QString supervisorLog() const { return file("supervisor.log"); }
    QString lockFile() const { return file("supervisor.lock"); }
    /// Written by the shell wrapper (see RunEnding::wrapperScript).
    QString processGroupFile() const { return file("pgid"); }
    QString exitCodeFile() const { return file("exit_code"); }

private:
    QString file(const char *name) const { return QDir(m_root).filePath(QLatin1String(name)); }

    QString m_root;
};

} // namespace mlwb
