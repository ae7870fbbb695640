#include "metrics/decimator.h"
#include "metrics/lodseries.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace mlwb;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

// A million points: ascending x with repeats and gaps, y with NaN, +-inf,
// runs of NaN longer than a block, ties and spikes.
struct Series {
    std::vector<double> x, y;
};

Series makeSeries(qsizetype count, quint32 seed)
{
    QRandomGenerator random(seed);
    Series s;
    s.x.resize(size_t(count));
    s.y.resize(size_t(count));
    double x = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const quint32 r = random.bounded(1000u);
        x += r < 10 ? 0 : r < 12 ? 50 : 1; // repeats and gaps
        s.x[size_t(i)] = x;
        double y = std::round(random.bounded(200.0)) / 4; // ties
        if (r == 13)
            y = NaN;
        else if (r == 14)
            y = Inf;
        else if (r == 15)
            y = -Inf;
        else if (r == 16)
            y = 1e6;
        s.y[size_t(i)] = y;
    }
    for (qsizetype i = count / 3; i < count / 3 + 3000; ++i) // no finite point for 3 blocks
        s.y[size_t(i)] = i % 2 ? NaN : Inf;
    return s;
}

LodSeries::BlockSource sourceOf(const Series &s, qsizetype blockSize, int *reads = nullptr)
{
    return [&s, blockSize, reads](qsizetype b, LodSeries::Points *out) {
        const size_t from = size_t(b * blockSize);
        const size_t to = std::min(s.x.size(), from + size_t(blockSize));
        out->x.assign(s.x.begin() + qsizetype(from), s.x.begin() + qsizetype(to));
        out->y.assign(s.y.begin() + qsizetype(from), s.y.begin() + qsizetype(to));
        if (reads)
            ++*reads;
        return true;
    };
}

QList<QPointF> exact(const Series &s, qsizetype count, double x0, double x1, int width)
{
    QList<QPointF> out;
    Decimator::extremesPerPixel(s.x.data(), s.y.data(), count, x0, x1, width, &out);
    return out;
}

// QPointF's == is fuzzy and NaN != NaN: compare bit for bit.
bool same(const QList<QPointF> &a, const QList<QPointF> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool xSame = a[i].x() == b[i].x();
        const bool ySame = a[i].y() == b[i].y() || (std::isnan(a[i].y()) && std::isnan(b[i].y()));
        if (!xSame || !ySame)
            return false;
    }
    return true;
}

} // namespace

/// The level-of-detail series against the exact decimation over all points.
class TestLodSeries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void equalsExactDecimationAtRandomZooms();
    void equalsExactDecimationWhileGrowing();
    void followingRedrawsOnlyTheNewColumns();
    void zoomedWindowShowsEveryPoint();
    void nearestIsTheCrosshairsPoint();
    void memoryIsBoundedByBlocks();
    void notesUnorderedX();
};

void TestLodSeries::equalsExactDecimationAtRandomZooms()
{
    const qsizetype count = 1'000'000;
    const Series s = makeSeries(count, 15);
    LodSeries lod(1024, 8);
    lod.setSource(sourceOf(s, 1024));
    lod.append(s.x.data(), s.y.data(), count);
    QVERIFY(lod.isOrdered());
    QRandomGenerator random(7);
    const double last = s.x.back();
    QList<QPointF> got;
    for (int zoom = 0; zoom < 300; ++zoom) {
        const int width = int(random.bounded(1, 2000));
        double x0 = random.bounded(last), x1 = random.bounded(last);
        if (x1 < x0)
            std::swap(x0, x1);
        if (zoom % 5 == 0)
            x1 = x0 + random.bounded(5000.0); // narrow: near or on the exact path
        if (zoom % 7 == 0)
            x0 = qQNaN(); // from the data's start
        if (zoom % 11 == 0)
            x1 = qInf(); // to its end
        QVERIFY(lod.extremesPerPixel(x0, x1, width, &got));
        const QList<QPointF> want = exact(s, count, x0, x1, width);
        if (!same(got, want))
            QFAIL(qPrintable(QStringLiteral("zoom %1 [%2, %3] at %4 px: %5 points, want %6")
                                 .arg(zoom)
                                 .arg(x0, 0, 'f', 2)
                                 .arg(x1, 0, 'f', 2)
                                 .arg(width)
                                 .arg(got.size())
                                 .arg(want.size())));
    }
    // The whole series and the empty and inverted ranges.
    for (int width : {1, 2, 1600}) {
        QVERIFY(lod.extremesPerPixel(qQNaN(), qQNaN(), width, &got));
        QVERIFY(same(got, exact(s, count, qQNaN(), qQNaN(), width)));
    }
    QVERIFY(lod.extremesPerPixel(10, 5, 100, &got));
    QVERIFY(got.isEmpty());
    QVERIFY(lod.extremesPerPixel(last + 10, last + 20, 100, &got));
    QVERIFY(same(got, exact(s, count, last + 10, last + 20, 100)));
}

