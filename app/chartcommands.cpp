// `mlwb chart export`: the chart tab's panel rendered headless to PNG or SVG.
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "commandcontext.h"
#include "commandregistry.h"
#include "metrics/seriesloader.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QApplication>
#include <QSize>
#include <memory>

namespace mlwb {

namespace {

// QtCharts draws with widgets, which need a QApplication; a command line
// has no display, so one on the offscreen platform is made when none exists.
// A plain QCoreApplication cannot be upgraded: the caller must start mlwb
// with a QApplication for this noun.
bool ensureGuiApplication(std::unique_ptr<QApplication> *owned, QString *error)
{
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        return true;
    if (QCoreApplication::instance()) {
        *error = Cli::tr("Chart export needs the graphical libraries, but mlwb started "
                         "without them (a QCoreApplication).");
        return false;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "mlwb";
    static char *argv[] = {name, nullptr};
    *owned = std::make_unique<QApplication>(argc, argv);
    return true;
}

bool parseOptions(CommandContext &context, ChartOptions *options, QSize *size, QString *error)
{
    const QString x = context.isSet(QStringLiteral("x")) ? context.value(QStringLiteral("x"))
                                                         : QStringLiteral("step");
    if (x == QLatin1String("step"))
        options->xMode = XAxisMode::Step;
    else if (x == QLatin1String("wall"))
        options->xMode = XAxisMode::WallTime;
    else if (x == QLatin1String("relative"))
        options->xMode = XAxisMode::RelativeTime;
    else if (x.startsWith(QLatin1String("metric:")) && x.size() > 7) {
        options->xMode = XAxisMode::Metric;
        options->xMetric = x.mid(7);
    } else {
        *error = Cli::tr("--x takes step, wall, relative or metric:NAME, not '%1'.").arg(x);
        return false;
    }
    bool ok = true;
    if (context.isSet(QStringLiteral("smoothing")))
        options->smoothing = context.value(QStringLiteral("smoothing")).toDouble(&ok);
    if (!ok || options->smoothing < 0 || options->smoothing > 0.999) {
        *error = Cli::tr("--smoothing takes a number from 0 to 0.999.");
        return false;
    }
    options->logY = context.isSet(QStringLiteral("log"));
    options->ignoreOutliers = context.isSet(QStringLiteral("ignore-outliers"));
    const int w = context.isSet(QStringLiteral("width"))
                      ? context.value(QStringLiteral("width")).toInt()
                      : 1200;
    const int h = context.isSet(QStringLiteral("height"))
                      ? context.value(QStringLiteral("height")).toInt()
                      : 800;
    if (w < 100 || h < 100 || w > 20000 || h > 20000) {
        *error = Cli::tr("--width and --height take 100 to 20000 pixels.");
        return false;
    }
    *size = QSize(w, h);
    return true;
}

int exportChart(CommandContext &context)
{
    const QString out = context.value(QStringLiteral("out"));
    const QString metric = context.value(QStringLiteral("metric"));
    const QStringList runUids = context.values(QStringLiteral("run"));
    if (out.isEmpty() || metric.isEmpty() || runUids.isEmpty())
        return context.fail(Cli::tr("Give --run RUN, --metric NAME and --out FILE.png|FILE.svg."));
    if (!out.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
        && !out.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return context.fail(Cli::tr("--out must name a .png or .svg file."));
    ChartOptions options;
    QSize size;
    QString error;
    if (!parseOptions(context, &options, &size, &error))
        return context.fail(error);
    std::unique_ptr<QApplication> app;
    if (!ensureGuiApplication(&app, &error))
        return context.fail(error);
    auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QList<ChartRun> runs;
    for (const QString &uid : runUids) {
        const auto run = Runs(*ws).find(uid, &error);
        if (!run)
            return context.fail(error);
        runs.append(ComparisonTab::chartRun(*run, int(runs.size()))); // named as in the GUI
    }
    SeriesLoader loader(*ws);
    MetricChartView view(*ws, &loader, metric);
    view.setOptions(options);
    if (!view.setRuns(runs, &error) || !view.saveImage(out, size, &error))
        return context.fail(error);
    context.note(Cli::tr("Wrote %1 (%2 x %3).").arg(out).arg(size.width()).arg(size.height()));
    return ExitSuccess;
}

} // namespace

void registerChartCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("chart");
    registry.addNoun(noun, Cli::tr("Render metric charts without the workbench."));
    registry.addVerb(
        noun, {QStringLiteral("export"),
               Cli::tr("Draw one metric of one or more runs to a PNG or SVG file."),
               {},
               {{QStringLiteral("run"), QStringLiteral("RUN"),
                 Cli::tr("A run to draw (repeatable)."), QChar()},
                {QStringLiteral("metric"), QStringLiteral("NAME"), Cli::tr("The metric to draw."),
                 QChar()},
                {QStringLiteral("x"), QStringLiteral("AXIS"),
                 Cli::tr("step (default), wall, relative or metric:NAME."), QChar()},
                {QStringLiteral("smoothing"), QStringLiteral("S"),
                 Cli::tr("Exponential smoothing from 0 (none) to 0.999."), QChar()},
                {QStringLiteral("log"), QString(), Cli::tr("A logarithmic y axis."), QChar()},
                {QStringLiteral("ignore-outliers"), QString(),
                 Cli::tr("Scale y to the 1st..99th percentile."), QChar()},
                {QStringLiteral("out"), QStringLiteral("FILE"), Cli::tr("FILE.png or FILE.svg."),
                 QChar()},
                {QStringLiteral("width"), QStringLiteral("W"), Cli::tr("Pixels (default 1200)."),
                 QChar()},
                {QStringLiteral("height"), QStringLiteral("H"), Cli::tr("Pixels (default 800)."),
                 QChar()}},
               exportChart});
}

} // namespace mlwb
