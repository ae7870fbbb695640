#pragma once

#include "metrics/metricingestor.h"
#include "metrics/metrictail.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "store/types.h"

#include <QCoreApplication>
#include <memory>

namespace mlwb {

class DiskFullWait;
class TargetBackend;
class Workspace;

/// The run engine: watches one run from the queue to its final state, on
/// any target. It runs in its own small process (`mlwb-supervisor`), so
/// closing the GUI never stops a run. It owns what every target shares:
/// the slot, heartbeat and lock, cancel and time limit, the states, the
/// exactly-once ingest of metrics from the stored offset, finalizing and
/// failing with a reason. What differs (shipping the snapshot, starting,
/// fetching, stopping) is the target's TargetBackend.
/// Each stage is stored before it is acted on and can be re-entered: a
/// supervisor started for a run whose previous supervisor died picks up
/// the running process and the metrics from the stored offset.
class RunSupervisor
{
    Q_DECLARE_TR_FUNCTIONS(RunSupervisor)
public:
    RunSupervisor(const Workspace &workspace, Id runId);
    ~RunSupervisor();

    /// Supervises the run to its end. False (with the reason) only when the
    /// supervisor itself could not work; a failed run is a normal end.
    bool exec(QString *error);

private:
    bool load(QString *error);
    bool supervise(QString *error);
    bool waitForSlot(QString *error);
    bool launch(QString *error);
    bool watch(QString *error);
    bool finalize(QString *error);
    bool ingest(bool processEnded, QString *error);
    bool cancelRequested();
    void heartbeat();
    bool failRun(const QString &message, QString *error);
    RunStatus status();

    const Workspace &m_workspace;
    Id m_runId;
    Run m_run;
    RunConfig m_config;
    std::unique_ptr<RunFolder> m_folder;
    std::unique_ptr<MetricTail> m_tail;
    std::unique_ptr<MetricIngestor> m_ingestor;
    std::unique_ptr<DiskFullWait> m_diskFull;
    std::unique_ptr<TargetBackend> m_backend;
    qint64 m_offset = 0;
    qint64 m_lastHeartbeat = 0;
    bool m_timedOut = false;
};

} // namespace mlwb
