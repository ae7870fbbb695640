#pragma once

#include <QSet>
#include <QString>

namespace mlwb {

/// Generated display names for runs, W&B style ("brisk-falcon"): two words
/// picked from the run's uid, so a run keeps its name, with "-2", "-3", ...
/// added when the experiment already has that name.
QString generatedRunName(const QString &uid, const QSet<QString> &taken);

} // namespace mlwb
