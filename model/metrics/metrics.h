#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <QVector>
#include <optional>

namespace mlwb {

class Workspace;

/// Reads a run's metrics: its series with summaries, and their points.
/// (Writing is the ingestor's job, in batches.)
class Metrics
{
public:
    /// A non-scalar value: a string, a JSON list/row/table, or an image path.
    struct Value {
        qint64 step = 0;
        double time = 0;
        QString value;
    };

    explicit Metrics(const Workspace &workspace);

    QList<MetricSeries> series(Id runId, QString *error = nullptr) const;
    std::optional<MetricSeries> find(Id runId, const QString &name, QString *error = nullptr) const;
    /// Points with fromSeq <= seq < toSeq (toSeq < 0: to the end), in order.
    /// A stored NULL (NaN at logging time) comes back as NaN.
    bool points(Id seriesId, qint64 fromSeq, qint64 toSeq, QVector<MetricPoint> *out,
                QString *error) const;
    bool values(Id seriesId, QList<Value> *out, QString *error) const;

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
