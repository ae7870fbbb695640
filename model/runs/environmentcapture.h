#pragma once

#include "store/types.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

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
/// Runs program() with `interpreter` here and stores it, unless the run
/// already has an environment.
bool captureLocal(const Workspace &workspace, Id runId, const QString &interpreter,
                  const QString &workingDirectory, const QProcessEnvironment &environment,
                  QString *error);

} // namespace environmentcapture
} // namespace mlwb
