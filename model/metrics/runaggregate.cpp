#include "metrics/runaggregate.h"

#include <cmath>
#include <map>

namespace mlwb {

namespace {
struct Accumulator {
    double sum = 0;
    double min = qInf();
    double max = -qInf();
    int count = 0;
};
} // namespace

AggregateSeries RunAggregate::byStep(const QList<Input> &runs)
{
    std::map<double, Accumulator> steps;
    for (const Input &run : runs) {
        std::map<double, double> last; // step -> the run's last value there
        for (qsizetype i = 0; i < run.count; ++i)
            last[run.x[i]] = run.y[i];
        for (const auto &[step, value] : last) {
            if (!std::isfinite(value))
                continue;
            Accumulator &a = steps[step];
            a.sum += value;
            a.min = std::min(a.min, value);
            a.max = std::max(a.max, value);
            ++a.count;
        }
    }
    AggregateSeries out;
    out.step.reserve(qsizetype(steps.size()));
    for (const auto &[step, a] : steps) {
        out.step.append(step);
        out.mean.append(a.sum / a.count);
        out.min.append(a.min);
        out.max.append(a.max);
        out.count.append(a.count);
    }
    return out;
}

AggregateSeries RunAggregate::byStep(const QList<const SeriesArrays *> &runs)
{
    QList<Input> inputs;
    for (const SeriesArrays *a : runs)
        if (a)
            inputs.append({a->step.constData(), a->value.constData(), a->size()});
    return byStep(inputs);
}

} // namespace mlwb