void TestLodSeries::equalsExactDecimationWhileGrowing()
{
    const Series s = makeSeries(200'000, 3);
    LodSeries lod(1024, 4);
    lod.setSource(sourceOf(s, 1024));
    QRandomGenerator random(9);
    QList<QPointF> got;
    for (qsizetype have = 0; have < qsizetype(s.x.size());) {
        const qsizetype n =
            std::min(qsizetype(random.bounded(1, 5000)), qsizetype(s.x.size()) - have);
        lod.append(s.x.data() + have, s.y.data() + have, n);
        have += n;
        QCOMPARE(lod.size(), have);
        const int width = int(random.bounded(50, 1600));
        QVERIFY(lod.extremesPerPixel(qQNaN(), qQNaN(), width, &got)); // following
        QVERIFY(same(got, exact(s, have, qQNaN(), qQNaN(), width)));
        const double x0 = random.bounded(s.x[size_t(have - 1)]);
        QVERIFY(lod.extremesPerPixel(x0, x0 + 3000, width, &got));
        QVERIFY(same(got, exact(s, have, x0, x0 + 3000, width)));
    }
}

void TestLodSeries::followingRedrawsOnlyTheNewColumns()
{
    // A live chart keeps its view while the data grows into it: each redraw
    // must equal the exact one and read back only the blocks of the columns
    // from the previous last point on, not every block at a column's edge.
    const Series s = makeSeries(300'000, 21);
    int reads = 0;
    LodSeries lod(1024, 4);
    lod.setSource(sourceOf(s, 1024, &reads));
    const double x0 = s.x.front(), x1 = s.x.back() + 100;
    const int width = 150; // about two blocks per column
    QRandomGenerator random(4);
    QList<QPointF> got;
    int fullReads = 0, incremental = 0, appends = 0;
    for (qsizetype have = 0; have < qsizetype(s.x.size());) {
        const qsizetype n =
            std::min(qsizetype(random.bounded(1, 700)), qsizetype(s.x.size()) - have);
        lod.append(s.x.data() + have, s.y.data() + have, n);
        have += n;
        if (++appends % 40 == 0) { // a zoom in between: the live view's picture is kept
            QVERIFY(lod.extremesPerPixel(1000, 60000, width, &got));
            QVERIFY(same(got, exact(s, have, 1000, 60000, width)));
        }
        reads = 0;
        QVERIFY(lod.extremesPerPixel(x0, x1, width, &got));
        if (!same(got, exact(s, have, x0, x1, width)))
            QFAIL(qPrintable(QStringLiteral("after %1 points").arg(have)));
        if (have > 100'000) {
            QVERIFY2(reads <= 4, qPrintable(QStringLiteral("%1 reads at %2").arg(reads).arg(have)));
            ++incremental;
        }
    }
    QVERIFY(incremental > 100);
    // Another view decimates afresh: it reads the blocks at its edges again.
    reads = 0;
    QVERIFY(lod.extremesPerPixel(x0, x1 + 1, width, &got));
    QVERIFY(same(got, exact(s, qsizetype(s.x.size()), x0, x1 + 1, width)));
    fullReads = reads;
    QVERIFY2(fullReads > 50, qPrintable(QString::number(fullReads)));
    // Zooming back in on the exact path and out again is still exact.
    QVERIFY(lod.extremesPerPixel(1000, 1200, width, &got));
    QVERIFY(lod.extremesPerPixel(x0, x1, width, &got));
    QVERIFY(same(got, exact(s, qsizetype(s.x.size()), x0, x1, width)));
}

void TestLodSeries::nearestIsTheCrosshairsPoint()
{
    const Series s = makeSeries(100'000, 8);
    LodSeries lod(1024, 4);
    lod.setSource(sourceOf(s, 1024));
    double px = 0, py = 0;
    QVERIFY(!lod.nearest(5, &px, &py)); // empty
    lod.append(s.x.data(), s.y.data(), qsizetype(s.x.size()));
    QRandomGenerator random(2);
    for (int k = 0; k < 2000; ++k) {
        const double x = random.bounded(s.x.back() + 40) - 20 + (k % 3) * 0.5;
        const auto it = std::lower_bound(s.x.begin(), s.x.end(), x);
        qsizetype i = it - s.x.begin();
        if (i == qsizetype(s.x.size()) || (i > 0 && x - s.x[size_t(i - 1)] < s.x[size_t(i)] - x))
            --i;
        QVERIFY(lod.nearest(x, &px, &py));
        QCOMPARE(px, s.x[size_t(i)]);
        const double want = s.y[size_t(i)];
        QVERIFY2(py == want || (std::isnan(py) && std::isnan(want)),
                 qPrintable(QString::number(x)));
    }
}

void TestLodSeries::zoomedWindowShowsEveryPoint()
{
    const qsizetype count = 1'000'000;
    Series s;
    for (qsizetype i = 0; i < count; ++i) {
        s.x.push_back(double(i));
        s.y.push_back(std::sin(double(i)));
    }
    LodSeries lod;
    lod.setSource(sourceOf(s, 1024));
    lod.append(s.x.data(), s.y.data(), count);
    QList<QPointF> got;
    // 1,000 steps on a 600 px panel: more points than pixels, each still drawn.
    QVERIFY(lod.extremesPerPixel(123'456, 124'455, 600, &got));
    QCOMPARE(got.size(), 1000 + 2); // and one beyond each edge
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].x(), double(123'455 + i));
        QCOMPARE(got[i].y(), std::sin(double(123'455 + i)));
    }
}

void TestLodSeries::memoryIsBoundedByBlocks()
{
    const qsizetype count = 1'000'000;
    const Series s = makeSeries(count, 5);
    LodSeries lod(1024, 8);
    lod.setSource(sourceOf(s, 1024));
    lod.append(s.x.data(), s.y.data(), count);
    QList<QPointF> got;
    for (int zoom = 0; zoom < 20; ++zoom)
        QVERIFY(lod.extremesPerPixel(zoom * 40'000.0, zoom * 40'000.0 + 300'000, 1600, &got));
    // Summaries of ~977 blocks plus 8 cached blocks: far below the 16 MB of x and y.
    QVERIFY2(lod.memoryBytes() < 256 * 1024, qPrintable(QString::number(lod.memoryBytes())));
}

void TestLodSeries::notesUnorderedX()
{
    LodSeries lod;
    const double x[] = {1, 2, 2, 3}, y[] = {1, 2, 3, 4};
    lod.append(x, y, 4);
    QVERIFY(lod.isOrdered());
    const double back[] = {2.5}, v[] = {0};
    lod.append(back, v, 1);
    QVERIFY(!lod.isOrdered());
}

QTEST_GUILESS_MAIN(TestLodSeries)
#include "tst_lodseries.moc"
