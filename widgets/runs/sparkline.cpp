#include "runs/sparkline.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace mlwb {

Sparkline::Sparkline(QVector<double> values, QWidget *parent)
    : QWidget(parent)
    , m_values(std::move(values))
{
    setMinimumSize(60, 20);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    double lo = INFINITY, hi = -INFINITY;
    for (double v : std::as_const(m_values)) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (m_values.size() < 2 || !(hi >= lo))
        return;
    const QRectF r = QRectF(rect()).adjusted(1, 2, -1, -2);
    const double span = hi > lo ? hi - lo : 1;
    QPainterPath path;
    bool open = false;
    for (int i = 0; i < m_values.size(); ++i) {
        const double v = m_values.at(i);
        if (!std::isfinite(v)) {
            open = false; // a NaN is a gap, as in the charts
            continue;
        }
        const QPointF p(r.left() + r.width() * i / (m_values.size() - 1),
                        r.bottom() - r.height() * (v - lo) / span);
        open ? path.lineTo(p) : path.moveTo(p);
        open = true;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.drawPath(path);
}

} // namespace mlwb
