#pragma once

#include "runs/runconfig.h"
#include "store/types.h"

#include <QObject>

namespace mlwb {

/// Submits a run without blocking the window: packing a large project takes
/// seconds, so it happens on a worker thread with its own workspace
/// connection; the tasks panel shows the progress the submitter records.
class RunSubmission : public QObject
{
    Q_OBJECT
public:
    /// Starts submitting `config` to the workspace at `workspacePath`;
    /// deletes itself after emitting one of the signals.
    static RunSubmission *start(const QString &workspacePath, const RunConfig &config,
                                QObject *parent);

Q_SIGNALS:
    /// Before submitted(), when the snapshot left something out: why, in one line.
    void leftOut(const QString &summary);
    void submitted(mlwb::Id runId, const QString &uid);
    void failed(const QString &message);

private:
    using QObject::QObject;
};

} // namespace mlwb
