#pragma once

#include "store/types.h"

#include <QCoreApplication>

class QObject;

namespace mlwb {

/// Watches a new deployment until it is Healthy, Failed or Stopped, as a
/// task in the store (kind "service-deploy"), so the tasks panel shows it
/// as it shows the CLI's. The wait happens on a worker thread with its own
/// workspace connection.
class DeployTask
{
    Q_DECLARE_TR_FUNCTIONS(DeployTask)
public:
    static void watch(const QString &workspacePath, const Deployment &deployment, QObject *parent);
};

} // namespace mlwb
