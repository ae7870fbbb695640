#include "runs/runsubmission.h"

#include "runs/runsubmitter.h"
#include "store/workspace.h"

#include <QThread>

namespace mlwb {

RunSubmission *RunSubmission::start(const QString &workspacePath, const RunConfig &config,
                                    QObject *parent)
{
    auto *submission = new RunSubmission(parent);
    QThread *thread = QThread::create([submission, workspacePath, config] {
        QString error;
        Id runId = 0;
        QString uid;
        {
            // A connection belongs to its thread: this one opens its own.
            auto ws = Workspace::open(workspacePath, &error);
            const auto run = ws ? RunSubmitter(*ws).submit(config, &error) : std::nullopt;
            if (run) {
                runId = run->id;
                uid = run->uid;
            }
        }
        QMetaObject::invokeMethod(submission, [submission, runId, uid, error] {
            if (runId > 0)
                Q_EMIT submission->submitted(runId, uid);
            else
                Q_EMIT submission->failed(error);
            submission->deleteLater();
        });
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return submission;
}

} // namespace mlwb
