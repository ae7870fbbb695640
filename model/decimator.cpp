#include "decimator.h"

#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {

// Maps x to a pixel column exactly as the tests' reference does; NaN lands in
// column 0 instead of becoming an undefined int conversion.
struct PixelMapping {
    double x0 = 0;
    double scale = 0;
    int width = 1;

    int columnOf(double x) const
    {
        const double f = (x - x0) * scale;
        if (!(f > 0.0))
            return 0;
        if (f >= width)
            return width - 1;
        return int(f);
    }
};

inline QPointF pointAt(const double *x, const double *y, qsizetype i)
{
    return {x[i], y[i]};
}

// First index in [from, to) whose column lies beyond column; always > from so
// a malformed (non-ascending) x can never stall the caller. Gallops from
// `from` before bisecting: the answer is usually a few hundred points ahead,
// and a plain bisection of the whole rest would touch far, uncached memory
// for every column.
qsizetype columnEnd(const double *x, qsizetype from, qsizetype to, int column,
                    const PixelMapping &map)
{
    auto inColumn = [&](double v) { return map.columnOf(v) <= column; };
    // Probes from + 1, + 2, + 4, ... until one is beyond the column, then
    // bisects the last stride; everything before lo is in the column.
    qsizetype lo = from + 1;
    for (qsizetype step = 1;; step *= 2) {
        const qsizetype probe = lo + step - 1;
        if (probe >= to)
            return std::partition_point(x + lo, x + to, inColumn) - x;
        if (!inColumn(x[probe]))
            return std::partition_point(x + lo, x + probe, inColumn) - x;
        lo = probe + 1;
    }
}

// The finite points of one column that a decimated line must keep: the
// first, the (first) minimum, the (first) maximum and the last; -1 when the
// column has no finite y.
struct ColumnPicks {
    qsizetype first = -1, lo = -1, hi = -1, last = -1;
};

ColumnPicks scanColumn(const double *y, qsizetype from, qsizetype to)
{
    ColumnPicks p;
    qsizetype first = from;
    while (first < to && !std::isfinite(y[first]))
        ++first;
    if (first == to)
        return p;
    p = {first, first, first, first};
    double loValue = y[first], hiValue = y[first];
    // Branchy on purpose: a new extreme is rare after a column's first few
    // points, so the branches predict well (measured faster than a
    // branch-free min/max over several lanes).
    for (qsizetype i = first + 1; i < to; ++i) {
        const double v = y[i];
        if (!std::isfinite(v))
            continue;
        p.last = i;
        if (v < loValue) {
            loValue = v;
            p.lo = i;
        } else if (v > hiValue) {
            hiValue = v;
            p.hi = i;
        }
    }
    return p;
}

// Appends the given indexes of one column in x order, each once.
template <int N>
void appendPicks(const double *x, const double *y, qsizetype (&picks)[N], QList<QPointF> *out)
{
    std::sort(picks, picks + N);
    for (int k = 0; k < N; ++k) {
        if (k == 0 || picks[k] != picks[k - 1])
            out->append(pointAt(x, y, picks[k]));
    }
}

// The nearest point with a finite y walking away from the range by step.
void appendOutside(const double *x, const double *y, qsizetype count, qsizetype from, int step,
                   QList<QPointF> *out)
{
    for (qsizetype i = from; i >= 0 && i < count; i += step) {
        if (std::isfinite(y[i])) {
            out->append(pointAt(x, y, i));
            return;
        }
    }
}

// Mean of the finite points in [from, to), or fallback when there are none.
QPointF finiteAverage(const double *x, const double *y, qsizetype from, qsizetype to,
                      QPointF fallback)
{
    double sumX = 0, sumY = 0;
    qsizetype n = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (std::isfinite(y[i])) {
            sumX += x[i];
            sumY += y[i];
            ++n;
        }
    }
    return n > 0 ? QPointF(sumX / n, sumY / n) : fallback;
}

// Index in [from, to) of the finite point spanning the largest triangle with
// a and c; from when the bucket has no finite point.
qsizetype largestTriangle(const double *x, const double *y, qsizetype from, qsizetype to, QPointF a,
                          QPointF c)
{
    qsizetype chosen = from;
    double best = -1;
    for (qsizetype i = from; i < to; ++i) {
        const double area =
            std::abs((a.x() - c.x()) * (y[i] - a.y()) - (a.x() - x[i]) * (c.y() - a.y()));
        if (std::isfinite(y[i]) && area > best) {
            best = area;
            chosen = i;
        }
    }
    return chosen;
}

} // namespace

