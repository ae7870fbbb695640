#include "metrics/decimator.h"
#include "metrics/metriccurve.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

using namespace mlwb;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

struct Series {
    QList<double> x;
    QList<double> y;
    qsizetype size() const { return x.size(); }
};

QList<QPointF> decimate(const Series &s, double x0, double x1, int width)
{
    return Decimator::minMaxPerPixel(s.x.constData(), s.y.constData(), s.size(), x0, x1, width);
}

QList<QPointF> pointsOf(const Series &s, qsizetype from, qsizetype to)
{
    QList<QPointF> out;
    for (qsizetype i = from; i < to; ++i)
        out.append(QPointF(s.x[i], s.y[i]));
    return out;
}

// Index of the nearest finite point walking from i by step, or -1.
qsizetype nearestFinite(const Series &s, qsizetype i, int step)
{
    for (; i >= 0 && i < s.size(); i += step) {
        if (std::isfinite(s.y[i]))
            return i;
    }
    return -1;
}

// Brute force, one point at a time, written independently of the decimator:
// per pixel column the minimum and maximum (and with ends, the first and the
// last point: M4), the nearest finite point beyond each edge, and all points
// when there are at most exactFactor * width of them.
QList<QPointF> bruteForce(const Series &s, double x0, double x1, int width, bool ends)
{
    const int exactFactor = ends ? 4 : 2;
    qsizetype begin = 0, end = 0;
    while (begin < s.size() && s.x[begin] < x0)
        ++begin;
    end = begin;
    while (end < s.size() && s.x[end] <= x1)
        ++end;
    if (end - begin <= exactFactor * width)
        return pointsOf(s, std::max<qsizetype>(begin - 1, 0), std::min(end + 1, s.size()));

    const double scale = width / (x1 - x0);
    std::map<int, std::vector<qsizetype>> columns;
    for (qsizetype i = begin; i < end; ++i) {
        if (std::isfinite(s.y[i]))
            columns[std::clamp(int(std::floor((s.x[i] - x0) * scale)), 0, width - 1)].push_back(i);
    }
    std::vector<qsizetype> keep;
    if (qsizetype before = nearestFinite(s, begin - 1, -1); before >= 0)
        keep.push_back(before);
    for (const auto &[column, indexes] : columns) {
        auto byY = [&](qsizetype a, qsizetype b) { return s.y[a] < s.y[b]; };
        std::vector<qsizetype> picks{*std::min_element(indexes.begin(), indexes.end(), byY),
                                     *std::max_element(indexes.begin(), indexes.end(), byY)};
        if (ends) {
            picks.push_back(indexes.front());
            picks.push_back(indexes.back());
        }
        std::sort(picks.begin(), picks.end());
        picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        keep.insert(keep.end(), picks.begin(), picks.end());
    }
    if (qsizetype after = nearestFinite(s, end, +1); after >= 0)
        keep.push_back(after);
    QList<QPointF> out;
    for (qsizetype i : keep)
        out.append(QPointF(s.x[i], s.y[i]));
    return out;
}

QList<QPointF> reference(const Series &s, double x0, double x1, int width)
{
    return bruteForce(s, x0, x1, width, true);
}

// For extremesPerPixel: each column's first minimum and first maximum in x order.
QList<QPointF> extremesReference(const Series &s, double x0, double x1, int width)
{
    return bruteForce(s, x0, x1, width, false);
}

QList<QPointF> extremes(const Series &s, double x0, double x1, int width)
{
    QList<QPointF> out;
    Decimator::extremesPerPixel(s.x.constData(), s.y.constData(), s.size(), x0, x1, width, &out);
    return out;
}

// count points, x stepping by 0..maxStep (0 makes repeated x), y random with
// the given share of NaN/inf and, when levels > 0, quantised to force ties.
Series randomSeries(quint32 seed, qsizetype count, int maxStep, double nonFinite, int levels)
{
    QRandomGenerator rng(seed);
    Series s;
    double x = 0;
    for (qsizetype i = 0; i < count; ++i) {
        x += rng.bounded(maxStep + 1);
        double y = levels > 0 ? double(rng.bounded(levels)) : rng.generateDouble() * 200 - 100;
        if (rng.generateDouble() < nonFinite)
            y = rng.bounded(2) ? NaN : -Inf;
        s.x.append(x);
        s.y.append(y);
    }
    return s;
}

Series constantSeries(qsizetype count, double y)
{
    Series s;
    for (qsizetype i = 0; i < count; ++i) {
        s.x.append(double(i));
        s.y.append(y);
    }
    return s;
}

} // namespace

