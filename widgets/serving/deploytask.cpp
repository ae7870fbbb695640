#include "serving/deploytask.h"

#include "serving/deployer.h"
#include "store/tasks.h"
#include "store/workspace.h"

#include <QThread>

namespace mlwb {

namespace {

const int settleTimeoutMs = 180000;

void watchAsTask(const QString &workspacePath, const Deployment &deployment)
{
    QString error;
    auto ws = Workspace::open(workspacePath, &error);
    if (!ws)
        return;
    Tasks tasks(*ws);
    Task task;
    task.kind = QStringLiteral("service-deploy");
    task.title = DeployTask::tr("Deploy %1").arg(deployment.name);
    task.progress = -1;
    if (!tasks.start(&task, &error))
        return;
    const auto settled = Deployer::waitUntilSettled(*ws, deployment.id, settleTimeoutMs, &error);
    const bool healthy = settled && settled->status == QLatin1String("Healthy");
    QString message;
    if (!settled)
        message = error;
    else if (healthy)
        message = DeployTask::tr("%1 is healthy at %2").arg(deployment.name, settled->url);
    else
        message =
            DeployTask::tr("%1 is %2: %3").arg(deployment.name, settled->status, settled->message);
    QString ignored; // the deployment is what it is, whether the panel saw it or not
    tasks.finish(task.id, healthy ? Task::State::Succeeded : Task::State::Failed, message,
                 &ignored);
}

} // namespace

void DeployTask::watch(const QString &workspacePath, const Deployment &deployment, QObject *parent)
{
    QThread *thread = QThread::create(watchAsTask, workspacePath, deployment);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    Q_UNUSED(parent) // unowned: the watch ends on its own, whatever window opened it
    thread->start();
}

} // namespace mlwb
