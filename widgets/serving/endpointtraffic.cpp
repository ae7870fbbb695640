#include "serving/endpointtraffic.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

enum Column { DeploymentColumn, WeightColumn, RequestsColumn, ErrorsColumn, LatencyColumn };

QSpinBox *weightBox(QTableWidget *table, int row)
{
    return qobject_cast<QSpinBox *>(table->cellWidget(row, WeightColumn));
}

} // namespace

EndpointTraffic::EndpointTraffic(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5, this))
    , m_candidates(new QComboBox(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_apply(new QPushButton(tr("A&pply Split"), this))
    , m_sum(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("endpointTraffic"));
    m_table->setHorizontalHeaderLabels(
        {tr("Deployment"), tr("Traffic %"), tr("Requests"), tr("Errors"), tr("Mean latency")});
    m_table->horizontalHeader()->setSectionResizeMode(DeploymentColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 3 * m_table->verticalHeader()->defaultSectionSize() + 4);
    m_candidates->setObjectName(QStringLiteral("endpointCandidates"));
    m_apply->setObjectName(QStringLiteral("applySplit"));
    m_sum->setObjectName(QStringLiteral("splitSum"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_candidates, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addSpacing(12);
    buttons->addWidget(m_sum);
    buttons->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_candidates->currentIndex() >= 0)
            addDeployment(m_candidates->currentText(), m_table->rowCount() == 0 ? 100 : 0);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_candidates->addItem(m_table->item(row, DeploymentColumn)->text());
        m_table->removeRow(row);
        onEdited();
    });
    connect(m_apply, &QPushButton::clicked, this, [this] { Q_EMIT applyRequested(split()); });
    onEdited();
    m_edited = false;
}

void EndpointTraffic::setSplit(const QList<TrafficShare> &traffic, const QStringList &deployments)
{
    m_filling = true;
    m_deployments = deployments;
    m_table->setRowCount(0);
    m_candidates->clear();
    QStringList routed;
    for (const TrafficShare &share : traffic) {
        addRow(share.deployment, share.weight);
        routed << share.deployment.toLower();
    }
    for (const QString &d : deployments)
        if (!routed.contains(d.toLower()))
            m_candidates->addItem(d);
    m_filling = false;
    onEdited();
    m_edited = false;
}

QList<TrafficShare> EndpointTraffic::split() const
{
    QList<TrafficShare> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.append(
            {m_table->item(row, DeploymentColumn)->text(), weightBox(m_table, row)->value()});
    return out;
}

void EndpointTraffic::setCounters(const QHash<QString, EndpointCounters> &counters)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, DeploymentColumn)->text();
        const EndpointCounters c = counters.value(name);
        const double mean = c.requests ? c.latencySeconds * 1000 / double(c.requests) : 0;
        const QStringList texts{QLocale().toString(c.requests), QLocale().toString(c.errors),
                                c.requests ? tr("%1 ms").arg(mean, 0, 'f', 1) : QString()};
        for (int i = 0; i < texts.size(); ++i) {
            auto *item = new QTableWidgetItem(texts.at(i));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, RequestsColumn + i, item);
        }
    }
}

void EndpointTraffic::addDeployment(const QString &deployment, int weight)
{
    const int candidate = m_candidates->findText(deployment);
    if (candidate >= 0)
        m_candidates->removeItem(candidate);
    addRow(deployment, weight);
    onEdited();
}

void EndpointTraffic::setWeight(const QString &deployment, int weight)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, DeploymentColumn)->text() == deployment)
            weightBox(m_table, row)->setValue(weight);
}

void EndpointTraffic::addRow(const QString &deployment, int weight)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, DeploymentColumn, new QTableWidgetItem(deployment));
    auto *box = new QSpinBox(m_table);
    box->setRange(0, 100);
    box->setSuffix(QStringLiteral(" %"));
    box->setValue(weight);
    connect(box, &QSpinBox::valueChanged, this, &EndpointTraffic::onEdited);
    m_table->setCellWidget(row, WeightColumn, box);
}

void EndpointTraffic::onEdited()
{
    if (m_filling)
        return;
    m_edited = true;
    int sum = 0;
    for (const TrafficShare &share : split())
        sum += share.weight;
    const bool ok = m_table->rowCount() == 0 || sum == 100;
    m_sum->setText(
        ok ? tr("Total %1 %").arg(sum)
           : tr("<span style=\"color:#b3261e\">Total %1 %: it must be 100</span>").arg(sum));
    m_apply->setEnabled(ok);
    m_add->setEnabled(m_candidates->count() > 0);
}

} // namespace mlwb
