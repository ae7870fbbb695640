#pragma once

#include <QStringList>

namespace mlwb {

class Workspace;

/// `workspace check` for the model registry: the index and models/ agree.
/// Dangling rows are versions whose manifest or files are missing or
/// damaged; orphans are blobs no version refers to (a registration that
/// died half way, or a delete whose clean-up was cut short); leftovers are
/// partial copies in models/tmp from a registration that was killed.
/// Read only: it reports, `model delete` and registering repair.
namespace modelstorecheck {

/// One readable line per problem; false with *error when the check cannot run.
bool check(const Workspace &workspace, QStringList *problems, QString *error);

} // namespace modelstorecheck
} // namespace mlwb
