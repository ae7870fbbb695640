// MetricChartView's aggregate mode: the mean of the runs and a min..max band.
#include "charts/metricchartline.h"
#include "metrics/decimator.h"
#include "metrics/runaggregate.h"

#include <QAreaSeries>
#include <QScopedValueRollback>
#include <cmath>

namespace mlwb {

void MetricChartView::setAggregate(bool aggregate)
{
    if (aggregate == m_aggregate)
        return;
    m_aggregate = aggregate;
    if (aggregate && !m_mean) {
        m_band = new QAreaSeries(new QLineSeries, new QLineSeries);
        m_band->setName(tr("min–max"));
        m_band->upperSeries()->setParent(m_band);
        m_band->lowerSeries()->setParent(m_band);
        QColor fill(QStringLiteral("#4e79a7"));
        fill.setAlphaF(0.2);
        m_band->setBrush(fill);
        fill.setAlphaF(0.45);
        m_band->setPen(QPen(fill, 1));
        m_mean = new QLineSeries;
        m_mean->setName(tr("mean"));
        m_mean->setPen(QPen(QColor(QStringLiteral("#1f3f66")), 2));
        const QScopedValueRollback<bool> applying(m_applying, true);
        chart()->addSeries(m_band);
        chart()->addSeries(m_mean);
        attachAggregate();
    }
    if (m_mean) {
        m_band->setVisible(aggregate);
        m_mean->setVisible(aggregate);
    }
    m_autoY = true;
    m_refit = true;
    rebuildCurves(); // the aggregate needs the points of summarized lines
}

void MetricChartView::attachAggregate()
{
    if (!m_mean)
        return;
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_mean)}) {
        for (QAbstractAxis *axis : s->attachedAxes())
            s->detachAxis(axis);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
}

void MetricChartView::computeAggregate(double x0, double x1, int width, double *lo, double *hi)
{
    QList<RunAggregate::Input> inputs;
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        if (line->visible && c.size() && line->metric == m_metric) // the panel's own metric
            inputs.append({c.x(), c.isSmoothed() ? c.smoothed() : c.y(), c.size()});
    }
    const AggregateSeries a = RunAggregate::byStep(inputs);
    auto feed = [&](const QVector<double> &y, QList<QPointF> *points) {
        Decimator::minMaxPerPixel(a.step.constData(), y.constData(), a.size(), x0, x1, width,
                                  points);
        points->removeIf([this](const QPointF &p) {
            return !std::isfinite(p.y()) || (m_options.logY && p.y() <= 0);
        });
        for (const QPointF &p : std::as_const(*points))
            if (p.x() >= x0 && p.x() <= x1) {
                *lo = std::min(*lo, p.y());
                *hi = std::max(*hi, p.y());
            }
    };
    feed(a.mean, &m_meanPoints);
    feed(a.min, &m_minPoints);
    feed(a.max, &m_maxPoints);
}

void MetricChartView::showAggregate()
{
    if (!m_mean)
        return;
    const bool on = m_aggregate;
    m_mean->replace(on ? m_meanPoints : QList<QPointF>());
    m_band->lowerSeries()->replace(on ? m_minPoints : QList<QPointF>());
    m_band->upperSeries()->replace(on ? m_maxPoints : QList<QPointF>());
}

} // namespace mlwb
