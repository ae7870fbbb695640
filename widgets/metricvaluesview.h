#pragma once

#include "chartoptions.h"
#include "types.h"

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
/// lists and rows as a line chart over steps (one line per element or row
/// column); a table (its newest value) as a table; images as thumbnails
/// that open full size on a double click.
class MetricValuesView : public QWidget
{
    Q_OBJECT
public:
    explicit MetricValuesView(const Workspace &workspace, QWidget *parent = nullptr);

    /// The runs to choose from (the first is shown).
    void setRuns(const QList<ChartRun> &runs);
    /// Shows one metric of one run; false with *error when it cannot.
    bool showMetric(Id runId, const QString &metric, QString *error);
    /// The non-scalar metrics of the shown run.
    QStringList metricNames() const;

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

    const Workspace &m_workspace;
    QList<ChartRun> m_runs;
    Id m_runId = 0;
    QComboBox *m_run = nullptr;
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
