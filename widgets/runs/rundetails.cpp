#include "runs/rundetails.h"

#include "charts/comparisontab.h"
#include "charts/metricvaluesview.h"
#include "items/runmetricsmodel.h"
#include "runs/logview.h"
#include "runs/outputsbrowser.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runoverview.h"
#include "runs/runstatustext.h"
#include "runs/snapshotbrowser.h"
#include "snapshots/snapshotwriter.h"
#include "store/changewatcher.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QButtonGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace mlwb {

namespace {
constexpr int coalesceMs = 200; // at most five refreshes a second
constexpr int tickMs = 1000;
const QString runsTopic = QStringLiteral("runs");
const QString metricsTopic = QStringLiteral("metrics");
const QString diagnosticsTopic = QStringLiteral("diagnostics");

bool looksBinary(const QByteArray &content)
{
    return content.left(8192).contains('\0');
}
} // namespace

RunDetails::RunDetails(Workspace *workspace, Id runId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_runId(runId)
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new RunOverview(workspace, runId, this))
    , m_log(new LogView(this))
    , m_metrics(new RunMetricsModel(workspace, runId, this))
    , m_values(new MetricValuesView(*workspace, this))
    , m_outputs(new OutputsBrowser(this))
    , m_snapshot(new SnapshotBrowser(this))
{
    Q_ASSERT(workspace);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #b71c1c; "
                                           "border: 1px solid #f5c2c0; padding: 6px; }"));
    m_banner->hide();
    m_tabs->setObjectName(QStringLiteral("runPages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(createMetricsPage(), tr("Metrics"));
    m_tabs->addTab(m_values, tr("Text, tables and images"));
    m_tabs->setTabVisible(ValuesPage, false);
    m_tabs->addTab(m_outputs, tr("Outputs"));
    m_tabs->addTab(m_snapshot, tr("Snapshot"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    connect(m_overview, &RunOverview::openRun, this, &RunDetails::openRun);
    connect(m_overview, &RunOverview::diagnosticCountChanged, this, [this](int count) {
        m_tabs->setTabIcon(OverviewPage, count > 0
                                             ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                             : QIcon());
        m_tabs->setTabToolTip(OverviewPage,
                              count > 0 ? tr("Problems reading this run's files: %1").arg(count)
                                        : QString());
    });
    connect(m_snapshot, &SnapshotBrowser::openReadOnly, this, &RunDetails::showFile);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RunDetails::updateValuesPage);
    // The charts cost a chart per metric: made when the page is first shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == MetricsPage && !m_charts && m_metricsStack->currentIndex() == 0)
            showMetricCharts(true);
    });
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(coalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this,
            [this] { refreshTopics(std::exchange(m_pendingTopics, {})); });
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &RunDetails::tick);

    refresh();
    m_ownWatcher = new ChangeWatcher(workspace->databasePath(), this);
    if (!m_ownWatcher->lastError().isEmpty())
        setError(QStringLiteral("watch"),
                 tr("Live updates are off: %1").arg(m_ownWatcher->lastError()));
    setChangeWatcher(m_ownWatcher);
    m_ownWatcher->start();
}

RunDetails::~RunDetails() = default;

QWidget *RunDetails::createHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("runTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    m_title->setFont(font);
    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("statusChip"));
    m_cancel = new QPushButton(tr("Cancel Run"), header);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Stop the run's process and mark it Canceled"));
    m_cancel->setEnabled(false);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &RunDetails::cancelRun);
    return header;
}

// Charts first: a grid of live panels, one per scalar metric; the table
// (last, min, max, count of every metric) one click away.
QWidget *RunDetails::createMetricsPage()
{
    auto *page = new QWidget(this);
    auto *charts = new QToolButton;
    charts->setObjectName(QStringLiteral("metricChartsButton"));
    charts->setText(tr("Charts"));
    auto *table = new QToolButton;
    table->setObjectName(QStringLiteral("metricTableButton"));
    table->setText(tr("Table"));
    auto *group = new QButtonGroup(page);
    for (QToolButton *b : {charts, table}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        group->addButton(b);
    }
    charts->setChecked(true);
    connect(charts, &QToolButton::toggled, this, &RunDetails::showMetricCharts);
    auto *switcher = new QHBoxLayout;
    switcher->addWidget(charts);
    switcher->addWidget(table);
    switcher->addStretch(1);
    m_metricsStack = new QStackedWidget;
    m_metricsStack->addWidget(new QWidget); // the charts, made when first shown
    m_metricsStack->addWidget(createMetricsTable());
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(switcher);
    layout->addWidget(m_metricsStack, 1);
    return page;
}

