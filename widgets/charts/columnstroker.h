#pragma once

#include <QColor>
#include <QImage>
#include <QLineF>
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
    /// Separate segments (a dashed line's dashes), each drawn as stroke()
    /// draws a two-point line. Pixels that several segments cover are
    /// composed once where the segments overlap in their column and once
    /// per segment where they do not: for an opaque colour, exactly one
    /// stroke() per segment, in a fraction of the time.
    void strokeSegments(QImage *image, const QLineF *segments, qsizetype count, qreal width,
                        const QColor &color);

    /// Draws only columns from `column` on, leaving those left of it as
    /// they are: each such column gets exactly the pixels a whole stroke
    /// gives it. 0 draws everything.
    void setFirstColumn(int column) { m_firstColumn = column; }

private:
    bool begin(QImage *image, qreal width, const QColor &color);
    void segment(QPointF a, QPointF b);
    void wideSegment(QPointF a, QPointF b, double r);
    void thinSegment(QPointF a, QPointF b);
    void cover(int column, double top, double bottom);
    void compose();

    std::vector<double> m_top, m_bottom; // per column of the image; none: top > bottom
    int m_first = 0, m_last = -1;        // columns touched by the current line
    // Of the current line:
    QImage *m_image = nullptr;
    int m_columns = 0;
    qreal m_width = 0;
    QRgb m_source = 0;
    uint m_keep = 0;
    // Segments that are not one line: a column whose span a segment does not
    // meet is composed before that segment covers it (no gap filled in).
    bool m_separate = false;
    int m_firstColumn = 0; // columns left of it are not written
};

} // namespace mlwb
