#include "notify/finishedruns.h"

#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QVariant>

namespace mlwb {

FinishedRuns::FinishedRuns(const Workspace &workspace)
    : m_db(workspace.database())
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT coalesce(max(ended_at), 0) FROM runs")) && q.next())
        m_lastEnd = q.value(0).toLongLong();
    QSqlQuery at(m_db);
    at.prepare(QStringLiteral("SELECT id FROM runs WHERE ended_at = ?"));
    at.addBindValue(m_lastEnd);
    if (at.exec())
        while (at.next())
            m_atLastEnd.insert(at.value(0).toLongLong());
}

QList<Outcome> FinishedRuns::takeNew(QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT id, uid, display_name, status, started_at, ended_at "
                                     "FROM runs WHERE ended_at >= ? AND parent_id IS NULL "
                                     "AND status IN ('Completed', 'Failed', 'Canceled') "
                                     "ORDER BY ended_at, id"),
                      error))
        return {};
    q.addBindValue(m_lastEnd);
    if (!sql::exec(q, error))
        return {};
    QList<Outcome> outcomes;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 ended = q.value(5).toLongLong();
        if (ended == m_lastEnd && m_atLastEnd.contains(id))
            continue;
        if (ended > m_lastEnd) {
            m_lastEnd = ended;
            m_atLastEnd.clear();
        }
        m_atLastEnd.insert(id);
        Outcome outcome;
        outcome.id = id;
        const QString name = q.value(2).toString();
        outcome.name = name.isEmpty() ? q.value(1).toString() : name;
        outcome.status = q.value(3).toString();
        outcome.failed = outcome.status != QLatin1String("Completed");
        if (!q.value(4).isNull())
            outcome.durationMs = ended - q.value(4).toLongLong();
        outcomes << outcome;
    }
    return outcomes;
}

} // namespace mlwb
