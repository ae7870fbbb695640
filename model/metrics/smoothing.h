#pragma once

#include <QVector>
#include <utility>

namespace mlwb {

/// The curve helpers of a metric chart: TensorBoard-style smoothing and the
/// value range that leaves outliers off the axis.
class Smoothing
{
public:
    /// Debiased exponential moving average (as TensorBoard draws it):
    /// weight 0 returns values unchanged, 0.999 is very smooth. The debiasing
    /// keeps the start of the curve from being pulled towards zero.
    /// Non-finite values are passed through and do not disturb the average.
    static QVector<double> ema(const QVector<double> &values, double weight);
    /// Appends the smoothed continuation of values[from..] to *smoothed, so
    /// a live chart does not recompute the whole curve for new points.
    static void emaAppend(const double *values, qsizetype count, double weight,
                          QVector<double> *smoothed);
    /// The [low, high] percentiles (0..100) of the finite values in
    /// [begin, end); {NaN, NaN} when there are none. Long ranges are sampled.
    static std::pair<double, double> percentileRange(const double *begin, const double *end,
                                                     double low, double high);
};

} // namespace mlwb
