#include "registry/registrationtask.h"

#include "store/tasks.h"
#include "store/workspace.h"

#include <QDeadlineTimer>
#include <QThread>

namespace mlwb {

namespace {

struct Outcome {
    ModelVersion version;
    QString error;
    bool canceled = false;
};

// Reports progress and polls for a cancel a few times a second, not per
// buffer: each is a write or a read of the store.
Outcome registerAsTask(const QString &workspacePath, const RegisterRequest &request)
{
    Outcome out;
    auto ws = Workspace::open(workspacePath, &out.error);
    if (!ws)
        return out;
    Tasks tasks(*ws);
    Task task;
    task.kind = QStringLiteral("model-register");
    task.title = QObject::tr("Register model %1").arg(request.name);
    task.progress = 0;
    if (!tasks.start(&task, &out.error))
        return out;
    ModelRegistry registry(*ws);
    QDeadlineTimer next(0);
    registry.setProgress([&](qint64 done, qint64 total) {
        if (!next.hasExpired())
            return true;
        next.setRemainingTime(250);
        QString ignored; // a missed progress report is no reason to stop
        tasks.update(task.id, total > 0 ? double(done) / double(total) : -1,
                     QObject::tr("%1 of %2 MB copied").arg(done >> 20).arg(total >> 20), &ignored);
        out.canceled = tasks.isCancelRequested(task.id, &ignored);
        return !out.canceled;
    });
    QString error;
    const bool ok = registry.registerModel(request, &out.version, &error);
    if (!ok && out.canceled)
        error = QObject::tr("Registering %1 was canceled.").arg(request.name);
    const QString message =
        ok ? QObject::tr("Registered %1:%2").arg(out.version.modelName).arg(out.version.version)
           : error;
    const Task::State state =
        ok ? Task::State::Succeeded : (out.canceled ? Task::State::Canceled : Task::State::Failed);
    QString ignored; // registered or not, a panel that missed it is no reason to say otherwise
    if (ok)
        tasks.update(task.id, 1, QString(), &ignored);
    tasks.finish(task.id, state, message, &ignored);
    if (!ok)
        out.error = error;
    return out;
}

} // namespace

RegistrationTask *RegistrationTask::start(const QString &workspacePath,
                                          const RegisterRequest &request, QObject *parent)
{
    auto *task = new RegistrationTask(parent);
    QThread *thread = QThread::create([task, workspacePath, request] {
        const Outcome out = registerAsTask(workspacePath, request);
        QMetaObject::invokeMethod(task, [task, out] {
            if (out.version.id > 0)
                Q_EMIT task->registered(out.version);
            else
                Q_EMIT task->failed(out.error, out.canceled);
            task->deleteLater();
        });
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return task;
}

} // namespace mlwb