/// Decimator: M4 min/max per pixel against a brute-force reference, and LTTB.
class TestDecimator : public QObject
{
    Q_OBJECT

private slots:
    void exactWhenFew_data();
    void exactWhenFew();
    void matchesReference_data();
    void matchesReference();
    void keepsSpike_data();
    void keepsSpike();
    void rangeEdges_data();
    void rangeEdges();
    void emptyAndDegenerate();
    void allNaN();
    void repeatedX();
    void reusesBuffer();
    void extremesMatchReference_data();
    void extremesMatchReference();
    void extremesKeepEveryColumnsRange();
    void extremesEdgesAndExact();
    void extremesFromBlocks_data();
    void extremesFromBlocks();
    void blocksFollowAppends();
    void curveKeepsBlocksCurrent();
    void lttb_data();
    void lttb();
};

void TestDecimator::exactWhenFew_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addRow("fewer than pixels") << 100 << 1600;
    QTest::addRow("exactly 4 per pixel") << 400 << 100;
    QTest::addRow("one point") << 1 << 10;
}

void TestDecimator::exactWhenFew()
{
    QFETCH(int, count);
    QFETCH(int, width);
    Series s = randomSeries(7, count, 3, 0.0, 0);
    s.y[0] = NaN; // the exact path hands back what was stored
    const QList<QPointF> out = decimate(s, s.x.first(), s.x.last(), width);
    QCOMPARE(out.size(), s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        QCOMPARE(out[i].x(), s.x[i]);
        if (i > 0)
            QCOMPARE(out[i].y(), s.y[i]);
    }
    QVERIFY(std::isnan(out[0].y()));
}

void TestDecimator::matchesReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxStep");
    QTest::addColumn<double>("nonFinite");
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("width");
    QTest::addRow("uniform noise") << 1u << 20000 << 1 << 0.0 << 0 << 300;
    QTest::addRow("irregular x") << 2u << 20000 << 5 << 0.0 << 0 << 640;
    QTest::addRow("repeated x") << 3u << 30000 << 1 << 0.0 << 0 << 97;
    QTest::addRow("ties") << 4u << 20000 << 2 << 0.0 << 3 << 200;
    QTest::addRow("nan and inf") << 5u << 20000 << 2 << 0.2 << 0 << 150;
    QTest::addRow("mostly nan") << 6u << 20000 << 1 << 0.97 << 0 << 120;
    QTest::addRow("one pixel") << 7u << 5000 << 1 << 0.0 << 0 << 1;
    QTest::addRow("gaps") << 8u << 5000 << 400 << 0.0 << 0 << 1000;
}

// The random series the current data row describes, and its panel width.
static Series seriesOfRow(int *panelWidth)
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QFETCH(int, maxStep);
    QFETCH(double, nonFinite);
    QFETCH(int, levels);
    QFETCH(int, width);
    *panelWidth = width;
    return randomSeries(seed, count, maxStep, nonFinite, levels);
}

void TestDecimator::matchesReference()
{
    int width = 0;
    const Series s = seriesOfRow(&width);
    const double span = s.x.last() - s.x.first();
    const QList<std::pair<double, double>> ranges{
        {s.x.first(), s.x.last()},
        {s.x.first() + span * 0.1, s.x.first() + span * 0.9},
        {s.x.first() + span * 0.33 + 0.5, s.x.last() + 10},
        {s.x.first() - 10, s.x.first() + span * 0.5}};
    for (const auto &[x0, x1] : ranges)
        QCOMPARE(decimate(s, x0, x1, width), reference(s, x0, x1, width));
}

