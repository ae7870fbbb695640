#include "metrics/lodseries.h"

#include "metrics/pixelmapping.h"

#include <QtNumeric>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {

// One column's first finite minimum and maximum, in point order.
struct ColumnExtremes {
    int column = -1;
    double lo = qInf(), hi = -qInf();
    qsizetype loAt = -1, hiAt = -1;
    QPointF loPoint, hiPoint;

    void take(qsizetype at, double x, double y)
    {
        if (y < lo) {
            lo = y;
            loAt = at;
            loPoint = {x, y};
        }
        if (y > hi) {
            hi = y;
            hiAt = at;
            hiPoint = {x, y};
        }
    }
    void flushInto(QList<QPointF> *out) const
    {
        if (loAt < 0)
            return;
        if (loAt == hiAt)
            out->append(loPoint);
        else if (loAt < hiAt)
            out->append({loPoint, hiPoint});
        else
            out->append({hiPoint, loPoint});
    }
};

} // namespace

LodSeries::LodSeries(qsizetype blockSize, qsizetype cachedBlocks)
    : m_blockSize(std::max<qsizetype>(blockSize, 1))
    , m_cachedBlocks(std::max<qsizetype>(cachedBlocks, 2))
{}

void LodSeries::clear()
{
    m_blocks.clear();
    m_tail = {};
    m_cache.clear();
    m_count = 0;
    m_ordered = true;
    m_pictures[0] = m_pictures[1] = {};
}

void LodSeries::summarize(Summary *s, const double *x, const double *y, qsizetype count) const
{
    ColumnExtremes e;
    for (qsizetype i = 0; i < count; ++i)
        if (std::isfinite(y[i]))
            e.take(i, x[i], y[i]);
    *s = {x[0],          x[count - 1],   e.lo,           e.hi,         e.loPoint.x(),
          e.hiPoint.x(), qint32(e.loAt), qint32(e.hiAt), qint32(count)};
}

void LodSeries::append(const double *x, const double *y, qsizetype count)
{
    double previous = m_count ? lastX() : -qInf();
    for (qsizetype k = 0; k < count; ++k) {
        m_ordered = m_ordered && !(x[k] < previous);
        previous = x[k];
    }
    for (qsizetype i = 0; i < count;) {
        if (m_count % m_blockSize == 0) {
            m_blocks.push_back({});
            m_tail.x.clear();
            m_tail.y.clear();
        }
        // Only the new points' block is summarized again.
        const qsizetype room = m_blockSize - m_count % m_blockSize;
        const qsizetype n = std::min(room, count - i);
        m_tail.x.insert(m_tail.x.end(), x + i, x + i + n);
        m_tail.y.insert(m_tail.y.end(), y + i, y + i + n);
        summarize(&m_blocks.back(), m_tail.x.data(), m_tail.y.data(), qsizetype(m_tail.x.size()));
        m_count += n;
        i += n;
    }
    if (m_count % m_blockSize == 0) { // full: the source gives it back when needed
        m_tail.x = {};
        m_tail.y = {};
    }
}

double LodSeries::firstX() const
{
    return m_blocks.empty() ? qQNaN() : m_blocks.front().firstX;
}

double LodSeries::lastX() const
{
    return m_blocks.empty() ? qQNaN() : m_blocks.back().lastX;
}

qsizetype LodSeries::memoryBytes() const
{
    qsizetype bytes = qsizetype(m_blocks.capacity() * sizeof(Summary))
                      + qsizetype(m_tail.x.capacity() + m_tail.y.capacity()) * 8;
    for (const auto &[b, points] : m_cache)
        bytes += qsizetype(points.x.capacity() + points.y.capacity()) * 8;
    return bytes;
}

