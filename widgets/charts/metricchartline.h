#pragma once

// MetricChartView's per-run line, shared by the files that implement it.
#include "charts/metricchartview.h"

#include <QLineSeries>

namespace mlwb {

struct MetricChartView::Line {
    ChartRun run;
    QString metric; // of the panel's metrics, the one this line draws
    Id seriesId = 0;
    Id xSeriesId = 0;
    MetricCurve curve;
    // Not in the chart (ChartLinesItem draws them); children of the view.
    QLineSeries *raw = nullptr;  // faint, behind: the raw values when smoothing
    QLineSeries *main = nullptr; // the line users read: smoothed or raw
    bool visible = true;
    QList<QPointF> mainPoints, rawPoints; // decimated, shared with the series
};

} // namespace mlwb
