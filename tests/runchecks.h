#pragma once

// What the run tests (local and SSH) check and wait for.
#include "metrics.h"
#include "runs.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <limits>

namespace mlwb::testing {

/// The run once it ended, or as it was when timeoutMs ran out.
inline Run waitForFinal(const Workspace &ws, Id runId, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    std::optional<Run> run;
    while (timer.elapsed() < timeoutMs) {
        run = Runs(ws).find(runId);
        if (run && isFinal(run->status))
            return *run;
        QTest::qWait(50);
    }
    return run.value_or(Run());
}

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

/// The exactly-once check: the run stored steps 0..n-1, each once, and
/// (as the test scripts log value = step) their values sum up.
inline void verifyEachStepOnce(const Workspace &ws, Id runId, qint64 n)
{
    QString error;
    const PointCounts c = countPoints(ws, runId, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.count, n);         // none lost ...
    QCOMPARE(c.distinctSteps, n); // ... none twice
    QCOMPARE(c.minStep, qint64(0));
    QCOMPARE(c.maxStep, n - 1);
    QCOMPARE(c.sum, double(n - 1) * double(n) / 2.0);
}

} // namespace mlwb::testing
