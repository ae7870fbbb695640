#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace mlwb {

/// Why a run ended, as supervisors store it in runs.error: a code with its
/// arguments on the first line, then the last lines of the log. Supervisors
/// run in whatever language their process had, so each reader translates the
/// code on display. Rows stored before codes hold plain text, shown as stored.
class RunReason
{
    Q_DECLARE_TR_FUNCTIONS(RunReason)
public:
    static QString exited(qint64 exitCode);
    static QString timedOut(int limitSeconds);
    /// `host` is empty for this computer.
    static QString noExitCode(const QString &host);
    static QString commandNotFound(const QString &command, const QString &host);
    static QString remoteDiskFull(const QString &host, const QString &workdir);
    static QString folderVanished(const QString &host, const QString &folder);
    static QString noSnapshot();
    static QString fetchFailed(const QString &host, const QString &detail);
    /// A stored reason followed by the given log lines (none if empty).
    static QString withLog(const QString &stored, const QString &logLines);

    /// The whole reason in the reader's language, log lines included.
    static QString text(const QString &stored);
    /// Only its first line: the reason without the log.
    static QString summary(const QString &stored);

private:
    static QString coded(const QString &code, const QJsonObject &arguments = {});
    static QString translated(const QJsonObject &reason);
};

} // namespace mlwb