void TestDecimator::keepsSpike_data()
{
    QTest::addColumn<qsizetype>("index");
    QTest::addColumn<double>("spike");
    QTest::addRow("up in the middle") << qsizetype(523'417) << 1e6;
    QTest::addRow("down in the middle") << qsizetype(777'777) << -1e6;
    QTest::addRow("first point") << qsizetype(0) << 1e6;
    QTest::addRow("last point") << qsizetype(999'999) << 1e6;
}

void TestDecimator::keepsSpike()
{
    QFETCH(qsizetype, index);
    QFETCH(double, spike);
    Series s = constantSeries(1'000'000, 0.0);
    s.y[index] = spike;
    const QList<QPointF> out = decimate(s, 0, 999'999, 1600);
    QVERIFY(out.size() <= 4 * 1600);
    QVERIFY(out.contains(QPointF(double(index), spike)));
}

void TestDecimator::rangeEdges_data()
{
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<QPointF>("firstPoint");
    QTest::addColumn<QPointF>("lastPoint");
    // Series: x = 0..99999, y = x.
    QTest::addRow("inside") << 1000.5 << 90000.5 << QPointF(1000, 1000) << QPointF(90001, 90001);
    QTest::addRow("on points") << 1000.0 << 90000.0 << QPointF(999, 999) << QPointF(90001, 90001);
    QTest::addRow("whole") << 0.0 << 99999.0 << QPointF(0, 0) << QPointF(99999, 99999);
    QTest::addRow("beyond both") << -50.0 << 2e5 << QPointF(0, 0) << QPointF(99999, 99999);
    QTest::addRow("infinite") << -Inf << Inf << QPointF(0, 0) << QPointF(99999, 99999);
    QTest::addRow("left of data") << -100.0 << -1.0 << QPointF(0, 0) << QPointF(0, 0);
    QTest::addRow("right of data") << 2e5 << 3e5 << QPointF(99999, 99999) << QPointF(99999, 99999);
}

void TestDecimator::rangeEdges()
{
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(QPointF, firstPoint);
    QFETCH(QPointF, lastPoint);
    Series s;
    for (int i = 0; i < 100000; ++i) {
        s.x.append(i);
        s.y.append(i);
    }
    const QList<QPointF> out = decimate(s, x0, x1, 100);
    QVERIFY(!out.isEmpty());
    QCOMPARE(out.first(), firstPoint);
    QCOMPARE(out.last(), lastPoint);
    QVERIFY(
        std::is_sorted(out.begin(), out.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
}

void TestDecimator::emptyAndDegenerate()
{
    const Series s = constantSeries(10000, 1.0);
    QVERIFY(Decimator::minMaxPerPixel(nullptr, nullptr, 0, 0, 1, 100).isEmpty());
    QVERIFY(decimate(s, 0, 9999, 0).isEmpty());
    QVERIFY(decimate(s, 0, 9999, -5).isEmpty());
    QVERIFY(decimate(s, 9999, 0, 100).isEmpty());
    QVERIFY(decimate(s, NaN, NaN, 100).size() <= 400);
    // A zero-width range holds one x: its points and the neighbours.
    QCOMPARE(decimate(s, 5000, 5000, 100), (QList<QPointF>{{4999, 1}, {5000, 1}, {5001, 1}}));
}

void TestDecimator::allNaN()
{
    const Series many = constantSeries(100000, NaN);
    QVERIFY(decimate(many, 0, 99999, 100).isEmpty());
    const Series few = constantSeries(10, NaN);
    QCOMPARE(decimate(few, 0, 9, 100).size(), 10);
}

void TestDecimator::repeatedX()
{
    // 10000 samples all logged at step 5, a neighbour on each side.
    Series s;
    s.x.append(4);
    s.y.append(0);
    for (int i = 0; i < 10000; ++i) {
        s.x.append(5);
        s.y.append(i == 1234 ? -7.0 : i == 4321 ? 9.0 : 1.0);
    }
    s.x.append(6);
    s.y.append(0);
    const QList<QPointF> out = decimate(s, 4.5, 5.5, 100);
    QCOMPARE(out, (QList<QPointF>{{4, 0}, {5, 1}, {5, -7}, {5, 9}, {5, 1}, {6, 0}}));
}

void TestDecimator::reusesBuffer()
{
    const Series s = randomSeries(11, 50000, 1, 0.0, 0);
    QList<QPointF> buffer;
    Decimator::minMaxPerPixel(s.x.constData(), s.y.constData(), s.size(), 0, s.x.last(), 200,
                              &buffer);
    const auto *data = buffer.constData();
    Decimator::minMaxPerPixel(s.x.constData(), s.y.constData(), s.size(), 10, s.x.last(), 200,
                              &buffer);
    QCOMPARE(buffer.constData(), data);
    QCOMPARE(buffer, reference(s, 10, s.x.last(), 200));
}

void TestDecimator::extremesMatchReference_data()
{
    matchesReference_data();
}

void TestDecimator::extremesMatchReference()
{
    int width = 0;
    const Series s = seriesOfRow(&width);
    const double span = s.x.last() - s.x.first();
    const QList<std::pair<double, double>> ranges{
        {s.x.first(), s.x.last()},
        {s.x.first() + span * 0.1, s.x.first() + span * 0.9},
        {s.x.first() + span * 0.33 + 0.5, s.x.last() + 10},
        {s.x.first() - 10, s.x.first() + span * 0.5}};
    for (const auto &[x0, x1] : ranges) {
        const QList<QPointF> out = extremes(s, x0, x1, width);
        QCOMPARE(out, extremesReference(s, x0, x1, width));
        QVERIFY(out.size() <= 2 * width + 2);
    }
}

// Half the points of M4, the same pixels: every column's lowest and highest
// value survive (so does every spike), in x order, at most two per column.
void TestDecimator::extremesKeepEveryColumnsRange()
{
    const Series s = randomSeries(21, 1'000'000, 1, 0.01, 0);
    const int width = 1531;
    const double x0 = 123'456.5, x1 = 876'543.25;
    const QList<QPointF> out = extremes(s, x0, x1, width);
    QVERIFY(out.size() <= 2 * width + 2);
    QVERIFY(
        std::is_sorted(out.begin(), out.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
    std::map<int, std::pair<double, double>> want, got; // column: lowest, highest
    const double scale = width / (x1 - x0);
    auto column = [&](double x) { return std::clamp(int((x - x0) * scale), 0, width - 1); };
    auto add = [](std::map<int, std::pair<double, double>> &m, int c, double y) {
        auto [it, fresh] = m.try_emplace(c, y, y);
        it->second = {std::min(it->second.first, y), std::max(it->second.second, y)};
    };
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s.x[i] >= x0 && s.x[i] <= x1 && std::isfinite(s.y[i]))
            add(want, column(s.x[i]), s.y[i]);
    std::map<int, int> perColumn;
    for (const QPointF &p : out)
        if (p.x() >= x0 && p.x() <= x1) {
            add(got, column(p.x()), p.y());
            ++perColumn[column(p.x())];
        }
    QCOMPARE(got, want);
    for (const auto &[c, n] : perColumn)
        QVERIFY(n <= 2);
    // The spike test of M4 holds too.
    Series flat = constantSeries(1'000'000, 0.0);
    flat.y[777'777] = -1e6;
    flat.y[523'417] = 1e6;
    const QList<QPointF> spikes = extremes(flat, 0, 999'999, 1600);
    QVERIFY(spikes.contains(QPointF(777'777, -1e6)));
    QVERIFY(spikes.contains(QPointF(523'417, 1e6)));
    // A constant column is one point.
    QCOMPARE(extremes(constantSeries(100'000, 2.0), 0, 99'999, 100).size(), 100);
}

void TestDecimator::extremesEdgesAndExact()
{
    Series s;
    for (int i = 0; i < 100000; ++i) {
        s.x.append(i);
        s.y.append(i);
    }
    QList<QPointF> out = extremes(s, 1000.5, 90000.5, 100);
    QCOMPARE(out.first(), QPointF(1000, 1000));
    QCOMPARE(out.last(), QPointF(90001, 90001));
    out = extremes(s, -Inf, Inf, 100);
    QCOMPARE(out.first(), QPointF(0, 0));
    QCOMPARE(out.last(), QPointF(99999, 99999));
    // At most 2 * width points in range: all of them and a neighbour each side.
    out = extremes(s, 500, 699, 100);
    QCOMPARE(out, pointsOf(s, 499, 701));
    QCOMPARE(extremes(s, 500, 700, 100).size(), 2 * 100 + 2); // 201 points: decimated
    QVERIFY(extremes(s, 0, 99999, 0).isEmpty());
    QVERIFY(extremes(s, 10, 5, 100).isEmpty());
    QVERIFY(extremes(constantSeries(100000, NaN), 0, 99999, 100).isEmpty());
}

void TestDecimator::extremesFromBlocks_data()
{
    matchesReference_data();
    QTest::addRow("wide columns") << 9u << 400000 << 1 << 0.001 << 0 << 300;
    QTest::addRow("wide columns, ties") << 10u << 400000 << 2 << 0.0 << 5 << 170;
}

// The block index changes how fast, never what: with it the result is the
// reference's, for every range, whole blocks or not.
void TestDecimator::extremesFromBlocks()
{
    int width = 0;
    const Series s = seriesOfRow(&width);
    ExtremaBlocks blocks;
    blocks.rebuild(s.y.constData(), s.size());
    const double span = s.x.last() - s.x.first();
    for (const auto &[x0, x1] : QList<std::pair<double, double>>{
             {s.x.first(), s.x.last()},
             {s.x.first() + span * 0.1 + 0.3, s.x.first() + span * 0.9},
             {s.x.first() + span * 0.47, s.x.first() + span * 0.52}}) {
        QList<QPointF> out;
        Decimator::extremesPerPixel(s.x.constData(), s.y.constData(), s.size(), x0, x1, width, &out,
                                    &blocks);
        QCOMPARE(out, extremesReference(s, x0, x1, width));
    }
}

// Indexed in pieces as a live run grows, the blocks are those indexed at once.
void TestDecimator::blocksFollowAppends()
{
    const Series s = randomSeries(12, 10000, 1, 0.05, 0);
    ExtremaBlocks whole, grown;
    whole.rebuild(s.y.constData(), s.size());
    for (qsizetype n : {0, 1, 63, 64, 65, 200, 1000, 4097, 9999, 10000})
        grown.append(s.y.constData(), n);
    QCOMPARE(grown.count(), whole.count());
    QCOMPARE(grown.blocks(), whole.blocks());
    for (qsizetype b = 0; b < whole.blocks(); ++b) {
        QCOMPARE(grown.lo(b), whole.lo(b));
        QCOMPARE(grown.hiAt(b), whole.hiAt(b));
        QCOMPARE(grown.loAt(b), whole.loAt(b));
    }
    // A block of nothing finite has no extremes.
    const Series nan = constantSeries(200, NaN);
    ExtremaBlocks none;
    none.rebuild(nan.y.constData(), nan.size());
    QCOMPARE(none.blocks(), 4);
    QCOMPARE(none.loAt(0), qsizetype(-1));
    QVERIFY(std::isinf(none.hi(3)));
}

// MetricCurve indexes what a chart decimates, raw and smoothed, and keeps the
// index current as a live run's points arrive.
void TestDecimator::curveKeepsBlocksCurrent()
{
    const Series s = randomSeries(13, 30000, 1, 0.01, 0);
    SeriesArrays arrays;
    auto add = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            arrays.step.append(s.x[i]);
            arrays.time.append(1.7e9 + s.x[i]);
            arrays.value.append(s.y[i]);
        }
    };
    add(0, 20000);
    MetricCurve curve;
    curve.setSource(&arrays, nullptr, 1.7e9);
    curve.build(XAxisMode::Step, 1, 0.6);
    auto check = [&] {
        QCOMPARE(curve.yBlocks()->count(), curve.size());
        QCOMPARE(curve.smoothedBlocks()->count(), curve.size());
        for (const auto &[y, blocks] :
             {std::pair{curve.y(), curve.yBlocks()}, {curve.smoothed(), curve.smoothedBlocks()}}) {
            QList<QPointF> with, without;
            Decimator::extremesPerPixel(curve.x(), y, curve.size(), -Inf, Inf, 37, &with, blocks);
            Decimator::extremesPerPixel(curve.x(), y, curve.size(), -Inf, Inf, 37, &without);
            QCOMPARE(with, without);
        }
    };
    check();
    add(20000, 30000);
    curve.update();
    QCOMPARE(curve.size(), qsizetype(30000));
    check();
}

void TestDecimator::lttb_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<double>("nonFinite");
    QTest::addColumn<int>("expected");
    QTest::addRow("large") << 1'000'000 << 1600 << 0.0 << 1600;
    QTest::addRow("just above") << 101 << 100 << 0.0 << 100;
    QTest::addRow("three") << 1000 << 3 << 0.0 << 3;
    QTest::addRow("with nan") << 50000 << 500 << 0.3 << 500;
    QTest::addRow("fewer than threshold") << 50 << 100 << 0.0 << 50;
    QTest::addRow("threshold too small") << 50 << 2 << 0.0 << 50;
    QTest::addRow("empty") << 0 << 100 << 0.0 << 0;
}

void TestDecimator::lttb()
{
    QFETCH(int, count);
    QFETCH(int, threshold);
    QFETCH(double, nonFinite);
    QFETCH(int, expected);
    const Series s = randomSeries(42, count, 1, nonFinite, 0);
    const QList<QPointF> out = Decimator::largestTriangleThreeBuckets(
        s.x.constData(), s.y.constData(), s.size(), threshold);
    QCOMPARE(out.size(), expected);
    if (count == 0)
        return;
    QCOMPARE(out.first().x(), s.x.first());
    QCOMPARE(out.last().x(), s.x.last());
    QVERIFY(
        std::is_sorted(out.begin(), out.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); }));
    const qsizetype finite = std::count_if(out.begin() + 1, out.end() - 1,
                                           [](QPointF p) { return std::isfinite(p.y()); });
    if (nonFinite < 0.5)
        QCOMPARE(finite, out.size() - 2); // buckets of ~100 points always have a finite one
}

QTEST_GUILESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
