#pragma once

#include <QList>
#include <QPointF>
#include <functional>
#include <list>
#include <vector>

namespace mlwb {

struct PixelMapping;

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
    /// false when the source fails. Asked again for one of the last two
    /// ranges and widths after an append (a live chart following its data,
    /// or back from a zoom), only the columns from that picture's last
    /// point on are decimated again.
    bool extremesPerPixel(double x0, double x1, int width, QList<QPointF> *out);
    /// The point whose x is nearest x (the first of equals); false when
    /// empty or the source fails.
    bool nearest(double x, double *px, double *py);

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
    bool pointAt(qsizetype index, double *px, double *py);
    bool firstInColumn(int column, const PixelMapping &map, qsizetype *index);

    qsizetype m_blockSize;
    qsizetype m_cachedBlocks;
    BlockSource m_source;
    std::vector<Summary> m_blocks;
    Points m_tail; // the last, partial block's points: it still grows
    qsizetype m_count = 0;
    bool m_ordered = true;
    std::list<std::pair<qsizetype, Points>> m_cache; // most recent first
    // The last two decimations over many points (a live view and a zoom
    // into it), so that returning to one after an append redoes only the
    // columns from its last point on.
    struct Picture {
        double x0 = 0, x1 = 0;
        int width = 0;
        qsizetype count = 0; // points it was made from; 0: none
        double lastX = 0;
        QList<QPointF> points;
    } m_pictures[2];
    int m_newest = 0;
};

} // namespace mlwb