QList<QPointF> Decimator::minMaxPerPixel(const double *x, const double *y, qsizetype count,
                                         double x0, double x1, int width)
{
    QList<QPointF> out;
    minMaxPerPixel(x, y, count, x0, x1, width, &out);
    return out;
}

namespace {

// The work shared by both per-pixel decimations: the exact points when the
// range holds at most exactLimit, else the edges and, per column, what
// appendColumn(picks, out) keeps.
template <typename AppendColumn>
void perPixel(const double *x, const double *y, qsizetype count, double x0, double x1, int width,
              qsizetype exactLimit, qsizetype perColumn, QList<QPointF> *out,
              AppendColumn appendColumn)
{
    out->clear();
    if (count <= 0 || width <= 0)
        return;
    if (!std::isfinite(x0))
        x0 = x[0];
    if (!std::isfinite(x1))
        x1 = x[count - 1];
    if (!(x0 <= x1))
        return;

    const qsizetype begin = std::lower_bound(x, x + count, x0) - x;
    const qsizetype end = std::upper_bound(x + begin, x + count, x1) - x;
    if (end - begin <= exactLimit) {
        // Exact: no more points than the decimated form could have anyway.
        const qsizetype from = std::max<qsizetype>(begin - 1, 0);
        const qsizetype to = std::min(end + 1, count);
        out->reserve(to - from);
        for (qsizetype i = from; i < to; ++i)
            out->append(pointAt(x, y, i));
        return;
    }

    const PixelMapping map{x0, x1 > x0 ? width / (x1 - x0) : 0.0, width};
    out->reserve(perColumn * qsizetype(width) + 2);
    appendOutside(x, y, count, begin - 1, -1, out);
    for (qsizetype i = begin; i < end;) {
        const qsizetype next = columnEnd(x, i, end, map.columnOf(x[i]), map);
        const ColumnPicks picks = scanColumn(y, i, next);
        if (picks.first >= 0)
            appendColumn(picks, out);
        i = next;
    }
    appendOutside(x, y, count, end, +1, out);
}

} // namespace

void Decimator::minMaxPerPixel(const double *x, const double *y, qsizetype count, double x0,
                               double x1, int width, QList<QPointF> *out)
{
    perPixel(x, y, count, x0, x1, width, 4 * qsizetype(width), 4, out,
             [&](const ColumnPicks &p, QList<QPointF> *points) {
                 qsizetype picks[4] = {p.first, p.lo, p.hi, p.last};
                 appendPicks(x, y, picks, points);
             });
}

void Decimator::extremesPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                 double x1, int width, QList<QPointF> *out)
{
    perPixel(x, y, count, x0, x1, width, 2 * qsizetype(width), 2, out,
             [&](const ColumnPicks &p, QList<QPointF> *points) {
                 qsizetype picks[2] = {p.lo, p.hi};
                 appendPicks(x, y, picks, points);
             });
}

QList<QPointF> Decimator::largestTriangleThreeBuckets(const double *x, const double *y,
                                                      qsizetype count, int threshold)
{
    QList<QPointF> out;
    if (count <= 0)
        return out;
    if (threshold < 3 || count <= threshold) {
        out.reserve(count);
        for (qsizetype i = 0; i < count; ++i)
            out.append(pointAt(x, y, i));
        return out;
    }

    out.reserve(threshold);
    out.append(pointAt(x, y, 0));
    const int buckets = threshold - 2;
    // Bucket b covers [start(b), start(b + 1)); the first and last points
    // are buckets of their own.
    const double every = double(count - 2) / buckets;
    auto start = [&](int b) {
        return b >= buckets ? count - 1 : std::min(qsizetype(b * every) + 1, count - 1);
    };
    QPointF anchor(x[0], std::isfinite(y[0]) ? y[0] : 0.0);
    for (int b = 0; b < buckets; ++b) {
        const qsizetype to = start(b + 1);
        const qsizetype nextTo = b + 1 >= buckets ? count : start(b + 2);
        const QPointF next = finiteAverage(x, y, to, nextTo, QPointF(x[nextTo - 1], anchor.y()));
        const qsizetype chosen = largestTriangle(x, y, start(b), to, anchor, next);
        out.append(pointAt(x, y, chosen));
        if (std::isfinite(y[chosen]))
            anchor = pointAt(x, y, chosen);
    }
    out.append(pointAt(x, y, count - 1));
    return out;
}

} // namespace mlwb
