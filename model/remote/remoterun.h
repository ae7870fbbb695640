#pragma once

#include "remote/sshconnection.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <functional>

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
        // From a stream, after its last state: the run's outputs/ as a tar
        // (empty when it made none), so that no session is needed to fetch
        // them; or word that they are too large and must be fetched apart.
        enum class Outputs { NotYet, Sent, Apart };
        Outputs outputs = Outputs::NotYet;
        QByteArray outputsTar;
        // From a stream asked to read the VM's Python environment: what
        // environmentcapture::program() printed there.
        bool hasEnvironment = false;
        QByteArray environment;
    };
    /// What start() needs to know about the run.
    struct Launch {
        QString workingDirectory;
        QMap<QString, QString> environment; // MLWB_RUN_ID, MLWB_COMMAND, ... and the user's
    };

    RemoteRun(const SshConnection &connection, const QString &uid);

    /// The run folder as a shell expression.
    QString folder() const;
    /// Checks the interpreter and ships the helper and the snapshot (each
    /// only when missing).
    SshResult prepare(const QString &helperFolder, const QString &zip, const QString &sha256);
    /// Runs a script with a local file (or nothing) on its stdin and returns
    /// what it printed; a start may hand its session on to a stream instead
    /// of ending it (SshBackend), so the run needs no second session.
    using Runner =
        std::function<SshResult(const QString &script, const QString &stdinFile, int timeoutMs)>;
    /// Expands the snapshot and starts the run detached; sets *pgid. Safe to
    /// repeat after a lost link: a run already started (by an attempt whose
    /// answer was lost, or a supervisor that died) is found, never started again.
    SshResult start(const QString &sha256, const Launch &launch, qint64 *pgid,
                    const Runner &runner = {});
    /// prepare() and start() in one SSH session, for a snapshot that
    /// fitsOneSession(): each session costs the VM's login shell start-up.
    SshResult prepareAndStart(const QString &helperFolder, const QString &zip,
                              const QString &sha256, const Launch &launch, qint64 *pgid,
                              const Runner &runner = {});
    static bool fitsOneSession(const QString &zip);
    /// The state and up to `maxBytes` of each file from the given offsets;
    /// *more is set when bytes were left for the next poll.
    SshResult poll(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes, Poll *out, bool *more);
    /// A script that sends poll() answers one after another, each as soon as
    /// the files grew (or every 2 s). After the one that carries the exit
    /// code and the files' last bytes it sends the outputs (when they are at
    /// most `maxBytes` as a tar), then reads a line: `remove` removes the run
    /// folder. See RemoteStream.
    /// With a capture program, the stream also runs it once with that Python
    /// and sends what it printed before the last answer.
    QString streamScript(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes,
                         const QString &captureInterpreter = QString(),
                         const QString &captureProgram = QString()) const;
    /// Reads one poll answer or the outputs from the front of `bytes`: its
    /// length, 0 while it is incomplete, or -1 when it is not one.
    static qsizetype parseFrame(QByteArrayView bytes, Poll *poll);
    /// SIGTERM to the run's process group, SIGKILL after `graceMs`.
    SshResult terminate(qint64 pgid, int graceMs);
    /// Copies code/outputs/ into `localFolder`/outputs/.
    SshResult fetchOutputs(const QString &localFolder);
    /// Unpacks a tar of outputs/ (as fetchOutputs() gets it) into `localFolder`.
    static SshResult unpackOutputs(const QString &tar, const QString &localFolder);
    /// Removes the run folder on the target.
    SshResult remove();

private:
    QString helperPath(const QString &hash) const;
    /// Checks and ships in one session, then runs `then` in it when shipped;
    /// the answer is then only what `then` printed.
    SshResult prepareInOneSession(const QString &helperFolder, const QString &zip,
                                  const QString &sha256, const QString &then = {},
                                  const Runner &runner = {});
    Runner orOwnSession(const Runner &runner) const;
    QString startScript(const QString &sha256, const Launch &launch) const;
    SshResult parseStart(SshResult result, qint64 *pgid) const;
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
