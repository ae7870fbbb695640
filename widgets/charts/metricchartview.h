#pragma once

#include "charts/chartoptions.h"
#include "charts/hoverreadout.h"
#include "metrics/metriccurve.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QTimer>
#include <memory>

class QAreaSeries;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QLineSeries;
class QAbstractAxis;

namespace mlwb {

class ChartLinesItem;
class SeriesLoader;
class Workspace;

/// A run's value under the hover crosshair.
struct HoverValue {
    ChartRun run;
    QString metric;
    double x = 0; // of the nearest point
    qint64 step = 0;
    double raw = 0;
    double smoothed = 0; // NaN without smoothing
};

/// One chart panel: one metric, one line per run. Lines are fed decimated
/// points (min and max per pixel column of the plot area, so no spike hides)
/// with replace(), re-decimated from the full data on every zoom, pan and
/// resize, so zooming in shows the real points. The runs' QLineSeries hold
/// the points and pens but are not added to the chart: a ChartLinesItem in
/// its scene draws them (QtCharts' per-series layout is too slow for 50
/// dense lines per redraw); an empty series on the axes keeps QtCharts'
/// zoom, scroll and value mapping working. Follows the newest point until the
/// user zooms (rubber band, wheel) or pans (middle or ctrl drag); a double
/// click resets. Hovering shows a crosshair and every shown run's value there.
class MetricChartView : public QChartView
{
    Q_OBJECT
public:
    MetricChartView(const Workspace &workspace, SeriesLoader *loader, const QString &metric,
                    QWidget *parent = nullptr);
    ~MetricChartView() override;

    QString metric() const { return m_metric; }
    /// The panel's metric, then those merged into it (drawn dashed, dotted, ...).
    QStringList metrics() const;
    /// Overlays these metrics on the panel's own (empty: only its own).
    void setMerged(const QStringList &others);
    /// Sets the runs to draw (their points are read through the loader).
    bool setRuns(const QList<ChartRun> &runs, QString *error);
    void setOptions(const ChartOptions &options);
    ChartOptions options() const { return m_options; }
    void setRunVisible(Id runId, bool visible);
    /// Reads points that arrived since the last call; redraws when any did.
    bool refresh(QString *error);
    /// Back to the whole data, following new points: after a zoom, to the
    /// range shown before it while the data still fits that.
    void resetZoom();
    bool isFollowing() const { return m_following; }
    /// Shows x0..x1 (in the x axis' units) as a zoom would.
    void zoomTo(double x0, double x1);
    /// Decimates and hands every visible line its points.
    void redraw();

    /// Aggregate mode: instead of one line per run, the mean of the visible
    /// runs aligned by step and a translucent min..max band (x: step).
    void setAggregate(bool aggregate);
    bool isAggregate() const { return m_aggregate; }
    QLineSeries *meanSeries() const { return m_mean; }
    QAreaSeries *bandSeries() const { return m_band; }
    /// The runs drawn (shown in the legend of exported images).
    QList<ChartRun> runs() const;

    /// Writes the panel, a legend of its runs below, as PNG or SVG (by the
    /// file's extension) at size.
    bool saveImage(const QString &path, const QSize &size, QString *error);
    /// Lines held as summaries instead of points (the loader outgrew its
    /// SeriesLoader::memoryBudget()).
    int summarizedLines() const;
    /// The chart lines drawn for runs (with smoothing: raw and smoothed).
    QList<QLineSeries *> lineSeries() const;
    /// Pixel columns the lines were last decimated to.
    int decimationWidth() const { return m_decimationWidth; }
    QAbstractAxis *xAxis() const { return m_xAxis; }
    QAbstractAxis *yAxis() const { return m_yAxis; }
    /// Each shown run's point nearest x (in axis units), raw and smoothed;
    /// runs whose data does not reach x are left out.
    QList<HoverValue> valuesAt(double x) const;
    /// The crosshair's readout at x as plain text (empty: no run there).
    QString readoutAt(double x) const;

Q_SIGNALS:
    void followingChanged(bool following);
    /// Another panel's metric was dropped on the middle of this one (dragged
    /// by its title).
    void mergeRequested(const QString &metric, const QString &into);
    /// ... or on its left or right edge: that panel moves beside this one.
    void moveRequested(const QString &metric, const QString &beside, bool after);
    /// A right click on the title: the panel's own menu.
    void titleMenuRequested(const QPoint &globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line;
    void makeAxes();
    void attachAggregate();
    int plotWidth() const;
    void computeAggregate(double x0, double x1, int width, double *lo, double *hi);
    void showAggregate();
    void rebuildCurves();
    bool smoothAtRest() const;
    bool summarizable() const;
    void summarizeOverBudget();
    bool summarize(Line *line);
    bool growSummary(Line *line, bool *grew, QString *error);
    void decimateSummary(Line *line, double x0, double x1, int width);
    double relativeUnit() const;
    std::pair<double, double> dataRange() const;
    std::pair<double, double> shownRange() const;
    void applyRanges(double x0, double x1, double y0, double y1);
    std::pair<double, double> percentiles(double x0, double x1) const;
    std::pair<double, double> padded(double lo, double hi) const;
    std::pair<double, double> roomToGrow(std::pair<double, double> wanted,
                                         std::pair<double, double> shown) const;
    void onAxisRangeChanged();
    void setFollowing(bool following);
    QString axisTitle() const;
    QString xText(double x) const;
    Readout readout(double x) const;
    void showCrosshair(const QPoint &pos);
    void hideCrosshair();
    bool inTitle(const QPoint &pos) const;
    enum class DropZone { None, Before, Merge, After };
    DropZone dropZone(const QPoint &pos) const;
    void showDropMark(DropZone zone);

    const Workspace &m_workspace;
    SeriesLoader *m_loader;
    QString m_metric;
    QStringList m_merged;
    QList<ChartRun> m_runs;
    ChartOptions m_options;
    std::vector<std::unique_ptr<Line>> m_lines;
    ChartLinesItem *m_linesItem = nullptr;
    QLineSeries *m_axisSeries = nullptr; // empty: gives QtCharts a domain on the axes
    int m_decimationWidth = 0;
    QAbstractAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
    double m_unit = 1; // relative time: seconds per axis unit
    bool m_following = true;
    std::pair<double, double> m_followed{0, 0}; // the x range last drawn while following
    bool m_autoY = true;
    bool m_applying = false;
    bool m_refit = true; // the next redraw fits the axes to the data, without room to grow
    bool m_panning = false;
    QPoint m_lastPan;
    bool m_aggregate = false;
    QLineSeries *m_mean = nullptr; // aggregate mode: the mean line
    QAreaSeries *m_band = nullptr; // and the min..max band behind it
    QList<QPointF> m_meanPoints, m_minPoints, m_maxPoints;
    QGraphicsLineItem *m_crosshair = nullptr; // made on first hover
    HoverReadout *m_readout = nullptr;        // beside it
    QPoint m_dragFrom{-1, -1};                // a press on the title: maybe a drag
    QGraphicsRectItem *m_dropMark = nullptr;  // where a dragged panel would go
    QTimer m_redrawTimer;                     // coalesces range changes into one redraw
    QTimer m_settleTimer;                     // points stopped coming: smooth the picture
    bool m_streaming = false;                 // points came within settleMs
    qsizetype m_drawn = 0;                    // points the last redraw drew
};

} // namespace mlwb