const LodSeries::Points *LodSeries::block(qsizetype b)
{
    if (b == blocks() - 1 && !m_tail.x.empty())
        return &m_tail;
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        if (it->first == b) {
            m_cache.splice(m_cache.begin(), m_cache, it);
            return &m_cache.front().second;
        }
    }
    Points points;
    if (qsizetype(m_cache.size()) >= m_cachedBlocks) { // reuse the oldest's buffers
        points = std::move(m_cache.back().second);
        m_cache.pop_back();
    }
    if (!m_source || !m_source(b, &points)
        || qsizetype(points.x.size()) != m_blocks[size_t(b)].count
        || points.y.size() != points.x.size())
        return nullptr;
    m_cache.emplace_front(b, std::move(points));
    return &m_cache.front().second;
}

// First index whose x is >= x (upper: > x), as lower_bound/upper_bound.
bool LodSeries::indexAt(double x, bool upper, qsizetype *index)
{
    const auto it = std::partition_point(m_blocks.begin(), m_blocks.end(), [&](const Summary &s) {
        return upper ? s.lastX <= x : s.lastX < x;
    });
    const qsizetype b = it - m_blocks.begin();
    if (b == blocks()) {
        *index = m_count;
        return true;
    }
    const Points *p = block(b);
    if (!p)
        return false;
    const auto at = upper ? std::upper_bound(p->x.begin(), p->x.end(), x)
                          : std::lower_bound(p->x.begin(), p->x.end(), x);
    *index = b * m_blockSize + (at - p->x.begin());
    return true;
}

// The nearest point with a finite y walking away from the range by step:
// blocks without one are skipped by their summary.
bool LodSeries::appendOutside(qsizetype from, int step, QList<QPointF> *out)
{
    for (qsizetype i = from; i >= 0 && i < m_count;) {
        const qsizetype b = i / m_blockSize, start = b * m_blockSize;
        const Summary &s = m_blocks[size_t(b)];
        if (s.loAt >= 0) {
            const Points *p = block(b);
            if (!p)
                return false;
            for (qsizetype k = i - start; k >= 0 && k < s.count; k += step) {
                if (std::isfinite(p->y[size_t(k)])) {
                    out->append({p->x[size_t(k)], p->y[size_t(k)]});
                    return true;
                }
            }
        }
        i = step < 0 ? start - 1 : start + s.count;
    }
    return true;
}

bool LodSeries::pointAt(qsizetype index, double *px, double *py)
{
    const Points *p = block(index / m_blockSize);
    if (!p)
        return false;
    *px = p->x[size_t(index % m_blockSize)];
    *py = p->y[size_t(index % m_blockSize)];
    return true;
}

bool LodSeries::nearest(double x, double *px, double *py)
{
    qsizetype i = 0;
    if (m_count <= 0 || !indexAt(x, false, &i))
        return false;
    if (i == m_count)
        return pointAt(i - 1, px, py);
    if (!pointAt(i, px, py))
        return false;
    double before = 0, y = 0;
    if (i > 0 && *px != x) {
        if (!pointAt(i - 1, &before, &y))
            return false;
        if (x - before < *px - x) {
            *px = before;
            *py = y;
        }
    }
    return true;
}

// The first point whose column is column or later (x ascends, so columns do).
bool LodSeries::firstInColumn(int column, const PixelMapping &map, qsizetype *index)
{
    qsizetype b = blocks() - 1;
    while (b > 0 && map.columnOf(m_blocks[size_t(b)].firstX) >= column)
        --b;
    const Points *p = block(b);
    if (!p)
        return false;
    const auto at = std::partition_point(p->x.begin(), p->x.end(),
                                         [&](double x) { return map.columnOf(x) < column; });
    *index = b * m_blockSize + (at - p->x.begin());
    return true;
}

