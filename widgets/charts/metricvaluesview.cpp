#include "charts/metricvaluesview.h"

#include "metrics/metrics.h"
#include "runs/runfolder.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QListView>
#include <QListWidget>
#include <QMap>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace mlwb {

namespace {
constexpr int thumbnailSize = 128;
constexpr int pathRole = Qt::UserRole + 2;

QString timeText(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000))
        .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
}
} // namespace

MetricValuesView::MetricValuesView(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("metricValues"));
    m_run = new QComboBox;
    m_run->setObjectName(QStringLiteral("valuesRun"));
    m_runLabel = new QLabel(tr("Run:"));
    m_style = new QComboBox;
    m_style->setObjectName(QStringLiteral("valuesStyle"));
    m_style->addItem(tr("Lines"));
    m_style->addItem(tr("Points"));
    m_style->setToolTip(tr("Draw lists and rows as lines or as points"));
    m_metrics = new QListWidget;
    m_metrics->setObjectName(QStringLiteral("valuesMetrics"));
    m_message = new QLabel;
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_strings = new QTableWidget(0, 3);
    m_strings->setHorizontalHeaderLabels({tr("Step"), tr("Time"), tr("Value")});
    m_strings->horizontalHeader()->setStretchLastSection(true);
    m_strings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chart = new QChartView(new QChart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->chart()->setAnimationOptions(QChart::NoAnimation);
    m_tableModel = new QStandardItemModel(this);
    m_table = new QTableView;
    m_table->setModel(m_tableModel);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_imageModel = new QStandardItemModel(this);
    m_images = new QListView;
    m_images->setViewMode(QListView::IconMode);
    m_images->setIconSize(QSize(thumbnailSize, thumbnailSize));
    m_images->setGridSize(QSize(thumbnailSize + 24, thumbnailSize + 36));
    m_images->setResizeMode(QListView::Adjust);
    m_images->setMovement(QListView::Static);
    m_images->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_images->setModel(m_imageModel);
    m_pages = new QStackedWidget;
    for (QWidget *page : {static_cast<QWidget *>(m_message), static_cast<QWidget *>(m_strings),
                          static_cast<QWidget *>(m_chart), static_cast<QWidget *>(m_table),
                          static_cast<QWidget *>(m_images)})
        m_pages->addWidget(page);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_metrics);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    m_bar = new QWidget;
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_runLabel);
    row->addWidget(m_run);
    row->addStretch(1);
    row->addWidget(m_style);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(splitter, 1);
    connect(m_run, &QComboBox::currentIndexChanged, this, &MetricValuesView::onRunChosen);
    connect(m_style, &QComboBox::currentIndexChanged, this, &MetricValuesView::onMetricChosen);
    connect(m_metrics, &QListWidget::currentRowChanged, this, &MetricValuesView::onMetricChosen);
    connect(m_images, &QListView::activated, this, [this](const QModelIndex &index) {
        if (QWidget *dialog = imageDialog(index.row()))
            dialog->show();
    });
    showMessage(tr("No run chosen."));
}

void MetricValuesView::updateBar()
{
    // One run needs no chooser (a run's own details); the style only suits charts.
    const bool several = m_run->count() > 1;
    m_runLabel->setVisible(several);
    m_run->setVisible(several);
    m_style->setVisible(m_pages->currentWidget() == m_chart);
    m_bar->setVisible(several || m_style->isVisibleTo(m_bar));
}

void MetricValuesView::setRuns(const QList<ChartRun> &runs)
{
    m_runs = runs;
    const QSignalBlocker blocker(m_run);
    m_run->clear();
    for (const ChartRun &run : runs)
        m_run->addItem(run.label, run.runId);
    onRunChosen();
}

void MetricValuesView::onRunChosen()
{
    m_runId = m_run->currentData().toLongLong();
    fillMetricList(QString());
}

void MetricValuesView::refresh()
{
    fillMetricList(currentMetric());
}

