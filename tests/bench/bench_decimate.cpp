// Decimating 1,000,000 points to 1,600 pixels: min/max per pixel and LTTB,
// each against a plain copy of the same arrays measured in the same run.
#include "metrics/decimator.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using namespace mlwb;

namespace {

constexpr qsizetype Points = 1'000'000;
constexpr int Width = 1600;
constexpr int Repetitions = 11;

// Median wall time in ms; sink keeps the optimiser from dropping the work.
double medianMs(const std::function<qsizetype()> &work, qsizetype *sink)
{
    std::vector<double> times;
    for (int i = 0; i < Repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        *sink += work();
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::nth_element(times.begin(), times.begin() + Repetitions / 2, times.end());
    return times[Repetitions / 2];
}

} // namespace

int main()
{
    // A noisy sine with a spike every ~50k points, like a loss curve with hiccups.
    QRandomGenerator rng(2026);
    std::vector<double> x(Points), y(Points);
    for (qsizetype i = 0; i < Points; ++i) {
        x[i] = double(i);
        y[i] = std::sin(i * 1e-4) + (rng.generateDouble() - 0.5) * 0.2;
        if (rng.bounded(50'000) == 0)
            y[i] += 50;
    }

    // Baseline: copying both arrays into buffers that already exist, i.e.
    // touching every point once at memory speed without page faults.
    qsizetype sink = 0;
    std::vector<double> cx(Points), cy(Points);
    const double copy = medianMs(
        [&] {
            std::copy(x.begin(), x.end(), cx.begin());
            std::copy(y.begin(), y.end(), cy.begin());
            return qsizetype(cx[Points / 2] + cy[Points / 3]);
        },
        &sink);
    const double m4 = medianMs(
        [&] {
            return Decimator::minMaxPerPixel(x.data(), y.data(), Points, 0, Points - 1, Width)
                .size();
        },
        &sink);
    const double lttb = medianMs(
        [&] {
            return Decimator::largestTriangleThreeBuckets(x.data(), y.data(), Points, Width).size();
        },
        &sink);

    QTextStream out(stdout);
    out << "bench_decimate: " << Points << " points -> " << Width << " px, median of "
        << Repetitions << " runs\n";
    out << "  copy x+y (baseline) " << copy << " ms\n";
    out << "  minMaxPerPixel      " << m4 << " ms  (" << m4 / copy << "x baseline)\n";
    out << "  LTTB                " << lttb << " ms  (" << lttb / copy << "x baseline, "
        << lttb / m4 << "x minMaxPerPixel)\n";
    out << "  (sink " << sink << ")\n";
    return 0;
}
