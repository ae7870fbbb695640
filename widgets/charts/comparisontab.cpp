#include "charts/comparisontab.h"

#include "charts/chartlegend.h"
#include "charts/metricchartview.h"
#include "charts/metrictile.h"
#include "charts/metricvaluesview.h"
#include "charts/panellayout.h"
#include "charts/parallelcoordinates.h"
#include "charts/paramscatter.h"
#include "items/runstablemodel.h"
#include "metrics/metricexport.h"
#include "metrics/metrics.h"
#include "metrics/seriesloader.h"
#include "runs/savedviewslist.h"
#include "store/changewatcher.h"
#include "store/runs.h"
#include "store/savedviews.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSlider>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlwb {

namespace {
constexpr int refreshIntervalMs = 100;
constexpr int panelColumns = 2;

QString modeKey(XAxisMode mode)
{
    switch (mode) {
    case XAxisMode::Step:
        return QStringLiteral("step");
    case XAxisMode::WallTime:
        return QStringLiteral("wall");
    case XAxisMode::RelativeTime:
        return QStringLiteral("relative");
    case XAxisMode::Metric:
        return QStringLiteral("metric");
    }
    return QString();
}

XAxisMode modeFromKey(const QString &key)
{
    if (key == QLatin1String("wall"))
        return XAxisMode::WallTime;
    if (key == QLatin1String("relative"))
        return XAxisMode::RelativeTime;
    if (key == QLatin1String("metric"))
        return XAxisMode::Metric;
    return XAxisMode::Step;
}
} // namespace

