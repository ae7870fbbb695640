#include "tree/workspacetree.h"

#include "items/taxonomymodel.h"
#include "store/workspace.h"

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
    setSelectionMode(QAbstractItemView::SingleSelection);
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

void WorkspaceTree::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    QMenu *menu = createContextMenu(index, this);
    if (!menu)
        return;
    setCurrentIndex(index);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(viewport()->mapToGlobal(pos));
}

} // namespace mlwb
