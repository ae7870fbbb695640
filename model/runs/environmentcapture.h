#pragma once

#include "store/types.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <memory>

namespace mlwb {

class RunConfig;
class Workspace;

/// A run submitted without `environment:` in mlwb.yaml records the Python it
/// ran with: the interpreter's version and what `pip freeze` would list,
/// stored as a version of the environment "anonymous" (one version per
/// distinct list, so a thousand runs in one virtualenv share one version).
namespace environmentcapture {

/// The name the captured environments are kept under.
QString anonymousName();
/// The interpreter the run's command starts (`interpreter:` or a leading
/// python word), or empty when the command does not run Python.
QString interpreterFor(const RunConfig &config);
/// A small Python program printing the version, then name==version per
/// installed distribution (pip freeze's list, read from importlib.metadata:
/// the same list in a tenth of pip's start-up time).
QString program();
/// Stores what program() printed as the run's environment.
bool store(const Workspace &workspace, Id runId, const QByteArray &output, QString *error);
/// A capture on this computer that runs beside the run: the run starts
/// at once instead of after a Python start-up (seconds behind a pyenv or
/// conda shim, and more when many runs start together). While it runs, a
/// marker file says so; a model the script registers meanwhile waits for it
/// (waitForLocal), so it still inherits the environment.
class LocalCapture
{
public:
    /// Starts program() with `interpreter`, unless there is none or the run
    /// already has an environment; `pendingFile` marks it under way.
    LocalCapture(const Workspace &workspace, Id runId, const QString &interpreter,
                 const QString &workingDirectory, const QProcessEnvironment &environment,
                 const QString &pendingFile);
    /// Stops a capture still running, without storing it.
    ~LocalCapture();
    /// Without waiting: true once it is over, the environment stored (or
    /// not, and *error says why).
    bool poll(QString *error);
    /// Waits for it to end (at most a minute from its start) and stores it.
    void finish(QString *error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
/// Waits while a capture marked by pendingFile is under way (at most a
/// minute after it was marked, so a dead supervisor's marker holds nobody).
void waitForLocal(const QString &pendingFile);

} // namespace environmentcapture
} // namespace mlwb
