#pragma once

#include "registry/modelregistry.h"
#include "store/types.h"

#include <QObject>

namespace mlwb {

/// Registers a model version without blocking the window: copying a large
/// model takes a while, so it happens on a worker thread with its own
/// workspace connection. It is a task in the store (kind "model-register"),
/// so the tasks panel shows its progress and can cancel it, as it can any
/// task of the CLI's.
class RegistrationTask : public QObject
{
    Q_OBJECT
public:
    /// Starts registering `request` in the workspace at `workspacePath`;
    /// deletes itself after emitting one of the signals.
    static RegistrationTask *start(const QString &workspacePath, const RegisterRequest &request,
                                   QObject *parent);

Q_SIGNALS:
    void registered(const mlwb::ModelVersion &version);
    /// The reason; `canceled` when the user asked it to stop.
    void failed(const QString &message, bool canceled);

private:
    using QObject::QObject;
};

} // namespace mlwb
