#pragma once

#include "types.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mlwb {

class RunsFilterProxy;
class RunsTableModel;
class Workspace;

/// The runs table of the comparison: a filter bar (the filter language,
/// with the bad token underlined), sortable columns the user picks from
/// the header's context menu (remembered), multi-select and Compare.
class RunsTableView : public QWidget
{
    Q_OBJECT
public:
    explicit RunsTableView(const Workspace &workspace, QWidget *parent = nullptr);

    /// Shows one experiment's runs, or every run when 0.
    bool setExperiment(Id experimentId, QString *error);
    bool reload(QString *error);
    QList<Id> selectedRuns() const;
    RunsTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    /// The user asked to chart these runs side by side.
    void compareRequested(const QList<Id> &runIds);

private:
    void applyFilter();
    void showColumnMenu(const QPoint &pos);
    void restoreColumns();
    void saveColumns();

    RunsTableModel *m_model;
    RunsFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QTableView *m_table;
    QPushButton *m_compare;
};

} // namespace mlwb
