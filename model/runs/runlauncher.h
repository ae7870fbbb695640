#pragma once

#include "store/types.h"

#include <QCoreApplication>

namespace mlwb {

class Workspace;

/// Starts and stops run supervisors: each unfinished run is watched by its
/// own detached `mlwb run supervise RUN` process.
class RunLauncher
{
    Q_DECLARE_TR_FUNCTIONS(RunLauncher)
public:
    /// The mlwb executable that supervises runs: $MLWB_PROGRAM, else this
    /// program if it is mlwb, else `mlwb` beside it or on the PATH.
    static QString program();
    /// The small supervisor programs (no GUI libraries): beside mlwb in a
    /// build, in ../lib/mlwb/ once installed; empty if neither is there.
    enum class Supervises { Runs, Services };
    static QString supervisorProgram(Supervises what = Supervises::Runs);
    /// Any of mlwb's small programs by name, looked for as the supervisors are.
    static QString companionProgram(const QString &name);
    /// Starts a detached supervisor for the run (its stderr goes to
    /// runs/<id>/supervisor.log).
    static bool startSupervisor(const Workspace &workspace, const Run &run, QString *error);
    /// True while the run's supervisor process is alive and beating.
    static bool hasLiveSupervisor(const Workspace &workspace, Id runId);
    /// Starts supervisors for unfinished local runs whose supervisor died
    /// (a crash, a reboot); returns how many were started.
    static int restartOrphans(const Workspace &workspace, QString *error);
    /// Asks the run to stop: its supervisor ends the process group (SIGTERM,
    /// then SIGKILL after a grace period) and records Canceled. Without a
    /// live supervisor this process does it.
    static bool cancel(const Workspace &workspace, Id runId, QString *error);
};

} // namespace mlwb
