#pragma once

#include "store/types.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <optional>

namespace mlwb {

class DeploymentFolder;
class SshConnection;
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
    /// Why a deployment on the VM runs the way it does.
    static QString remoteReason(const SshConnection &vm);
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
    /// Stops it, then removes its record, folder and keys, and its folder on
    /// the VM; when that fails, the rest goes and *warning says what is left.
    static bool remove(const Workspace &workspace, const QString &name, QString *error,
                       QString *warning = nullptr);
    /// Starts a detached supervisor for the deployment.
    static bool startSupervisor(const Workspace &workspace, const Deployment &deployment,
                                QString *error);
    /// Starts supervisors for deployments that should run but whose
    /// supervisor died (a kill, a reboot); returns how many were started.
    /// A server still running is reattached, not started twice.
    static int reattach(const Workspace &workspace, QString *error);
    /// Replaces what a running deployment serves without dropping a request:
    /// its supervisor starts the new server beside the old one, moves the
    /// public port's traffic to it once it answers, then stops the old one.
    /// `what` says what to serve (an image, or models with a script); the
    /// rest (port, auth, variables) stays. A new server that never gets
    /// healthy leaves the old one serving: false, with its log in *error.
    static bool update(const Workspace &workspace, const QString &name, const DeployRequest &what,
                       int timeoutMs, Deployment *out, QString *error);
    /// The log of the deployment's scoring server.
    static QString logPath(const Workspace &workspace, const Deployment &deployment);
    /// NAME:VERSION of each model version the deployment serves.
    static QStringList modelRefs(const Workspace &workspace, const Deployment &deployment);

private:
    static bool choosePort(int wanted, int *port, QString *error);
    /// The record (but its port) of serving `request` as a process.
    static bool describe(const Workspace &workspace, const DeployRequest &request, Deployment *out,
                         QString *error);
    /// The record (but its port) of serving `request`'s image: in a container
    /// where an engine works (its archives go under `root`), else as a
    /// process, whose files to lay out go in *files.
    static bool describeImage(const Workspace &workspace, const DeployRequest &request,
                              const QString &root, Deployment *out, DeployRequest *files,
                              QString *error);
    /// Writes the script, the model files and the scoring server into `folder`.
    static bool layOut(const Workspace &workspace, const DeployRequest &request,
                       const DeploymentFolder &folder, QString *error);
};

} // namespace mlwb
