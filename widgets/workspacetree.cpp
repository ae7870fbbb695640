#include "workspacetree.h"

#include "taxonomymodel.h"
#include "workspace.h"

#include <QHeaderView>
#include <QScrollBar>

namespace mlwb {

WorkspaceTree::WorkspaceTree(QWidget *parent)
    : QTreeView(parent) {
    setHeaderHidden(true);
    setUniformRowHeights(true); // cheap layout for thousands of runs
    setAnimated(false);
    setExpandsOnDoubleClick(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(this, &QTreeView::doubleClicked, this, &WorkspaceTree::onDoubleClicked);
    // Views only fetch more for the root by themselves; nested pages are ours to ask for.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &WorkspaceTree::fetchVisibleMore);
}

void WorkspaceTree::setTaxonomyModel(TaxonomyModel *model) {
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &WorkspaceTree::expandOpenWorkspace);
    expandOpenWorkspace();
}

void WorkspaceTree::expandOpenWorkspace() {
    if (!m_model || !m_model->workspace()) return;
    expand(m_model->workspaceIndex(m_model->workspace()->path()));
}

void WorkspaceTree::fetchVisibleMore() {
    if (!m_model || verticalScrollBar()->value() < verticalScrollBar()->maximum()) return;
    // At the bottom: the last visible row's ancestors may have another page.
    const QModelIndex last = indexAt(QPoint(4, viewport()->height() - 2));
    for (QModelIndex i = last.parent(); i.isValid(); i = i.parent()) {
        if (m_model->canFetchMore(i)) {
            m_model->fetchMore(i);
            return;
        }
    }
}

void WorkspaceTree::onDoubleClicked(const QModelIndex &index) {
    if (!m_model)
        return;
    if (m_model->nodeKind(index) == NodeKind::Workspace &&
        !index.data(TaxonomyModel::IsOpenWorkspaceRole).toBool())
        Q_EMIT workspaceActivated(index.data(TaxonomyModel::WorkspacePathRole).toString());
    else if (m_model->nodeKind(index) == NodeKind::Run)
        Q_EMIT runActivated(m_model->idOf(index));
    else if (m_model->nodeKind(index) == NodeKind::Experiment)
        Q_EMIT experimentActivated(m_model->idOf(index),
                                   index.data(TaxonomyModel::NameRole).toString());
}

} // namespace mlwb
