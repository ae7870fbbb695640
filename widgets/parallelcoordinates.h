#pragma once

#include "chartoptions.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace mlwb {

class RunsTableModel;

/// Parallel coordinates of runs: one vertical axis per chosen column (a
/// parameter or a metric's last value), scaled from the runs' min (bottom)
/// to max (top), and one polyline per run in its colour through its values.
/// Text values become evenly spaced categories; a missing value breaks the
/// run's line there.
class ParallelCoordinates : public QWidget
{
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget *parent = nullptr);

    /// Reads the runs' cells of these column keys from the model.
    void setData(const RunsTableModel &model, const QList<ChartRun> &runs,
                 const QStringList &columnKeys);
    /// The parameters and metric last values any of the runs has.
    static QStringList defaultColumns(const RunsTableModel &model, const QList<ChartRun> &runs);

    QStringList axisKeys() const;
    int runCount() const { return int(m_runs.size()); }
    /// Where run (by index) sits on axis: 0 bottom (min) .. 1 top (max); NaN missing.
    double normalized(int axis, int run) const;
    /// The label at the top (max) and bottom (min) of an axis.
    QString maxLabel(int axis) const;
    QString minLabel(int axis) const;

    QSize sizeHint() const override { return QSize(640, 360); }
    QSize minimumSizeHint() const override { return QSize(240, 160); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Axis {
        QString key;
        QVector<double> values; // per run; NaN: missing
        QStringList categories; // text columns: the value is an index here
        double min = 0, max = 0;
    };
    QString label(const Axis &axis, double value) const;

    QList<ChartRun> m_runs;
    QList<Axis> m_axes;
};

} // namespace mlwb
