#pragma once

#include <QString>

namespace mlwb {

/// A run's duration as people read it: "0.6 s", "42 s", "3 min 05 s",
/// "2 h 07 min". One spelling for the tree, the runs table and run details.
QString durationText(qint64 ms);

} // namespace mlwb
