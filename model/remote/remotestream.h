#pragma once

#include "remote/remoterun.h"

#include <QElapsedTimer>
#include <QFile>
#include <memory>

class QProcess;

namespace mlwb {

/// One long-lived `ssh` per run that sends the run's log and metrics as they
/// grow (RemoteRun::streamScript), then its outputs, so a VM's points arrive
/// at the link's speed instead of one SSH session, with the login shell's
/// start-up, per poll. It is the start's own session going on
/// (waitForStart), or started anew: it holds no state worth keeping, so
/// after a lost link or a failed write it starts from the store's offsets.
class RemoteStream
{
public:
    enum class Read {
        Frames,  // *out holds what arrived
        Nothing, // nothing new yet
        Ended    // the stream is over or lost: poll once, then start it again
    };

    explicit RemoteStream(const SshConnection &connection);
    ~RemoteStream();

    bool isRunning() const;
    /// Runs `script` on the VM, its answers spooled into the file `spool`
    /// (removed by stop()), with the file `input` (if any) on its stdin.
    void start(const QString &script, const QString &spool, const QString &input = QString());
    /// For a script that starts the run first: waits until it printed
    /// startedMarker(), and returns what it printed before it as the answer
    /// of a session that ended well. A script that ended before it is
    /// returned as such a session ended (its code, output, stderr).
    SshResult waitForStart(int timeoutMs);
    static QByteArray startedMarker() { return QByteArrayLiteral("MLWB-STREAM\n"); }
    /// Waits up to `waitMs` for answers; all complete ones are merged into
    /// *out (bytes appended, the state of the newest).
    Read read(int waitMs, RemoteRun::Poll *out);
    /// After the outputs came: sends `word` (`remove` or `keep`) and waits
    /// for the stream to end. True when it ended as asked.
    bool finish(const QByteArray &word, int waitMs);
    void stop();
    /// Bytes of the spool read so far.
    qint64 spooled() const { return m_spool.isOpen() ? m_spool.pos() : 0; }

private:
    int takeFrames(RemoteRun::Poll *out);

    const SshConnection &m_connection;
    std::unique_ptr<QProcess> m_process;
    QFile m_spool; // what ssh wrote, read from here on
    QByteArray m_buffer;
    QElapsedTimer m_sinceFrame; // answers come at least every 2 s while it lives
};

} // namespace mlwb
