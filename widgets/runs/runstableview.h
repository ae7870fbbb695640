#pragma once

#include "store/types.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QComboBox;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace mlwb {

class FrozenColumn;
class RunGroupsModel;
class RunsFilterProxy;
class RunsTableModel;
class Workspace;

/// The runs table of the comparison: a filter bar (the filter language,
/// with the bad token underlined), sortable columns the user picks from
/// the Columns menu or the header's context menu (remembered by key),
/// multi-select and Compare.
class RunsTableView : public QWidget
{
    Q_OBJECT
public:
    explicit RunsTableView(const Workspace &workspace, QWidget *parent = nullptr);

    /// Shows one experiment's runs, or every run when 0.
    bool setExperiment(Id experimentId, QString *error);
    /// Shows only these runs (the source runs of compared model versions).
    bool setRuns(const QList<Id> &runIds, QString *error);
    bool reload(QString *error);
    /// Reloads as runs change (from any process), keeping the selection,
    /// the current run and the scroll position; at most once a second.
    void reloadLive();
    QList<Id> selectedRuns() const;
    RunsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Fills menu with a checkable action per column, grouped as tags,
    /// parameters and metrics; toggling one shows or hides it and saves.
    void fillColumnMenu(QMenu *menu);
    /// Shown until the user says otherwise: all but the id (the name's
    /// tooltip), the creation time, the metrics' min and max, and
    /// parameters and tags every run shares (unless constant ones are shown).
    bool isShownByDefault(int column) const;
    /// Back to the default columns.
    void resetColumns();
    /// Groups the rows by a tag or parameter ("params.lr"; empty: no groups).
    void setGroupKey(const QString &key);
    RunGroupsModel *groups() const { return m_groups; }

Q_SIGNALS:
    /// The user asked to chart these runs side by side.
    void compareRequested(const QList<Id> &runIds);
    /// The user double-clicked a run (or pressed Enter on it).
    void openRunRequested(Id runId);
    /// "Register Model…" in a run's context menu.
    void registerModelRequested(mlwb::Id runId);

private:
    void onStoreChanged(const QStringList &topics);
    void applyFilter();
    void showColumnMenu(const QPoint &pos);
    void showRunMenu(const QPoint &pos);
    void restoreColumns();
    void saveColumns();
    void arrangeColumns();
    void fillGroupBy();
    void applyGrouping();
    void matchGroupColumns();

    RunsTableModel *m_model;
    RunsFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QTableView *m_table;
    QTimer m_liveTimer; // coalesces store changes into one reload
    int m_liveIntervalMs = 1000;
    QPushButton *m_compare;
    QMenu *m_columnsMenu;
    FrozenColumn *m_frozen = nullptr; // the name stays while the rest scrolls
    bool m_showConstant = false;
    RunGroupsModel *m_groups;
    QComboBox *m_groupBy;
    QTreeView *m_groupTree; // shown instead of the table while grouped
    QStackedWidget *m_stack;
};

} // namespace mlwb
