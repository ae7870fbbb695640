// (a) Fetch + decimate a 1,000,000-point series to 1,600 px, beside a plain
// SELECT of the same points stored one row per point (the layout before
// schema 3), through QtSql and through SQLite's C API, in the same run.
#include "benchtiming.h"
#include "benchworkspace.h"
#include "metrics/decimator.h"
#include "metrics/pointblocks.h"
#include "metrics/seriesloader.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <cmath>
#include <sqlite3.h>

using namespace mlwb;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.path() + QStringLiteral("/ws"), &error);
    if (!ws)
        qFatal("%s", qPrintable(error));
    bench::fill(*ws, 1, 1'000'000);
    // The same points as rows, for the baseline.
    bench::exec(*ws,
                QStringLiteral("CREATE TABLE point_rows(series_id INTEGER NOT NULL, "
                               "seq INTEGER NOT NULL, step INTEGER NOT NULL, time REAL NOT "
                               "NULL, value REAL, PRIMARY KEY(series_id, seq)) WITHOUT ROWID"));
    {
        SeriesLoader loader(*ws);
        const SeriesArrays *a = loader.series(1, &error);
        if (!a)
            qFatal("%s", qPrintable(error));
        bench::exec(*ws, QStringLiteral("BEGIN"));
        QSqlQuery insert(ws->database());
        insert.prepare(QStringLiteral("INSERT INTO point_rows VALUES (1, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < a->size(); ++i) {
            insert.addBindValue(i);
            insert.addBindValue(qint64(a->step[i]));
            insert.addBindValue(a->time[i]);
            insert.addBindValue(a->value[i]);
            insert.exec();
        }
        bench::exec(*ws, QStringLiteral("COMMIT"));
    }
    double sink = 0;
    const double plain = bench::medianMs(5, [&] {
        QSqlQuery q(ws->database());
        q.setForwardOnly(true);
        q.exec(QStringLiteral(
            "SELECT step, time, value FROM point_rows WHERE series_id = 1 ORDER BY seq"));
        while (q.next())
            sink += q.value(2).toDouble();
    });
    sqlite3 *db = pointblocks::handle(ws->database());
    const double plainC = bench::medianMs(5, [&] {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT step, time, value FROM point_rows WHERE series_id = 1 "
                           "ORDER BY seq",
                           -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW)
            sink += sqlite3_column_int64(s, 0) + sqlite3_column_double(s, 1)
                    + sqlite3_column_double(s, 2);
        sqlite3_finalize(s);
    });
    const double fetchOnly = bench::medianMs(5, [&] {
        SeriesLoader loader(*ws);
        sink += loader.series(1, nullptr)->size();
    });
    QList<QPointF> points;
    const double cold = bench::medianMs(5, [&] {
        SeriesLoader loader(*ws);
        const SeriesArrays *a = loader.series(1, nullptr);
        Decimator::minMaxPerPixel(a->step.constData(), a->value.constData(), a->size(), qQNaN(),
                                  qQNaN(), 1600, &points);
        sink += points.size();
    });
    SeriesLoader loader(*ws);
    const SeriesArrays *a = loader.series(1, nullptr);
    const double warm = bench::medianMs(11, [&] {
        bool grew = false;
        loader.refresh(1, &grew, nullptr); // a live chart's check for new points
        Decimator::minMaxPerPixel(a->step.constData(), a->value.constData(), a->size(), qQNaN(),
                                  qQNaN(), 1600, &points);
        sink += points.size();
    });
    out << "bench_chartfetch: 1,000,000 points to 1,600 px (median ms)\n"
        << "  plain SELECT of the points as rows, QSqlQuery: " << plain << "\n"
        << "  plain SELECT of the points as rows, SQLite C API: " << plainC << "\n"
        << "  SeriesLoader fetch (packed blocks) + M4 decimate (cold): " << cold << "  ratio "
        << cold / plain << " (vs C API " << cold / plainC << ")\n"
        << "  of which the fetch alone: " << fetchOnly << "\n"
        << "  cached: new-point check + decimate (what live updates and zooms cost): " << warm
        << "\n"
        << "  target < 30 ms; points drawn " << points.size() << " (sink " << (sink > 0) << ")\n";
    return 0;
}
