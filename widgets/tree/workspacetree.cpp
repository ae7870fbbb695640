#include "tree/workspacetree.h"

#include "items/taxonomymodel.h"
#include "store/workspace.h"
#include "tree/badgedelegate.h"
#include "tree/workspaceactions.h"

#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>

namespace mlwb {

WorkspaceTree::WorkspaceTree(QWidget *parent)
    : QTreeView(parent)
{
    setHeaderHidden(true);
    setUniformRowHeights(true); // cheap layout for thousands of runs
    setAnimated(false);
    // Nodes that open something on double-click must not also fold; the rest toggle.
    setExpandsOnDoubleClick(false);
    // Several versions of a model can be selected to compare them.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setItemDelegate(new BadgeDelegate(this));
    setEditTriggers(QAbstractItemView::EditKeyPressed); // F2 renames a run
    connect(this, &QTreeView::doubleClicked, this, &WorkspaceTree::onDoubleClicked);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &WorkspaceTree::showContextMenu);
    // Views only fetch more for the root by themselves; nested pages are ours to ask for.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &WorkspaceTree::fetchVisibleMore);
}

void WorkspaceTree::setTaxonomyModel(TaxonomyModel *model)
{
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &WorkspaceTree::expandOpenWorkspace);
    expandOpenWorkspace();
}

void WorkspaceTree::expandOpenWorkspace()
{
    if (!m_model || !m_model->workspace())
        return;
    expand(m_model->workspaceIndex(m_model->workspace()->path()));
}

void WorkspaceTree::fetchVisibleMore()
{
    if (!m_model || verticalScrollBar()->value() < verticalScrollBar()->maximum())
        return;
    // At the bottom: the last visible row's ancestors may have another page.
    const QModelIndex last = indexAt(QPoint(4, viewport()->height() - 2));
    for (QModelIndex i = last.parent(); i.isValid(); i = i.parent()) {
        if (m_model->canFetchMore(i)) {
            m_model->fetchMore(i);
            return;
        }
    }
}

void WorkspaceTree::onDoubleClicked(const QModelIndex &index)
{
    if (!m_model)
        return;
    if (m_model->nodeKind(index) == NodeKind::Workspace
        && !index.data(TaxonomyModel::IsOpenWorkspaceRole).toBool())
        Q_EMIT workspaceActivated(index.data(TaxonomyModel::WorkspacePathRole).toString());
    else if (m_model->nodeKind(index) == NodeKind::Run)
        Q_EMIT runActivated(m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::Experiment)
        Q_EMIT experimentActivated(m_model->idOf(index),
                                   index.data(TaxonomyModel::NameRole).toString());
    else if (m_model->nodeKind(index) == NodeKind::ModelVersion)
        Q_EMIT modelVersionActivated(index.data(TaxonomyModel::OwnerIdRole).toLongLong(),
                                     m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::EnvironmentVersion)
        Q_EMIT environmentActivated(index.data(TaxonomyModel::OwnerIdRole).toLongLong(),
                                    m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::Image)
        Q_EMIT imageActivated(m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::Deployment)
        Q_EMIT deploymentActivated(m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::Endpoint)
        Q_EMIT endpointActivated(m_model->idOf(index));
    else if (isEmptyExplainedGroup(index) && actionsFor(index))
        actionsFor(index)->explainGroup(index.data(TaxonomyModel::IdRole).toInt());
    else
        setExpanded(index, !isExpanded(index));
}

// The actions on the open workspace; none for the nodes of other workspaces.
WorkspaceActions *WorkspaceTree::actionsFor(const QModelIndex &index)
{
    Workspace *ws = m_model->workspace();
    QModelIndex top = index;
    while (top.parent().isValid())
        top = top.parent();
    if (!ws || !top.data(TaxonomyModel::IsOpenWorkspaceRole).toBool())
        return nullptr;
    if (!m_actions || m_actionsWorkspace != ws) {
        delete m_actions;
        m_actions = new WorkspaceActions(ws, this);
        m_actionsWorkspace = ws;
    }
    return m_actions;
}

// A group with nothing in it has nothing to unfold: say what it is instead.
bool WorkspaceTree::isEmptyExplainedGroup(const QModelIndex &index) const
{
    if (m_model->nodeKind(index) != NodeKind::Group || m_model->rowCount(index) > 0
        || m_model->canFetchMore(index))
        return false;
    const int group = index.data(TaxonomyModel::IdRole).toInt();
    return group == int(Group::Images) || group == int(Group::Deployments)
           || group == int(Group::Pipelines) || group == int(Group::Environments);
}

