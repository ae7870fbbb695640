#include "serving/workspacejob.h"

#include "store/workspace.h"

#include <QThread>

#include <memory>

namespace mlwb {

void runWithWorkspace(QObject *context, const QString &path,
                      const std::function<bool(const Workspace &, QString *)> &job,
                      const std::function<void(bool ok, const QString &error)> &done)
{
    struct Outcome {
        bool ok = false;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    QThread *thread = QThread::create([path, job, outcome] {
        if (const auto ws = Workspace::open(path, &outcome->error))
            outcome->ok = job(*ws, &outcome->error);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, context,
                     [outcome, done] { done(outcome->ok, outcome->error); });
    thread->start();
}

} // namespace mlwb
