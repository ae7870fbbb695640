#include "remote/sshconnection.h"

#include "runs/runconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <unistd.h>

namespace mlwb {

namespace {

// Runs a prepared ssh process to its end or its deadline.
void finish(QProcess &process, const QByteArray &input, int timeoutMs, SshResult *result)
{
    if (!process.waitForStarted(10000)) {
        result->failure = SshResult::Failure::Other;
        result->message = SshConnection::tr("Cannot run ssh: %1").arg(process.errorString());
        return;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result->failure = SshResult::Failure::Timeout;
        return;
    }
    result->exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : 255;
    result->out += process.readAllStandardOutput();
    result->err += process.readAllStandardError();
}

QString lastLine(const QByteArray &text)
{
    const QStringList lines = QString::fromUtf8(text).trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

SshConnection::SshConnection(const ComputeTarget &target)
    : m_name(target.name)
{
    const QJsonObject &c = target.config;
    m_host = c.value(QLatin1String("host")).toString();
    m_port = c.value(QLatin1String("port")).toInt(22);
    m_user = c.value(QLatin1String("user")).toString();
    m_identity = c.value(QLatin1String("identity")).toString();
    m_jump = c.value(QLatin1String("jump")).toString();
    m_workdir = c.value(QLatin1String("workdir")).toString(QStringLiteral("~/.mlwb"));
    m_python = c.value(QLatin1String("python")).toString(QStringLiteral("python3"));
    m_keepRunFolders = c.value(QLatin1String("keepRunFolders")).toBool();
    if (m_workdir.isEmpty())
        m_workdir = QStringLiteral("~/.mlwb");
    if (m_python.isEmpty())
        m_python = QStringLiteral("python3");
}

QString SshConnection::address() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

QString SshConnection::destination() const
{
    return m_user.isEmpty() ? m_host : m_user + QLatin1Char('@') + m_host;
}

QString SshConnection::controlFolder()
{
    // Short and private: a socket path is limited to ~100 bytes.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString folder = !runtime.isEmpty() && QFileInfo(runtime).isDir()
                               ? QDir(runtime).filePath(QStringLiteral("mlwb-ssh"))
                               : QStringLiteral("/tmp/mlwb-ssh-%1").arg(::getuid());
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return folder;
}

QStringList SshConnection::options() const
{
    QStringList o = QProcess::splitCommand(qEnvironmentVariable("MLWB_SSH_OPTIONS"));
    const auto option = [&o](const QString &value) { o << QStringLiteral("-o") << value; };
    option(QStringLiteral("BatchMode=yes"));
    option(QStringLiteral("ConnectTimeout=10"));
    option(QStringLiteral("ServerAliveInterval=5"));
    option(QStringLiteral("ServerAliveCountMax=3"));
    option(QStringLiteral("ControlMaster=auto"));
    option(QStringLiteral("ControlPersist=60"));
    option(QStringLiteral("ControlPath=") + controlFolder() + QStringLiteral("/%C"));
    option(m_policy == HostKeyPolicy::AcceptNew ? QStringLiteral("StrictHostKeyChecking=accept-new")
                                                : QStringLiteral("StrictHostKeyChecking=yes"));
    const QString knownHosts = qEnvironmentVariable("MLWB_SSH_KNOWN_HOSTS");
    if (!knownHosts.isEmpty())
        option(QStringLiteral("UserKnownHostsFile=") + knownHosts);
    if (!m_identity.isEmpty())
        o << QStringLiteral("-i") << m_identity << QStringLiteral("-o")
          << QStringLiteral("IdentitiesOnly=yes");
    if (!m_jump.isEmpty())
        o << QStringLiteral("-J") << m_jump;
    o << QStringLiteral("-p") << QString::number(m_port);
    return o;
}

QString SshConnection::remotePath(const QString &path)
{
    if (path == QLatin1String("~"))
        return QStringLiteral("\"$HOME\"");
    if (path.startsWith(QLatin1String("~/")))
        return QStringLiteral("\"$HOME\"/") + shellQuote(path.mid(2));
    return shellQuote(path);
}

QStringList SshConnection::arguments(const QString &script) const
{
    return options() + QStringList{destination(), QStringLiteral("sh -c ") + shellQuote(script)};
}

SshResult SshConnection::run(const QString &script, int timeoutMs, const QByteArray &input) const
{
    QProcess process;
    process.start(QStringLiteral("ssh"), arguments(script));
    SshResult result;
    finish(process, input, timeoutMs, &result);
    classify(&result);
    return result;
}

SshResult SshConnection::runWithFiles(const QString &script, const QString &stdinFile,
                                      const QString &stdoutFile, int timeoutMs) const
{
    QProcess process;
    if (!stdinFile.isEmpty())
        process.setStandardInputFile(stdinFile);
    if (!stdoutFile.isEmpty())
        process.setStandardOutputFile(stdoutFile, QIODevice::Truncate);
    process.start(QStringLiteral("ssh"), arguments(script));
    SshResult result;
    finish(process, QByteArray(), timeoutMs, &result);
    classify(&result);
    return result;
}

void SshConnection::closeMaster() const
{
    QProcess process;
    process.start(QStringLiteral("ssh"),
                  options()
                      + QStringList{QStringLiteral("-O"), QStringLiteral("exit"), destination()});
    process.waitForFinished(5000);
}

void SshConnection::classify(SshResult *result) const
{
    using F = SshResult::Failure;
    const QString err = QString::fromUtf8(result->err);
    const QString where = tr("%1 (%2)").arg(m_name.isEmpty() ? m_host : m_name, address());
    if (result->failure == F::Timeout) {
        result->message = tr("%1 did not answer in time.").arg(where);
        return;
    }
    if (result->failure != F::None || result->exitCode != 255)
        return;
    if (err.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED"))) {
        result->failure = F::HostKeyChanged;
        result->message = tr("The host key of %1 has changed since it was trusted: this may be an "
                             "attack, or the VM was reinstalled. The connection was refused. If "
                             "the change is expected, remove the old key with `ssh-keygen -R "
                             "'[%2]:%3'` and test the target again.")
                              .arg(where, m_host)
                              .arg(m_port);
    } else if (err.contains(QLatin1String("Host key verification failed"))) {
        result->failure = F::HostKeyUnknown;
        result->message = tr("The host key of %1 is not trusted yet.").arg(where);
    } else if (err.contains(QLatin1String("Permission denied"))
               || err.contains(QLatin1String("Too many authentication failures"))) {
        result->failure = F::Authentication;
        result->message = tr("SSH login to %1 as %2 failed: %3. Check the user and the identity "
                             "file, or load the key into ssh-agent (passwords are never asked).")
                              .arg(where, m_user.isEmpty() ? tr("the default user") : m_user,
                                   lastLine(result->err));
    } else {
        // Refused, timed out, unresolvable, reset: the network, so worth a retry.
        static const char *const network[] = {"ssh:",       "Connection", "kex_",   "Broken pipe",
                                              "mux_client", "closed by",  "resolve"};
        bool isNetwork = false;
        for (const char *word : network)
            isNetwork = isNetwork || err.contains(QLatin1String(word));
        if (!isNetwork) {
            // A client whose control master was killed exits 255 saying nothing. Our
            // remote scripts never exit 255 themselves, so it is the link: worth a retry.
            result->failure = F::Unreachable;
            result->message = tr("The connection to %1 was lost (%2).")
                                  .arg(where, err.trimmed().isEmpty()
                                                  ? tr("ssh ended with code 255 and no message")
                                                  : lastLine(result->err));
            return;
        }
        QString reason = lastLine(result->err);
        const int colon = reason.lastIndexOf(QLatin1String(": "));
        if (colon >= 0)
            reason = reason.mid(colon + 2);
        result->failure = F::Unreachable;
        // With -J a second ssh reaches the jump host; its error is the cause, while the
        // outer one only says "Connection closed by UNKNOWN port 65535".
        const auto jumpReason = [&result](const char *prefix) {
            const QStringList lines = QString::fromUtf8(result->err).split(QLatin1Char('\n'));
            for (const QString &line : lines)
                if (line.trimmed().startsWith(QLatin1String(prefix)))
                    return line.trimmed().section(QLatin1String(": "), -1);
            return QString();
        };
        QString jumpDown = m_jump.isEmpty() ? QString() : jumpReason("ssh: ");
        if (!m_jump.isEmpty() && jumpDown.isEmpty()
            && err.contains(QLatin1String("UNKNOWN port 65535"))) // the jump connection died
            jumpDown = QString::fromUtf8(result->err)
                           .trimmed()
                           .section(QLatin1Char('\n'), 0, 0)
                           .trimmed()
                           .section(QLatin1String(": "), -1);
        const QString fromJump = m_jump.isEmpty() ? QString() : jumpReason("channel ");
        if (!jumpDown.isEmpty())
            result->message = tr("Cannot reach %1: the jump host %2 is unreachable (%3).")
                                  .arg(where, m_jump, jumpDown);
        else if (!fromJump.isEmpty())
            result->message =
                tr("Cannot reach %1 from the jump host %2: %3").arg(where, m_jump, fromJump);
        else
            result->message =
                tr("Cannot reach %1: %2").arg(where, reason.isEmpty() ? tr("ssh failed") : reason);
    }
}

} // namespace mlwb
