#pragma once

#include "remote/sshconnection.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace mlwb {

/// One run's folder on an SSH target and what can be done with it, each a
/// single ssh call with a timeout:
///   <workdir>/python/<hash>/     the `mlwb` helper, shipped once per version
///   <workdir>/snapshots/<sha>.zip  snapshots, shipped once each
///   <workdir>/runs/<run id>/     code/, output.log, metrics.jsonl, pgid, exit_code,
///                               launched/ (made once, by the one wrapper that runs)
/// The run is started detached (setsid + nohup), so it survives the
/// connection; its shell wrapper writes pgid and exit_code as locally.
class RemoteRun
{
    Q_DECLARE_TR_FUNCTIONS(RemoteRun)
public:
    /// What one poll brought back: the run's state and the bytes appended
    /// to its log and metrics since the offsets asked for.
    struct Poll {
        bool vanished = false; // the run folder is gone
        bool hasExitCode = false;
        int exitCode = -1;
        qint64 pgid = -1;
        bool alive = false;
        qint64 logSize = 0, metricsSize = 0; // the remote files' sizes
        QByteArray log, metrics;
    };
    /// What start() needs to know about the run.
    struct Launch {
        QString workingDirectory;
        QMap<QString, QString> environment; // MLWB_RUN_ID, MLWB_COMMAND, ... and the user's
        /// When set, this Python runs `captureProgram` once the run started, in
        /// the same connection; its output goes to *captured (one SSH session
        /// less per submit: each costs the login shell's start-up on the VM).
        QString captureInterpreter, captureProgram;
    };

    RemoteRun(const SshConnection &connection, const QString &uid);

    /// The run folder as a shell expression.
    QString folder() const;
    /// Checks the interpreter and ships the helper and the snapshot (each
    /// only when missing).
    SshResult prepare(const QString &helperFolder, const QString &zip, const QString &sha256);
    /// Expands the snapshot and starts the run detached; sets *pgid. Safe to
    /// repeat after a lost link: a run already started (by an attempt whose
    /// answer was lost, or a supervisor that died) is found, never started again.
    SshResult start(const QString &sha256, const Launch &launch, qint64 *pgid,
                    QByteArray *captured = nullptr);
    /// prepare() and start() in one SSH session, for a snapshot that
    /// fitsOneSession(): each session costs the VM's login shell start-up.
    SshResult prepareAndStart(const QString &helperFolder, const QString &zip,
                              const QString &sha256, const Launch &launch, qint64 *pgid,
                              QByteArray *captured = nullptr);
    static bool fitsOneSession(const QString &zip);
    /// The state and up to `maxBytes` of each file from the given offsets;
    /// *more is set when bytes were left for the next poll.
    SshResult poll(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes, Poll *out, bool *more);
    /// A script that sends poll() answers one after another, each as soon as
    /// the files grew (or every 2 s), and ends after the one that carries the
    /// exit code and the files' last bytes. See RemoteStream.
    QString streamScript(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes) const;
    /// Reads one poll answer from the front of `bytes`: its length, 0 while
    /// it is incomplete, or -1 when it is not one.
    static qsizetype parseFrame(QByteArrayView bytes, Poll *poll);
    /// SIGTERM to the run's process group, SIGKILL after `graceMs`.
    SshResult terminate(qint64 pgid, int graceMs);
    /// Copies code/outputs/ into `localFolder`/outputs/.
    SshResult fetchOutputs(const QString &localFolder);
    /// Removes the run folder on the target.
    SshResult remove();

private:
    QString helperPath(const QString &hash) const;
    /// Checks and ships in one session, then runs `then` in it when shipped;
    /// the answer is then only what `then` printed.
    SshResult prepareInOneSession(const QString &helperFolder, const QString &zip,
                                  const QString &sha256, const QString &then = {});
    QString startScript(const QString &sha256, const Launch &launch) const;
    SshResult parseStart(SshResult result, qint64 *pgid, QByteArray *captured) const;
    bool checked(SshResult *result, const QString &zip) const;
    static SshResult packHelper(const QString &helperFolder, const QString &tar);
    SshResult shipHelper(const QString &helperFolder, const QString &hash);
    SshResult shipSnapshot(const QString &zip, const QString &sha256);
    static QString startLock();
    static QString receive(const QString &file, qint64 size);
    static bool parsePoll(const QByteArray &out, Poll *poll);

    const SshConnection &m_connection;
    QString m_uid;
    QString m_helperHash; // set by prepare()
};

} // namespace mlwb
