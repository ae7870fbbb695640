#pragma once

#include "store/types.h"

#include <QString>

namespace mlwb {

/// A run status in the user's language ("Fehlgeschlagen"); the store keeps the code.
QString statusText(RunStatus status);
/// The accent colour of a status, as the tree's status icons draw it.
QString statusColour(RunStatus status);

} // namespace mlwb
