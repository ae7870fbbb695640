#include "charts/chartlinesitem.h"

#include "charts/dashes.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPaintEngine>
#include <QPainter>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {

// QtCharts puts its series at this z (ChartPresenter::SeriesZValue): above
// the grid and the axes, below the legend.
constexpr qreal SeriesZ = 4;

bool drawable(const QLineSeries *s)
{
    return s->isVisible() && s->count() > 1 && s->pen().style() != Qt::NoPen;
}

// In device pixels; width 0 is QPainter's one-pixel cosmetic pen.
qreal strokeWidth(const QPen &pen, double scale)
{
    return pen.isCosmetic() ? std::max<qreal>(1, pen.widthF())
                            : std::max<qreal>(1, pen.widthF() * scale);
}

} // namespace

std::pair<double, double> axisRange(const QAbstractAxis *axis)
{
    if (auto *v = qobject_cast<const QValueAxis *>(axis))
        return {v->min(), v->max()};
    if (auto *t = qobject_cast<const QDateTimeAxis *>(axis))
        return {double(t->min().toMSecsSinceEpoch()), double(t->max().toMSecsSinceEpoch())};
    if (auto *l = qobject_cast<const QLogValueAxis *>(axis))
        return {l->min(), l->max()};
    return {qQNaN(), qQNaN()};
}

// Axis values to positions in a rectangle: QtCharts' XYDomain and
// LogXYDomain arithmetic (a log axis maps log(y) linearly, whatever its base).
struct ChartLinesItem::Mapping {
    double x0 = 0, xScale = 0, y0 = 0, yScale = 0, left = 0, bottom = 0;
    bool logY = false;

    QPointF operator()(const QPointF &p) const
    {
        const double y = logY ? std::log(p.y()) : p.y();
        return {left + (p.x() - x0) * xScale, bottom - (y - y0) * yScale};
    }
};

ChartLinesItem::ChartLinesItem(QChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart)
{
    setZValue(SeriesZ);
    setAcceptedMouseButtons(Qt::NoButton); // zoom and pan belong to the view
    updateGeometry();
}

void ChartLinesItem::setAxes(QAbstractAxis *x, QAbstractAxis *y)
{
    m_x = x;
    m_y = y;
    changed();
}

void ChartLinesItem::setSeries(const QList<QLineSeries *> &series)
{
    m_series = series;
    changed();
}

void ChartLinesItem::changed()
{
    m_imageValid = false;
    update();
}

void ChartLinesItem::updateGeometry()
{
    // A wide pen reaches past the plot area's edge by half its width.
    const QRectF rect = m_chart->plotArea().adjusted(-4, -4, 4, 4);
    if (rect != m_rect) {
        prepareGeometryChange();
        m_rect = rect;
    }
    m_drawn.clear(); // drawn again whole, as after any change of the view
    changed();
}

QRectF ChartLinesItem::boundingRect() const
{
    return m_rect;
}

bool ChartLinesItem::mapping(const QRectF &area, Mapping *out) const
{
    if (!m_x || !m_y || area.isEmpty())
        return false;
    const auto [x0, x1] = axisRange(m_x);
    auto [y0, y1] = axisRange(m_y);
    out->logY = m_y->type() == QAbstractAxis::AxisTypeLogValue;
    if (out->logY) {
        if (!(y0 > 0 && y1 > 0))
            return false;
        y0 = std::log(y0);
        y1 = std::log(y1);
    }
    if (!(x1 > x0) || !(y1 > y0))
        return false;
    out->x0 = x0;
    out->xScale = area.width() / (x1 - x0);
    out->y0 = y0;
    out->yScale = area.height() / (y1 - y0);
    out->left = area.left();
    out->bottom = area.bottom();
    return true;
}

void ChartLinesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea(); // our coordinates are the chart's
    if (plot.isEmpty() || std::none_of(m_series.cbegin(), m_series.cend(), drawable))
        return;
    const QTransform device = painter->deviceTransform();
    const bool raster =
        painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (raster && device.type() <= QTransform::TxScale && device.m11() > 0 && device.m22() > 0)
        paintStroked(painter, plot);
    else
        paintWithPainter(painter, plot);
}

// Every line into one transparent image in device pixels, then that image
// over the chart: composing source-over in steps gives the same result as
// drawing each line straight onto the chart. The image is kept while the
// lines and axes stay: a paint for the crosshair or a tooltip only blits it.
void ChartLinesItem::paintStroked(QPainter *painter, const QRectF &plot)
{
    const QTransform device = painter->deviceTransform();
    const QRectF area = device.mapRect(plot);
    const QRect target = area.toAlignedRect();
    Mapping map;
    if (!mapping(area.translated(-target.topLeft()), &map))
        return;
    const std::array<double, 4> axes{map.x0, map.xScale, map.y0, map.yScale};
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    const bool sameView = m_imageDevice == device && m_imageArea == area && m_imageAxes == axes
                          && m_imageAntialiased == antialiased;
    if (!m_imageValid || !sameView)
        strokeImage(target.size(), map, std::sqrt(device.m11() * device.m22()), antialiased,
                    sameView);
    m_imageValid = true;
    m_imageAntialiased = antialiased;
    m_imageDevice = device;
    m_imageArea = area;
    m_imageAxes = axes;
    painter->save();
    // Draw in device pixels: undo everything below the world transform.
    painter->setWorldTransform(device.inverted() * painter->worldTransform());
    painter->drawImage(target.topLeft(), m_image);
    painter->restore();
}

