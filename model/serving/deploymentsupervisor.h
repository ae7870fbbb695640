#pragma once

#include "serving/deploymentfolder.h"
#include "store/types.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <memory>

namespace mlwb {

class DeploymentProcess;
class ScoringClient;
class Workspace;

/// Watches one deployment served as a local process, in its own small
/// detached process (`mlwb-service-supervisor --deployment NAME`), so the service
/// outlives the GUI and the CLI. It starts the scoring server in its own
/// session, probes GET / for liveness, restarts a server that crashed with
/// a growing pause (each restart counted in the record), and stops it when
/// the deployment is to be stopped. A server whose init() failed (exit 3)
/// is not restarted: the deployment is Failed, with the traceback in its
/// log. Every state is stored before it is acted on; a supervisor started
/// after another was killed reattaches to the running server.
///
/// The server listens on an internal port behind the deployment's front
/// (DeploymentFront), which holds the public one; an update (`service
/// update`) starts the new server beside the old one, points the front at
/// it once it is healthy, and stops the old one when nothing is in flight.
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
    /// What the log stream of a server on a VM ends with when the link is lost.
    static constexpr int sshLinkLost = 255;
    /// The pause before restart `n`: first, 2 x first, 4 x first, ... at
    /// most 30 x first (first: 1 s, or config "restart_backoff_ms").
    static int backoffMs(int n, int firstMs = 1000);

    /// Where a supervisor finds an update to make, and leaves its outcome
    /// (JSON files in the deployment's folder, see Deployer::update()).
    static QString updateRequestPath(const QString &deploymentRoot);
    static QString updateResultPath(const QString &deploymentRoot);
    /// Where the files of the deployment's current server are: its folder,
    /// or a subfolder of it after an update (config "server_folder").
    static DeploymentFolder serverFolder(const QString &deploymentsRoot,
                                         const Deployment &deployment);
    /// The internal port the server in `folder` listens on.
    static QString serverPortFile(const DeploymentFolder &folder);
    static bool freePort(int *port, QString *error);

private:
    bool load(QString *error);
    bool startServer(QString *error);
    /// Starts `deployment`'s server from `folder` on 127.0.0.1:port; its process group in *pgid.
    bool launch(const Deployment &deployment, const DeploymentFolder &folder, int port,
                qint64 *pgid, QString *error);
    bool ensureFront(QString *error);
    bool pointFront(int port, QString *error);
    void quitFront();
    void update();
    void endLeftovers();
    bool switchTo(const QJsonObject &request, QString *error);
    bool startNext(const Deployment &next, const DeploymentFolder &folder, int *port, qint64 *pgid,
                   QString *error);
    bool commit(const Deployment &next, qint64 pgid, QString *error);
    bool serverEnded(QString *error);
    void probe();
    /// On a VM: shows what its server printed and sends changed keys.
    void followVm();
    /// On a VM: the link failed; waits (longer each time) before reconnecting.
    void linkLost(const QString &why);
    void stopServer();
    bool pause(int ms);
    bool stopRequested();
    bool setStatus(const QString &status, const QString &message);
    void note(const QString &line);

    const Workspace &m_workspace;
    Id m_id;
    Deployment m_deployment;
    std::unique_ptr<DeploymentFolder> m_folder;       // the log, the lock, the front
    std::unique_ptr<DeploymentFolder> m_serverFolder; // the server's files (config "server_folder")
    std::unique_ptr<DeploymentProcess> m_process;
    std::unique_ptr<ScoringClient> m_client;
    qint64 m_pgid = -1;
    int m_serverPort = 0; // internal; the public port when an older server holds it itself
    qint64 m_startedMs = 0;
    int m_crashes = 0;
    int m_linkLosses = 0;    // in a row
    bool m_linkDown = false; // set by launch(): trying again may work
    int m_failedProbes = 0;
    int m_pollMs = 500;
    bool m_done = false;
};

} // namespace mlwb
