#include "charts/dashes.h"

#include <cmath>

namespace mlwb {

void dashSegments(const QPointF *points, qsizetype count, const QList<qreal> &pattern, qreal unit,
                  std::vector<QLineF> *out)
{
    out->clear();
    qreal period = 0;
    for (qreal length : pattern)
        period += length * unit;
    if (count < 2 || pattern.size() < 2 || !(period > 0))
        return;
    int slot = 0;                        // even slots are dashes, odd ones gaps
    qreal left = pattern.first() * unit; // of the current slot
    for (qsizetype i = 1; i < count; ++i) {
        const QPointF a = points[i - 1], b = points[i];
        const qreal dx = b.x() - a.x(), dy = b.y() - a.y();
        const qreal length = std::sqrt(dx * dx + dy * dy); // std::hypot is several times slower
        if (!std::isfinite(length))
            continue;
        qreal at = 0;
        while (at < length) {
            const qreal step = std::min(left, length - at);
            if (slot % 2 == 0 && step > 0)
                out->emplace_back(a + (b - a) * (at / length),
                                  a + (b - a) * ((at + step) / length));
            at += step;
            left -= step;
            if (left <= 0) {
                slot = (slot + 1) % int(pattern.size());
                left = pattern.at(slot) * unit;
            }
        }
    }
}

} // namespace mlwb
