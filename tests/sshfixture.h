#pragma once

#include <QString>
#include <QTemporaryDir>

/// A real OpenSSH server for tests: `sshd -D` on 127.0.0.1 at a free port,
/// with a generated host key and a generated user key allowed to log in as
/// the current user. The client side is set up through the environment the
/// app reads: MLWB_SSH_OPTIONS (`-F /dev/null`, so ~/.ssh/config is left
/// out) and MLWB_SSH_KNOWN_HOSTS (a known_hosts file of the test's own).
/// The server stops in the destructor.
class SshFixture
{
public:
    SshFixture();
    ~SshFixture();
    SshFixture(const SshFixture &) = delete;
    SshFixture &operator=(const SshFixture &) = delete;

    /// Generates the keys and starts the server; false with the reason.
    bool start(QString *error);
    /// Stops the server and its connections (runs started through it go on).
    void stop();
    /// Stops and starts again on the same port, with a new host key if asked.
    bool restart(bool newHostKey, QString *error);
    /// Adds the server's host key to the test's known_hosts (or to `file`).
    bool trustHostKey(QString *error, const QString &file = QString());
    /// Lets the same user key log in here as on `other` (call before start()),
    /// so one identity reaches both, e.g. a jump host and the target behind it.
    bool shareUserKey(const SshFixture &other, QString *error);

    int port() const { return m_port; }
    QString user() const;
    QString identity() const { return path("user_ed25519"); }
    QString knownHosts() const { return path("known_hosts"); }
    QString path(const char *name) const;
    /// A port nothing listens on.
    static int freePort();
    /// Runs a program to its end (30 s at most); false with its stderr.
    static bool run(const QString &program, const QStringList &arguments, QString *error,
                    QByteArray *out = nullptr);

private:
    bool makeHostKey(QString *error);
    bool writeConfig(QString *error);
    bool waitUntilListening(QString *error);

    QTemporaryDir m_dir;
    int m_port = 0;
    qint64 m_pid = -1;
};
