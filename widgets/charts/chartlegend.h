#pragma once

#include "charts/chartoptions.h"

#include <QFont>
#include <QList>

class QPainter;
class QRect;

namespace mlwb {

/// The legend exported images carry: a colour swatch and the label (the
/// run's display name or id) of every run, flowing left to right in rows.
class ChartLegend
{
public:
    /// The height the legend needs at this width (0 without runs).
    static int height(const QList<ChartRun> &runs, int width, const QFont &font);
    /// Paints the legend into rect, white behind it.
    static void paint(QPainter *painter, const QRect &rect, const QList<ChartRun> &runs,
                      const QFont &font);
};

} // namespace mlwb