QString MetricValuesView::currentMetric() const
{
    const QListWidgetItem *item = m_metrics->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MetricValuesView::setScatter(bool scatter)
{
    m_style->setCurrentIndex(scatter ? 1 : 0);
}

bool MetricValuesView::isScatter() const
{
    return m_style->currentIndex() == 1;
}

void MetricValuesView::fillMetricList(const QString &preferred)
{
    const QSignalBlocker blocker(m_metrics);
    m_metrics->clear();
    QString error;
    const QList<MetricSeries> series = Metrics(m_workspace).series(m_runId, &error);
    for (const MetricSeries &s : series) {
        if (s.kind == MetricSeries::Kind::Scalar)
            continue;
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(s.name, kindName(s.kind)), m_metrics);
        item->setData(Qt::UserRole, s.name);
    }
    if (!error.isEmpty())
        showMessage(error);
    else if (m_metrics->count() == 0)
        showMessage(tr("This run logged no strings, lists, rows, tables or images."));
    else {
        m_metrics->setCurrentRow(std::max(0, int(metricNames().indexOf(preferred))));
        onMetricChosen();
    }
}

void MetricValuesView::onMetricChosen()
{
    const QListWidgetItem *item = m_metrics->currentItem();
    QString error;
    if (item && !showMetric(m_runId, item->data(Qt::UserRole).toString(), &error))
        showMessage(error);
}

QStringList MetricValuesView::metricNames() const
{
    QStringList out;
    for (int i = 0; i < m_metrics->count(); ++i)
        out << m_metrics->item(i)->data(Qt::UserRole).toString();
    return out;
}

QWidget *MetricValuesView::currentPage() const
{
    return m_pages->currentWidget();
}

void MetricValuesView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
    updateBar();
}

bool MetricValuesView::showMetric(Id runId, const QString &metric, QString *error)
{
    if (runId != m_runId) {
        const int index = m_run->findData(runId);
        if (index >= 0) {
            m_run->setCurrentIndex(index); // refills the metric list
        } else {
            m_runId = runId;
        }
    }
    {
        const QSignalBlocker blocker(m_metrics);
        const int row = int(metricNames().indexOf(metric));
        if (row >= 0)
            m_metrics->setCurrentRow(row);
    }
    const bool shown = showValues(runId, metric, error);
    updateBar();
    return shown;
}

bool MetricValuesView::showValues(Id runId, const QString &metric, QString *error)
{
    const Metrics store(m_workspace);
    const auto series = store.find(runId, metric, error);
    if (!series) {
        if (error && error->isEmpty())
            *error = tr("The run has no metric '%1'.").arg(metric);
        return false;
    }
    QList<Metrics::Value> values;
    if (!store.values(series->id, &values, error))
        return false;
    switch (series->kind) {
    case MetricSeries::Kind::Scalar:
        *error = tr("'%1' is a number: its chart is on the Charts page.").arg(metric);
        return false;
    case MetricSeries::Kind::String:
        m_strings->setRowCount(int(values.size()));
        for (int i = 0; i < values.size(); ++i) {
            const Metrics::Value &v = values.at(i);
            m_strings->setItem(i, 0, new QTableWidgetItem(QString::number(v.step)));
            m_strings->setItem(i, 1, new QTableWidgetItem(timeText(v.time)));
            m_strings->setItem(i, 2, new QTableWidgetItem(v.value));
        }
        m_pages->setCurrentWidget(m_strings);
        return true;
    case MetricSeries::Kind::List:
    case MetricSeries::Kind::Row: {
        QList<QPair<qint64, QString>> pairs;
        for (const Metrics::Value &v : std::as_const(values))
            pairs.append({v.step, v.value});
        fillLines(pairs, series->kind == MetricSeries::Kind::Row);
        m_chart->chart()->setTitle(metric);
        m_pages->setCurrentWidget(m_chart);
        return true;
    }
    case MetricSeries::Kind::Table:
        if (values.isEmpty()) {
            showMessage(tr("'%1' has no values yet.").arg(metric));
            return true;
        }
        fillTable(values.constLast().value);
        m_pages->setCurrentWidget(m_table);
        return true;
    case MetricSeries::Kind::Image: {
        const auto run = Runs(m_workspace).find(runId, error);
        if (!run)
            return false;
        const RunFolder folder(m_workspace.folder(Workspace::Folder::Runs), run->uid);
        m_imageModel->clear();
        for (const Metrics::Value &v : std::as_const(values)) {
            const QString path = QDir(folder.root()).filePath(v.value);
            QImageReader reader(path);
            const QSize full = reader.size();
            if (full.isValid())
                reader.setScaledSize(
                    full.scaled(thumbnailSize, thumbnailSize, Qt::KeepAspectRatio));
            const QImage thumb = reader.read();
            auto *item = new QStandardItem(thumb.isNull() ? tr("step %1 (missing)").arg(v.step)
                                                          : tr("step %1").arg(v.step));
            if (!thumb.isNull())
                item->setIcon(QIcon(QPixmap::fromImage(thumb)));
            item->setData(path, pathRole);
            item->setToolTip(path);
            m_imageModel->appendRow(item);
        }
        m_pages->setCurrentWidget(m_images);
        return true;
    }
    }
    return true;
}

