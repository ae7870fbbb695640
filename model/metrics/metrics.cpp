#include "metrics/metrics.h"

#include "metrics/pointblocks.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns = "SELECT id, run_id, name, kind, count, last_value, min_value, "
                            "max_value, last_step, last_time FROM metric_series ";

double real(const QVariant &v)
{
    return v.isNull() ? qQNaN() : v.toDouble();
}

MetricSeries fromRow(const QSqlQuery &q)
{
    MetricSeries s;
    s.id = q.value(0).toLongLong();
    s.runId = q.value(1).toLongLong();
    s.name = q.value(2).toString();
    s.kind = metricKindFromName(q.value(3).toString());
    s.count = q.value(4).toLongLong();
    s.last = real(q.value(5));
    s.min = real(q.value(6));
    s.max = real(q.value(7));
    s.lastStep = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
    s.lastTime = q.value(9).toDouble();
    return s;
}
} // namespace

Metrics::Metrics(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<MetricSeries> Metrics::series(Id runId, QString *error) const
{
    QList<MetricSeries> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(columns) + QLatin1String("WHERE run_id = ? ORDER BY name"),
                      error))
        return out;
    q.addBindValue(runId);
    if (!sql::exec(q, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

std::optional<MetricSeries> Metrics::find(Id runId, const QString &name, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(columns) + QLatin1String("WHERE run_id = ? AND name = ?"),
                      error))
        return std::nullopt;
    q.addBindValue(runId);
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return fromRow(q);
    sql::fail(error, QObject::tr("The run has no metric named '%1'.").arg(name));
    return std::nullopt;
}

bool Metrics::points(Id seriesId, qint64 fromSeq, qint64 toSeq, QVector<MetricPoint> *out,
                     QString *error) const
{
    PointBlockReader reader(m_db);
    return reader.read(
        seriesId, fromSeq, toSeq,
        [out](const PointSlice &slice) {
            for (qsizetype i = 0; i < slice.count; ++i)
                out->append({slice.step[i], slice.time[i], slice.value[i]});
        },
        error);
}

bool Metrics::values(Id seriesId, QList<Value> *out, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT step, time, value FROM metric_values "
                                     "WHERE series_id = ? ORDER BY seq"),
                      error))
        return false;
    q.addBindValue(seriesId);
    if (!sql::exec(q, error))
        return false;
    while (q.next())
        out->append({q.value(0).toLongLong(), q.value(1).toDouble(), q.value(2).toString()});
    return true;
}

} // namespace mlwb
