#pragma once

#include <QString>
#include <memory>

namespace mlwb {

class Workspace;

/// Finding the workspace to use, and the first-start default workspace.
namespace defaults {

/// The default workspace folder: <user data folder>/mlwb/workspace.
QString defaultWorkspacePath();
/// The workspace a command means: the explicit path if given, else
/// $MLWB_WORKSPACE, else the default workspace.
QString resolveWorkspacePath(const QString &explicitPath);
/// Opens the workspace at `path`; if it is the default one and does not
/// exist yet, creates it with the sample project.
std::unique_ptr<Workspace> openOrCreate(const QString &path, QString *error);
/// Copies the sample training project into <workspace>/projects/sample.
bool installSampleProject(const Workspace &workspace, QString *error);
/// The folder to put on a run's PYTHONPATH so `import mlwb` works; the
/// helper is written out from the application's resources when missing or stale.
QString pythonHelperFolder(const Workspace &workspace, QString *error);

} // namespace defaults
} // namespace mlwb
