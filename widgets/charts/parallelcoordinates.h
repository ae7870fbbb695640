#pragma once

#include "charts/chartoptions.h"

#include <QSet>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QMenu;
class QToolButton;

namespace mlwb {

class RunsTableModel;

/// Parallel coordinates of runs: one vertical axis per chosen column (a
/// parameter or a metric's last value by default), scaled from the runs'
/// min (bottom) to max (top), and one polyline per run in its colour
/// through its values. Text values become evenly spaced categories; a
/// missing value breaks the run's line there. The Axes button picks the
/// axes among every parameter, metric (last, min, max), tag and the
/// duration the runs have; the choice is remembered by column key.
class ParallelCoordinates : public QWidget
{
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget *parent = nullptr);

    /// Reads the runs' cells from the model; columnKeys are the axes shown
    /// unless the user chose otherwise.
    void setData(const RunsTableModel &model, const QList<ChartRun> &runs,
                 const QStringList &columnKeys);
    /// The parameters and metric last values any of the runs has.
    static QStringList defaultColumns(const RunsTableModel &model, const QList<ChartRun> &runs);

    /// The column keys the Axes menu offers, in the runs table's order.
    QStringList availableAxes() const;
    /// Shows or hides one of availableAxes() and remembers it.
    void setAxisShown(const QString &key, bool shown);
    /// Back to the default axes (forgets the choice).
    void resetAxes();
    QToolButton *axesButton() const { return m_axesButton; }

    /// The shown axes, left to right.
    QStringList axisKeys() const;
    /// Their titles: the keys as the runs filter names them ("params.lr", "metrics.lr").
    QStringList axisTitles() const;
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
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Axis {
        QString key;
        QString menuText;       // how the Axes menu names it
        QString section;        // the Axes menu section it is listed under
        QVector<double> values; // per run; NaN: missing
        QStringList categories; // text columns: the value is an index here
        double min = 0, max = 0;
    };
    static Axis makeAxis(const RunsTableModel &model, const QList<ChartRun> &runs, int column);
    QString label(const Axis &axis, double value) const;
    bool isShown(const QString &key) const;
    void pickAxes();
    void fillAxesMenu();
    void saveChoice() const;

    QList<ChartRun> m_runs;
    QList<Axis> m_available; // everything the menu offers
    QList<Axis> m_axes;      // the shown ones
    QStringList m_defaults;
    QSet<QString> m_hidden; // defaults the user took away
    QSet<QString> m_added;  // others the user asked for
    QToolButton *m_axesButton;
    QMenu *m_axesMenu;
};

} // namespace mlwb
