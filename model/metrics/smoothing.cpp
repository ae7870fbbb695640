#include "metrics/smoothing.h"

#include <QtNumeric>
#include <algorithm>
#include <cmath>
#include <vector>

namespace mlwb {

QVector<double> Smoothing::ema(const QVector<double> &values, double weight)
{
    QVector<double> out;
    emaAppend(values.constData(), values.size(), weight, &out);
    return out;
}

void Smoothing::emaAppend(const double *values, qsizetype count, double weight,
                          QVector<double> *smoothed)
{
    weight = std::clamp(weight, 0.0, 0.999999);
    const qsizetype from = smoothed->size();
    smoothed->resize(count);
    // Replay the state up to `from` (cheap compared with a redraw), so the
    // function has no hidden state to keep in sync.
    double last = 0;
    double weightPower = 1; // weight^(finite values so far)
    for (qsizetype i = 0; i < count; ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            if (i >= from)
                (*smoothed)[i] = v;
            continue;
        }
        last = last * weight + (1 - weight) * v;
        weightPower *= weight;
        if (i >= from) {
            const double debias = 1 - weightPower;
            (*smoothed)[i] = debias > 0 ? last / debias : v;
        }
    }
}

std::pair<double, double> Smoothing::percentileRange(const double *begin, const double *end,
                                                     double low, double high)
{
    constexpr qsizetype maxSample = 200000;
    const qsizetype count = end - begin;
    const qsizetype stride = std::max<qsizetype>(1, count / maxSample);
    std::vector<double> sample;
    sample.reserve(std::min(count, maxSample + 1));
    for (const double *p = begin; p < end; p += stride)
        if (std::isfinite(*p))
            sample.push_back(*p);
    if (sample.empty())
        return {qQNaN(), qQNaN()};
    auto at = [&](double percentile) {
        const auto k = qsizetype(std::llround(percentile / 100.0 * double(sample.size() - 1)));
        std::nth_element(sample.begin(), sample.begin() + k, sample.end());
        return sample[size_t(k)];
    };
    const double lo = at(low);
    return {lo, at(high)};
}

} // namespace mlwb
