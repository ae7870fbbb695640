#pragma once

#include "charts/columnstroker.h"

#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <vector>

class QAbstractAxis;
class QChart;
class QLineSeries;

namespace mlwb {

/// Paints line series that are not added to the chart, in the chart's scene
/// over its plot area, mapped through the chart's axes as QtCharts would.
///
/// Why: on every replace() QtCharts maps a line, builds its path and strokes
/// a hover shape around it, and it paints a wide pen segment by segment; for
/// 50 lines of a few thousand decimated points that alone is several times a
/// redraw's budget. Here a redraw costs mapping the points at paint time.
/// Without antialiasing on a raster device the lines go through
/// ColumnStroker into one image; otherwise (antialiased few points, SVG,
/// printing) through QPainter as QtCharts draws them.
class ChartLinesItem : public QGraphicsItem
{
public:
    explicit ChartLinesItem(QChart *chart);

    void setAxes(QAbstractAxis *x, QAbstractAxis *y);
    /// What to draw, bottom first; hidden series and single points draw nothing.
    void setSeries(const QList<QLineSeries *> &series);
    /// Follows the chart's plot area (call when it changed).
    void updateGeometry();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Mapping;
    bool mapping(const QRectF &area, Mapping *out) const;
    void paintStroked(QPainter *painter, const QRectF &plot);
    void paintWithPainter(QPainter *painter, const QRectF &plot);

    QChart *m_chart;
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
    QList<QLineSeries *> m_series;
    QRectF m_rect;
    QImage m_image; // reused between paints
    std::vector<QPointF> m_mapped;
    ColumnStroker m_stroker;
};

} // namespace mlwb
