#include "remote/sshprobe.h"

#include "remote/hostkeys.h"
#include "runs/runconfig.h"

#include <QJsonArray>
#include <QLocale>

namespace mlwb {

QJsonObject SshReport::toJson() const
{
    return {{QStringLiteral("ok"), ok},
            {QStringLiteral("message"), message},
            {QStringLiteral("host_key_added"), hostKeyAdded},
            {QStringLiteral("fingerprints"), QJsonArray::fromStringList(fingerprints)},
            {QStringLiteral("os"), os},
            {QStringLiteral("cpus"), cpus},
            {QStringLiteral("memory_bytes"), memoryBytes},
            {QStringLiteral("python"), python},
            {QStringLiteral("workdir"), workdir},
            {QStringLiteral("disk_free_bytes"), freeDiskBytes}};
}

QString SshReport::text() const
{
    const QLocale locale = QLocale::c();
    QStringList lines;
    if (!ok)
        lines << message;
    if (hostKeyAdded)
        lines << SshProbe::tr("Host key trusted: %1").arg(fingerprints.join(QStringLiteral(", ")));
    if (!os.isEmpty()) {
        lines
            << SshProbe::tr("OS: %1").arg(os) << SshProbe::tr("CPUs: %1").arg(cpus)
            << SshProbe::tr("Memory: %1").arg(locale.formattedDataSize(memoryBytes))
            << SshProbe::tr("Python: %1").arg(python.isEmpty() ? SshProbe::tr("not found") : python)
            << SshProbe::tr("Working folder: %1").arg(workdir)
            << SshProbe::tr("Free disk: %1")
                   .arg(freeDiskBytes < 0 ? SshProbe::tr("unknown")
                                          : locale.formattedDataSize(freeDiskBytes));
    }
    return lines.join(QLatin1Char('\n'));
}

SshReport SshProbe::test(const ComputeTarget &target, bool acceptNewHostKey)
{
    SshReport report;
    SshConnection connection(target);
    if (connection.host().isEmpty()) {
        report.message = tr("The target %1 has no host.").arg(target.name);
        return report;
    }
    // A connection still shared from before would skip the host key check.
    connection.closeMaster();
    SshResult result = connection.run(script(connection), 30000);
    if (result.failure == SshResult::Failure::HostKeyUnknown && acceptNewHostKey) {
        connection.setHostKeyPolicy(SshConnection::HostKeyPolicy::AcceptNew);
        result = connection.run(script(connection), 30000);
        report.hostKeyAdded = result.failure == SshResult::Failure::None;
    }
    report.hostKeyUnknown = result.failure == SshResult::Failure::HostKeyUnknown;
    report.hostKeyChanged = result.failure == SshResult::Failure::HostKeyChanged;
    QString ignored;
    if ((report.hostKeyUnknown || report.hostKeyChanged || report.hostKeyAdded)
        && connection.jump().isEmpty())
        HostKeys::scan(connection.host(), connection.port(), &report.fingerprints, &ignored);
    if (result.failure != SshResult::Failure::None) {
        report.message = result.message;
        if (!report.fingerprints.isEmpty())
            report.message += QLatin1Char(' ')
                              + tr("Its key fingerprint is %1.")
                                    .arg(report.fingerprints.join(QStringLiteral(", ")));
        return report;
    }
    parse(result.out, &report);
    check(connection, &report);
    return report;
}

QString SshProbe::script(const SshConnection &connection)
{
    return QStringLiteral(
               "W=%1; PY=%2\n"
               "os=$(. /etc/os-release 2>/dev/null; echo \"$PRETTY_NAME\")\n"
               "echo \"os=${os:-$(uname -s)} ($(uname -r), $(uname -m))\"\n"
               "echo \"cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)\"\n"
               "echo \"memory_kb=$(awk '/^MemTotal:/{print $2}' /proc/meminfo 2>/dev/null)\"\n"
               "echo \"python=$(\"$PY\" -c 'import sys; print(sys.version.split()[0])' "
               "2>/dev/null)\"\n"
               "mkdir -p \"$W\" 2>/dev/null; echo \"workdir=$(cd \"$W\" 2>/dev/null && pwd)\"\n"
               "echo \"disk_kb=$(df -Pk \"$W\" 2>/dev/null | awk 'NR==2{print $4}')\"\n")
        .arg(SshConnection::remotePath(connection.workdir()),
             SshConnection::remotePath(connection.python()));
}

void SshProbe::parse(const QByteArray &out, SshReport *report)
{
    const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString key = line.section(QLatin1Char('='), 0, 0);
        const QString value = line.section(QLatin1Char('='), 1).trimmed();
        if (key == QLatin1String("os"))
            report->os = value;
        else if (key == QLatin1String("cpus"))
            report->cpus = value.toInt();
        else if (key == QLatin1String("memory_kb"))
            report->memoryBytes = value.toLongLong() * 1024;
        else if (key == QLatin1String("python"))
            report->python = value;
        else if (key == QLatin1String("workdir"))
            report->workdir = value;
        else if (key == QLatin1String("disk_kb") && !value.isEmpty())
            report->freeDiskBytes = value.toLongLong() * 1024;
    }
}

void SshProbe::check(const SshConnection &connection, SshReport *report)
{
    report->ok = false;
    if (report->python.isEmpty())
        report->message = tr("The interpreter '%1' was not found on %2.")
                              .arg(connection.python(), connection.name());
    else if (!report->python.startsWith(QLatin1String("3.")))
        report->message = tr("'%1' on %2 is Python %3; runs need Python 3.")
                              .arg(connection.python(), connection.name(), report->python);
    else if (report->workdir.isEmpty())
        report->message = tr("The working folder %1 cannot be made on %2.")
                              .arg(connection.workdir(), connection.name());
    else
        report->ok = true;
}

} // namespace mlwb
