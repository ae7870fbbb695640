#pragma once

#include "serving/endpointmetrics.h"
#include "store/endpoints.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace mlwb {

/// An endpoint's traffic split as an editable table, one row per
/// deployment: its weight, and what the running proxy counted for it
/// (requests, errors, mean latency). Apply hands the new split on; the
/// weights must add up to 100 (or the table be empty).
class EndpointTraffic : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointTraffic(QWidget *parent = nullptr);

    /// The split as stored, and the deployments that could be added.
    void setSplit(const QList<TrafficShare> &traffic, const QStringList &deployments);
    /// The split as edited.
    QList<TrafficShare> split() const;
    /// Shows the proxy's counters next to each deployment.
    void setCounters(const QHash<QString, EndpointCounters> &counters);
    bool isEdited() const { return m_edited; }
    QTableWidget *table() const { return m_table; }
    QPushButton *applyButton() const { return m_apply; }
    /// Adds `deployment` with `weight` (as "Add" does).
    void addDeployment(const QString &deployment, int weight);
    void setWeight(const QString &deployment, int weight);

Q_SIGNALS:
    void applyRequested(const QList<mlwb::TrafficShare> &traffic);

private:
    void addRow(const QString &deployment, int weight);
    void onEdited();

    QTableWidget *m_table;
    QComboBox *m_candidates;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_apply;
    QLabel *m_sum;
    QStringList m_deployments;
    bool m_edited = false;
    bool m_filling = false;
};

} // namespace mlwb
