#pragma once

#include "store/types.h"

#include <QProcessEnvironment>
#include <QString>

namespace mlwb {

class DeploymentFolder;

/// How a deployment served as a process is run, read from its record: the
/// URLs it answers on and the scoring server's environment. The keys of
/// Deployment::config used here are written by Deployer::deploy().
namespace servingconfig {

/// The scoring server's exit status when the scoring script's init() failed.
constexpr int initFailedExitCode = 3;

/// http://127.0.0.1:PORT/score
QString scoringUrl(const Deployment &deployment);
/// http://127.0.0.1:PORT/ (GET: liveness)
QString livenessUrl(const Deployment &deployment);
/// How long a starting server may take to answer GET / (init() loading a
/// large model) before it counts as Unhealthy; config "startup_timeout_s".
int startupTimeoutSeconds(const Deployment &deployment);
/// The interpreter (config "python"), the scoring script, AZUREML_MODEL_DIR
/// as Azure ML sets it, the port, the keys file for key authentication, and
/// the user's environment variables (config "environment_variables").
bool serverEnvironment(const Deployment &deployment, const DeploymentFolder &folder,
                       QProcessEnvironment *env, QString *error);

} // namespace servingconfig
} // namespace mlwb