QMenu *WorkspaceTree::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    if (!m_model || !index.isValid())
        return nullptr;
    const NodeKind kind = m_model->nodeKind(index);
    if (kind == NodeKind::Group
        && index.data(TaxonomyModel::IdRole).toInt() == int(Group::ComputeTargets)) {
        auto *menu = new QMenu(parent);
        QAction *attach =
            menu->addAction(tr("&Attach Linux VM…"), this, &WorkspaceTree::attachTargetRequested);
        attach->setObjectName(QStringLiteral("attachTargetAction"));
        return menu;
    }
    if (QMenu *menu = createWorkspaceMenu(index, parent))
        return menu;
    if (QMenu *menu = createRegistryMenu(index, parent))
        return menu;
    if (kind != NodeKind::ComputeTarget)
        return nullptr;
    const Id id = m_model->idOf(index);
    const bool ssh = index.data(TaxonomyModel::StatusRole).toString() == QLatin1String("ssh");
    auto *menu = new QMenu(parent);
    QAction *edit =
        menu->addAction(tr("&Edit…"), this, [this, id] { Q_EMIT editTargetRequested(id); });
    edit->setObjectName(QStringLiteral("editTargetAction"));
    QAction *test = menu->addAction(tr("&Test Connection"), this,
                                    [this, id] { Q_EMIT testTargetRequested(id); });
    test->setObjectName(QStringLiteral("testTargetAction"));
    test->setEnabled(ssh);
    menu->addSeparator();
    // Enabled for `local` too: the refusal says why it cannot be detached.
    QAction *detach =
        menu->addAction(tr("&Detach"), this, [this, id] { Q_EMIT detachTargetRequested(id); });
    detach->setObjectName(QStringLiteral("detachTargetAction"));
    return menu;
}

// Experiments, runs and datastores: what the CLI can do to them; and for
// the groups that are still empty, what they are and how to make one.
QMenu *WorkspaceTree::createWorkspaceMenu(const QModelIndex &index, QWidget *parent)
{
    WorkspaceActions *actions = actionsFor(index);
    if (!actions)
        return nullptr;
    const NodeKind kind = m_model->nodeKind(index);
    const Id id = m_model->idOf(index);
    const QString name = index.data(TaxonomyModel::NameRole).toString();
    const int group = kind == NodeKind::Group ? index.data(TaxonomyModel::IdRole).toInt() : -1;
    auto *menu = new QMenu(parent);
    auto add = [menu](const QString &text, const char *objectName, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QLatin1String(objectName));
        QObject::connect(action, &QAction::triggered, menu, slot);
        return action;
    };
    if (group == int(Group::Experiments)) {
        add(tr("&New Experiment…"), "newExperimentAction", [actions] { actions->newExperiment(); });
    } else if (kind == NodeKind::Experiment) {
        add(tr("&Open Runs Table"), "openExperimentAction",
            [this, id, name] { Q_EMIT experimentActivated(id, name); });
        add(tr("&New Experiment…"), "newExperimentAction", [actions] { actions->newExperiment(); });
        menu->addSeparator();
        add(tr("&Delete Experiment…"), "deleteExperimentAction",
            [actions, name] { actions->deleteExperiment(name); });
    } else if (kind == NodeKind::Run) {
        add(tr("&Open"), "openRunAction", [this, id] { Q_EMIT runActivated(id); });
        const QPersistentModelIndex at(index);
        add(tr("Re&name"), "renameRunAction", [this, at] {
            edit(at);
        })->setShortcut(QKeySequence(Qt::Key_F2));
        add(tr("&Register Model…"), "registerModelAction",
            [this, id] { Q_EMIT registerModelRequested(id); });
        menu->addSeparator();
        add(tr("&Delete Run…"), "deleteRunAction", [actions, id] { actions->deleteRun(id); });
    } else if (group == int(Group::Datastores)) {
        add(tr("&Add Datastore…"), "addDatastoreAction", [actions] { actions->addDatastore(); });
    } else if (kind == NodeKind::Datastore) {
        add(tr("&Add Datastore…"), "addDatastoreAction", [actions] { actions->addDatastore(); });
        add(tr("&Remove Datastore…"), "removeDatastoreAction",
            [actions, name] { actions->removeDatastore(name); });
    } else if (group == int(Group::Images)) {
        add(tr("&Build Image…"), "buildImageAction", [this] { Q_EMIT buildImageRequested(0); });
        add(tr("&What Is This?"), "explainGroupAction",
            [actions, group] { actions->explainGroup(group); });
    } else if (kind == NodeKind::Image) {
        add(tr("&Open"), "openImageAction", [this, id] { Q_EMIT imageActivated(id); });
        add(tr("&Deploy…"), "deployImageAction", [this, id] { Q_EMIT deployImageRequested(id); });
    } else if (group == int(Group::Deployments) || kind == NodeKind::Deployment
               || kind == NodeKind::Endpoint) {
        if (kind == NodeKind::Deployment)
            add(tr("&Open"), "openDeploymentAction",
                [this, id] { Q_EMIT deploymentActivated(id); });
        if (kind == NodeKind::Endpoint)
            add(tr("&Open"), "openEndpointAction", [this, id] { Q_EMIT endpointActivated(id); });
        add(tr("&Deploy…"), "deployAction", [this] { Q_EMIT deployRequested({}); });
        add(tr("Create &Endpoint…"), "createEndpointAction",
            [this] { Q_EMIT createEndpointRequested(); });
        if (group >= 0)
            add(tr("&What Is This?"), "explainGroupAction",
                [actions, group] { actions->explainGroup(group); });
    } else if (group == int(Group::Pipelines) || group == int(Group::Environments)) {
        add(tr("&What Is This?"), "explainGroupAction",
            [actions, group] { actions->explainGroup(group); });
    } else {
        delete menu;
        return nullptr;
    }
    return menu;
}

