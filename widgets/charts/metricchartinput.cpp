// MetricChartView: the hover crosshair, zoom and pan with the mouse, and
// dragging a panel by its title onto another to merge them, or onto its edge to move it.
#include "charts/metricchartline.h"

#include <QApplication>
#include <QDateTime>
#include <QDrag>
#include <QDragEnterEvent>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QMimeData>
#include <QMouseEvent>
#include <cmath>
#include <utility>

namespace mlwb {

QList<HoverValue> MetricChartView::valuesAt(double x) const
{
    QList<HoverValue> out;
    if (m_aggregate) // the runs' own lines are not drawn
        return out;
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        if (!line->visible || !line->size() || x < line->firstX() || x > line->lastX())
            continue;
        if (line->lod) { // x is the step; never smoothed
            HoverValue v{line->run, line->metric, 0, 0, 0, qQNaN()};
            if (!line->lod->nearest(x, &v.x, &v.raw))
                continue;
            v.step = qint64(v.x);
            out << v;
            continue;
        }
        // The point nearest x along the x axis: what a vertical crosshair touches.
        const double *xs = c.x();
        qsizetype i = std::lower_bound(xs, xs + c.size(), x) - xs;
        if (i == c.size() || (i > 0 && x - xs[i - 1] < xs[i] - x))
            --i;
        HoverValue v;
        v.run = line->run;
        v.metric = line->metric;
        v.x = xs[i];
        v.raw = c.y()[i];
        v.smoothed = c.isSmoothed() ? c.smoothed()[i] : qQNaN();
        v.step = qint64(c.source()->step.at(c.sourceIndex(i)));
        out << v;
    }
    return out;
}

Readout MetricChartView::readout(double x) const
{
    const QList<HoverValue> values = valuesAt(x);
    Readout out;
    if (values.isEmpty())
        return out;
    const auto number = [](double v) { return QString::number(v, 'g', 6); };
    out.title = axisTitle() + QLatin1Char(' ') + xText(values.first().x);
    for (const HoverValue &v : values) {
        const QString value = std::isnan(v.smoothed)
                                  ? number(v.raw)
                                  : tr("%1 (raw %2)").arg(number(v.smoothed), number(v.raw));
        const QString who =
            m_merged.isEmpty() ? v.run.label : v.run.label + QStringLiteral(" · ") + v.metric;
        out.rows.append({v.run.color, who + QStringLiteral(": ") + value});
    }
    return out;
}

QString MetricChartView::readoutAt(double x) const
{
    return readout(x).toPlainText();
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
    const Readout shown = plot.contains(at) ? readout(chart()->mapToValue(at).x()) : Readout();
    if (shown.isEmpty()) {
        hideCrosshair();
        return;
    }
    if (!m_crosshair) {
        // Solid and faint: a dashed pen goes through QPainter's dash stroker on every move.
        m_crosshair = new QGraphicsLineItem(chart());
        m_crosshair->setPen(QPen(QColor(0, 0, 0, 70), 0)); // cosmetic: no stroked shape
        m_crosshair->setZValue(100);
        m_readout = new HoverReadout(chart());
    }
    m_crosshair->setLine(at.x(), plot.top(), at.x(), plot.bottom());
    m_crosshair->show();
    m_readout->show(shown, at, chart()->boundingRect());
}

void MetricChartView::hideCrosshair()
{
    if (m_crosshair)
        m_crosshair->hide();
    if (m_readout)
        m_readout->hide();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
}

namespace {
const QString metricMime = QStringLiteral("application/x-mlwb-metric");
// Dropped on a side band, a panel moves beside this one; on the middle it merges.
constexpr double edgeShare = 0.25;
} // namespace

// The band above the plot, where the title is: a handle to drag the panel by.
bool MetricChartView::inTitle(const QPoint &pos) const
{
    return chart()->mapFromScene(mapToScene(pos)).y() < chart()->plotArea().top() - 6;
}

void MetricChartView::dragEnterEvent(QDragEnterEvent *event)
{
    const QString metric = QString::fromUtf8(event->mimeData()->data(metricMime));
    if (!metric.isEmpty() && !metrics().contains(metric))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MetricChartView::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
    showDropMark(dropZone(event->position().toPoint()));
}

void MetricChartView::dragLeaveEvent(QDragLeaveEvent *event)
{
    showDropMark(DropZone::None);
    QChartView::dragLeaveEvent(event);
}

void MetricChartView::dropEvent(QDropEvent *event)
{
    const QString metric = QString::fromUtf8(event->mimeData()->data(metricMime));
    const DropZone zone = dropZone(event->position().toPoint());
    event->acceptProposedAction();
    showDropMark(DropZone::None);
    if (zone == DropZone::Merge)
        Q_EMIT mergeRequested(metric, m_metric);
    else
        Q_EMIT moveRequested(metric, m_metric, zone == DropZone::After);
}

MetricChartView::DropZone MetricChartView::dropZone(const QPoint &pos) const
{
    const int band = int(viewport()->width() * edgeShare);
    if (pos.x() < band)
        return DropZone::Before;
    return pos.x() >= viewport()->width() - band ? DropZone::After : DropZone::Merge;
}

// A bar on the edge the panel would move to, or a frame around the whole
// panel it would merge into.
void MetricChartView::showDropMark(DropZone zone)
{
    if (!m_dropMark) {
        if (zone == DropZone::None)
            return;
        m_dropMark = scene()->addRect(QRectF());
        m_dropMark->setZValue(1000);
    }
    const QRectF all = mapToScene(viewport()->rect()).boundingRect();
    const QColor color = palette().color(QPalette::Highlight);
    QColor fill = color;
    fill.setAlpha(zone == DropZone::Merge ? 30 : 160);
    m_dropMark->setPen(QPen(color, 2));
    m_dropMark->setBrush(fill);
    if (zone == DropZone::Before)
        m_dropMark->setRect(all.left() + 1, all.top() + 1, 6, all.height() - 2);
    else if (zone == DropZone::After)
        m_dropMark->setRect(all.right() - 7, all.top() + 1, 6, all.height() - 2);
    else
        m_dropMark->setRect(all.adjusted(1, 1, -1, -1));
    m_dropMark->setVisible(zone != DropZone::None);
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    if (inTitle(event->pos())) {
        if (event->button() == Qt::LeftButton)
            m_dragFrom = event->pos();
        else if (event->button() == Qt::RightButton)
            Q_EMIT titleMenuRequested(event->globalPosition().toPoint());
        event->accept();
        return;
    }
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
    if (m_dragFrom.x() >= 0 && (event->buttons() & Qt::LeftButton)) {
        if ((event->pos() - m_dragFrom).manhattanLength() < QApplication::startDragDistance())
            return;
        m_dragFrom = QPoint(-1, -1);
        auto *drag = new QDrag(this);
        auto *data = new QMimeData;
        data->setData(metricMime, m_metric.toUtf8());
        drag->setMimeData(data);
        drag->setPixmap(grab().scaledToWidth(160, Qt::SmoothTransformation));
        drag->exec(Qt::MoveAction);
        return;
    }
    if (event->buttons() == Qt::NoButton) {
        showCrosshair(event->pos());
        if (inTitle(event->pos()))
            setCursor(Qt::OpenHandCursor);
        else if (!m_panning)
            unsetCursor();
    }
    QChartView::mouseMoveEvent(event);
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (std::exchange(m_dragFrom, QPoint(-1, -1)).x() >= 0) {
        event->accept();
        return;
    }
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
