#pragma once

#include <QList>
#include <QPointF>

namespace mlwb {

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
    static void extremesPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                 double x1, int width, QList<QPointF> *out);

    /// Largest-Triangle-Three-Buckets (Steinarsson 2013): exactly threshold
    /// points including the first and last, chosen to keep the shape. Returns
    /// all points when count <= threshold or threshold < 3. Non-finite y
    /// values are skipped when averaging and are picked only from a bucket
    /// that holds nothing else.
    static QList<QPointF> largestTriangleThreeBuckets(const double *x, const double *y,
                                                      qsizetype count, int threshold);
};

} // namespace mlwb
