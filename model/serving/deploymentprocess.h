#pragma once

#include "store/types.h"

#include <QSqlDatabase>

namespace mlwb {

class Workspace;

/// What a deployment's supervisor records about the processes it watches
/// (deployment_process): its own pid and heartbeat, and the scoring
/// server's process group with its start time. A pid alone may be reused
/// by an unrelated process after a reboot; the pid with the time the
/// process started is what makes reattaching safe.
class DeploymentProcess
{
public:
    DeploymentProcess(const Workspace &workspace, Id deploymentId);

    /// This process supervises the deployment and is alive.
    void heartbeat(qint64 supervisorPid);
    /// True while a supervisor beats (within 10 s) and its process lives.
    bool hasLiveSupervisor() const;
    /// The pid of the supervisor that beat last, or -1.
    qint64 supervisorPid() const;
    /// Records the scoring server's process group (its wrapper shell's pid).
    bool setServer(qint64 pgid, QString *error);
    /// The recorded server, or -1 when none is recorded or the process
    /// with that pid is not the one that was started (it ended, or the
    /// pid was reused).
    qint64 liveServer() const;
    /// The recorded server's pid even if it is gone, or -1.
    qint64 recordedServer() const;
    void clearServer();

    /// When the process started, in clock ticks since boot (/proc/PID/stat
    /// field 22); -1 if there is no such process.
    static qint64 startTime(qint64 pid);

private:
    QSqlDatabase m_db;
    Id m_id;
};

} // namespace mlwb
