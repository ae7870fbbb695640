#include "charts/columnstroker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlwb {

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();

// x * a / 255 per channel of a premultiplied ARGB pixel, rounded, two
// channels per multiplication (the usual 8-bit compositing trick).
inline QRgb byteMul(QRgb x, uint a)
{
    uint t = (x & 0xff00ff) * a;
    t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
    t &= 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a;
    x = x + ((x >> 8) & 0xff00ff) + 0x800080;
    x &= 0xff00ff00;
    return x | t;
}

// Rows (or columns) whose centre i + 0.5 lies in [from, to], clamped to
// [0, size): first..last, empty (0, -1) when none or when from or to is NaN.
inline std::pair<int, int> centresIn(double from, double to, int size)
{
    const double first = std::ceil(from - 0.5), last = std::floor(to - 0.5);
    if (!(first <= last) || last < 0 || first >= size)
        return {0, -1};
    return {first < 0 ? 0 : int(first), last >= size ? size - 1 : int(last)};
}

} // namespace

void ColumnStroker::stroke(QImage *image, const QPointF *points, qsizetype count, qreal width,
                           const QColor &color)
{
    if (count < 2 || !begin(image, width, color))
        return;
    for (qsizetype i = 1; i < count; ++i)
        segment(points[i - 1], points[i]);
    compose();
}

void ColumnStroker::strokeSegments(QImage *image, const QLineF *segments, qsizetype count,
                                   qreal width, const QColor &color)
{
    if (count < 1 || !begin(image, width, color))
        return;
    m_separate = true;
    for (qsizetype i = 0; i < count; ++i)
        segment(segments[i].p1(), segments[i].p2());
    compose();
    m_separate = false;
}

bool ColumnStroker::begin(QImage *image, qreal width, const QColor &color)
{
    Q_ASSERT(image->format() == QImage::Format_ARGB32_Premultiplied);
    m_columns = image->width();
    if (m_columns <= 0 || image->height() <= 0 || !(width > 0) || color.alpha() == 0)
        return false;
    if (m_top.size() < size_t(m_columns)) {
        m_top.assign(size_t(m_columns), Inf);
        m_bottom.assign(size_t(m_columns), -Inf);
    }
    m_first = m_columns;
    m_last = -1;
    m_image = image;
    m_width = width;
    m_source = qPremultiply(color.rgba());
    m_keep = 255 - qAlpha(m_source);
    return true;
}

void ColumnStroker::segment(QPointF a, QPointF b)
{
    if (!m_separate && std::max(a.x(), b.x()) + m_width < m_firstColumn)
        return; // reaches no column that is drawn
    if (m_width <= 1)
        thinSegment(a, b);
    else
        wideSegment(a, b, m_width / 2);
}

// Writes the columns touched since the last compose and forgets them.
void ColumnStroker::compose()
{
    const int rows = m_image->height();
    uchar *bits = m_image->bits();
    const qsizetype stride = m_image->bytesPerLine();
    for (int k = m_first; k <= m_last; ++k) {
        const double top = m_top[size_t(k)], bottom = m_bottom[size_t(k)];
        m_top[size_t(k)] = Inf;
        m_bottom[size_t(k)] = -Inf;
        if (!(top <= bottom) || k < m_firstColumn)
            continue;
        const auto [first, last] = centresIn(top, bottom, rows);
        uchar *pixel = bits + first * stride + k * qsizetype(sizeof(QRgb));
        for (int j = first; j <= last; ++j, pixel += stride) {
            auto *p = reinterpret_cast<QRgb *>(pixel);
            *p = m_keep ? m_source + byteMul(*p, m_keep) : m_source;
        }
    }
    m_first = m_columns;
    m_last = -1;
}

