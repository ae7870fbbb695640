#pragma once

#include "store/types.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace mlwb {

class RunsTableView;
class Workspace;

/// Versions of one model side by side: each version with its aliases,
/// framework and source run, over the runs table of those source runs
/// (their parameters and final metrics, the same columns, filter and
/// Compare button as an experiment's runs table).
class VersionComparison : public QWidget
{
    Q_OBJECT
public:
    explicit VersionComparison(const Workspace &workspace, QWidget *parent = nullptr);

    /// Shows these versions (of one model); false with the reason otherwise.
    bool setVersions(const QList<ModelVersion> &versions, QString *error);
    QString title() const { return m_title; }
    RunsTableView *runsTable() const { return m_runs; }
    QTreeWidget *versionList() const { return m_versions; }

Q_SIGNALS:
    void compareRequested(const QList<mlwb::Id> &runIds);
    void openRunRequested(mlwb::Id runId);

private:
    const Workspace &m_workspace;
    QString m_title;
    QTreeWidget *m_versions;
    QLabel *m_note;
    RunsTableView *m_runs;
};

} // namespace mlwb