ComparisonTab::ComparisonTab(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_loader(std::make_unique<SeriesLoader>(workspace))
    , m_table(std::make_unique<RunsTableModel>(workspace))
{
    m_legend = new QListWidget;
    m_legend->setObjectName(QStringLiteral("legend"));
    m_legend->setMaximumWidth(220);
    m_legend->setToolTip(tr("Click a run to show only it; double-click to show all runs"));
    connect(m_legend, &QListWidget::itemChanged, this, &ComparisonTab::onLegendItemChanged);
    connect(m_legend, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        // A click on the check box toggled the run already; one on its name isolates it.
        if (std::exchange(m_toggledItem, nullptr) != item)
            isolateRun(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_legend, &QListWidget::itemDoubleClicked, this, &ComparisonTab::showAllRuns);
    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_grid);
    auto *splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(m_legend);
    splitter->setStretchFactor(0, 1);
    // The chart tool bar acts on the charts only: it lives on their page.
    auto *chartsPage = new QWidget;
    auto *chartsLayout = new QVBoxLayout(chartsPage);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(makeToolbar());
    chartsLayout->addWidget(splitter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makePages(chartsPage), 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setTimerType(Qt::PreciseTimer); // never early: ≤ 10 a second holds
    connect(&m_refreshTimer, &QTimer::timeout, this, &ComparisonTab::refresh);
    m_watcher = new ChangeWatcher(workspace.databasePath(), this);
    m_watcher->setInterval(refreshIntervalMs);
    connect(m_watcher, &ChangeWatcher::changed, this, &ComparisonTab::onStoreChanged);
    m_watcher->start();
}

ComparisonTab::~ComparisonTab() = default;

ChartRun ComparisonTab::chartRun(const Run &run, int index)
{
    const QDateTime start = run.startedAt.isValid() ? run.startedAt : run.createdAt;
    return {run.id, run.displayName.isEmpty() ? run.uid : run.displayName, runColor(index),
            double(start.toMSecsSinceEpoch()) / 1000.0};
}

QColor ComparisonTab::runColor(int index)
{
    // Tableau 10: distinct at a glance; beyond ten runs, rotate the hue.
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    if (index < 10)
        return QColor(palette[index]);
    return QColor::fromHsv((index * 137) % 360, 200, 200);
}

QWidget *ComparisonTab::makeToolbar()
{
    // A tool bar, so that what does not fit (German, a narrow window) goes
    // behind its » button instead of widening the window.
    auto *bar = new QToolBar;
    bar->setObjectName(QStringLiteral("chartToolbar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    m_xMode = new QComboBox;
    m_xMode->setObjectName(QStringLiteral("xMode"));
    m_logY = new QCheckBox(tr("Log scale"));
    m_logY->setObjectName(QStringLiteral("logY"));
    m_smoothing = new QSlider(Qt::Horizontal);
    m_smoothing->setObjectName(QStringLiteral("smoothing"));
    m_smoothing->setRange(0, 999);
    m_smoothing->setMaximumWidth(160);
    m_smoothingLabel = new QLabel;
    m_outliers = new QCheckBox(tr("Ignore outliers"));
    m_outliers->setObjectName(QStringLiteral("ignoreOutliers"));
    m_aggregate = new QCheckBox(tr("Aggregate"));
    m_aggregate->setObjectName(QStringLiteral("aggregate"));
    m_aggregate->setToolTip(tr("The mean of the shown runs by step, with a min–max band"));
    auto *reset = new QPushButton(tr("Reset zoom"));
    auto *exportButton = new QPushButton(tr("Export…"));
    auto *save = new QPushButton(tr("Save view…"));
    save->setObjectName(QStringLiteral("saveView"));
    bar->addWidget(new QLabel(tr("X axis:")));
    bar->addWidget(m_xMode);
    bar->addWidget(m_logY);
    bar->addWidget(new QLabel(tr("Smoothing:")));
    bar->addWidget(m_smoothing);
    bar->addWidget(m_smoothingLabel);
    bar->addWidget(m_outliers);
    bar->addWidget(m_aggregate);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(reset);
    bar->addWidget(exportButton);
    bar->addWidget(save);
    connect(m_xMode, &QComboBox::activated, this, &ComparisonTab::readToolbar);
    connect(m_logY, &QCheckBox::toggled, this, &ComparisonTab::readToolbar);
    connect(m_outliers, &QCheckBox::toggled, this, &ComparisonTab::readToolbar);
    connect(m_smoothing, &QSlider::valueChanged, this, &ComparisonTab::readToolbar);
    connect(m_aggregate, &QCheckBox::toggled, this, &ComparisonTab::setAggregate);
    connect(reset, &QPushButton::clicked, this, [this] {
        for (MetricChartView *panel : std::as_const(m_panels))
            panel->resetZoom();
    });
    connect(exportButton, &QPushButton::clicked, this, &ComparisonTab::chooseExport);
    connect(save, &QPushButton::clicked, this, &ComparisonTab::saveView);
    syncToolbar();
    return bar;
}

bool ComparisonTab::setComparison(const QList<Id> &runIds, const QStringList &metrics,
                                  QString *error)
{
    const Runs runs(m_workspace);
    const Metrics store(m_workspace);
    m_runIds = runIds;
    m_runs.clear();
    m_mostPoints.clear();
    QStringList found, uids;
    QList<QHash<QString, QString>> parameters;
    for (int i = 0; i < runIds.size(); ++i) {
        const auto run = runs.find(runIds.at(i), error);
        if (!run)
            return false;
        m_runs.append(chartRun(*run, i));
        uids << run->uid;
        parameters << RunsTableModel::parameters(run->arguments);
        const QList<MetricSeries> series = store.series(run->id, error);
        for (const MetricSeries &s : series) {
            if (s.kind != MetricSeries::Kind::Scalar)
                continue;
            m_mostPoints[s.name] = std::max(m_mostPoints.value(s.name), s.count);
            if (!found.contains(s.name))
                found << s.name;
        }
    }
    std::sort(found.begin(), found.end());
    m_metrics = metrics.isEmpty() ? found : metrics;
    m_experimentId = experimentOf(runIds);
    m_layout.load(m_experimentId);
    m_allMetrics = metrics.isEmpty();
    m_legend->blockSignals(true);
    m_legend->clear();
    const QStringList differing = differingKeys(parameters);
    for (int i = 0; i < m_runs.size(); ++i) {
        const ChartRun &run = m_runs.at(i);
        QPixmap swatch(12, 12);
        swatch.fill(run.color);
        // What tells the runs apart, next to their names ("lr=0.02").
        QStringList shown;
        for (const QString &key : differing)
            shown << key + u'=' + parameters.at(i).value(key, QStringLiteral("–"));
        const QString text =
            shown.isEmpty() ? run.label : run.label + QStringLiteral("  ") + shown.join(u' ');
        auto *item = new QListWidgetItem(QIcon(swatch), text, m_legend);
        item->setToolTip(uids.at(i));
        item->setData(Qt::UserRole, run.runId);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_legend->blockSignals(false);
    syncToolbar();
    rebuildPanels();
    if (!m_table->reload(error))
        return false;
    updateRunViews();
    return true;
}

Id ComparisonTab::experimentOf(const QList<Id> &runIds) const
{
    // The layout belongs to the experiment of the runs; runs of several share one.
    QSet<Id> experiments;
    for (const Id id : runIds)
        if (const auto run = Runs(m_workspace).find(id))
            experiments.insert(run->experimentId);
    return experiments.size() == 1 ? *experiments.cbegin() : 0;
}

QStringList ComparisonTab::differingKeys(const QList<QHash<QString, QString>> &parameters)
{
    QSet<QString> keys;
    for (const auto &p : parameters)
        for (auto it = p.cbegin(); it != p.cend(); ++it)
            keys.insert(it.key());
    QStringList out;
    for (const QString &key : keys) {
        const QString first = parameters.value(0).value(key);
        for (const auto &p : parameters) {
            if (p.value(key) != first) {
                out << key;
                break;
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out.mid(0, 3); // a legend line, not a table
}

void ComparisonTab::rebuildPanels()
{
    qDeleteAll(m_panels);
    m_panels.clear();
    qDeleteAll(m_tiles);
    m_tiles.clear();
    m_loader->clear();
    for (const PanelLayout::Panel &p : m_layout.panels(m_metrics))
        addPanel(p.metric, p.merged);
}

void ComparisonTab::changeLayout(const std::function<void()> &change)
{
    change();
    m_layout.save(m_experimentId);
    rebuildPanels();
}

void ComparisonTab::showPanelMenu(MetricChartView *panel, const QPoint &globalPos)
{
    QMenu menu(this);
    const QString metric = panel->metric();
    const bool pinned = m_layout.isPinned(metric);
    menu.addAction(pinned ? tr("Unpin") : tr("Pin to the Top"), this, [this, metric, pinned] {
        changeLayout([&] { m_layout.setPinned(metric, !pinned); });
    });
    QMenu *into = menu.addMenu(tr("Merge Into"));
    for (MetricChartView *other : std::as_const(m_panels))
        if (other != panel)
            into->addAction(
                other->metrics().join(QStringLiteral(", ")), this,
                [this, metric, target = other->metric()] { mergePanels(metric, target); });
    into->setEnabled(!into->isEmpty());
    QAction *split = menu.addAction(
        tr("Split"), this, [this, metric] { changeLayout([&] { m_layout.split(metric); }); });
    split->setEnabled(panel->metrics().size() > 1);
    menu.addAction(tr("Merge Metrics Matching…"), this, [this, metric] {
        bool ok = false;
        const QString pattern =
            QInputDialog::getText(this, tr("Merge Metrics"),
                                  tr("A regular expression; the metrics it matches share one panel "
                                     "(for example loss$ or ^train/):"),
                                  QLineEdit::Normal, QRegularExpression::escape(metric), &ok);
        if (ok)
            mergeMatching(pattern);
    });
    menu.exec(globalPos);
}

void ComparisonTab::mergePanels(const QString &metric, const QString &into)
{
    changeLayout([&] { m_layout.merge(metric, into); });
}

void ComparisonTab::movePanel(const QString &metric, const QString &beside, bool after)
{
    changeLayout([&] { m_layout.move(metric, beside, after, m_metrics); });
}

int ComparisonTab::mergeMatching(const QString &pattern)
{
    int moved = 0;
    changeLayout([&] { moved = m_layout.mergeMatching(pattern, m_metrics); });
    return moved;
}

void ComparisonTab::addPanel(const QString &metric, const QStringList &merged)
{
    const int cell = m_gridLayout->count();
    if (merged.isEmpty() && m_mostPoints.value(metric) <= 1) { // once: a number, not a chart
        auto *tile = new MetricTile(m_workspace, metric);
        tile->setMinimumSize(240, 120);
        if (tile->setRuns(m_runs)) {
            m_gridLayout->addWidget(tile, cell / panelColumns, cell % panelColumns);
            m_tiles << tile;
            return;
        }
        delete tile;
    }
    auto *panel = new MetricChartView(m_workspace, m_loader.get(), metric);
    panel->setMinimumSize(360, 260);
    panel->setOptions(m_options);
    panel->setRuns(m_runs, nullptr);
    panel->setAggregate(isAggregate());
    m_gridLayout->addWidget(panel, cell / panelColumns, cell % panelColumns);
    panel->setMerged(merged);
    connect(panel, &MetricChartView::mergeRequested, this, &ComparisonTab::mergePanels);
    connect(panel, &MetricChartView::moveRequested, this, &ComparisonTab::movePanel);
    connect(panel, &MetricChartView::titleMenuRequested, this,
            [this, panel](const QPoint &at) { showPanelMenu(panel, at); });
    m_panels << panel;
    for (int row = 0; row < m_legend->count(); ++row) {
        const QListWidgetItem *item = m_legend->item(row);
        if (item->checkState() != Qt::Checked)
            panel->setRunVisible(item->data(Qt::UserRole).toLongLong(), false);
    }
}

void ComparisonTab::addNewMetrics()
{
    // Reading every run's series list is the dearest part of a live refresh:
    // new metrics are looked for once a second.
    if (!m_allMetrics || (m_metricsChecked.isValid() && m_metricsChecked.elapsed() < 1000))
        return;
    m_metricsChecked.start();
    const Metrics store(m_workspace);
    QStringList fresh;
    for (const ChartRun &run : std::as_const(m_runs)) {
        const QList<MetricSeries> series = store.series(run.runId);
        for (const MetricSeries &s : series) {
            if (s.kind != MetricSeries::Kind::Scalar)
                continue;
            m_mostPoints[s.name] = std::max(m_mostPoints.value(s.name), s.count);
            if (!m_metrics.contains(s.name) && !fresh.contains(s.name))
                fresh << s.name;
        }
    }
    if (fresh.isEmpty())
        return;
    // New panels go after the others, so nothing the user looks at moves.
    std::sort(fresh.begin(), fresh.end());
    for (const QString &metric : std::as_const(fresh)) {
        m_metrics << metric;
        addPanel(metric);
    }
    syncToolbar();
}

void ComparisonTab::syncToolbar()
{
    const QSignalBlocker a(m_xMode), b(m_logY), c(m_smoothing), d(m_outliers);
    m_xMode->clear();
    m_xMode->addItem(tr("Step"), QStringLiteral("step"));
    m_xMode->addItem(tr("Wall time"), QStringLiteral("wall"));
    m_xMode->addItem(tr("Relative time"), QStringLiteral("relative"));
    for (const QString &metric : std::as_const(m_metrics))
        m_xMode->addItem(tr("Metric: %1").arg(metric), QString(QStringLiteral("metric:") + metric));
    const QString key = m_options.xMode == XAxisMode::Metric
                            ? QStringLiteral("metric:") + m_options.xMetric
                            : modeKey(m_options.xMode);
    m_xMode->setCurrentIndex(std::max(0, m_xMode->findData(key)));
    m_logY->setChecked(m_options.logY);
    m_smoothing->setValue(qRound(m_options.smoothing * 1000));
    m_smoothingLabel->setText(QString::number(m_options.smoothing, 'f', 3));
    m_outliers->setChecked(m_options.ignoreOutliers);
}

void ComparisonTab::readToolbar()
{
    ChartOptions o;
    const QString key = m_xMode->currentData().toString();
    if (key.startsWith(QLatin1String("metric:"))) {
        o.xMode = XAxisMode::Metric;
        o.xMetric = key.mid(7);
    } else {
        o.xMode = modeFromKey(key);
    }
    o.logY = m_logY->isChecked();
    o.smoothing = m_smoothing->value() / 1000.0;
    o.ignoreOutliers = m_outliers->isChecked();
    m_smoothingLabel->setText(QString::number(o.smoothing, 'f', 3));
    m_options = o;
    for (MetricChartView *panel : std::as_const(m_panels))
        panel->setOptions(o);
}

void ComparisonTab::setOptions(const ChartOptions &options)
{
    m_options = options;
    syncToolbar();
    for (MetricChartView *panel : std::as_const(m_panels))
        panel->setOptions(options);
}

void ComparisonTab::onStoreChanged(const QStringList &topics)
{
    if (!topics.contains(QLatin1String("metrics")) || m_refreshTimer.isActive())
        return;
    // Behind another tab of a window on screen: nothing to draw until it is
    // shown, and then it fetches all it missed at once (the store has it).
    if (window()->isVisible() && !isVisible()) {
        m_behind = true;
        return;
    }
    // Refresh at once if allowed, else as soon as it is: a point waits for
    // the next allowed refresh, not for a fixed delay after it was noticed.
    const qint64 wait = m_refreshClock.isValid() ? m_nextRefreshAt - m_refreshClock.elapsed() : 0;
    if (wait <= 0)
        refresh();
    else
        m_refreshTimer.start(int(wait));
}

void ComparisonTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_behind, false))
        onStoreChanged({QStringLiteral("metrics")});
}

void ComparisonTab::refresh()
{
    m_refreshTimer.stop();
    if (!m_refreshClock.isValid())
        m_refreshClock.start();
    const qint64 start = m_refreshClock.elapsed();
    // One read transaction for every panel's reads: the store's locks once.
    const SeriesLoader::ReadBatch batch(*m_loader);
    addNewMetrics();
    for (MetricChartView *panel : std::as_const(m_panels))
        panel->refresh(nullptr);
    for (MetricTile *tile : std::as_const(m_tiles)) {
        if (!tile->setRuns(m_runs)) { // a second point: this metric wants a chart now
            m_mostPoints[tile->metric()] = 2;
            rebuildPanels();
            break;
        }
    }
    const qint64 end = m_refreshClock.elapsed();
    // At most ten a second; and however slow refreshes get (many panels,
    // many runs), they take at most half of the GUI thread's time.
    m_nextRefreshAt = std::max(start + refreshIntervalMs, end + (end - start));
}

void ComparisonTab::isolateRun(Id runId)
{
    setShownRuns([runId](Id id) { return id == runId; });
}

void ComparisonTab::showAllRuns()
{
    setShownRuns([](Id) { return true; });
}

void ComparisonTab::setShownRuns(const std::function<bool(Id)> &shown)
{
    m_legend->blockSignals(true);
    for (int row = 0; row < m_legend->count(); ++row) {
        QListWidgetItem *item = m_legend->item(row);
        const Id id = item->data(Qt::UserRole).toLongLong();
        item->setCheckState(shown(id) ? Qt::Checked : Qt::Unchecked);
        for (MetricChartView *panel : std::as_const(m_panels))
            panel->setRunVisible(id, shown(id));
    }
    m_legend->blockSignals(false);
    updateRunViews();
}

void ComparisonTab::onLegendItemChanged(QListWidgetItem *item)
{
    m_toggledItem = item;
    const Id runId = item->data(Qt::UserRole).toLongLong();
    for (MetricChartView *panel : std::as_const(m_panels))
        panel->setRunVisible(runId, item->checkState() == Qt::Checked);
    updateRunViews();
}

QJsonObject ComparisonTab::viewSpec() const
{
    QJsonArray runs, metrics;
    for (const ChartRun &run : m_runs)
        runs.append(run.label);
    for (const QString &metric : m_metrics)
        metrics.append(metric);
    return {{QStringLiteral("runs"), runs},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("x"), modeKey(m_options.xMode)},
            {QStringLiteral("xMetric"), m_options.xMetric},
            {QStringLiteral("logY"), m_options.logY},
            {QStringLiteral("smoothing"), m_options.smoothing},
            {QStringLiteral("ignoreOutliers"), m_options.ignoreOutliers},
            {QStringLiteral("aggregate"), isAggregate()}};
}

bool ComparisonTab::applyViewSpec(const QJsonObject &spec, QString *error)
{
    // Runs by their user-visible id, so a view survives a copied workspace.
    const Runs runs(m_workspace);
    QList<Id> ids;
    const QJsonArray uids = spec.value(QStringLiteral("runs")).toArray();
    for (const auto &uid : uids) {
        const auto run = runs.find(uid.toString(), error);
        if (!run)
            return false;
        ids << run->id;
    }
    QStringList metrics;
    const QJsonArray names = spec.value(QStringLiteral("metrics")).toArray();
    for (const auto &name : names)
        metrics << name.toString();
    ChartOptions o;
    o.xMode = modeFromKey(spec.value(QStringLiteral("x")).toString());
    o.xMetric = spec.value(QStringLiteral("xMetric")).toString();
    o.logY = spec.value(QStringLiteral("logY")).toBool();
    o.smoothing = spec.value(QStringLiteral("smoothing")).toDouble();
    o.ignoreOutliers = spec.value(QStringLiteral("ignoreOutliers")).toBool();
    m_options = o;
    {
        const QSignalBlocker blocker(m_aggregate);
        m_aggregate->setChecked(spec.value(QStringLiteral("aggregate")).toBool());
    }
    if (!setComparison(ids, metrics, error))
        return false;
    setAggregate(m_aggregate->isChecked());
    return true;
}

bool ComparisonTab::exportImage(const QString &path, QString *error)
{
    const QSize grid = m_grid->size().expandedTo(QSize(400, 300));
    const QList<ChartRun> legendRuns = shownRuns();
    const int legend = ChartLegend::height(legendRuns, grid.width(), font());
    const QSize size(grid.width(), grid.height() + legend);
    auto draw = [&](QPainter *painter) {
        painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
        m_grid->render(painter);
        ChartLegend::paint(painter, QRect(0, grid.height(), size.width(), legend), legendRuns,
                           font());
    };
    bool ok = true;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        QPainter painter;
        ok = painter.begin(&svg);
        if (ok)
            draw(&painter);
    } else {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        draw(&painter);
        painter.end();
        ok = image.save(path);
    }
    if (!ok && error)
        *error = tr("Cannot write the charts to %1.").arg(path);
    return ok;
}

bool ComparisonTab::exportPoints(const QString &path, QString *error)
{
    const Metrics store(m_workspace);
    QList<MetricExport::Item> items;
    for (const QString &metric : std::as_const(m_metrics))
        for (const ChartRun &run : std::as_const(m_runs))
            if (const auto s = store.find(run.runId, metric))
                items.append({run.label, metric, s->id});
    return MetricExport::write(*m_loader, items, path, MetricExport::formatFor(path), error);
}

void ComparisonTab::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), QString(),
        tr("PNG image (*.png);;SVG image (*.svg);;Every point as CSV (*.csv);;"
           "Every point as JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool points = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                        || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (!(points ? exportPoints(path, &error) : exportImage(path, &error)))
        QMessageBox::warning(this, tr("Export charts"), error);
}

void ComparisonTab::saveView()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save view"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    SavedView view{0, name, viewSpec(), {}, {}};
    QString error;
    if (!SavedViews(m_workspace).save(&view, &error) || !m_savedViews->reload(&error))
        QMessageBox::warning(this, tr("Save view"), error);
}

QWidget *ComparisonTab::makePages(QWidget *charts)
{
    m_parallel = new ParallelCoordinates;
    m_scatter = new ParamScatter;
    m_values = new MetricValuesView(m_workspace);
    m_savedViews = new SavedViewsList(m_workspace);
    connect(m_savedViews, &SavedViewsList::openRequested, this, &ComparisonTab::openSavedView);
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("comparisonPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(charts, tr("Charts"));
    m_pages->addTab(m_parallel, tr("Parallel coordinates"));
    m_pages->addTab(m_scatter, tr("Parameter vs metric"));
    m_pages->addTab(m_values, tr("Text, tables and images"));
    m_pages->addTab(m_savedViews, tr("Saved views"));
    QString error;
    if (!m_savedViews->reload(&error))
        qWarning("Cannot list the saved views: %s", qPrintable(error));
    return m_pages;
}

void ComparisonTab::setSingleRun()
{
    m_legend->hide();
    m_aggregate->hide();
    if (auto *save = findChild<QPushButton *>(QStringLiteral("saveView")))
        save->hide();
    m_pages->setCurrentIndex(0);
    m_pages->tabBar()->hide();
}

QList<ChartRun> ComparisonTab::shownRuns() const
{
    QList<ChartRun> out;
    for (int i = 0; i < m_runs.size() && i < m_legend->count(); ++i)
        if (m_legend->item(i)->checkState() == Qt::Checked)
            out << m_runs.at(i);
    return out;
}

void ComparisonTab::updateRunViews()
{
    const QList<ChartRun> runs = shownRuns();
    m_parallel->setData(*m_table, runs, ParallelCoordinates::defaultColumns(*m_table, runs));
    m_scatter->setData(m_table.get(), runs);
    m_values->setRuns(m_runs);
}

bool ComparisonTab::isAggregate() const
{
    return m_aggregate->isChecked();
}

void ComparisonTab::setAggregate(bool aggregate)
{
    if (m_aggregate->isChecked() != aggregate) {
        m_aggregate->setChecked(aggregate); // toggled() comes back here
        return;
    }
    // Runs are aligned by step, so the x axis is the step while aggregating.
    if (aggregate && m_options.xMode != XAxisMode::Step) {
        ChartOptions o = m_options;
        o.xMode = XAxisMode::Step;
        setOptions(o);
    }
    m_xMode->setEnabled(!aggregate);
    for (MetricChartView *panel : std::as_const(m_panels))
        panel->setAggregate(aggregate);
}

void ComparisonTab::openSavedView(const QString &name, const QJsonObject &spec)
{
    QString error;
    if (applyViewSpec(spec, &error))
        m_pages->setCurrentIndex(0);
    else
        QMessageBox::warning(this, tr("Open saved view"),
                             tr("Cannot open the view '%1': %2").arg(name, error));
}

} // namespace mlwb