// The stroke of a segment with square caps is the rectangle around a..b,
// grown by r on every side. Per column centre x, the y inside it satisfy two
// conditions, each an interval of t = y - ay: |n.e| <= r across and
// -r <= u.e <= length + r along, where e = (x, y) - a.
void ColumnStroker::wideSegment(QPointF a, QPointF b, double r)
{
    const int columns = m_columns;
    const double ax = a.x(), ay = a.y();
    const double dx = b.x() - ax, dy = b.y() - ay;
    const double length = std::sqrt(dx * dx + dy * dy);
    const double ux = length > 0 ? dx / length : 1.0, uy = length > 0 ? dy / length : 0.0;
    const double nx = -uy, ny = ux;
    const double reach = r * (std::abs(ux) + std::abs(uy));
    const auto [from, to] =
        centresIn(std::min(ax, b.x()) - reach, std::max(ax, b.x()) + reach, columns);
    // A vertical (horizontal) segment's across (along) condition only
    // bounds x, which the column range already does.
    const bool across = std::abs(ny) > 1e-9, along = std::abs(uy) > 1e-9;
    const double acrossScale = across ? 1 / ny : 0, alongScale = along ? 1 / uy : 0;
    for (int k = from; k <= to; ++k) {
        const double ex = k + 0.5 - ax;
        double top = -Inf, bottom = Inf;
        if (across) {
            const double p = (-r - nx * ex) * acrossScale, q = (r - nx * ex) * acrossScale;
            top = std::min(p, q);
            bottom = std::max(p, q);
        }
        if (along) {
            const double p = (-r - ux * ex) * alongScale;
            const double q = (length + r - ux * ex) * alongScale;
            top = std::max(top, std::min(p, q));
            bottom = std::min(bottom, std::max(p, q));
        }
        if (top <= bottom)
            cover(k, ay + top, ay + bottom);
    }
}

// A pen of one pixel (QPainter's cosmetic stroker) sets one pixel per step
// along the longer axis: per column the rows the segment crosses within the
// column, or the one row around its middle where it runs flatter than 45°.
void ColumnStroker::thinSegment(QPointF a, QPointF b)
{
    const int columns = m_columns;
    const double left = std::min(a.x(), b.x()), right = std::max(a.x(), b.x());
    const double first = std::floor(left), last = std::floor(right);
    if (!(first <= last) || last < 0 || first >= columns) // NaN too
        return;
    const int from = first < 0 ? 0 : int(first), to = last >= columns ? columns - 1 : int(last);
    const double dx = b.x() - a.x(), slope = dx != 0 ? (b.y() - a.y()) / dx : 0;
    for (int k = from; k <= to; ++k) {
        double y0 = a.y(), y1 = b.y();
        if (dx != 0) {
            y0 = a.y() + (std::max<double>(k, left) - a.x()) * slope;
            y1 = a.y() + (std::min<double>(k + 1, right) - a.x()) * slope;
        }
        const double middle = (y0 + y1) / 2, half = std::abs(y1 - y0) / 2;
        if (half > 0.5)
            cover(k, middle - half, middle + half);
        else // the half-open row [middle - 0.5, middle + 0.5): one pixel
            cover(k, middle - 0.5, middle + 0.5 - 1e-9);
    }
}

void ColumnStroker::cover(int column, double top, double bottom)
{
    // Separate segments compose early when a column's spans part (below),
    // which touches other columns: the columns left of the first one drawn
    // keep that bookkeeping so the others get exactly a whole stroke's pixels.
    if (column < m_firstColumn && !m_separate)
        return;
    // Two spans that meet cover, as one, the pixels either covers; two that
    // do not would fill the gap between them.
    if (m_separate && m_top[size_t(column)] <= m_bottom[size_t(column)]
        && (top > m_bottom[size_t(column)] || bottom < m_top[size_t(column)]))
        compose();
    m_top[size_t(column)] = std::min(m_top[size_t(column)], top);
    m_bottom[size_t(column)] = std::max(m_bottom[size_t(column)], bottom);
    m_first = std::min(m_first, column);
    m_last = std::max(m_last, column);
}

} // namespace mlwb
