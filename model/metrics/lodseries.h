#pragma once

#include <QList>
#include <QPointF>
#include <functional>
#include <list>
#include <vector>

namespace mlwb {

/// A series held as per-block summaries instead of its points: memory grows
/// by one summary (about 64 bytes) per block of points. Decimating it gives
/// exactly what Decimator::extremesPerPixel() gives over all the points: a
/// block wholly inside one pixel column is taken from its summary, the few
/// blocks that straddle a column's edge (or the range's) are read through
/// the block source and kept in a small cache. x must ascend (repeats
/// allowed); isOrdered() says whether it did.
class LodSeries
{
public:
    /// Points of one block, in order.
    struct Points {
        std::vector<double> x, y;
    };
    /// Reads block b (points [b * blockSize, (b + 1) * blockSize)) into out.
    using BlockSource = std::function<bool(qsizetype block, Points *out)>;

    explicit LodSeries(qsizetype blockSize = 1024, qsizetype cachedBlocks = 16);

    void setSource(BlockSource source) { m_source = std::move(source); }
    /// Takes in points that continue the series (the points themselves are
    /// not kept: the source must be able to give them back).
    void append(const double *x, const double *y, qsizetype count);
    void clear();

    qsizetype size() const { return m_count; }
    qsizetype blocks() const { return qsizetype(m_blocks.size()); }
    bool isOrdered() const { return m_ordered; }
    double firstX() const;
    double lastX() const;
    /// Bytes held: summaries and cached blocks.
    qsizetype memoryBytes() const;

    /// As Decimator::extremesPerPixel() over every point (same arguments);
    /// false when the source fails.
    bool extremesPerPixel(double x0, double x1, int width, QList<QPointF> *out);

private:
    struct Summary {
        double firstX, lastX;
        double lo, hi;     // finite extremes; +inf / -inf: none
        double loX, hiX;   // their x
        qint32 loAt, hiAt; // first occurrence, offset in the block; -1: none
        qint32 count;
    };
    const Points *block(qsizetype b);
    bool indexAt(double x, bool upper, qsizetype *index);
    bool appendOutside(qsizetype from, int step, QList<QPointF> *out);
    void summarize(Summary *s, const double *x, const double *y, qsizetype count) const;

    qsizetype m_blockSize;
    qsizetype m_cachedBlocks;
    BlockSource m_source;
    std::vector<Summary> m_blocks;
    Points m_tail; // the last, partial block's points: it still grows
    qsizetype m_count = 0;
    bool m_ordered = true;
    std::list<std::pair<qsizetype, Points>> m_cache; // most recent first
};

} // namespace mlwb
