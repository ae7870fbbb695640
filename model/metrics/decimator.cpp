#include "metrics/decimator.h"

#include "metrics/pixelmapping.h"

#include <QtNumeric>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {

inline void prefetch(const double *p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    Q_UNUSED(p);
#endif
}

inline QPointF pointAt(const double *x, const double *y, qsizetype i)
{
    return {x[i], y[i]};
}

// First index in [from, to) whose column lies beyond column; always > from so
// a malformed (non-ascending) x can never stall the caller. Starts where
// the column's edge would be if the rest were evenly spaced (exact for
// consecutive steps) and gallops from there before bisecting: a bisection
// of the whole rest would miss the cache a dozen times for every column.
qsizetype columnEnd(const double *x, qsizetype from, qsizetype to, int column,
                    const PixelMapping &map)
{
    auto inColumn = [&](double v) { return map.columnOf(v) <= column; };
    qsizetype lo = from + 1; // everything before lo is in the column
    qsizetype hi = to;       // everything from hi on is beyond it
    qsizetype guess = lo;
    const double span = x[to - 1] - x[from];
    if (span > 0 && map.scale > 0) {
        const double share = (map.x0 + (column + 1) / map.scale - x[from]) / span;
        guess = from + qsizetype(std::clamp(share, 0.0, 1.0) * double(to - 1 - from));
        guess = std::clamp(guess, lo, hi);
    }
    if (guess < hi && inColumn(x[guess])) {
        lo = guess + 1;
        for (qsizetype step = 1; lo < hi; step *= 2) {
            const qsizetype probe = std::min(lo + step - 1, hi - 1);
            if (!inColumn(x[probe])) {
                hi = probe;
                break;
            }
            lo = probe + 1;
        }
    } else if (guess < hi) {
        hi = guess;
        for (qsizetype step = 1; lo < hi; step *= 2) {
            const qsizetype probe = std::max(hi - step, lo);
            if (inColumn(x[probe])) {
                lo = probe + 1;
                break;
            }
            hi = probe;
        }
    }
    return std::partition_point(x + lo, x + hi, inColumn) - x;
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

// The first finite minimum and maximum of y[from, to) (-1: none), from the
// blocks wholly inside the range where blocks index them: only the ragged
// ends are read point by point. Ties keep the first, as scanColumn does.
std::pair<qsizetype, qsizetype> scanExtremes(const double *y, qsizetype from, qsizetype to,
                                             const ExtremaBlocks *blocks)
{
    constexpr qsizetype B = ExtremaBlocks::BlockSize;
    double loValue = qInf(), hiValue = -qInf();
    qsizetype lo = -1, hi = -1;
    auto scan = [&](qsizetype a, qsizetype b) {
        for (qsizetype i = a; i < b; ++i) {
            const double v = y[i];
            if (!std::isfinite(v))
                continue;
            if (v < loValue) {
                loValue = v;
                lo = i;
            }
            if (v > hiValue) {
                hiValue = v;
                hi = i;
            }
        }
    };
    const qsizetype firstBlock = blocks ? (from + B - 1) / B : 0;
    const qsizetype endBlock = blocks ? std::min(to / B, blocks->count() / B) : 0;
    if (endBlock - firstBlock < 2) { // too narrow to gain anything
        scan(from, to);
        return {lo, hi};
    }
    scan(from, firstBlock * B);
    for (qsizetype b = firstBlock; b < endBlock; ++b) {
        if (blocks->lo(b) < loValue) {
            loValue = blocks->lo(b);
            lo = blocks->loAt(b);
        }
        if (blocks->hi(b) > hiValue) {
            hiValue = blocks->hi(b);
            hi = blocks->hiAt(b);
        }
    }
    scan(endBlock * B, to);
    return {lo, hi};
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
// range holds at most exactLimit, else the edges and, per column [i, next),
// what appendColumn(i, next, out) keeps; finish(out) after the last column.
template <typename AppendColumn, typename Finish>
void perPixel(const double *x, const double *y, qsizetype count, double x0, double x1, int width,
              qsizetype exactLimit, qsizetype perColumn, QList<QPointF> *out,
              AppendColumn appendColumn, Finish finish)
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
        // The next column is likely as wide: ask for the memory it will read
        // first (its edges) while this one is read; points far apart in big
        // arrays miss the cache, and the hardware only foresees sequential reads.
        const qsizetype ahead = std::min(next + (next - i), end - 1);
        prefetch(x + ahead);
        prefetch(y + ahead);
        prefetch(x + (next + ahead) / 2);
        prefetch(y + next);
        prefetch(y + std::max(next, ahead - ExtremaBlocks::BlockSize));
        appendColumn(i, next, out);
        i = next;
    }
    finish(out);
    appendOutside(x, y, count, end, +1, out);
}

} // namespace

