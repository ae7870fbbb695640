#include "charts/chartlegend.h"

#include <QFontMetrics>
#include <QPainter>

namespace mlwb {

namespace {
constexpr int margin = 8;
constexpr int swatch = 18;
constexpr int gap = 6;      // swatch to text
constexpr int spacing = 20; // between entries

// Calls place(run, x, y) for every entry; returns the rows used.
template <typename Place>
int layout(const QList<ChartRun> &runs, int width, const QFontMetrics &fm, Place place)
{
    const int rowHeight = fm.height() + gap;
    int x = margin, y = margin, rows = runs.isEmpty() ? 0 : 1;
    for (const ChartRun &run : runs) {
        const int w = swatch + gap + fm.horizontalAdvance(run.label);
        if (x > margin && x + w > width - margin) {
            x = margin;
            y += rowHeight;
            ++rows;
        }
        place(run, x, y);
        x += w + spacing;
    }
    return rows;
}
} // namespace

int ChartLegend::height(const QList<ChartRun> &runs, int width, const QFont &font)
{
    const QFontMetrics fm(font);
    const int rows = layout(runs, width, fm, [](const ChartRun &, int, int) {});
    return rows ? 2 * margin + rows * (fm.height() + gap) - gap : 0;
}

void ChartLegend::paint(QPainter *painter, const QRect &rect, const QList<ChartRun> &runs,
                        const QFont &font)
{
    painter->save();
    painter->fillRect(rect, Qt::white);
    painter->setFont(font);
    const QFontMetrics fm(font);
    layout(runs, rect.width(), fm, [&](const ChartRun &run, int x, int y) {
        const int mid = rect.top() + y + fm.height() / 2;
        painter->setPen(QPen(run.color, 3));
        painter->drawLine(rect.left() + x, mid, rect.left() + x + swatch, mid);
        painter->setPen(Qt::black);
        painter->drawText(QRect(rect.left() + x + swatch + gap, rect.top() + y,
                                fm.horizontalAdvance(run.label) + 1, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, run.label);
    });
    painter->restore();
}

} // namespace mlwb