void MetricValuesView::fillLines(const QList<QPair<qint64, QString>> &values, bool row)
{
    // A list logged once has nothing to show over steps: draw it over its elements.
    const bool overElements = !row && values.size() == 1;
    QMap<QString, QList<QPointF>> byName; // row columns, or the one list's step
    QMap<int, QList<QPointF>> byElement;  // lists over steps, in element order
    for (const auto &[step, text] : values) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (row) {
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it.value().isDouble())
                    byName[it.key()].append(QPointF(double(step), it.value().toDouble()));
            continue;
        }
        const QJsonArray a = doc.array();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isDouble())
                continue;
            if (overElements)
                byName[tr("step %1").arg(step)].append(QPointF(i, a.at(i).toDouble()));
            else
                byElement[i].append(QPointF(double(step), a.at(i).toDouble()));
        }
    }
    QList<QPair<QString, QList<QPointF>>> lines;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        lines.append({it.key(), it.value()});
    for (auto it = byElement.cbegin(); it != byElement.cend(); ++it)
        lines.append({QString::number(it.key()), it.value()});
    // A line through a single point draws nothing: single points are points.
    const bool points = isScatter() || std::all_of(lines.cbegin(), lines.cend(), [](const auto &l) {
                            return l.second.size() < 2;
                        });
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (const auto &[name, xy] : std::as_const(lines)) {
        QXYSeries *s = nullptr;
        if (points) {
            auto *scatter = new QScatterSeries;
            scatter->setMarkerSize(8);
            s = scatter;
        } else {
            s = new QLineSeries;
        }
        s->setName(name);
        s->replace(xy);
        chart->addSeries(s);
    }
    chart->createDefaultAxes();
    // Round ticks, and room around the outermost points.
    for (QAbstractAxis *axis : chart->axes())
        if (auto *values = qobject_cast<QValueAxis *>(axis))
            values->applyNiceNumbers();
    const QList<QAbstractAxis *> x = chart->axes(Qt::Horizontal);
    if (!x.isEmpty())
        x.first()->setTitleText(overElements ? tr("element") : tr("step"));
}

void MetricValuesView::fillTable(const QString &json)
{
    m_tableModel->clear();
    const QJsonObject table = QJsonDocument::fromJson(json.toUtf8()).object();
    const QStringList columns = table.keys();
    m_tableModel->setColumnCount(int(columns.size()));
    m_tableModel->setHorizontalHeaderLabels(columns);
    for (int c = 0; c < columns.size(); ++c) {
        const QJsonArray cells = table.value(columns.at(c)).toArray();
        if (m_tableModel->rowCount() < cells.size())
            m_tableModel->setRowCount(int(cells.size()));
        for (int r = 0; r < cells.size(); ++r) {
            const QJsonValue v = cells.at(r);
            m_tableModel->setItem(r, c,
                                  new QStandardItem(v.isDouble() ? QString::number(v.toDouble())
                                                                 : v.toVariant().toString()));
        }
    }
}

QWidget *MetricValuesView::imageDialog(int row)
{
    const QStandardItem *item = m_imageModel->item(row);
    if (!item)
        return nullptr;
    const QString path = item->data(pathRole).toString();
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QDir::toNativeSeparators(path));
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("fullImage"));
    const QPixmap pixmap(path);
    if (pixmap.isNull())
        label->setText(tr("Cannot read the image %1.").arg(QDir::toNativeSeparators(path)));
    else
        label->setPixmap(pixmap);
    auto *scroll = new QScrollArea;
    scroll->setWidget(label);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(scroll);
    dialog->resize(pixmap.size().boundedTo(QSize(1000, 800)).expandedTo(QSize(300, 200))
                   + QSize(40, 40));
    return dialog;
}

} // namespace mlwb
