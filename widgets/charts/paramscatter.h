#pragma once

#include "charts/chartoptions.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QScatterSeries;

namespace mlwb {

class RunsTableModel;

/// A parameter against a metric, one point per run in its colour: combo
/// boxes choose the x parameter and the y metric (last, min or max).
/// Runs whose x or y is missing or not a number are left out.
class ParamScatter : public QWidget
{
    Q_OBJECT
public:
    explicit ParamScatter(QWidget *parent = nullptr);

    /// Takes the runs' values from the model (kept; reload the model, call again).
    void setData(const RunsTableModel *model, const QList<ChartRun> &runs);
    QComboBox *xCombo() const { return m_x; }
    QComboBox *yCombo() const { return m_y; }
    /// Chooses the axes by column key; false when the key is not offered.
    bool setAxes(const QString &xKey, const QString &yKey);
    /// One series per run drawn (runs without both values are left out).
    QList<QScatterSeries *> series() const;

private:
    int defaultX() const;
    void rebuild();

    const RunsTableModel *m_model = nullptr;
    QList<ChartRun> m_runs;
    QComboBox *m_x = nullptr;
    QString m_chosenX; // the X the user chose, kept across new data
    QComboBox *m_y = nullptr;
    QChartView *m_view = nullptr;
};

} // namespace mlwb
