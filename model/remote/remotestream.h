#pragma once

#include "remote/remoterun.h"

#include <QElapsedTimer>
#include <QFile>
#include <memory>

class QProcess;

namespace mlwb {

/// One long-lived `ssh` per run that sends the run's log and metrics as they
/// grow (RemoteRun::streamScript), so a VM's points arrive at the link's
/// speed instead of one SSH session, with the login shell's start-up, per
/// poll. It holds no state worth keeping: after a lost link or a failed
/// write it is started again from the offsets the store has.
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
    /// (removed by stop()).
    void start(const QString &script, const QString &spool);
    /// Waits up to `waitMs` for answers; all complete ones are merged into
    /// *out (bytes appended, the state of the newest).
    Read read(int waitMs, RemoteRun::Poll *out);
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
