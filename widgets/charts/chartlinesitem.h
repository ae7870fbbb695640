#pragma once

#include "charts/columnstroker.h"

#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPen>
#include <array>
#include <utility>
#include <vector>

class QAbstractAxis;
class QChart;
class QLineSeries;

namespace mlwb {

/// An axis' range as numbers (a time axis in ms since the epoch).
std::pair<double, double> axisRange(const QAbstractAxis *axis);

/// Paints line series that are not added to the chart, in the chart's scene
/// over its plot area, mapped through the chart's axes as QtCharts would.
///
/// Why: on every replace() QtCharts maps a line, builds its path and strokes
/// a hover shape around it, and it paints a wide pen segment by segment; for
/// 50 lines of a few thousand decimated points that alone is several times a
/// redraw's budget. Here a redraw costs mapping the points at paint time.
/// On a raster device the lines go into one image that is kept until they
/// or the axes change: through ColumnStroker without antialiasing, through
/// QPainter with it (few points). Elsewhere (SVG, printing) they go through
/// QPainter as QtCharts draws them. On raster devices a
/// dashed line is cut into its dashes here (dashes.h) and drawn solid.
class ChartLinesItem : public QGraphicsItem
{
public:
    explicit ChartLinesItem(QChart *chart);

    void setAxes(QAbstractAxis *x, QAbstractAxis *y);
    /// What to draw, bottom first; hidden series and single points draw nothing.
    void setSeries(const QList<QLineSeries *> &series);
    /// Follows the chart's plot area (call when it changed).
    void updateGeometry();
    /// The series' points changed (after replace()): paint them again.
    void changed();
    /// The first image column the last stroke redrew (0: all of them), for tests.
    int lastRedrawnFrom() const { return m_lastRedrawnFrom; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Mapping;
    bool mapping(const QRectF &area, Mapping *out) const;
    void paintStroked(QPainter *painter, const QRectF &plot);
    void strokeImage(const QSize &size, const Mapping &map, double scale, bool antialiased,
                     bool sameView);
    int firstChangedColumn(const Mapping &map, double scale) const;
    void paintWithPainter(QPainter *painter, const QRectF &plot);
    void drawLines(QPainter *painter, const Mapping &map, bool raster, double scale);

    QChart *m_chart;
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
    QList<QLineSeries *> m_series;
    QRectF m_rect;
    QImage m_image; // reused between paints
    // What m_image shows is still right while nothing changed: a crosshair
    // moving over the lines repaints only the image, not every line.
    bool m_imageValid = false;
    bool m_imageAntialiased = false;
    QTransform m_imageDevice;
    QRectF m_imageArea;
    std::array<double, 4> m_imageAxes{}; // the axes' ranges it was drawn for
    // The lines m_image holds, stroked (not antialiased): after a live
    // append, only the columns from the first changed point on are redrawn.
    struct Drawn {
        const QLineSeries *series;
        QPen pen;
        QList<QPointF> points; // shared with the series while it keeps them
    };
    std::vector<Drawn> m_drawn;
    int m_lastRedrawnFrom = 0;
    std::vector<QPointF> m_mapped;
    std::vector<QLineF> m_dashes;
    ColumnStroker m_stroker;
};

} // namespace mlwb