void RunDetails::showMetricCharts(bool charts)
{
    if (charts && !m_charts && m_workspace) {
        m_charts = new ComparisonTab(*m_workspace, m_metricsStack);
        m_charts->setObjectName(QStringLiteral("runCharts"));
        m_charts->setSingleRun();
        QString error;
        setError(QStringLiteral("charts"),
                 m_charts->setComparison({m_runId}, {}, &error) ? QString() : error);
        QWidget *placeholder = m_metricsStack->widget(0);
        m_metricsStack->insertWidget(0, m_charts);
        m_metricsStack->removeWidget(placeholder);
        placeholder->deleteLater();
    }
    m_metricsStack->setCurrentIndex(charts ? 0 : 1);
    if (auto *button = findChild<QToolButton *>(charts ? QStringLiteral("metricChartsButton")
                                                       : QStringLiteral("metricTableButton")))
        button->setChecked(true);
}

QTableView *RunDetails::createMetricsTable()
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_metrics);
    proxy->setSortRole(RunMetricsModel::SortRole);
    m_metricsView = new QTableView(this);
    m_metricsView->setObjectName(QStringLiteral("metricsView"));
    m_metricsView->setModel(proxy);
    m_metricsView->setSortingEnabled(true);
    m_metricsView->sortByColumn(RunMetricsModel::NameColumn, Qt::AscendingOrder);
    m_metricsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_metricsView->setAlternatingRowColors(true);
    m_metricsView->verticalHeader()->hide();
    m_metricsView->horizontalHeader()->setSectionResizeMode(RunMetricsModel::NameColumn,
                                                            QHeaderView::Stretch);
    m_metricsView->setToolTip(tr("Double-click a number metric to see its chart, or a string, "
                                 "list, row, table or image metric to see its values."));
    connect(m_metricsView, &QTableView::activated, this, &RunDetails::openValues);
    return m_metricsView;
}

// Reading every value of a metric is not free: only while the page is shown.
void RunDetails::updateValuesPage()
{
    if (!m_valuesStale || m_tabs->currentIndex() != ValuesPage)
        return;
    m_valuesStale = false;
    if (m_values->metricNames().isEmpty())
        m_values->setRuns({ChartRun{m_runId, title(), QColor(), 0}});
    else
        m_values->refresh();
}

void RunDetails::openValues(const QModelIndex &metricsIndex)
{
    const auto kind = MetricSeries::Kind(metricsIndex.data(RunMetricsModel::KindRole).toInt());
    if (kind == MetricSeries::Kind::Scalar) {
        showMetricCharts(true);
        return;
    }
    m_tabs->setCurrentIndex(ValuesPage); // reads the list when stale
    QString error;
    const bool shown = m_values->showMetric(
        m_runId, metricsIndex.data(RunMetricsModel::NameRole).toString(), &error);
    setError(QStringLiteral("values"), shown ? QString() : error);
}

QString RunDetails::title() const
{
    if (!m_run)
        return tr("Run %1").arg(m_runId);
    return m_run->displayName.isEmpty() ? m_run->uid : m_run->displayName;
}

void RunDetails::setChangeWatcher(ChangeWatcher *watcher)
{
    if (m_watcher)
        disconnect(m_watcher, nullptr, this, nullptr);
    m_watcher = watcher;
    if (m_ownWatcher && watcher != m_ownWatcher) {
        delete m_ownWatcher;
        m_ownWatcher = nullptr;
        setError(QStringLiteral("watch"), {});
    }
    if (watcher)
        connect(watcher, &ChangeWatcher::changed, this, &RunDetails::onChanged);
}

void RunDetails::onChanged(const QStringList &topics)
{
    for (const QString &topic : topics)
        if (topic == runsTopic || topic == metricsTopic || topic == diagnosticsTopic)
            m_pendingTopics.insert(topic);
    if (!m_pendingTopics.isEmpty() && !m_coalesce.isActive())
        m_coalesce.start();
}

void RunDetails::refresh()
{
    refreshTopics({runsTopic, metricsTopic, diagnosticsTopic});
}

void RunDetails::refreshTopics(const QSet<QString> &topics)
{
    QString error;
    if (topics.contains(runsTopic)) {
        setError(runsTopic, refreshRun(&error) ? QString() : error);
        error.clear();
        setError(QStringLiteral("tags"), m_overview->refreshTags(&error) ? QString() : error);
    }
    if (topics.contains(metricsTopic)) {
        error.clear();
        setError(metricsTopic, m_metrics->refresh(&error) ? QString() : error);
        m_overview->refreshMetrics();
        const int count = m_metrics->rowCount();
        m_tabs->setTabText(MetricsPage, count > 0 ? tr("Metrics (%1)").arg(count) : tr("Metrics"));
        // The values page re-reads only when a non-scalar metric grew.
        QList<QPair<QString, qint64>> counts;
        for (int row = 0; row < count; ++row) {
            const MetricSeries series = m_metrics->series(row);
            if (series.kind != MetricSeries::Kind::Scalar)
                counts.append({series.name, series.count});
        }
        m_tabs->setTabVisible(ValuesPage, !counts.isEmpty());
        if (counts != m_valueCounts) {
            m_valueCounts = counts;
            m_valuesStale = true;
            updateValuesPage();
        }
    }
    if (topics.contains(diagnosticsTopic)) {
        error.clear();
        setError(diagnosticsTopic, m_overview->refreshDiagnostics(&error) ? QString() : error);
    }
}

