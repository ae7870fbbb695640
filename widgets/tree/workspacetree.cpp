#include "tree/workspacetree.h"

#include "items/taxonomymodel.h"
#include "store/workspace.h"
#include "tree/badgedelegate.h"

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
    else
        setExpanded(index, !isExpanded(index));
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
    }
    // On a model: all its versions; on versions: the selected ones.
    const QList<Id> versions = kind == NodeKind::Model ? QList<Id>() : selectedVersionsOf(modelId);
    QAction *compare = menu->addAction(
        kind == NodeKind::Model ? tr("&Compare All Versions") : tr("&Compare Selected Versions"),
        this, [this, modelId, versions] { Q_EMIT compareVersionsRequested(modelId, versions); });
    compare->setObjectName(QStringLiteral("compareVersionsAction"));
    compare->setEnabled(kind == NodeKind::Model ? index.data(TaxonomyModel::CountRole).toInt() > 1
                                                : versions.size() > 1);
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