void ChartLinesItem::strokeImage(const QSize &size, const Mapping &map, double scale,
                                 bool antialiased, bool sameView)
{
    // Live growth on unchanged axes moves only the lines' right ends: the
    // columns left of the first changed segment keep their pixels.
    const bool kept = sameView && !antialiased && m_image.size() == size;
    const int from = kept ? firstChangedColumn(map, scale) : 0;
    if (from >= size.width())
        return;
    m_lastRedrawnFrom = from;
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    if (from == 0)
        m_image.fill(Qt::transparent);
    else
        for (int row = 0; row < size.height(); ++row)
            std::fill_n(reinterpret_cast<QRgb *>(m_image.scanLine(row)) + from, size.width() - from,
                        QRgb(0));
    m_drawn.clear();
    if (antialiased) { // few points: QPainter's smooth edges are affordable
        QPainter painter(&m_image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawLines(&painter, map, true, scale);
        return;
    }
    m_stroker.setFirstColumn(from);
    for (const QLineSeries *s : std::as_const(m_series)) {
        if (!drawable(s))
            continue;
        const QList<QPointF> points = s->points(); // shared, not copied
        m_drawn.push_back({s, s->pen(), points});
        m_mapped.resize(size_t(points.size()));
        std::transform(points.cbegin(), points.cend(), m_mapped.begin(), map);
        const QPen pen = s->pen();
        const qreal width = strokeWidth(pen, scale);
        if (pen.style() == Qt::SolidLine) {
            m_stroker.stroke(&m_image, m_mapped.data(), qsizetype(m_mapped.size()), width,
                             pen.color());
            continue;
        }
        dashSegments(m_mapped.data(), qsizetype(m_mapped.size()), pen.dashPattern(), width,
                     &m_dashes);
        m_stroker.strokeSegments(&m_image, m_dashes.data(), qsizetype(m_dashes.size()), width,
                                 pen.color());
    }
    m_stroker.setFirstColumn(0);
}

// The first image column that a segment added, moved or removed since the
// last stroke can reach; the image's width when none changed, 0 when the
// lines or their pens differ (then everything is drawn again).
int ChartLinesItem::firstChangedColumn(const Mapping &map, double scale) const
{
    const int all = m_image.width();
    size_t i = 0;
    double left = qInf();
    for (const QLineSeries *s : std::as_const(m_series)) {
        if (!drawable(s))
            continue;
        if (i == m_drawn.size() || m_drawn[i].series != s || m_drawn[i].pen != s->pen())
            return 0;
        const QList<QPointF> &was = m_drawn[i++].points;
        const QList<QPointF> now = s->points();
        const qsizetype common = std::min(was.size(), now.size());
        qsizetype k = 0;
        if (now.constData() != was.constData())
            while (k < common && now[k].x() == was[k].x() && now[k].y() == was[k].y())
                ++k;
        else
            k = common;
        if (k == now.size() && k == was.size())
            continue;
        // Segments from point k - 1 on are new or gone; the earlier ones stay.
        double changed = qInf();
        for (qsizetype j = std::max<qsizetype>(0, k - 1); j < now.size(); ++j)
            changed = std::min(changed, map(now[j]).x());
        for (qsizetype j = std::max<qsizetype>(0, k - 1); j < was.size(); ++j)
            changed = std::min(changed, map(was[j]).x());
        // A wide pen's square cap reaches up to width / sqrt(2) to the left.
        left = std::min(left, changed - strokeWidth(s->pen(), scale) - 1);
    }
    if (i != m_drawn.size())
        return 0;
    if (!(left < all)) // none changed (or only beyond the right edge)
        return all;
    return left <= 0 ? 0 : int(std::floor(left));
}

// As QtCharts' LineChartItem paints: clipped to the plot area, a solid line
// segment by segment on raster devices (a wide pen's outline of a whole
// long polyline costs far more), otherwise one polyline (SVG, printing).
void ChartLinesItem::paintWithPainter(QPainter *painter, const QRectF &plot)
{
    Mapping map;
    if (!mapping(plot, &map))
        return;
    const bool raster =
        painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    painter->save();
    painter->setClipRect(plot, Qt::IntersectClip);
    drawLines(painter, map, raster, 1);
    painter->restore();
}

// `scale`: device pixels per unit of the series' pen widths.
void ChartLinesItem::drawLines(QPainter *painter, const Mapping &map, bool raster, double scale)
{
    painter->setBrush(Qt::NoBrush);
    QPolygonF line;
    for (const QLineSeries *s : std::as_const(m_series)) {
        if (!drawable(s))
            continue;
        const QList<QPointF> points = s->points();
        line.resize(points.size());
        std::transform(points.cbegin(), points.cend(), line.begin(), map);
        QPen pen = s->pen();
        if (!pen.isCosmetic())
            pen.setWidthF(pen.widthF() * scale);
        if (raster && pen.style() == Qt::SolidLine) {
            m_dashes.clear();
            for (qsizetype i = 1; i < line.size(); ++i)
                m_dashes.emplace_back(line.at(i - 1), line.at(i));
            painter->setPen(pen);
            painter->drawLines(m_dashes.data(), int(m_dashes.size()));
        } else if (raster) {
            // QPainter's dash stroker costs several times the solid line.
            const qreal unit = pen.widthF() > 0 ? pen.widthF() : 1;
            dashSegments(line.constData(), line.size(), pen.dashPattern(), unit, &m_dashes);
            pen.setStyle(Qt::SolidLine);
            painter->setPen(pen);
            painter->drawLines(m_dashes.data(), int(m_dashes.size()));
        } else {
            painter->setPen(pen);
            painter->drawPolyline(line);
        }
    }
}

} // namespace mlwb
