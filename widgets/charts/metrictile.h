#pragma once

#include "charts/chartoptions.h"

#include <QFrame>

class QGridLayout;

namespace mlwb {

class Workspace;

/// A metric logged once per run (a learning rate, a test score) as a number
/// tile: a line per run with its colour, name and value. A chart of single
/// points would be an empty plot.
class MetricTile : public QFrame
{
    Q_OBJECT
public:
    MetricTile(const Workspace &workspace, const QString &metric, QWidget *parent = nullptr);

    QString metric() const { return m_metric; }
    /// Reads each run's value again; false when a run now has more than one
    /// point, so the metric wants a chart.
    bool setRuns(const QList<ChartRun> &runs);
    /// The value shown for a run (empty: it logged none).
    QString valueText(Id runId) const { return m_values.value(runId); }

private:
    const Workspace &m_workspace;
    QString m_metric;
    QGridLayout *m_rows;
    QHash<Id, QString> m_values;
};

} // namespace mlwb
