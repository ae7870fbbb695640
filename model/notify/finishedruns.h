#pragma once

#include "notify/desktopnotifier.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>

namespace mlwb {

class Workspace;

/// The top-level runs that ended since the last look, as notification
/// outcomes. Runs that had ended before it was made are not news.
class FinishedRuns
{
public:
    explicit FinishedRuns(const Workspace &workspace);

    /// Runs that ended since the last call, oldest first.
    QList<Outcome> takeNew(QString *error);

private:
    QSqlDatabase m_db;
    qint64 m_lastEnd = 0;     // the latest ended_at seen
    QSet<qint64> m_atLastEnd; // runs that ended at exactly that time, already told
};

} // namespace mlwb
