#pragma once

#include "store/types.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace mlwb {

class Workspace;

/// What to deploy without an image: model versions and a scoring script,
/// run with an environment's interpreter (else /usr/bin/python3).
struct DeployRequest {
    QString name;
    /// An image to serve instead: run with a container engine where one
    /// works, else its models and script served as a process.
    std::optional<Image> image;
    QList<ModelVersion> models;
    QString scoringScript; // a file on this computer
    std::optional<EnvironmentVersion> environment;
    QString target = QStringLiteral("local");
    int port = 0;                          // 0: a free one
    QString auth = QStringLiteral("none"); // none or key
    QMap<QString, QString> environmentVariables;
    qint64 maxRequestBytes = 0; // 0: the server's default
    int startupTimeoutSeconds = 120;
    int restartBackoffMs = 1000; // the pause before the first restart after a crash
    QString modeReason;          // set by deployImage() when it falls back to a process
    Id fromImageId = 0;          // likewise: the image whose models and script are served
};

/// Deploys, starts, stops and deletes deployments served as local
/// processes; each is watched by its own DeploymentSupervisor process.
/// The CLI and the GUI both come here.
class Deployer
{
    Q_DECLARE_TR_FUNCTIONS(Deployer)
public:
    /// Records the deployment, lays out its folder (the script, the model
    /// files under azureml-models/, the scoring server), makes its keys and
    /// starts its supervisor. Returns at once: wait with waitUntilSettled().
    static bool deploy(const Workspace &workspace, const DeployRequest &request, Deployment *out,
                       QString *error);
    /// Why the local-process mode was chosen, for the user.
    static QString modeReason();
    /// Why this deployment runs the way it does (config "mode_reason").
    static QString modeReason(const Deployment &deployment);
    /// Waits until the deployment is Healthy, Failed or Stopped, at most
    /// `timeoutMs`; returns its last record.
    static std::optional<Deployment> waitUntilSettled(const Workspace &workspace, Id id,
                                                      int timeoutMs, QString *error);
    /// Starts a stopped (or failed) deployment again.
    static bool start(const Workspace &workspace, const QString &name, QString *error);
    /// Stops the scoring server and records Stopped; waits for it.
    static bool stop(const Workspace &workspace, const QString &name, QString *error);
    /// Stops it, then removes its record, folder and keys.
    static bool remove(const Workspace &workspace, const QString &name, QString *error);
    /// Starts a detached supervisor for the deployment.
    static bool startSupervisor(const Workspace &workspace, const Deployment &deployment,
                                QString *error);
    /// Starts supervisors for deployments that should run but whose
    /// supervisor died (a kill, a reboot); returns how many were started.
    /// A server still running is reattached, not started twice.
    static int reattach(const Workspace &workspace, QString *error);
    /// The log of the deployment's scoring server.
    static QString logPath(const Workspace &workspace, const Deployment &deployment);
    /// NAME:VERSION of each model version the deployment serves.
    static QStringList modelRefs(const Workspace &workspace, const Deployment &deployment);

private:
    static bool choosePort(int wanted, int *port, QString *error);
    static bool deployImage(const Workspace &workspace, const DeployRequest &request,
                            Deployment *out, QString *error);
    static bool layOut(const Workspace &workspace, const DeployRequest &request,
                       const Deployment &deployment, QString *error);
};

} // namespace mlwb
