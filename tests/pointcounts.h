#pragma once

// What the exactly-once tests check of a run's stored points.
#include "metrics.h"
#include "workspace.h"

#include <QSet>
#include <limits>

namespace mlwb::testing {

struct PointCounts {
    qint64 count = 0;
    qint64 distinctSteps = 0;
    qint64 minStep = std::numeric_limits<qint64>::max();
    qint64 maxStep = -1;
    double sum = 0;
};

/// Counts every numeric point of every series of the run.
inline PointCounts countPoints(const Workspace &ws, Id runId, QString *error)
{
    PointCounts c;
    const Metrics metrics(ws);
    QSet<qint64> steps;
    const QList<MetricSeries> series = metrics.series(runId, error);
    for (const MetricSeries &s : series) {
        QVector<MetricPoint> points;
        if (!metrics.points(s.id, 0, -1, &points, error))
            return c;
        for (const MetricPoint &p : points) {
            ++c.count;
            steps.insert(p.step);
            c.minStep = std::min(c.minStep, p.step);
            c.maxStep = std::max(c.maxStep, p.step);
            c.sum += p.value;
        }
    }
    c.distinctSteps = steps.size();
    return c;
}

} // namespace mlwb::testing
