#pragma once

#include "store/types.h"

#include <QObject>

class QWidget;

namespace mlwb {

class Workspace;

/// What the tree's context menus do that the CLI also does: new and delete
/// experiment, delete run, add and remove datastore. Each asks first where
/// something is lost (saying how much), and says why when the store refuses.
class WorkspaceActions : public QObject
{
    Q_OBJECT
public:
    WorkspaceActions(Workspace *workspace, QWidget *parent);

    void newExperiment();
    void deleteExperiment(const QString &name);
    void deleteRun(Id runId);
    void addDatastore();
    void removeDatastore(const QString &name);
    /// What a group of the tree holds and the CLI line that makes one.
    void explainGroup(int group);
    /// The confirmation texts, for tests and the dialogs.
    QString deleteRunQuestion(const Run &run) const;

private:
    bool confirm(const QString &title, const QString &text);
    void fail(const QString &title, const QString &error);

    Workspace *m_workspace;
    QWidget *m_parent;
};

} // namespace mlwb