void Decimator::minMaxPerPixel(const double *x, const double *y, qsizetype count, double x0,
                               double x1, int width, QList<QPointF> *out)
{
    perPixel(x, y, count, x0, x1, width, 4 * qsizetype(width), 4, out,
             [&](qsizetype from, qsizetype to, QList<QPointF> *points) {
                 const ColumnPicks p = scanColumn(y, from, to);
                 if (p.first < 0)
                     return;
                 qsizetype picks[4] = {p.first, p.lo, p.hi, p.last};
                 appendPicks(x, y, picks, points);
             },
             [](QList<QPointF> *) {});
}

void Decimator::extremesPerPixel(const double *x, const double *y, qsizetype count, double x0,
                                 double x1, int width, QList<QPointF> *out,
                                 const ExtremaBlocks *blocks)
{
    // The blocks say where a column's extremes are, inside the column, away
    // from what was read: ask for their x and y at once and append them one
    // column later, when they have arrived (waiting for them was most of
    // a zoom's decimation).
    qsizetype pending[2] = {-1, -1};
    auto appendPending = [&](QList<QPointF> *points) {
        if (pending[0] >= 0)
            appendPicks(x, y, pending, points);
        pending[0] = -1;
    };
    perPixel(x, y, count, x0, x1, width, 2 * qsizetype(width), 2, out,
             [&](qsizetype from, qsizetype to, QList<QPointF> *points) {
                 const auto [lo, hi] = scanExtremes(y, from, to, blocks);
                 appendPending(points);
                 if (lo < 0)
                     return;
                 prefetch(x + lo);
                 prefetch(y + lo);
                 prefetch(x + hi);
                 prefetch(y + hi);
                 pending[0] = lo;
                 pending[1] = hi;
             },
             appendPending);
}

void ExtremaBlocks::clear()
{
    m_lo.clear();
    m_hi.clear();
    m_loAt.clear();
    m_hiAt.clear();
    m_count = 0;
}

void ExtremaBlocks::rebuild(const double *y, qsizetype count)
{
    clear();
    append(y, count);
}

void ExtremaBlocks::append(const double *y, qsizetype count)
{
    // The last block may have been partial: index it again with its new points.
    const qsizetype first = std::min(m_count, count) / BlockSize;
    m_lo.resize(size_t(first));
    m_hi.resize(size_t(first));
    m_loAt.resize(size_t(first));
    m_hiAt.resize(size_t(first));
    for (qsizetype start = first * BlockSize; start < count; start += BlockSize) {
        const qsizetype end = std::min(start + BlockSize, count);
        double lo = qInf(), hi = -qInf();
        quint8 loAt = 255, hiAt = 255;
        for (qsizetype i = start; i < end; ++i) {
            const double v = y[i];
            if (!std::isfinite(v))
                continue;
            if (v < lo) {
                lo = v;
                loAt = quint8(i - start);
            }
            if (v > hi) {
                hi = v;
                hiAt = quint8(i - start);
            }
        }
        m_lo.push_back(lo);
        m_hi.push_back(hi);
        m_loAt.push_back(loAt);
        m_hiAt.push_back(hiAt);
    }
    m_count = count;
}

qsizetype ExtremaBlocks::loAt(qsizetype b) const
{
    const quint8 at = m_loAt[size_t(b)];
    return at == 255 ? -1 : b * BlockSize + at;
}

qsizetype ExtremaBlocks::hiAt(qsizetype b) const
{
    const quint8 at = m_hiAt[size_t(b)];
    return at == 255 ? -1 : b * BlockSize + at;
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
