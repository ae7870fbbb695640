#pragma once

#include "store/types.h"

#include <QTreeView>

class QMenu;

namespace mlwb {

class WorkspaceActions;
class Workspace;

class TaxonomyModel;

/// The taxonomy tree dock's view: expands the open workspace, fetches the
/// next page of runs when the user scrolls to the end of a loaded page, and
/// reports a double-clicked workspace so the window can switch to it. Compute
/// target nodes have a context menu (edit, test, detach), their group one to
/// attach a VM; the window acts on the signals.
class WorkspaceTree : public QTreeView
{
    Q_OBJECT
public:
    explicit WorkspaceTree(QWidget *parent = nullptr);

    void setTaxonomyModel(TaxonomyModel *model);
    /// The context menu for `index` (owned by the caller), or nullptr when
    /// the node has none.
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent = nullptr);

Q_SIGNALS:
    /// A workspace that is not the open one was double-clicked.
    void workspaceActivated(const QString &path);
    /// A run was double-clicked (or Enter pressed on it).
    void runActivated(mlwb::Id runId);
    /// An experiment was double-clicked: show its runs table.
    void experimentActivated(mlwb::Id experimentId, const QString &name);
    /// Context menu of the "Compute targets" group: attach a Linux VM.
    void attachTargetRequested();
    /// Context menu of a compute target node.
    void editTargetRequested(mlwb::Id targetId);
    void testTargetRequested(mlwb::Id targetId);
    void detachTargetRequested(mlwb::Id targetId);
    /// "Register Model…" on a run (0: on the Models group).
    void registerModelRequested(mlwb::Id runId);
    /// A model version was double-clicked (or opened from its menu).
    void modelVersionActivated(mlwb::Id modelId, mlwb::Id versionId);
    /// An environment version was double-clicked.
    void environmentActivated(mlwb::Id environmentId, mlwb::Id versionId);
    /// An image version was double-clicked (or opened from its menu).
    void imageActivated(mlwb::Id imageId);
    /// "Deploy…" on an image version.
    void deployImageRequested(mlwb::Id imageId);
    /// "Build Image…" on a model version (0: on the Images group).
    void buildImageRequested(mlwb::Id modelVersionId);
    /// "Compare Versions" on selected versions of one model, or on the model (all of them).
    void compareVersionsRequested(mlwb::Id modelId, const QList<mlwb::Id> &versionIds);
    /// A deployment was double-clicked (or opened from its menu).
    void deploymentActivated(mlwb::Id deploymentId);
    /// "Deploy…" on model versions (their ids) or on the Deployments group (none).
    void deployRequested(const QList<mlwb::Id> &modelVersionIds);
    /// An endpoint was double-clicked (or opened from its menu).
    void endpointActivated(mlwb::Id endpointId);
    /// "Create Endpoint…" on the Deployments group or a deployment.
    void createEndpointRequested();

private:
    void expandOpenWorkspace();
    void fetchVisibleMore();
    void onDoubleClicked(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    QMenu *createRegistryMenu(const QModelIndex &index, QWidget *parent);
    QMenu *createWorkspaceMenu(const QModelIndex &index, QWidget *parent);
    bool isEmptyExplainedGroup(const QModelIndex &index) const;
    WorkspaceActions *actionsFor(const QModelIndex &index);
    /// The selected model versions when all are of `modelId`, else empty.
    QList<Id> selectedVersionsOf(Id modelId) const;

    TaxonomyModel *m_model = nullptr;
    WorkspaceActions *m_actions = nullptr;
    const Workspace *m_actionsWorkspace = nullptr;
};

} // namespace mlwb
