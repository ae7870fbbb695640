#pragma once

#include "runs/runconfig.h"
#include "snapshots/snapshotwriter.h"
#include "store/types.h"

#include <QCoreApplication>
#include <optional>

namespace mlwb {

class Workspace;

/// Submitting a run: packs the project into a snapshot (refusing one over
/// the limits, naming the largest files), records the Queued run and starts
/// its supervisor. Editing the project afterwards changes nothing in the run.
class RunSubmitter
{
    Q_DECLARE_TR_FUNCTIONS(RunSubmitter)
public:
    explicit RunSubmitter(const Workspace &workspace);
    void setLimits(const SnapshotWriter::Options &limits) { m_limits = limits; }
    void setProgress(SnapshotWriter::Progress progress) { m_progress = std::move(progress); }
    /// Without a supervisor the run stays Queued (for tests of the store).
    void setStartSupervisor(bool start) { m_startSupervisor = start; }

    std::optional<Run> submit(const RunConfig &config, QString *error);
    /// After a submit: what its snapshot left out and why, as one line for
    /// the user (also the snapshot task's message); empty when nothing was.
    QString leftOutSummary() const { return m_leftOut; }

private:
    /// The project's own limits (mlwb.yaml `snapshot:`) over the defaults.
    SnapshotWriter::Options limitsFor(const RunConfig &config) const;
    Id storeSnapshot(const SnapshotWriter::Result &snapshot, QString *error);

    const Workspace &m_workspace;
    SnapshotWriter::Options m_limits;
    SnapshotWriter::Progress m_progress;
    bool m_startSupervisor = true;
    QString m_leftOut;
};

} // namespace mlwb
