// (a) Fetch + decimate a 1,000,000-point series to 1,600 px, beside a plain
// SELECT of the same rows through QtSql, measured in the same run.
#include "benchtiming.h"
#include "benchworkspace.h"
#include "decimator.h"
#include "seriesloader.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <cmath>

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
    double sink = 0;
    const double plain = bench::medianMs(5, [&] {
        QSqlQuery q(ws->database());
        q.setForwardOnly(true);
        q.exec(QStringLiteral(
            "SELECT step, time, value FROM metric_points WHERE series_id = 1 ORDER BY seq"));
        while (q.next())
            sink += q.value(2).toDouble();
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
        << "  plain QSqlQuery SELECT of the rows: " << plain << "\n"
        << "  SeriesLoader fetch + M4 decimate (cold): " << cold << "  ratio " << cold / plain
        << "\n"
        << "  cached: new-point check + decimate (what live updates and zooms cost): " << warm
        << "  ratio " << warm / plain << "\n"
        << "  target < 30 ms; points drawn " << points.size() << " (sink " << (sink > 0) << ")\n";
    return 0;
}
