#pragma once

#include "commandcontext.h"
#include "store/models.h"

#include <optional>

namespace mlwb {

/// The version NAME[:VERSION|@ALIAS] names, as every model verb takes it; on
/// failure the reason has been printed through `context`.
std::optional<ModelVersion> findModelVersion(CommandContext &context, const Workspace &ws,
                                             const QString &text);

} // namespace mlwb