bool LodSeries::extremesPerPixel(double x0, double x1, int width, QList<QPointF> *out)
{
    if (m_count <= 0 || width <= 0) {
        out->clear();
        return true;
    }
    if (!std::isfinite(x0))
        x0 = firstX();
    if (!std::isfinite(x1))
        x1 = lastX();
    if (!(x0 <= x1)) {
        out->clear();
        return true;
    }
    qsizetype begin = 0, end = 0;
    if (!indexAt(x0, false, &begin) || !indexAt(x1, true, &end))
        return false;
    end = std::max(begin, end);
    if (end - begin <= 2 * qsizetype(width)) {
        out->clear();
        // Exact: every point of the range and one beyond each edge.
        const qsizetype from = std::max<qsizetype>(begin - 1, 0);
        const qsizetype to = std::min(end + 1, m_count);
        out->reserve(to - from);
        for (qsizetype b = from / m_blockSize; b * m_blockSize < to; ++b) {
            const Points *p = block(b);
            if (!p)
                return false;
            const qsizetype start = b * m_blockSize;
            for (qsizetype i = std::max(from, start);
                 i < std::min(to, start + qsizetype(p->x.size())); ++i)
                out->append({p->x[size_t(i - start)], p->y[size_t(i - start)]});
        }
        return true;
    }
    const PixelMapping map{x0, x1 > x0 ? width / (x1 - x0) : 0.0, width};
    // The same view again, more points, none of them were past x1: the
    // columns before the picture's last point's keep their extremes.
    int slot = -1;
    for (int k = 0; k < 2; ++k) {
        const Picture &p = m_pictures[k];
        if (p.count > 0 && p.count <= m_count && p.x0 == x0 && p.x1 == x1 && p.width == width
            && p.lastX <= x1)
            slot = k;
    }
    qsizetype from = begin;
    if (slot >= 0 && map.columnOf(m_pictures[slot].lastX) > 0) {
        const int lastColumn = map.columnOf(m_pictures[slot].lastX);
        qsizetype at = 0;
        if (!firstInColumn(lastColumn, map, &at))
            return false;
        if (at > begin) {
            *out = m_pictures[slot].points;
            while (!out->isEmpty() && out->last().x() >= x0
                   && map.columnOf(out->last().x()) >= lastColumn)
                out->removeLast();
            from = at;
        }
    }
    if (from == begin) {
        out->clear();
        out->reserve(2 * qsizetype(width) + 2);
        if (!appendOutside(begin - 1, -1, out))
            return false;
    }
    if (slot < 0)
        slot = 1 - m_newest; // replaces the older picture
    m_newest = slot;
    m_pictures[slot] = {};
    ColumnExtremes column;
    auto enter = [&](int c) {
        if (c == column.column)
            return;
        column.flushInto(out);
        column = {};
        column.column = c;
    };
    for (qsizetype b = from / m_blockSize; b * m_blockSize < end; ++b) {
        const qsizetype start = b * m_blockSize;
        const Summary &s = m_blocks[size_t(b)];
        const int c = map.columnOf(s.firstX);
        if (start >= from && start + s.count <= end && c == map.columnOf(s.lastX)) {
            enter(c);
            if (s.lo < column.lo) {
                column.lo = s.lo;
                column.loAt = start + s.loAt;
                column.loPoint = {s.loX, s.lo};
            }
            if (s.hi > column.hi) {
                column.hi = s.hi;
                column.hiAt = start + s.hiAt;
                column.hiPoint = {s.hiX, s.hi};
            }
            continue;
        }
        // Straddles a column's edge or the range's: point by point.
        const Points *p = block(b);
        if (!p)
            return false;
        const double *px = p->x.data(), *py = p->y.data();
        const qsizetype to = std::min(end, start + s.count) - start;
        for (qsizetype i = std::max(from, start) - start; i < to;) {
            const int c = map.columnOf(px[i]);
            const qsizetype next =
                std::partition_point(px + i + 1, px + to,
                                     [&](double x) { return map.columnOf(x) <= c; })
                - px;
            enter(c);
            for (; i < next; ++i)
                if (std::isfinite(py[i]))
                    column.take(start + i, px[i], py[i]);
        }
    }
    column.flushInto(out);
    if (!appendOutside(end, +1, out))
        return false;
    m_pictures[slot] = {x0, x1, width, m_count, lastX(), *out}; // shares the list
    return true;
}

} // namespace mlwb
