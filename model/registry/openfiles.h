#pragma once

#include <QStringList>

// Whether any process still has a file open, read from /proc: a running
// script's output counts as final once nothing holds it open.
namespace mlwb::openfiles {

/// The files of `paths` some process on this machine has open (that this
/// user may see), in the order given.
QStringList openAnywhere(const QStringList &paths);

} // namespace mlwb::openfiles
