#pragma once

#include "store/types.h"

#include <QProcessEnvironment>

namespace mlwb {

class DeploymentFolder;

/// How a deployment served as a container is run (config "mode":
/// "container", written by Deployer). The supervisor runs the engine's
/// `run` in the foreground inside its wrapper, not `run -d`: then the
/// wrapper's process group is the container's lifetime, its output goes
/// straight to the deployment's log (what `podman logs -f` would stream),
/// and the crash, restart and reattach logic is the same as for a process.
namespace containerserving {

bool isContainer(const Deployment &deployment);
/// The wrapper's environment with MLWB_COMMAND set to the engine's
/// `run --rm --name ... -p 127.0.0.1:PORT:PORT_IN_IMAGE [--cpus] [--memory] IMAGE`.
bool serverEnvironment(const Deployment &deployment, const DeploymentFolder &folder,
                       QProcessEnvironment *env, QString *error);
/// Stops and removes the container (a server that ignores SIGTERM is
/// killed after 3 s), whether or not its `run` is still attached.
void removeContainer(const Deployment &deployment);

} // namespace containerserving
} // namespace mlwb
