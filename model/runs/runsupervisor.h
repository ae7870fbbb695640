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
class Workspace;

/// Watches one run from the queue to its final state; it runs in its own
/// small process (`mlwb run supervise`), so closing the GUI never stops a
/// run. Each stage is stored before it is acted on and can be re-entered:
/// a supervisor started for a run whose previous supervisor died picks up
/// the running process (through the pgid and exit_code files its shell
/// wrapper writes) and the metrics from the stored offset.
class RunSupervisor
{
    Q_DECLARE_TR_FUNCTIONS(RunSupervisor)
public:
    RunSupervisor(const Workspace &workspace, Id runId);
    ~RunSupervisor();

    /// How often files and the cancel flag are checked, in ms (default 50).
    void setPollInterval(int ms) { m_pollMs = ms; }
    /// Supervises the run to its end. False (with the reason) only when the
    /// supervisor itself could not work; a failed run is a normal end.
    bool exec(QString *error);

private:
    bool load(QString *error);
    bool waitForSlot(QString *error);
    bool prepare(QString *error);
    bool start(QString *error);
    bool watch(QString *error);
    bool finalize(QString *error);
    bool ingest(bool processEnded, QString *error);
    bool cancelRequested();
    void heartbeat();
    bool failRun(const QString &message, QString *error);
    RunStatus status();
    void collectOutputs();

    const Workspace &m_workspace;
    Id m_runId;
    Run m_run;
    RunConfig m_config;
    std::unique_ptr<RunFolder> m_folder;
    std::unique_ptr<MetricTail> m_tail;
    std::unique_ptr<MetricIngestor> m_ingestor;
    std::unique_ptr<DiskFullWait> m_diskFull;
    qint64 m_offset = 0;
    qint64 m_pgid = -1;
    int m_pollMs = 50;
    qint64 m_lastHeartbeat = 0;
    bool m_timedOut = false;
};

} // namespace mlwb
