#pragma once

#include "types.h"

#include <QTreeView>

namespace mlwb {

class TaxonomyModel;

/// The taxonomy tree dock's view: expands the open workspace, fetches the
/// next page of runs when the user scrolls to the end of a loaded page, and
/// reports a double-clicked workspace so the window can switch to it.
class WorkspaceTree : public QTreeView {
    Q_OBJECT
public:
    explicit WorkspaceTree(QWidget *parent = nullptr);

    void setTaxonomyModel(TaxonomyModel *model);

Q_SIGNALS:
    /// A workspace that is not the open one was double-clicked.
    void workspaceActivated(const QString &path);
    /// A run was double-clicked (or Enter pressed on it).
    void runActivated(mlwb::Id runId);
    /// An experiment was double-clicked: show its runs table.
    void experimentActivated(mlwb::Id experimentId, const QString &name);

private:
    void expandOpenWorkspace();
    void fetchVisibleMore();
    void onDoubleClicked(const QModelIndex &index);

    TaxonomyModel *m_model = nullptr;
};

} // namespace mlwb
