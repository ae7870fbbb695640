#pragma once

#include <QList>
#include <QPointF>
#include <vector>

namespace mlwb {

/// Per block of BlockSize consecutive points of a y array, the value and
/// place of its first finite minimum and maximum: lets
/// Decimator::extremesPerPixel() take a wide pixel column's extremes from
/// its whole blocks without reading their points (the whole of 50 runs of
/// 1M points is 400 MB of y to read per redraw otherwise). About 1/28 of
/// the array's size. Holds values, not pointers: the array may move.
class ExtremaBlocks
{
public:
    static constexpr qsizetype BlockSize = 64;

    /// Indexes y[0, count) afresh.
    void rebuild(const double *y, qsizetype count);
    /// y grew (or its last values changed) from the count last indexed to
    /// count: indexes the new points and the last partial block again.
    void append(const double *y, qsizetype count);
    void clear();
    /// Points indexed; only whole blocks are used.
    qsizetype count() const { return m_count; }
    qsizetype blocks() const { return qsizetype(m_lo.size()); }
    /// Block b's lowest and highest finite value (+inf / -inf: none) and
    /// their indexes in y (first occurrence; -1: none).
    double lo(qsizetype b) const { return m_lo[size_t(b)]; }
    double hi(qsizetype b) const { return m_hi[size_t(b)]; }
    qsizetype loAt(qsizetype b) const;
    qsizetype hiAt(qsizetype b) const;

private:
    std::vector<double> m_lo, m_hi;
    std::vector<quint8> m_loAt, m_hiAt; // offset in the block; 255: none
    qsizetype m_count = 0;
};

/// Reduces a long metric series to the points a chart can actually show.
///
/// minMaxPerPixel() keeps, per pixel column, the first, minimum, maximum and
/// last point (M4), so a line drawn through the result is pixel-identical to
/// one through all points and no spike is hidden. extremesPerPixel() keeps
/// only each column's minimum and maximum: the vertical span that covers the
/// same pixels of that column, half the points, for charts that draw many
/// lines. largestTriangleThreeBuckets() keeps a fixed number of points that
/// preserve the visual shape, for smooth overviews and sparklines.
///
/// Inputs are borrowed arrays (no copies): x ascending (repeats allowed) and
/// finite, y any double. Non-finite y values (NaN, +-inf) are never chosen as
/// first/min/max/last of a pixel; only the exact path (few points) returns
/// them unchanged, so the caller sees exactly what it stored.
class Decimator
{
public:
    /// Points of x/y needed to draw [x0, x1] at width pixels: the points
    /// themselves when the range holds at most 4 * width of them, else
    /// first/min/max/last per pixel in x order. The nearest point outside
    /// each edge is included so the line reaches the border. Non-finite x0/x1
    /// stand for the data's own first/last x. width <= 0 or x1 < x0 gives
    /// nothing.
    static QList<QPointF> minMaxPerPixel(const double *x, const double *y, qsizetype count,
                                         double x0, double x1, int width);
    /// As above, writing into out (cleared first) so a chart that redraws
    /// often can reuse its buffer.
    static void minMaxPerPixel(const double *x, const double *y, qsizetype count, double x0,
                               double x1, int width, QList<QPointF> *out);

    /// As minMaxPerPixel() (same columns, edges and arguments), but keeps
    /// only the minimum and the maximum of each column, in x order (one point
    /// when they are the same), and the points themselves when the range
    /// holds at most 2 * width of them. A line through the result still
    /// connects column to column and covers every column's whole min..max.
    /// blocks, when given, must index y up to at least its whole blocks in
    /// range; the result is the same, read faster.
    static void extremesPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                 double x1, int width, QList<QPointF> *out,
                                 const ExtremaBlocks *blocks = nullptr);

    /// Largest-Triangle-Three-Buckets (Steinarsson 2013): exactly threshold
    /// points including the first and last, chosen to keep the shape. Returns
    /// all points when count <= threshold or threshold < 3. Non-finite y
    /// values are skipped when averaging and are picked only from a bucket
    /// that holds nothing else.
    static QList<QPointF> largestTriangleThreeBuckets(const double *x, const double *y,
                                                      qsizetype count, int threshold);
};

} // namespace mlwb
