#pragma once

#include "store/types.h"

#include <QString>

namespace mlwb {

class Workspace;

/// Registrations a training script asked for where the mlwb program was not
/// at hand (an SSH target): `run.register_model()` wrote them to the run's
/// outputs/.mlwb/registrations.jsonl, and they are made here once the
/// outputs are collected, so the files are final. What happened to each is
/// appended to the run's log; the request file is removed afterwards.
namespace pendingregistrations {

/// Registers each request under `runFolder`/outputs; returns how many were made.
int registerAll(const Workspace &workspace, const Run &run, const QString &runFolder);

} // namespace pendingregistrations
} // namespace mlwb
