#include "runs/runsummary.h"

#include "items/runstablemodel.h"
#include "metrics/metrics.h"
#include "runs/sparkline.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace mlwb {

namespace {
constexpr int sparkPoints = 48;
constexpr int readEveryMs = 2000;
constexpr int tileColumns = 3;

void clear(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}
} // namespace

RunSummary::RunSummary(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_parametersBox(new QGroupBox(tr("Parameters"), this))
    , m_parameters(new QFormLayout(m_parametersBox))
    , m_metricsBox(new QGroupBox(tr("Metrics"), this))
    , m_tiles(new QGridLayout(m_metricsBox))
{
    m_metricsBox->setObjectName(QStringLiteral("metricTiles"));
    m_parametersBox->setObjectName(QStringLiteral("parameters"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_parametersBox, 1);
    layout->addWidget(m_metricsBox, 3);
    m_parametersBox->hide();
    m_metricsBox->hide();
    m_pending.setSingleShot(true);
    connect(&m_pending, &QTimer::timeout, this, &RunSummary::readMetrics);
}

void RunSummary::setParameters(const QStringList &arguments)
{
    clear(m_parameters);
    const QHash<QString, QString> parameters = RunsTableModel::parameters(arguments);
    QStringList keys = parameters.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        auto *value = new QLabel(parameters.value(key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_parameters->addRow(key, value);
    }
    m_parametersBox->setVisible(!keys.isEmpty());
}

void RunSummary::refreshMetrics(Id runId)
{
    m_runId = runId;
    if (m_pending.isActive())
        return;
    const qint64 since = m_lastRead.isValid() ? m_lastRead.elapsed() : readEveryMs;
    if (since >= readEveryMs)
        readMetrics();
    else
        m_pending.start(int(readEveryMs - since));
}

int RunSummary::tileCount() const
{
    return m_tiles->count() / 3;
}

void RunSummary::readMetrics()
{
    m_lastRead.start();
    const Metrics metrics(m_workspace);
    QList<MetricSeries> series = metrics.series(m_runId);
    series.erase(std::remove_if(series.begin(), series.end(),
                                [](const MetricSeries &s) {
                                    return s.kind != MetricSeries::Kind::Scalar || s.count == 0;
                                }),
                 series.end());
    clear(m_tiles);
    for (int i = 0; i < series.size(); ++i) {
        const MetricSeries &s = series.at(i);
        // Evenly spaced samples of the whole history, a point each.
        QVector<double> values;
        const qint64 samples = std::min<qint64>(s.count, sparkPoints);
        for (qint64 k = 0; k < samples && samples > 1; ++k) {
            const qint64 seq = k * (s.count - 1) / (samples - 1);
            QVector<MetricPoint> point;
            if (metrics.points(s.id, seq, seq + 1, &point, nullptr) && !point.isEmpty())
                values << point.first().value;
        }
        auto *name = new QLabel(s.name);
        auto *value = new QLabel(QString::number(s.last, 'g', 6));
        value->setObjectName(QStringLiteral("tileValue"));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        value->setFont(big);
        const int row = (i / tileColumns) * 3, column = i % tileColumns;
        m_tiles->addWidget(name, row, column);
        m_tiles->addWidget(value, row + 1, column);
        m_tiles->addWidget(new Sparkline(values), row + 2, column);
    }
    m_metricsBox->setVisible(!series.isEmpty());
}

} // namespace mlwb
