#pragma once

#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "store/types.h"

#include <QString>
#include <functional>
#include <memory>

namespace mlwb {

class DiskFullWait;
class Workspace;

/// What a target backend may use of the run supervisor that drives it.
struct RunContext {
    const Workspace &workspace;
    const Run &run;
    const RunConfig &config;
    const RunFolder &folder;
    DiskFullWait &diskFull;
    std::function<void()> heartbeat;       // call while waiting long
    std::function<bool()> cancelRequested; // stop retrying when true
};

/// What differs between compute targets for one run. RunSupervisor owns the
/// lifecycle every target shares (queue and slot, heartbeat and lock,
/// cancel, time limit, states, exactly-once ingest of metrics.jsonl,
/// finalizing, failing with a reason); a backend only moves the run's
/// files and process. Each step must be re-entrant: a supervisor restarted
/// after a crash calls them again from what the run folder says.
/// How to add a target kind: model/runs/README.md.
class TargetBackend
{
public:
    enum class Step {
        Done,  // as asked
        Retry, // a local write failed (a full disk?): the supervisor waits or warns, then asks
               // again
        Fail,  // the run cannot go on: it fails with the message
    };

    virtual ~TargetBackend() = default;

    /// The run's snapshot: its sha256 and the zip in the workspace.
    static bool snapshot(const RunContext &context, QString *sha, QString *zip, QString *error);
    /// The backend for the run's target (local or SSH).
    static std::unique_ptr<TargetBackend> create(const RunContext &context,
                                                 const ComputeTarget *target);

    /// How often poll() is called while the run goes on, in ms.
    virtual int pollIntervalMs() const = 0;
    /// Picks up what an earlier supervisor of this run left (offsets, the
    /// process); called once, after the supervisor holds the run's lock.
    virtual bool resume(QString *) { return true; }
    /// Whether a process was started for this run (by this supervisor or a dead one).
    virtual bool hasStarted() const = 0;
    /// Puts the snapshot where the run will run. False: the run fails with *error.
    virtual bool prepare(QString *error) = 0;
    /// Starts the run detached from the supervisor (its own session and
    /// process group). False: the run fails with *error.
    virtual bool start(QString *error) = 0;
    /// Brings what the run wrote since the last call into the local run folder
    /// (output.log, metrics.jsonl; exit_code once it ended). *ended once the
    /// process ended and everything it wrote is here; *more when more is
    /// waiting to be fetched at once.
    virtual Step poll(bool *ended, bool *more, QString *error) = 0;
    /// Asks the run's process group to stop (TERM, then KILL after a grace);
    /// false when the request did not go out (it is asked again).
    virtual bool terminate() = 0;
    /// After the end: the run's outputs/ into the run folder, and cleaning up.
    virtual Step collect(QString *error) = 0;
    /// Why the run failed, with the last lines of its log.
    virtual QString failureMessage(qint64 exitCode, bool timedOut) const = 0;
};

} // namespace mlwb
