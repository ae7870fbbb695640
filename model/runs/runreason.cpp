#include "runs/runreason.h"

#include <QJsonDocument>

namespace mlwb {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QString RunReason::coded(const QString &code, const QJsonObject &arguments)
{
    QJsonObject reason{{key("reason"), code}};
    for (auto it = arguments.begin(); it != arguments.end(); ++it)
        reason.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(reason).toJson(QJsonDocument::Compact));
}

QString RunReason::exited(qint64 exitCode)
{
    return coded(key("exited"), {{key("code"), exitCode}});
}

QString RunReason::timedOut(int limitSeconds)
{
    return coded(key("timed-out"), {{key("limit"), limitSeconds}});
}

QString RunReason::noExitCode(const QString &host)
{
    return coded(key("no-exit-code"), {{key("host"), host}});
}

QString RunReason::commandNotFound(const QString &command, const QString &host)
{
    return coded(key("command-not-found"), {{key("command"), command}, {key("host"), host}});
}

QString RunReason::remoteDiskFull(const QString &host, const QString &workdir)
{
    return coded(key("disk-full"), {{key("host"), host}, {key("workdir"), workdir}});
}

QString RunReason::folderVanished(const QString &host, const QString &folder)
{
    return coded(key("folder-vanished"), {{key("host"), host}, {key("folder"), folder}});
}

QString RunReason::noSnapshot()
{
    return coded(key("no-snapshot"));
}

QString RunReason::fetchFailed(const QString &host, const QString &detail)
{
    return coded(key("fetch-failed"), {{key("host"), host}, {key("detail"), detail}});
}

QString RunReason::withLog(const QString &stored, const QString &logLines)
{
    return logLines.isEmpty() ? stored : stored + QLatin1Char('\n') + logLines;
}

QString RunReason::text(const QString &stored)
{
    const qsizetype end = stored.indexOf(QLatin1Char('\n'));
    const QString first = summary(stored);
    return end < 0 ? first : first + stored.mid(end);
}

QString RunReason::summary(const QString &stored)
{
    const QString first = stored.section(QLatin1Char('\n'), 0, 0);
    // JSON sorts the keys, so a code is known by its parsed "reason", not a prefix.
    if (!first.startsWith(QLatin1Char('{')))
        return first; // stored before codes: plain text
    const QJsonObject reason = QJsonDocument::fromJson(first.toUtf8()).object();
    if (!reason.value(key("reason")).isString())
        return first;
    const QString shown = translated(reason);
    return shown.isEmpty() ? first : shown;
}

QString RunReason::translated(const QJsonObject &reason)
{
    const QString code = reason.value(key("reason")).toString();
    const QString host = reason.value(key("host")).toString();
    if (code == QLatin1String("exited")) {
        const qint64 exitCode = reason.value(key("code")).toInteger();
        // /bin/sh reports a child killed by signal N as 128 + N.
        if (exitCode > 128 && exitCode < 128 + 65)
            return tr("Exited with code %1 (killed by signal %2).")
                .arg(exitCode)
                .arg(exitCode - 128);
        return tr("Exited with code %1.").arg(exitCode);
    }
    if (code == QLatin1String("timed-out"))
        return tr("Stopped after the time limit of %1 s.").arg(reason.value(key("limit")).toInt());
    if (code == QLatin1String("no-exit-code"))
        return host.isEmpty()
                   ? tr("The run's process ended without an exit code (killed from outside?).")
                   : tr("The run's process on %1 ended without an exit code (killed from "
                        "outside?).")
                         .arg(host);
    const QString command = reason.value(key("command")).toString();
    if (code == QLatin1String("command-not-found"))
        return host.isEmpty() ? tr("Command not found: %1").arg(command)
                              : tr("Command not found on %1: %2").arg(host, command);
    if (code == QLatin1String("disk-full"))
        return tr("The disk of %1 is full (No space left on device in %2): the run failed and "
                  "its exit code could not be written.")
            .arg(host, reason.value(key("workdir")).toString());
    if (code == QLatin1String("folder-vanished"))
        return tr("The run's folder on %1 (%2) has vanished.")
            .arg(host, reason.value(key("folder")).toString());
    if (code == QLatin1String("no-snapshot"))
        return tr("The run has no snapshot to run from.");
    if (code == QLatin1String("fetch-failed"))
        return tr("Could not fetch the outputs from %1: %2")
            .arg(host, reason.value(key("detail")).toString());
    return {}; // a code from a newer version: shown as stored
}

} // namespace mlwb
