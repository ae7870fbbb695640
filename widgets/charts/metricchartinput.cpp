// MetricChartView: the hover crosshair, zoom and pan with the mouse.
#include "charts/metricchartline.h"

#include <QDateTime>
#include <QGraphicsLineItem>
#include <QMouseEvent>
#include <QToolTip>
#include <cmath>

namespace mlwb {

QList<HoverValue> MetricChartView::valuesAt(double x) const
{
    QList<HoverValue> out;
    if (m_aggregate) // the runs' own lines are not drawn
        return out;
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        if (!line->visible || !c.size() || x < c.firstX() || x > c.lastX())
            continue;
        // The point nearest x along the x axis: what a vertical crosshair touches.
        const double *xs = c.x();
        qsizetype i = std::lower_bound(xs, xs + c.size(), x) - xs;
        if (i == c.size() || (i > 0 && x - xs[i - 1] < xs[i] - x))
            --i;
        HoverValue v;
        v.run = line->run;
        v.x = xs[i];
        v.raw = c.y()[i];
        v.smoothed = c.isSmoothed() ? c.smoothed()[i] : qQNaN();
        v.step = qint64(c.source()->step.at(c.sourceIndex(i)));
        out << v;
    }
    return out;
}

QString MetricChartView::readoutAt(double x) const
{
    const QList<HoverValue> values = valuesAt(x);
    if (values.isEmpty())
        return QString();
    const auto number = [](double v) { return QString::number(v, 'g', 6); };
    QString text = QStringLiteral("<b>%1 %2</b>")
                       .arg(axisTitle().toHtmlEscaped(), xText(values.first().x).toHtmlEscaped());
    for (const HoverValue &v : values) {
        const QString value = std::isnan(v.smoothed)
                                  ? number(v.raw)
                                  : tr("%1 (raw %2)").arg(number(v.smoothed), number(v.raw));
        text += QStringLiteral("<br><span style=\"color:%1\">&#9632;</span> %2: %3")
                    .arg(v.run.color.name(), v.run.label.toHtmlEscaped(), value);
    }
    return text;
}

QString MetricChartView::xText(double x) const
{
    if (m_options.xMode == XAxisMode::WallTime)
        return QDateTime::fromMSecsSinceEpoch(qint64(x)).toString(QStringLiteral("hh:mm:ss"));
    return QString::number(x, 'g', 8);
}

void MetricChartView::showCrosshair(const QPoint &pos)
{
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(pos));
    const QString text = plot.contains(at) ? readoutAt(chart()->mapToValue(at).x()) : QString();
    if (text.isEmpty()) {
        hideCrosshair();
        return;
    }
    if (!m_crosshair) {
        m_crosshair = new QGraphicsLineItem(chart());
        m_crosshair->setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DashLine));
        m_crosshair->setZValue(100);
    }
    m_crosshair->setLine(at.x(), plot.top(), at.x(), plot.bottom());
    m_crosshair->show();
    QToolTip::showText(mapToGlobal(pos + QPoint(16, 8)), text, this);
}

void MetricChartView::hideCrosshair()
{
    if (m_crosshair)
        m_crosshair->hide();
    QToolTip::hideText();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
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
    if (event->buttons() == Qt::NoButton)
        showCrosshair(event->pos());
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
