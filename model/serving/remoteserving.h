#pragma once

#include "store/types.h"

#include <QProcessEnvironment>
#include <QString>

namespace mlwb {

class DeploymentFolder;
class Workspace;

/// A deployment served on an SSH VM (config "remote_folder", written by
/// Deployer). Its folder (script, models, scoring server) is shipped to
/// <workdir>/deployments/ on the VM, and the scoring server runs there
/// detached (setsid nohup, as runs do), so it outlives the connection, on a
/// free port of the VM's 127.0.0.1. That port is reached through a local
/// forward on the shared ControlMaster connection, and the deployment's
/// front points at the forward: the scoring URI is on this computer.
///
/// The supervisor's wrapper runs an `ssh` that streams the server's log
/// (from the byte it has) and ends with the server's exit code, so crashes,
/// restarts and reattaching work as for a local process; exit code 255 is
/// the link, not the server. What the VM printed lands in the folder's
/// remote.log first, byte for byte, and showLog() moves it into the log.
namespace remoteserving {

bool isRemote(const Deployment &deployment);
/// "NAME (host:port)" of the deployment's VM, for messages.
QString vmName(const Workspace &workspace, const Deployment &deployment);
/// The remote folder of the deployment `name` of `workspace` under `workdir`.
QString remoteRoot(const Workspace &workspace, const QString &workdir, const QString &name);

/// Reattaches to the VM's server from `folder` if it runs, else ships the
/// folder and starts it; forwards 127.0.0.1:localPort to it and sets the
/// wrapper's MLWB_COMMAND to the log stream. *transient: the link failed,
/// trying later may work.
bool serverEnvironment(const Workspace &workspace, const Deployment &deployment,
                       const DeploymentFolder &folder, int localPort, QProcessEnvironment *env,
                       bool *transient, QString *error);
/// Where the wrapper's stdout goes: what the VM's server printed.
QString mirrorLog(const DeploymentFolder &folder);
/// Appends what remote.log got since the last call to `log`.
void showLog(const DeploymentFolder &folder, const QString &log);
/// Sends the deployment's keys to the VM when they changed since the last
/// time (a regenerated key then takes effect there too), or `always`.
bool syncKeys(const Workspace &workspace, const Deployment &deployment, QString *error,
              bool always = false);
/// Stops the VM's server from `folder` (SIGTERM to its process group,
/// SIGKILL after 5 s) and cancels its forward.
void stopServer(const Workspace &workspace, const Deployment &deployment,
                const DeploymentFolder &folder);
/// Removes the deployment's folder on the VM.
bool removeFolder(const Workspace &workspace, const Deployment &deployment, QString *error);

} // namespace remoteserving
} // namespace mlwb
