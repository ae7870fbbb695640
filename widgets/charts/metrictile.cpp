#include "charts/metrictile.h"

#include "metrics/metrics.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mlwb {

MetricTile::MetricTile(const Workspace &workspace, const QString &metric, QWidget *parent)
    : QFrame(parent)
    , m_workspace(workspace)
    , m_metric(metric)
    , m_rows(new QGridLayout)
{
    setObjectName(QStringLiteral("metricTile"));
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto *title = new QLabel(metric);
    title->setAlignment(Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(m_rows);
    layout->addStretch(1);
}

bool MetricTile::setRuns(const QList<ChartRun> &runs)
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_values.clear();
    const Metrics store(m_workspace);
    bool single = true;
    int row = 0;
    for (const ChartRun &run : runs) {
        const QList<MetricSeries> series = store.series(run.runId);
        for (const MetricSeries &s : series) {
            if (s.name != m_metric || s.kind != MetricSeries::Kind::Scalar || s.count == 0)
                continue;
            single = single && s.count <= 1;
            const QString value = QString::number(s.last, 'g', 6);
            m_values.insert(run.runId, value);
            auto *name = new QLabel(QStringLiteral("<span style=\"color:%1\">■</span> %2")
                                        .arg(run.color.name(), run.label.toHtmlEscaped()));
            auto *number = new QLabel(value);
            QFont big = number->font();
            big.setPointSizeF(big.pointSizeF() * 1.6);
            number->setFont(big);
            number->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_rows->addWidget(name, row, 0);
            m_rows->addWidget(number, row, 1);
            ++row;
        }
    }
    return single;
}

} // namespace mlwb
