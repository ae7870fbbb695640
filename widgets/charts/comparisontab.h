#pragma once

#include "charts/chartoptions.h"
#include "charts/panellayout.h"
#include "store/types.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QSlider;
class QTabWidget;

namespace mlwb {

class ChangeWatcher;
class MetricChartView;
class MetricTile;
class MetricValuesView;
class ParallelCoordinates;
class ParamScatter;
class RunsTableModel;
class SavedViewsList;
class SeriesLoader;
class Workspace;

/// The chart tab: one panel per metric for one or many runs, each run in
/// the same colour in every panel, a legend to show or hide runs, and a
/// toolbar for the x axis, log scale, smoothing, outliers and export.
/// Lines grow while runs log: store changes are coalesced into at most ten
/// refreshes a second, each reading only the new points.
class ComparisonTab : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonTab(const Workspace &workspace, QWidget *parent = nullptr);
    ~ComparisonTab() override;

    /// Shows these runs; metrics empty: every scalar metric they logged.
    bool setComparison(const QList<Id> &runIds, const QStringList &metrics, QString *error);
    QList<Id> runIds() const { return m_runIds; }
    /// Overlays `metric` on `into`'s panel; remembered for the experiment.
    void mergePanels(const QString &metric, const QString &into);
    /// Moves `metric`'s panel just before or after `beside`'s (remembered).
    void movePanel(const QString &metric, const QString &beside, bool after);
    /// Merges the metrics matching a regular expression; how many moved.
    int mergeMatching(const QString &pattern);
    PanelLayout &layout() { return m_layout; }
    /// Changes the layout, saves it for the experiment and lays the panels out again.
    void changeLayout(const std::function<void()> &change);
    QStringList metrics() const { return m_metrics; }
    void setOptions(const ChartOptions &options);
    ChartOptions options() const { return m_options; }
    QList<MetricChartView *> panels() const { return m_panels; }
    /// Metrics every run logged once, shown as numbers.
    QList<MetricTile *> tiles() const { return m_tiles; }
    /// Parameters whose values differ between runs, sorted; at most three.
    static QStringList differingKeys(const QList<QHash<QString, QString>> &parameters);
    /// Aggregate: each panel draws the mean of the shown runs by step and a
    /// min..max band instead of one line per run (the x axis is the step).
    void setAggregate(bool aggregate);
    bool isAggregate() const;
    /// For one run's own page: charts only, without the legend, the aggregate
    /// switch, saved views and the pages that compare runs.
    void setSingleRun();
    /// Charts, parallel coordinates, scatter, values and saved views pages.
    QTabWidget *pages() const { return m_pages; }
    ParallelCoordinates *parallelCoordinates() const { return m_parallel; }
    ParamScatter *paramScatter() const { return m_scatter; }
    MetricValuesView *valuesView() const { return m_values; }
    SavedViewsList *savedViewsList() const { return m_savedViews; }
    /// The runs whose legend box is checked.
    QList<ChartRun> shownRuns() const;
    /// Shows only one run (a click on its legend entry), or all again (a double click).
    void isolateRun(Id runId);
    void showAllRuns();
    /// A stable colour for the i-th run of a comparison.
    static QColor runColor(int index);
    /// The i-th run as a chart shows it: its name (the id when it has none),
    /// colour and start.
    static ChartRun chartRun(const Run &run, int index);

    /// Runs, metrics, axis and smoothing as a saved view's spec, and back.
    QJsonObject viewSpec() const;
    bool applyViewSpec(const QJsonObject &spec, QString *error);

    /// The whole grid and a legend of the shown runs as PNG or SVG (by extension).
    bool exportImage(const QString &path, QString *error);
    /// Every stored point of every shown line as CSV or JSON (by extension).
    bool exportPoints(const QString &path, QString *error);

public Q_SLOTS:
    /// Reads new points into every panel now.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makeToolbar();
    QWidget *makePages(QWidget *charts);
    void updateRunViews();
    void openSavedView(const QString &name, const QJsonObject &spec);
    void rebuildPanels();
    void addPanel(const QString &metric, const QStringList &merged = {});
    void showPanelMenu(MetricChartView *panel, const QPoint &globalPos);
    Id experimentOf(const QList<Id> &runIds) const;
    void addNewMetrics();
    void readToolbar();
    void syncToolbar();
    void onStoreChanged(const QStringList &topics);
    void onLegendItemChanged(QListWidgetItem *item);
    void setShownRuns(const std::function<bool(Id)> &shown);
    void chooseExport();
    void saveView();

    const Workspace &m_workspace;
    std::unique_ptr<SeriesLoader> m_loader;
    ChangeWatcher *m_watcher = nullptr;
    QList<Id> m_runIds;
    Id m_experimentId = 0;
    PanelLayout m_layout;
    QList<ChartRun> m_runs;
    QStringList m_metrics;
    bool m_allMetrics = false; // no list was given: metrics logged later get panels too
    QElapsedTimer m_metricsChecked;
    ChartOptions m_options;
    QList<MetricChartView *> m_panels;
    QList<MetricTile *> m_tiles;
    QHash<QString, qint64> m_mostPoints; // per metric, the most points a run has
    QComboBox *m_xMode = nullptr;
    QCheckBox *m_logY = nullptr;
    QSlider *m_smoothing = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QCheckBox *m_outliers = nullptr;
    QCheckBox *m_aggregate = nullptr;
    QTabWidget *m_pages = nullptr;
    std::unique_ptr<RunsTableModel> m_table; // parameters and metric summaries
    ParallelCoordinates *m_parallel = nullptr;
    ParamScatter *m_scatter = nullptr;
    MetricValuesView *m_values = nullptr;
    SavedViewsList *m_savedViews = nullptr;
    QListWidget *m_legend = nullptr;
    QListWidgetItem *m_toggledItem = nullptr; // by its check box, in this click
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QTimer m_refreshTimer; // ≤ 10 refreshes a second however often points arrive
    QElapsedTimer m_refreshClock;
    qint64 m_nextRefreshAt = 0; // on m_refreshClock: the earliest next refresh
    bool m_behind = false;      // points came while another tab covered this one
};

} // namespace mlwb