bool RunDetails::refreshRun(QString *error)
{
    const auto run = Runs(*m_workspace).find(m_runId, error);
    if (!run) {
        if (error->isEmpty())
            *error = tr("This run no longer exists.");
        m_cancel->setEnabled(false);
        m_log->setLive(false);
        m_tick.stop();
        return false;
    }
    const bool first = !m_run;
    const QString oldTitle = title();
    m_run = run;
    showStatus(*run);
    const bool ok = m_overview->setRun(*run, error);
    const bool live = !isFinal(run->status);
    if (first) {
        const RunFolder folder(m_workspace->folder(Workspace::Folder::Runs), run->uid);
        m_log->setFile(folder.log());
        m_outputs->setFolders(
            {folder.outputs(), QDir(folder.code()).filePath(QStringLiteral("outputs"))});
    }
    if (first || m_log->isLive() != live)
        m_log->setLive(live);
    m_outputs->refresh();
    if (run->snapshotId != m_shownSnapshot)
        loadSnapshot(run->snapshotId);
    if (live && !m_tick.isActive())
        m_tick.start();
    else if (!live)
        m_tick.stop();
    if (title() != oldTitle)
        Q_EMIT titleChanged(title());
    return ok;
}

void RunDetails::showStatus(const Run &run)
{
    m_title->setText(title());
    m_status->setText(statusText(run.status));
    m_status->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; "
                                           "border-radius: 9px; padding: 2px 10px; "
                                           "font-weight: bold; }")
                                .arg(statusColour(run.status)));
    const bool final = isFinal(run.status);
    m_cancel->setEnabled(!final && !m_cancelRequested);
    m_cancel->setText(m_cancelRequested && !final ? tr("Canceling…") : tr("Cancel Run"));
}

void RunDetails::tick()
{
    m_overview->updateDuration();
    m_overview->updateSupervisorNote();
    m_outputs->refresh(); // a running script may create its outputs folder any time
}

void RunDetails::cancelRun()
{
    if (!m_run || isFinal(m_run->status))
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cancel Run"),
        tr("Stop run %1? Its process is ended and the run is marked Canceled.").arg(title()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!RunLauncher::cancel(*m_workspace, m_runId, &error)) {
        QMessageBox::warning(this, tr("Cancel Run"),
                             tr("The run could not be canceled: %1").arg(error));
        return;
    }
    m_cancelRequested = true;
    refresh();
}

void RunDetails::loadSnapshot(Id snapshotId)
{
    m_shownSnapshot = snapshotId;
    if (snapshotId <= 0) {
        m_snapshot->setUnavailable(tr("This run has no snapshot yet."));
        return;
    }
    QString error;
    const QString zip = snapshotZip(snapshotId, &error);
    if (zip.isEmpty())
        m_snapshot->setUnavailable(error);
    else if (!QFile::exists(zip))
        m_snapshot->setUnavailable(tr("The snapshot file %1 is missing from the workspace.")
                                       .arg(QDir::toNativeSeparators(zip)));
    else
        m_snapshot->setZip(zip, &error); // it shows its own error
}

// Snapshots are stored by content: the zip is named by the sha256 on record.
QString RunDetails::snapshotZip(Id snapshotId, QString *error) const
{
    QSqlQuery q(m_workspace->database());
    if (!sql::prepare(q, QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"), error))
        return {};
    q.addBindValue(snapshotId);
    if (!sql::exec(q, error))
        return {};
    if (!q.next()) {
        *error = tr("The run's snapshot is not on record in this workspace.");
        return {};
    }
    return QDir(m_workspace->folder(Workspace::Folder::Snapshots))
        .filePath(q.value(0).toString() + QStringLiteral(".zip"));
}

void RunDetails::showFile(const QString &title, const QByteArray &content)
{
    if (isSignalConnected(QMetaMethod::fromSignal(&RunDetails::openReadOnly))) {
        Q_EMIT openReadOnly(title, content);
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("readOnlyViewer"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(looksBinary(content) ? tr("This is a binary file (%1); it is not shown.")
                                                  .arg(SnapshotWriter::formatSize(content.size()))
                                            : QString::fromUtf8(content));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(800, 600);
    dialog->show();
}

void RunDetails::setError(const QString &area, const QString &message)
{
    if (message.isEmpty())
        m_errors.remove(area);
    else
        m_errors.insert(area, message);
    m_lastError = m_errors.values().join(QLatin1Char('\n'));
    m_banner->setText(m_lastError);
    m_banner->setVisible(!m_lastError.isEmpty());
}

} // namespace mlwb
