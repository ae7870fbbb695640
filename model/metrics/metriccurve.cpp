#include "metrics/metriccurve.h"

#include "metrics/smoothing.h"

#include <QHash>
#include <QtNumeric>
#include <algorithm>
#include <numeric>

namespace mlwb {

void MetricCurve::setSource(const SeriesArrays *y, const SeriesArrays *x, double start)
{
    m_y = y;
    m_x = x;
    m_start = start;
}

double MetricCurve::xOf(qsizetype i) const
{
    switch (m_mode) {
    case XAxisMode::Step:
        return m_y->step.at(i);
    case XAxisMode::WallTime:
        return m_y->time.at(i) * 1000.0;
    case XAxisMode::RelativeTime:
        return (m_y->time.at(i) - m_start) / m_unit;
    case XAxisMode::Metric:
        break;
    }
    return qQNaN();
}

void MetricCurve::build(XAxisMode mode, double unit, double smoothing)
{
    m_mode = mode;
    m_unit = unit > 0 ? unit : 1;
    m_smoothing = smoothing;
    m_size = 0;
    m_xOwn.clear();
    m_yOwn.clear();
    m_smoothed.clear();
    m_order.clear();
    m_yBlocks.clear();
    m_smoothedBlocks.clear();
    if (!m_y)
        return;
    if (mode == XAxisMode::Metric) {
        // x: the other metric's value at the same step (its last one there).
        QHash<qint64, double> xAtStep;
        if (m_x)
            for (qsizetype i = 0; i < m_x->size(); ++i)
                if (qIsFinite(m_x->value.at(i)))
                    xAtStep.insert(qint64(m_x->step.at(i)), m_x->value.at(i));
        QVector<double> x;
        for (qsizetype i = 0; i < m_y->size(); ++i) {
            const auto it = xAtStep.constFind(qint64(m_y->step.at(i)));
            if (it == xAtStep.cend())
                continue;
            m_order.append(i);
            x.append(*it);
        }
        sortByX(&x);
    } else if (!appendInOrder()) {
        // Steps or times going back (a resumed run): sort once, then keep sorted.
        QVector<double> x(m_y->size());
        m_order.resize(m_y->size());
        std::iota(m_order.begin(), m_order.end(), 0);
        for (qsizetype i = 0; i < m_y->size(); ++i)
            x[i] = xOf(i);
        sortByX(&x);
    }
    if (m_smoothing > 0)
        Smoothing::emaAppend(m_order.isEmpty() ? m_y->value.constData() : m_yOwn.constData(),
                             m_order.isEmpty() ? m_y->size() : m_yOwn.size(), m_smoothing,
                             &m_smoothed);
    indexBlocks(true);
}

void MetricCurve::indexBlocks(bool afresh)
{
    if (afresh) {
        m_yBlocks.rebuild(y(), m_size);
        m_smoothedBlocks.rebuild(smoothed(), isSmoothed() ? m_size : 0);
    } else {
        m_yBlocks.append(y(), m_size);
        m_smoothedBlocks.append(smoothed(), isSmoothed() ? m_size : 0);
    }
}

// The common case: x already ascending. Returns false if it is not.
bool MetricCurve::appendInOrder()
{
    const bool ownX = m_mode != XAxisMode::Step;
    double previous = m_size ? (ownX ? m_xOwn.last() : m_y->step.at(m_size - 1)) : -qInf();
    for (qsizetype i = m_size; i < m_y->size(); ++i) {
        const double x = xOf(i);
        if (x < previous)
            return false;
        previous = x;
        if (ownX)
            m_xOwn.append(x);
    }
    m_size = m_y->size();
    return true;
}

void MetricCurve::sortByX(QVector<double> *x)
{
    QVector<qsizetype> perm(x->size());
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(),
                     [x](qsizetype a, qsizetype b) { return x->at(a) < x->at(b); });
    QVector<qsizetype> order(perm.size());
    m_xOwn.resize(perm.size());
    m_yOwn.resize(perm.size());
    for (qsizetype i = 0; i < perm.size(); ++i) {
        order[i] = m_order.at(perm.at(i));
        m_xOwn[i] = x->at(perm.at(i));
        m_yOwn[i] = m_y->value.at(order[i]);
    }
    m_order = order;
    m_size = perm.size();
}

void MetricCurve::update()
{
    if (!m_y || m_y->size() == m_size)
        return;
    if (m_mode == XAxisMode::Metric || !m_order.isEmpty() || !appendInOrder()) {
        build(m_mode, m_unit, m_smoothing);
        return;
    }
    if (m_smoothing > 0)
        Smoothing::emaAppend(m_y->value.constData(), m_y->size(), m_smoothing, &m_smoothed);
    indexBlocks(false);
}

double MetricCurve::firstX() const
{
    return m_size ? x()[0] : qQNaN();
}

double MetricCurve::lastX() const
{
    return m_size ? x()[m_size - 1] : qQNaN();
}

} // namespace mlwb
