#pragma once

#include "metrics/metriccurve.h"
#include "store/types.h"

#include <QColor>
#include <QString>

namespace mlwb {

/// How every panel of a comparison draws: x axis, y scale, smoothing.
struct ChartOptions {
    XAxisMode xMode = XAxisMode::Step;
    QString xMetric; // XAxisMode::Metric: the metric on the x axis
    bool logY = false;
    double smoothing = 0;        // EMA weight 0..0.999; 0: raw only
    bool ignoreOutliers = false; // y axis from the 1st to the 99th percentile
};

/// A run as a chart shows it: its line colour is the same in every panel.
struct ChartRun {
    Id runId = 0;
    QString label; // the run id users know (uid) or its display name
    QColor color;
    double start = 0; // seconds since the epoch, for relative time
};

} // namespace mlwb
