#pragma once

#include "store/types.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mlwb {

/// One call of the system `ssh` client: what the remote command printed
/// and, when ssh itself failed, a message a user can act on.
struct SshResult {
    enum class Failure {
        None,
        Unreachable,
        Authentication,
        HostKeyUnknown,
        HostKeyChanged,
        Timeout,
        Other
    };
    int exitCode = -1; // the remote command's; 255: ssh itself failed
    QByteArray out;
    QByteArray err;
    Failure failure = Failure::None;
    QString message; // set when failure != None
    bool ok() const { return failure == Failure::None && exitCode == 0; }
    /// True when trying again later may work (the network, not the setup).
    bool transient() const
    {
        return failure == Failure::Unreachable || failure == Failure::Timeout;
    }
};

/// Talks to an SSH compute target through the system OpenSSH client, so the
/// user's ~/.ssh/config, agent, jump hosts and known_hosts work as in a
/// terminal. Calls share one connection through a control socket
/// (ControlMaster=auto, ControlPersist=60), never prompt (BatchMode=yes)
/// and always end: each has a timeout. $MLWB_SSH_KNOWN_HOSTS replaces the
/// known_hosts file and $MLWB_SSH_OPTIONS adds options (e.g. `-F /dev/null`).
class SshConnection
{
    Q_DECLARE_TR_FUNCTIONS(SshConnection)
public:
    enum class HostKeyPolicy { Strict, AcceptNew };

    explicit SshConnection(const ComputeTarget &target);

    QString name() const { return m_name; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString jump() const { return m_jump; }
    /// The remote working folder as written in the config (may start with ~/).
    QString workdir() const { return m_workdir; }
    QString python() const { return m_python; }
    bool keepRunFolders() const { return m_keepRunFolders; }
    /// "host:port" as users write it in messages.
    QString address() const;
    void setHostKeyPolicy(HostKeyPolicy policy) { m_policy = policy; }

    /// Runs a POSIX shell script on the target (through `sh -c`, whatever
    /// the login shell), with `input` on its stdin. Exit code 255 is read as
    /// a lost link (ssh's own code), so a script must never exit 255.
    SshResult run(const QString &script, int timeoutMs = 30000, const QByteArray &input = {}) const;
    /// Runs a script with a local file as its stdin (uploads) or with its
    /// stdout into a local file (downloads); either path may be empty.
    SshResult runWithFiles(const QString &script, const QString &stdinFile,
                           const QString &stdoutFile, int timeoutMs) const;
    /// Closes the shared connection (`ssh -O exit`); runs on the target go on.
    void closeMaster() const;

    /// The ssh command line options every call uses (without the destination).
    QStringList options() const;
    /// The whole `ssh` argument list that runs `script` through `sh -c`.
    QStringList arguments(const QString &script) const;
    /// [user@]host for the command line.
    QString destination() const;
    /// A remote path for a script: "~/x" becomes "$HOME"/'x', the rest is quoted.
    static QString remotePath(const QString &path);
    /// The folder holding the control sockets (made private on first use).
    static QString controlFolder();

    /// Names what went wrong in an ended session: a lost link, a host key,
    /// the login (ssh's exit code 255), a timeout.
    void classify(SshResult *result) const;

private:

    QString m_name;
    QString m_host;
    int m_port = 22;
    QString m_user;
    QString m_identity;
    QString m_jump;
    QString m_workdir;
    QString m_python;
    bool m_keepRunFolders = false;
    HostKeyPolicy m_policy = HostKeyPolicy::Strict;
};

} // namespace mlwb
