#include "sshfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <csignal>
#include <pwd.h>
#include <unistd.h>

SshFixture::SshFixture() = default;

SshFixture::~SshFixture()
{
    stop();
}

QString SshFixture::path(const char *name) const
{
    return m_dir.filePath(QLatin1String(name));
}

QString SshFixture::user() const
{
    const passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : qEnvironmentVariable("USER");
}

int SshFixture::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return -1;
    const int port = server.serverPort();
    server.close();
    return port;
}

bool SshFixture::run(const QString &program, const QStringList &arguments, QString *error,
                     QByteArray *out)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        *error = QStringLiteral("%1 failed: %2%3")
                     .arg(program, process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

bool SshFixture::makeHostKey(QString *error)
{
    QFile::remove(path("host_ed25519"));
    QFile::remove(path("host_ed25519.pub"));
    return run(QStringLiteral("ssh-keygen"),
               {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                QStringLiteral("-N"), QString(), QStringLiteral("-f"), path("host_ed25519")},
               error);
}

bool SshFixture::writeConfig(QString *error)
{
    QFile config(path("sshd_config"));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = config.errorString();
        return false;
    }
    QStringList lines{QStringLiteral("Port %1").arg(m_port),
                      QStringLiteral("ListenAddress 127.0.0.1"),
                      QStringLiteral("HostKey ") + path("host_ed25519"),
                      QStringLiteral("AuthorizedKeysFile ") + identity() + QStringLiteral(".pub"),
                      QStringLiteral("PidFile none"),
                      QStringLiteral("StrictModes no"),
                      QStringLiteral("UsePAM no"),
                      QStringLiteral("PasswordAuthentication no"),
                      QStringLiteral("KbdInteractiveAuthentication no"),
                      QStringLiteral("PubkeyAuthentication yes"),
                      QStringLiteral("MaxSessions 100"),
                      QStringLiteral("MaxStartups 100"),
                      QStringLiteral("Subsystem sftp internal-sftp")};
    if (::getuid() == 0)
        lines << QStringLiteral("PermitRootLogin yes");
    config.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

bool SshFixture::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("No temporary folder for sshd.");
        return false;
    }
    // sshd insists on its privilege separation folder.
    if (!QFileInfo(QStringLiteral("/run/sshd")).isDir()
        && !QDir().mkpath(QStringLiteral("/run/sshd"))) {
        *error = QStringLiteral("sshd needs /run/sshd and it cannot be made here; run as root "
                                "or create it (sudo mkdir -p /run/sshd).");
        return false;
    }
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/sshd"))) {
        *error = QStringLiteral("/usr/sbin/sshd is missing: install openssh-server.");
        return false;
    }
    if (!QFile::exists(identity())
        && !run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                 QStringLiteral("-N"), QString(), QStringLiteral("-f"), identity()},
                error))
        return false;
    if (m_port == 0)
        m_port = freePort();
    if (!QFile::exists(path("host_ed25519")) && !makeHostKey(error))
        return false;
    if (!writeConfig(error))
        return false;
    QProcess process;
    process.setProgram(QStringLiteral("setsid")); // its own group, so stop() reaches it all
    process.setArguments({QStringLiteral("/usr/sbin/sshd"), QStringLiteral("-D"),
                          QStringLiteral("-e"), QStringLiteral("-f"), path("sshd_config")});
    process.setStandardOutputFile(path("sshd.log"), QIODevice::Append);
    process.setStandardErrorFile(path("sshd.log"), QIODevice::Append);
    if (!process.startDetached(&m_pid)) {
        *error = QStringLiteral("Cannot start sshd: ") + process.errorString();
        return false;
    }
    qputenv("MLWB_SSH_OPTIONS", "-F /dev/null");
    qputenv("MLWB_SSH_KNOWN_HOSTS", knownHosts().toLocal8Bit());
    return waitUntilListening(error);
}

bool SshFixture::waitUntilListening(QString *error)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    QFile log(path("sshd.log"));
    log.open(QIODevice::ReadOnly);
    *error = QStringLiteral("sshd did not start: ") + QString::fromLocal8Bit(log.readAll());
    return false;
}

void SshFixture::stop()
{
    if (m_pid <= 0)
        return;
    // The per-connection processes start their own sessions: find them by parent.
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == m_pid)
            children << entry.toLongLong();
    }
    ::kill(pid_t(m_pid), SIGTERM);
    for (qint64 child : std::as_const(children))
        ::kill(pid_t(child), SIGTERM);
    for (int i = 0; i < 100 && ::kill(pid_t(m_pid), 0) == 0; ++i)
        QThread::msleep(20);
    m_pid = -1;
}

bool SshFixture::restart(bool newHostKey, QString *error)
{
    stop();
    if (newHostKey && !makeHostKey(error))
        return false;
    return start(error);
}

bool SshFixture::shareUserKey(const SshFixture &other, QString *error)
{
    for (const QString &suffix : {QString(), QStringLiteral(".pub")}) {
        QFile::remove(identity() + suffix);
        if (!QFile::copy(other.identity() + suffix, identity() + suffix)) {
            *error = QStringLiteral("Cannot copy the user key %1%2").arg(other.identity(), suffix);
            return false;
        }
    }
    QFile::setPermissions(identity(), QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

bool SshFixture::trustHostKey(QString *error, const QString &file)
{
    QByteArray keys;
    if (!run(QStringLiteral("ssh-keyscan"),
             {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("127.0.0.1")}, error,
             &keys))
        return false;
    QFile known(file.isEmpty() ? knownHosts() : file);
    if (!known.open(QIODevice::Append)) {
        *error = known.errorString();
        return false;
    }
    known.write(keys);
    return true;
}
