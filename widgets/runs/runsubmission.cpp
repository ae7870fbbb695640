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
        QString leftOut;
        {
            // A connection belongs to its thread: this one opens its own.
            auto ws = Workspace::open(workspacePath, &error);
            std::optional<Run> run;
            if (ws) {
                RunSubmitter submitter(*ws);
                run = submitter.submit(config, &error);
                leftOut = submitter.leftOutSummary();
            }
            if (run) {
                runId = run->id;
                uid = run->uid;
            }
        }
        QMetaObject::invokeMethod(submission, [submission, runId, uid, error, leftOut] {
            if (runId > 0 && !leftOut.isEmpty())
                Q_EMIT submission->leftOut(leftOut);
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
