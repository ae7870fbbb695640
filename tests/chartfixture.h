#pragma once

// Test data for the chart tests: runs with metrics, written with raw SQL.
#include "experiments.h"
#include "pointblocks.h"
#include "runs.h"
#include "workspace.h"

#include <QSqlQuery>
#include <QVariant>
#include <cmath>

namespace mlwb::testing {

/// Adds a run with the given arguments to experiment `experiment`.
inline Id addRun(Workspace &ws, const QString &experiment, const QStringList &arguments = {})
{
    Experiment e;
    auto found = Experiments(ws).findOrCreate(experiment, nullptr);
    Run run;
    run.experimentId = found->id;
    run.script = QStringLiteral("train.py");
    run.arguments = arguments;
    Runs(ws).create(&run, nullptr);
    Runs(ws).setStatus(run.id, RunStatus::Running, nullptr);
    return run.id;
}

/// A scalar series of `count` points, value = f(step), time 1 s per step.
inline Id addSeries(Workspace &ws, Id runId, const QString &name, int count,
                    double (*f)(int step, Id runId))
{
    QSqlQuery q(ws.database());
    q.prepare(
        QStringLiteral("INSERT INTO metric_series(run_id, name, kind) VALUES (?, ?, 'scalar')"));
    q.addBindValue(runId);
    q.addBindValue(name);
    q.exec();
    const Id series = q.lastInsertId().toLongLong();
    ws.database().transaction();
    PointBlockWriter writer(ws.database());
    double lo = INFINITY, hi = -INFINITY, last = 0;
    for (int i = 0; i < count; ++i) {
        const double v = f(i, runId);
        writer.append(series, i, i, 1.7e9 + i, v, nullptr);
        if (!std::isnan(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            last = v;
        }
    }
    writer.flush(nullptr);
    ws.database().commit();
    QSqlQuery u(ws.database());
    u.prepare(QStringLiteral("UPDATE metric_series SET count = ?, last_value = ?, min_value = ?, "
                             "max_value = ?, last_step = ? WHERE id = ?"));
    for (const QVariant &v : {QVariant(count), QVariant(last), QVariant(lo), QVariant(hi),
                              QVariant(count - 1), QVariant(series)})
        u.addBindValue(v);
    u.exec();
    return series;
}

inline double lossCurve(int step, Id run)
{
    return 2.0 / (1 + step * 0.05 * double(run)) + 0.05 * std::sin(step * 0.7);
}

inline double accuracyCurve(int step, Id run)
{
    return 1 - 0.9 * std::exp(-step * 0.01 * double(run));
}

} // namespace mlwb::testing
