#pragma once

#include "charts/chartoptions.h"
#include "store/types.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace mlwb {

class Workspace;

/// A run's non-scalar metrics: strings as a table of step, time and value;
/// lists and rows as a line or scatter chart over steps (one line per
/// element or row column; a list logged once over its element index); a
/// table (its newest value) as a table; images as thumbnails that open full
/// size on a double click. The run chooser shows only for several runs.
class MetricValuesView : public QWidget
{
    Q_OBJECT
public:
    explicit MetricValuesView(const Workspace &workspace, QWidget *parent = nullptr);

    /// The runs to choose from (the first is shown).
    void setRuns(const QList<ChartRun> &runs);
    /// Re-reads the shown run's metrics and values, keeping the chosen metric.
    void refresh();
    /// Shows one metric of one run; false with *error when it cannot.
    bool showMetric(Id runId, const QString &metric, QString *error);
    /// The non-scalar metrics of the shown run.
    QStringList metricNames() const;
    /// The metric shown, or an empty string.
    QString currentMetric() const;
    /// Lists and rows: points instead of lines.
    void setScatter(bool scatter);
    bool isScatter() const;

    // What the current page shows, for tests.
    QWidget *currentPage() const;
    QTableWidget *stringTable() const { return m_strings; }
    QChartView *lineChart() const { return m_chart; }
    QTableView *tableView() const { return m_table; }
    QListView *imageList() const { return m_images; }
    QStandardItemModel *imageModel() const { return m_imageModel; }
    /// The full-size dialog for the image at row (not shown); null if none.
    QWidget *imageDialog(int row);

private:
    void onRunChosen();
    void onMetricChosen();
    void showMessage(const QString &text);
    void fillLines(const QList<QPair<qint64, QString>> &values, bool row);
    void fillTable(const QString &json);
    void fillMetricList(const QString &preferred);
    bool showValues(Id runId, const QString &metric, QString *error);
    void updateBar();

    const Workspace &m_workspace;
    QList<ChartRun> m_runs;
    Id m_runId = 0;
    QWidget *m_bar = nullptr;
    QLabel *m_runLabel = nullptr;
    QComboBox *m_run = nullptr;
    QComboBox *m_style = nullptr;
    QListWidget *m_metrics = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_strings = nullptr;
    QChartView *m_chart = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_tableModel = nullptr;
    QListView *m_images = nullptr;
    QStandardItemModel *m_imageModel = nullptr;
};

} // namespace mlwb
