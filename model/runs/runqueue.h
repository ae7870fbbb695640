#pragma once

#include "store/types.h"

#include <QCoreApplication>

namespace mlwb {

class Workspace;

/// The queue in front of each compute target. A queued run has no process
/// until a slot is free for it: whoever frees or adds a slot (a submit, a
/// supervisor that ends, a raised limit, reopening the workspace) calls
/// dispatch(), which starts supervisors for the oldest queued runs, as many
/// as there are free slots. So 200 queued runs cost no memory.
class RunQueue
{
    Q_DECLARE_TR_FUNCTIONS(RunQueue)
public:
    /// How many top-level runs the target runs at once: its limit, else one
    /// per core for this computer and no limit for a VM.
    static int slotLimit(const ComputeTarget &target);
    /// Starts supervisors for the target's oldest queued runs that have none,
    /// up to its free slots. Each is claimed in the same write transaction
    /// (a fresh heartbeat), so two dispatchers never start the same run.
    static bool dispatch(const Workspace &workspace, Id targetId, QString *error);
};

} // namespace mlwb