// Runs, the Models group, models and their versions.
QMenu *WorkspaceTree::createRegistryMenu(const QModelIndex &index, QWidget *parent)
{
    const NodeKind kind = m_model->nodeKind(index);
    const Id id = m_model->idOf(index);
    const bool modelsGroup =
        kind == NodeKind::Group && index.data(TaxonomyModel::IdRole).toInt() == int(Group::Models);
    if (kind == NodeKind::Run || modelsGroup) {
        auto *menu = new QMenu(parent);
        const Id runId = modelsGroup ? 0 : id;
        QAction *action = menu->addAction(tr("&Register Model…"), this,
                                          [this, runId] { Q_EMIT registerModelRequested(runId); });
        action->setObjectName(QStringLiteral("registerModelAction"));
        return menu;
    }
    if (kind != NodeKind::Model && kind != NodeKind::ModelVersion)
        return nullptr;
    auto *menu = new QMenu(parent);
    const Id modelId =
        kind == NodeKind::Model ? id : index.data(TaxonomyModel::OwnerIdRole).toLongLong();
    if (kind == NodeKind::ModelVersion) {
        QAction *open = menu->addAction(
            tr("&Open"), this, [this, modelId, id] { Q_EMIT modelVersionActivated(modelId, id); });
        open->setObjectName(QStringLiteral("openVersionAction"));
        QAction *build = menu->addAction(tr("&Build Image…"), this,
                                         [this, id] { Q_EMIT buildImageRequested(id); });
        build->setObjectName(QStringLiteral("buildImageAction"));
    }
    // On a model: all its versions; on versions: the selected ones.
    const QList<Id> versions = kind == NodeKind::Model ? QList<Id>() : selectedVersionsOf(modelId);
    QAction *compare = menu->addAction(
        kind == NodeKind::Model ? tr("&Compare All Versions") : tr("&Compare Selected Versions"),
        this, [this, modelId, versions] { Q_EMIT compareVersionsRequested(modelId, versions); });
    compare->setObjectName(QStringLiteral("compareVersionsAction"));
    compare->setEnabled(kind == NodeKind::Model ? index.data(TaxonomyModel::CountRole).toInt() > 1
                                                : versions.size() > 1);
    if (kind == NodeKind::ModelVersion) {
        const QList<Id> served = versions.isEmpty() ? QList<Id>{id} : versions;
        QAction *deploy = menu->addAction(tr("&Deploy…"), this,
                                          [this, served] { Q_EMIT deployRequested(served); });
        deploy->setObjectName(QStringLiteral("deployAction"));
    }
    return menu;
}

QList<Id> WorkspaceTree::selectedVersionsOf(Id modelId) const
{
    QList<Id> out;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        if (m_model->nodeKind(i) != NodeKind::ModelVersion
            || i.data(TaxonomyModel::OwnerIdRole).toLongLong() != modelId)
            return {};
        out << m_model->idOf(i);
    }
    return out;
}

void WorkspaceTree::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    // A right-click inside the selection keeps it (to compare versions).
    if (!selectionModel()->isSelected(index))
        setCurrentIndex(index);
    QMenu *menu = createContextMenu(index, this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(viewport()->mapToGlobal(pos));
}

} // namespace mlwb
