// Ingest throughput, end to end: a Python script logs N scalar points
// through the mlwb helper as fast as it can; we time from its first log call
// to the moment all N are committed in the workspace. The baseline, measured
// in the same run: the same N rows inserted by a plain prepared-statement
// loop into a bare SQLite table (one transaction per 50,000 rows, WAL).
//
//   bench_ingest [N=1000000] [repetitions=3]
#include "metrics/metrics.h"
#include "runs/runconfig.h"
#include "runs/runsubmitter.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

using namespace mlwb;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Rows per second of the plain loop.
double baseline(const QString &dir, int n)
{
    const QByteArray path = QDir(dir).filePath(QStringLiteral("bare.db")).toUtf8();
    QFile::remove(QString::fromUtf8(path));
    sqlite3 *db = nullptr;
    sqlite3_open(path.constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "CREATE TABLE points(series INTEGER, step INTEGER, time REAL, value REAL)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO points VALUES (?, ?, ?, ?)", -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        if (i % 50000 == 0)
            sqlite3_exec(db, i ? "COMMIT; BEGIN" : "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(insert, 1, 1);
        sqlite3_bind_int64(insert, 2, i);
        sqlite3_bind_double(insert, 3, 1.7e9 + i * 1e-3);
        sqlite3_bind_double(insert, 4, 1.0 / (i + 1));
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = timer.nsecsElapsed() / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return n / seconds;
}

// Points per second through the helper, the supervisor and the store.
double endToEnd(const QString &dir, int n, double *pythonSeconds)
{
    QString error;
    const QString wsPath =
        QDir(dir).filePath(QStringLiteral("ws-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    auto ws = Workspace::create(wsPath, &error);
    const QString project = QDir(dir).filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile script(project + QStringLiteral("/flood.py"));
    script.open(QIODevice::WriteOnly);
    script.write("import sys, time, mlwb\n"
                 "n = int(sys.argv[1])\n"
                 "run = mlwb.Run.get_context()\n"
                 "log = run.log\n"
                 "t0 = time.time()\n"
                 "for i in range(n):\n"
                 "    log('loss', 1.0 / (i + 1), i)\n"
                 "run.complete()\n"
                 "t1 = time.time()\n"
                 "open('outputs_times.txt', 'w').write('%f %f' % (t0, t1))\n");
    script.close();
    RunConfig config;
    config.code = project;
    config.command = QStringLiteral("python3 flood.py %1").arg(n);
    const auto run = RunSubmitter(*ws).submit(config, &error);
    if (!run) {
        std::fprintf(stderr, "submit failed: %s\n", qPrintable(error));
        return 0;
    }
    qint64 committed = 0;
    while (committed < n) {
        QThread::msleep(5);
        const auto s = Metrics(*ws).find(run->id, QStringLiteral("loss"));
        committed = s ? s->count : 0;
        const auto r = Runs(*ws).find(run->id);
        if (r && isFinal(r->status) && committed < n) {
            std::fprintf(stderr, "run ended %s with %lld points: %s\n",
                         qPrintable(statusName(r->status)), committed, qPrintable(r->error));
            return 0;
        }
    }
    const double done = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    QString times;
    for (int i = 0; i < 200 && times.isEmpty(); ++i) {
        QFile f(wsPath + QStringLiteral("/runs/") + run->uid
                + QStringLiteral("/code/outputs_times.txt"));
        if (f.open(QIODevice::ReadOnly))
            times = QString::fromUtf8(f.readAll());
        else
            QThread::msleep(10);
    }
    const double t0 = times.section(QLatin1Char(' '), 0, 0).toDouble();
    *pythonSeconds = times.section(QLatin1Char(' '), 1, 1).toDouble() - t0;
    return n / (done - t0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const int reps = argc > 2 ? std::atoi(argv[2]) : 3;
    if (qEnvironmentVariableIsEmpty("MLWB_PROGRAM"))
        qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QTemporaryDir dir;
    QList<double> bare, e2e, python;
    for (int r = 0; r < reps; ++r) {
        bare << baseline(dir.path(), n);
        double py = 0;
        e2e << endToEnd(dir.path(), n, &py);
        python << py;
        std::printf("  repetition %d: bare %.0f rows/s, end to end %.0f points/s (python %.2f s)\n",
                    r + 1, bare.last(), e2e.last(), py);
    }
    std::printf("ingest of %d points, median of %d:\n", n, reps);
    std::printf("  bare SQLite prepared-statement loop: %10.0f rows/s\n", median(bare));
    std::printf("  helper -> supervisor -> store:       %10.0f points/s (python alone %.2f s)\n",
                median(e2e), median(python));
    std::printf("  ratio end to end / bare:             %10.2f\n", median(e2e) / median(bare));
    return 0;
}
