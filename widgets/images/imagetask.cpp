#include "images/imagetask.h"

#include "store/tasks.h"
#include "store/workspace.h"

#include <QDeadlineTimer>
#include <QThread>

namespace mlwb {

namespace {

struct Outcome {
    bool ok = false;
    bool canceled = false;
    QString text; // the result or the reason
};

Outcome runAsTask(const QString &workspacePath, const QString &kind, const QString &title,
                  const ImageTask::Job &job)
{
    Outcome out;
    auto ws = Workspace::open(workspacePath, &out.text);
    if (!ws)
        return out;
    Tasks tasks(*ws);
    Task task;
    task.kind = kind;
    task.title = title;
    task.progress = -1;
    if (!tasks.start(&task, &out.text))
        return out;
    // Each line is a write to the store; the cancel check a read, so it is
    // asked a few times a second at most.
    QDeadlineTimer nextCheck(0);
    const auto progress = [&](const QString &line) {
        QString ignored; // a missed progress line is no reason to stop
        tasks.update(task.id, -1, line, &ignored);
    };
    const auto canceled = [&] {
        if (out.canceled || !nextCheck.hasExpired())
            return out.canceled;
        nextCheck.setRemainingTime(200);
        out.canceled = tasks.isCancelRequested(task.id);
        return out.canceled;
    };
    QString result, error;
    out.ok = job(*ws, progress, canceled, &result, &error);
    if (!out.ok && out.canceled)
        error = QObject::tr("%1 was canceled.").arg(title);
    out.text = out.ok ? result : error;
    const Task::State state = out.ok ? Task::State::Succeeded
                                     : (out.canceled ? Task::State::Canceled : Task::State::Failed);
    QString ignored; // done or not, a panel that missed it is no reason to say otherwise
    if (out.ok)
        tasks.update(task.id, 1, result, &ignored);
    tasks.finish(task.id, state, out.text, &ignored);
    return out;
}

} // namespace

ImageTask *ImageTask::start(const QString &workspacePath, const QString &kind, const QString &title,
                            Job job, QObject *parent)
{
    auto *task = new ImageTask(parent);
    QThread *thread = QThread::create([task, workspacePath, kind, title, job] {
        const Outcome out = runAsTask(workspacePath, kind, title, job);
        QMetaObject::invokeMethod(task, [task, out] {
            if (out.ok)
                Q_EMIT task->succeeded(out.text);
            else
                Q_EMIT task->failed(out.text, out.canceled);
            task->deleteLater();
        });
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return task;
}

} // namespace mlwb
