#pragma once

// MetricChartView's per-run line, shared by the files that implement it.
#include "charts/metricchartview.h"

#include "metrics/lodseries.h"

#include <QLineSeries>
#include <memory>

namespace mlwb {

struct MetricChartView::Line {
    ChartRun run;
    QString metric; // of the panel's metrics, the one this line draws
    Id seriesId = 0;
    Id xSeriesId = 0;
    MetricCurve curve;
    // Instead of the points in curve: per-block summaries, once the tab's
    // points outgrow its memory (step axis, no smoothing; see summarizable()).
    std::unique_ptr<LodSeries> lod;
    bool unordered = false; // its steps go back: it keeps its points
    qsizetype size() const { return lod ? lod->size() : curve.size(); }
    double firstX() const { return lod ? lod->firstX() : curve.firstX(); }
    double lastX() const { return lod ? lod->lastX() : curve.lastX(); }
    // Not in the chart (ChartLinesItem draws them); children of the view.
    QLineSeries *raw = nullptr;  // faint, behind: the raw values when smoothing
    QLineSeries *main = nullptr; // the line users read: smoothed or raw
    bool visible = true;
    QList<QPointF> mainPoints, rawPoints; // decimated, shared with the series
    quint64 generation = 0;               // counts changes to the curve
    // The columns of the last redraw over all the data, reused when the
    // view returns there unchanged (Reset Zoom after a zoom).
    struct Columns {
        quint64 generation = 0;
        double x0 = 0, x1 = 0;
        int width = 0;
        bool logY = false;
        QList<QPointF> main, raw;
    } whole;
};

} // namespace mlwb
