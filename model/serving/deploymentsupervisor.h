#pragma once

#include "serving/deploymentfolder.h"
#include "store/types.h"

#include <QCoreApplication>
#include <memory>

namespace mlwb {

class DeploymentProcess;
class ScoringClient;
class Workspace;

/// Watches one deployment served as a local process, in its own small
/// detached process (`mlwb-supervisor --deployment NAME`), so the service
/// outlives the GUI and the CLI. It starts the scoring server in its own
/// session, probes GET / for liveness, restarts a server that crashed with
/// a growing pause (each restart counted in the record), and stops it when
/// the deployment is to be stopped. A server whose init() failed (exit 3)
/// is not restarted: the deployment is Failed, with the traceback in its
/// log. Every state is stored before it is acted on; a supervisor started
/// after another was killed reattaches to the running server.
class DeploymentSupervisor
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentSupervisor)
public:
    DeploymentSupervisor(const Workspace &workspace, Id deploymentId);
    ~DeploymentSupervisor();

    /// How often the server is probed, in ms (default 500).
    void setPollInterval(int ms) { m_pollMs = ms; }
    /// Supervises until the deployment is stopped or has failed. False
    /// (with the reason) only when the supervisor itself could not work.
    bool exec(QString *error);

    /// Crashes in a row (without becoming healthy between) before a
    /// deployment is Failed instead of restarted.
    static constexpr int maxCrashesInARow = 5;
    /// The pause before restart `n`: first, 2 x first, 4 x first, ... at
    /// most 30 x first (first: 1 s, or config "restart_backoff_ms").
    static int backoffMs(int n, int firstMs = 1000);

private:
    bool load(QString *error);
    bool startServer(QString *error);
    bool serverEnded(QString *error);
    void probe();
    void stopServer();
    bool pause(int ms);
    bool stopRequested();
    bool setStatus(const QString &status, const QString &message);
    void note(const QString &line);

    const Workspace &m_workspace;
    Id m_id;
    Deployment m_deployment;
    std::unique_ptr<DeploymentFolder> m_folder;
    std::unique_ptr<DeploymentProcess> m_process;
    std::unique_ptr<ScoringClient> m_client;
    qint64 m_pgid = -1;
    qint64 m_startedMs = 0;
    int m_crashes = 0;
    int m_failedProbes = 0;
    int m_pollMs = 500;
    bool m_done = false;
};

} // namespace mlwb
