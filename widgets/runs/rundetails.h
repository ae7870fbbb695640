#pragma once

#include "store/types.h"

#include <QSet>
#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace mlwb {

class ChangeWatcher;
class ComparisonTab;
class LogView;
class MetricValuesView;
class OutputsBrowser;
class RunMetricsModel;
class RunOverview;
class SnapshotBrowser;
class Workspace;

/// A document tab for one run: a header with its name, a status chip and
/// Cancel, over pages for its overview, log, metrics, its non-scalar metrics
/// (shown only when it logged any), outputs and snapshot.
/// It stays live while the run goes on: store changes from any process
/// ("runs", "metrics", "diagnostics") refresh it, at most five times a second.
class RunDetails : public QWidget
{
    Q_OBJECT
public:
    enum Page { OverviewPage, LogPage, MetricsPage, ValuesPage, OutputsPage, SnapshotPage };

    /// `workspace` must outlive this widget. It watches the store on its own
    /// until given a shared watcher with setChangeWatcher().
    RunDetails(Workspace *workspace, Id runId, QWidget *parent = nullptr);
    ~RunDetails() override;

    Id runId() const { return m_runId; }
    /// The run as last read, or nothing when it could not be read.
    const std::optional<Run> &run() const { return m_run; }
    /// The run's display name, or its run id.
    QString title() const;
    /// Uses `watcher` (not owned, may be null to stop watching) instead of the own one.
    void setChangeWatcher(ChangeWatcher *watcher);
    /// What went wrong at the last refresh, as shown in the banner; empty when fine.
    QString lastError() const { return m_lastError; }

    QTabWidget *pages() const { return m_tabs; }
    RunOverview *overview() const { return m_overview; }
    LogView *logView() const { return m_log; }
    RunMetricsModel *metricsModel() const { return m_metrics; }
    /// Strings, lists, rows, tables and images the run logged.
    MetricValuesView *valuesView() const { return m_values; }
    OutputsBrowser *outputsBrowser() const { return m_outputs; }
    SnapshotBrowser *snapshotBrowser() const { return m_snapshot; }

public Q_SLOTS:
    /// Re-reads everything now.
    void refresh();
    /// Asks for confirmation, then asks the run to stop.
    void cancelRun();

Q_SIGNALS:
    void titleChanged(const QString &title);
    /// A parent or child run link was clicked.
    void openRun(Id runId);
    /// A snapshot file to show read-only; when nothing is connected, a
    /// viewer dialog of this widget shows it.
    void openReadOnly(const QString &title, const QByteArray &content);
    /// "Register Model…" in the outputs browser: this run, "outputs/REL".
    void registerModelRequested(mlwb::Id runId, const QString &outputPath);

private:
    QWidget *createHeader();
    QWidget *createMetricsPage();
    void showMetricCharts(bool charts);
    QTableView *createMetricsTable();
    void updateValuesPage();
    void openValues(const QModelIndex &metricsIndex);
    void onChanged(const QStringList &topics);
    void refreshTopics(const QSet<QString> &topics);
    bool refreshRun(QString *error);
    void showStatus(const Run &run);
    void loadSnapshot(Id snapshotId);
    QString snapshotZip(Id snapshotId, QString *error) const;
    void tick();
    void showFile(const QString &title, const QByteArray &content);
    void setError(const QString &area, const QString &message);

    Workspace *m_workspace;
    Id m_runId;
    std::optional<Run> m_run;
    Id m_shownSnapshot = -1;
    ChangeWatcher *m_ownWatcher = nullptr;
    ChangeWatcher *m_watcher = nullptr;
    QSet<QString> m_pendingTopics;
    QTimer m_coalesce;
    QTimer m_tick;
    QMap<QString, QString> m_errors; // by area, so one part's success clears only its own
    QString m_lastError;
    bool m_cancelRequested = false;

    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_cancel;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    RunOverview *m_overview;
    LogView *m_log;
    RunMetricsModel *m_metrics;
    QTableView *m_metricsView = nullptr;
    ComparisonTab *m_charts = nullptr;
    QStackedWidget *m_metricsStack = nullptr;
    MetricValuesView *m_values;
    QList<QPair<QString, qint64>> m_valueCounts; // non-scalar metrics and their counts
    bool m_valuesStale = true;                   // new values arrived while the page was not shown
    OutputsBrowser *m_outputs;
    SnapshotBrowser *m_snapshot;
};

} // namespace mlwb
