#pragma once

// Builds big bench workspaces fast: set-based SQL, no per-point round trips.
#include "metrics/pointblocks.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <random>
#include <vector>

namespace mlwb::bench {

inline bool exec(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (q.exec(sql))
        return true;
    qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

/// `runs` runs in experiment 1, each with series `metric` of `points` points
/// (a noisy decay with a rare spike) at steps 0, stride, 2 * stride...;
/// returns nothing, run ids are 1..runs, series ids seriesOffset + 1...
/// (call again with another metric and offset for a second series per run).
inline void fill(Workspace &ws, int runs, int points,
                 const QString &metric = QStringLiteral("loss"), int stride = 1,
                 int seriesOffset = 0)
{
    QSqlQuery(ws.database()).exec(QStringLiteral("PRAGMA synchronous=OFF")); // a bench: speed only
    exec(ws, QStringLiteral("BEGIN"));
    exec(ws, QStringLiteral(
                 "INSERT OR IGNORE INTO experiments(id, name, created_at) VALUES (1, 'bench', 0)"));
    exec(ws,
         QStringLiteral(
             "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < %1) "
             "INSERT OR IGNORE INTO runs(id, uid, experiment_id, status, created_at, started_at, "
             "ended_at, arguments) "
             "SELECT i, 'bench_' || i, 1, 'Completed', 1700000000000 + i, 1700000000000 + i, "
             "1700000360000 + i, '[\"--lr\", \"' || (i % 7) * 0.01 || '\"]' FROM c")
             .arg(runs));
    exec(ws, QStringLiteral("INSERT INTO metric_series(id, run_id, name, kind, count, last_value, "
                            "min_value, max_value, last_step) "
                            "SELECT id + %3, id, '%1', 'scalar', %2, 0.1, 0.05, 50, (%2 - 1) * %4 "
                            "FROM runs")
                 .arg(metric)
                 .arg(points)
                 .arg(seriesOffset)
                 .arg(stride));
    // A noisy decay with a rare spike, the same curve for every run.
    std::mt19937_64 random(42);
    std::vector<double> values(size_t(points), 0.0);
    for (int i = 0; i < points; ++i)
        values[size_t(i)] = 1.0 / (1 + i * 0.001) + double(random() % 1000) / 5000.0
                            + (random() % 50000 == 0 ? 50 : 0);
    PointBlockWriter writer(ws.database());
    for (int run = 1; run <= runs; ++run) {
        for (int i = 0; i < points; ++i)
            if (!writer.append(run + seriesOffset, i, qint64(i) * stride, 1.7e9 + i * stride,
                               values[size_t(i)], nullptr))
                qFatal("bench: storing points failed");
        writer.flush(nullptr);
        writer.reset();
    }
    exec(ws, QStringLiteral("COMMIT"));
    QSqlQuery(ws.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace mlwb::bench
