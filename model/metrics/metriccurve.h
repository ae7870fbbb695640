#pragma once

#include "metrics/decimator.h"
#include "metrics/seriesloader.h"

#include <QVector>

namespace mlwb {

/// What a chart puts on its x axis.
enum class XAxisMode {
    Step,         // the step the script logged
    WallTime,     // ms since the epoch (a QDateTimeAxis takes that)
    RelativeTime, // seconds since the run started, divided by the time unit
    Metric,       // another metric of the same run, matched by step
};

/// One run's metric as a chart line: x ascending (what the decimator needs)
/// and y, raw and smoothed, built from the loader's cached arrays. In step
/// mode with steps in order the arrays are the cache itself (no copy).
class MetricCurve
{
public:
    /// y: the metric; x: the x metric's points (Metric mode only);
    /// start: when the run started (seconds since the epoch).
    void setSource(const SeriesArrays *y, const SeriesArrays *x, double start);
    /// Rebuilds everything; unit divides relative time (1, 60 or 3600).
    void build(XAxisMode mode, double unit, double smoothing);
    /// Takes in points the source gained since the last build/update.
    void update();

    qsizetype size() const { return m_size; }
    const double *x() const
    {
        return m_xOwn.isEmpty() && m_size ? m_y->step.constData() : m_xOwn.constData();
    }
    const double *y() const
    {
        return m_order.isEmpty() && m_size ? m_y->value.constData() : m_yOwn.constData();
    }
    const double *smoothed() const { return m_smoothed.constData(); }
    /// Block extremes of y() and smoothed(), kept up to date by build() and
    /// update(), for Decimator::extremesPerPixel().
    const ExtremaBlocks *yBlocks() const { return &m_yBlocks; }
    const ExtremaBlocks *smoothedBlocks() const { return &m_smoothedBlocks; }
    bool isSmoothed() const { return m_smoothing > 0; }
    /// Index into the source arrays (for step/time of a hovered point).
    qsizetype sourceIndex(qsizetype i) const { return m_order.isEmpty() ? i : m_order.at(i); }
    const SeriesArrays *source() const { return m_y; }
    /// First/last x, NaN when empty.
    double firstX() const;
    double lastX() const;

private:
    double xOf(qsizetype sourceIndex) const;
    bool appendInOrder();
    void sortByX(QVector<double> *x);
    void indexBlocks(bool afresh);

    const SeriesArrays *m_y = nullptr;
    const SeriesArrays *m_x = nullptr;
    double m_start = 0;
    XAxisMode m_mode = XAxisMode::Step;
    double m_unit = 1;
    double m_smoothing = 0;
    qsizetype m_size = 0;
    QVector<double> m_xOwn, m_yOwn, m_smoothed;
    QVector<qsizetype> m_order; // empty: identity
    ExtremaBlocks m_yBlocks, m_smoothedBlocks;
};

} // namespace mlwb
