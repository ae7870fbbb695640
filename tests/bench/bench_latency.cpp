// Log-to-store latency: 10 runs log concurrently (each point's value is the
// time of its log call); a reader polling the store every 2 ms records when
// each point becomes visible. Prints the median and 99th percentile.
//
//   bench_latency [runs=10] [points per run=400] [points per second=40]
#include "metrics/metrics.h"
#include "runs/runconfig.h"
#include "runs/runsubmitter.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace mlwb;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runCount = argc > 1 ? std::atoi(argv[1]) : 10;
    const int points = argc > 2 ? std::atoi(argv[2]) : 400;
    const int rate = argc > 3 ? std::atoi(argv[3]) : 40;
    if (qEnvironmentVariableIsEmpty("MLWB_PROGRAM"))
        qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    const QString project = dir.filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile script(project + QStringLiteral("/tick.py"));
    script.open(QIODevice::WriteOnly);
    script.write("import sys, time, mlwb\n"
                 "n, rate = int(sys.argv[1]), float(sys.argv[2])\n"
                 "run = mlwb.Run.get_context()\n"
                 "for i in range(n):\n"
                 "    run.log('t', time.time(), i)\n"
                 "    time.sleep(1.0 / rate)\n");
    script.close();
    QList<Id> runs;
    for (int i = 0; i < runCount; ++i) {
        RunConfig config;
        config.code = project;
        config.command = QStringLiteral("python3 tick.py %1 %2").arg(points).arg(rate);
        const auto run = RunSubmitter(*ws).submit(config, &error);
        if (!run) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        runs << run->id;
    }
    QList<double> latencies;
    QHash<Id, qint64> seen; // run id -> points seen
    int finished = 0;
    while (finished < runCount) {
        finished = 0;
        for (Id run : runs) {
            const auto series = Metrics(*ws).find(run, QStringLiteral("t"));
            QVector<MetricPoint> fresh;
            if (series)
                Metrics(*ws).points(series->id, seen.value(run), -1, &fresh, nullptr);
            const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
            for (const MetricPoint &p : std::as_const(fresh))
                latencies << (now - p.value) * 1000.0;
            seen[run] += fresh.size();
            if (seen.value(run) >= points)
                ++finished;
        }
        QThread::msleep(2);
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.at(qMin(latencies.size() - 1, int(p * latencies.size())));
    };
    std::printf("log-to-store latency, %d runs x %d points at %d/s (%lld points):\n", runCount,
                points, rate, qint64(latencies.size()));
    std::printf("  median %.1f ms, 99th percentile %.1f ms, max %.1f ms (target: p99 < 250 ms)\n",
                pct(0.5), pct(0.99), latencies.last());
    return 0;
}
