#pragma once

#include "metrics/seriesloader.h"

#include <QList>
#include <QVector>

namespace mlwb {

/// Several runs' values of one metric aligned by step: for every step any
/// run logged (the union), the mean, min and max over the runs that logged
/// it, and how many did. A run that logged a step twice counts its last
/// value; NaN values are left out.
struct AggregateSeries {
    QVector<double> step, mean, min, max;
    QVector<int> count;
    qsizetype size() const { return step.size(); }
};

class RunAggregate
{
public:
    /// One run's points: x the step, y the value, both count long.
    struct Input {
        const double *x = nullptr;
        const double *y = nullptr;
        qsizetype count = 0;
    };
    static AggregateSeries byStep(const QList<Input> &runs);
    static AggregateSeries byStep(const QList<const SeriesArrays *> &runs);
};

} // namespace mlwb
