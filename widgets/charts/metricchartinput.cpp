// MetricChartView: hover tooltips, zoom and pan with the mouse.
#include "charts/metricchartline.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QToolTip>
#include <cmath>

namespace mlwb {

QString MetricChartView::tooltipAt(const QPoint &pos) const
{
    if (m_aggregate) // the runs' own lines are not drawn
        return QString();
    const QPointF value = chart()->mapToValue(pos);
    const Line *best = nullptr;
    qsizetype bestIndex = -1;
    double bestDistance = 20; // pixels: farther than that is not "hovering"
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        if (!line->visible || !c.size())
            continue;
        const double *x = c.x();
        const qsizetype i = std::lower_bound(x, x + c.size(), value.x()) - x;
        const double *y = c.isSmoothed() ? c.smoothed() : c.y();
        for (qsizetype j : {i - 1, i}) {
            if (j < 0 || j >= c.size() || !std::isfinite(y[j]))
                continue;
            const QPointF p = chart()->mapToPosition(QPointF(x[j], y[j]));
            const double d = std::hypot(p.x() - pos.x(), p.y() - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = line.get();
                bestIndex = j;
            }
        }
    }
    if (!best)
        return QString();
    const SeriesArrays *a = best->curve.source();
    const qsizetype k = best->curve.sourceIndex(bestIndex);
    const QString time = QDateTime::fromMSecsSinceEpoch(qint64(a->time.at(k) * 1000))
                             .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
    QString text = tr("%1\nstep %2\n%3\nvalue %4")
                       .arg(best->run.label)
                       .arg(qint64(a->step.at(k)))
                       .arg(time)
                       .arg(a->value.at(k), 0, 'g', 8);
    if (best->curve.isSmoothed())
        text += tr("\nsmoothed %1").arg(best->curve.smoothed()[bestIndex], 0, 'g', 8);
    return text;
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    const bool pan =
        event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers() & Qt::ControlModifier);
    if (pan) {
        m_panning = true;
        m_lastPan = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_lastPan;
        m_lastPan = event->pos();
        chart()->scroll(-delta.x(), delta.y());
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton) {
        const QString text = tooltipAt(event->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
    QChartView::mouseMoveEvent(event);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    // QChartView zooms out on a right click; a reset is what users expect.
    if (event->button() == Qt::RightButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const double at = chart()->mapToValue(event->position()).x();
    const auto [x0, x1] = shownRange();
    zoomTo(at - (at - x0) * factor, at + (x1 - at) * factor);
    event->accept();
}

} // namespace mlwb
