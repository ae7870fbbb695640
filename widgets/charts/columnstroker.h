#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <vector>

namespace mlwb {

/// Draws polylines into an image the way a non-antialiased QPen of the same
/// width does, as one vertical run of pixels per pixel column: a wide pen
/// (square caps) sets the pixels whose centres its segments' strokes cover,
/// a pen of one pixel one pixel per step along a segment's longer axis.
///
/// Why: a chart line decimated to a few points per pixel column is almost all
/// short, steep segments. QPainter strokes a pen wider than one pixel
/// segment by segment (drawLine) or as one self-overlapping outline
/// (drawPolyline, seconds for 50 dense lines); this computes each column's
/// covered span once and writes it, several times faster, and composes a
/// translucent line over itself once instead of once per segment.
class ColumnStroker
{
public:
    /// image must be Format_ARGB32_Premultiplied; points are in its pixel
    /// coordinates (pixel (i, j) covers [i, i + 1) x [j, j + 1)). The line
    /// is composed over what the image holds (source over). Non-finite
    /// points must not be passed.
    void stroke(QImage *image, const QPointF *points, qsizetype count, qreal width,
                const QColor &color);

private:
    void wideSegment(QPointF a, QPointF b, double r, int columns);
    void thinSegment(QPointF a, QPointF b, int columns);
    void cover(int column, double top, double bottom);

    std::vector<double> m_top, m_bottom; // per column of the image; none: top > bottom
    int m_first = 0, m_last = -1;        // columns touched by the current line
};

} // namespace mlwb
