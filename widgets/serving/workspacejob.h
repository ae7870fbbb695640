#pragma once

#include <QString>
#include <functional>

class QObject;

namespace mlwb {

class Workspace;

/// Runs `job` on a worker thread with its own connection to the workspace
/// at `path` (a connection belongs to one thread), then `done(ok, error)`
/// on `context`'s thread; nothing runs when `context` is gone by then.
/// For the serving steps that wait on processes and ports: deploying an
/// image, applying a split, deleting an endpoint.
void runWithWorkspace(QObject *context, const QString &path,
                      const std::function<bool(const Workspace &, QString *)> &job,
                      const std::function<void(bool ok, const QString &error)> &done);

} // namespace mlwb
