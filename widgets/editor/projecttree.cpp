#include "editor/projecttree.h"

#include <QFileSystemModel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace mlwb {

ProjectTree::ProjectTree(QWidget *parent)
    : QTreeView(parent)
    , m_files(new QFileSystemModel(this))
    , m_visibleFiles(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("projectFiles"));
    // Hidden files stay visible: .amlignore and .gitignore belong to the project.
    m_files->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    m_files->setReadOnly(true);
    m_visibleFiles->setSourceModel(m_files);
    m_visibleFiles->setFilterRegularExpression(
        QRegularExpression(QStringLiteral("^(?!(__pycache__|\\.git)$)")));
    setModel(m_visibleFiles);
    setHeaderHidden(true);
    for (int column = 1; column < m_files->columnCount(); ++column)
        hideColumn(column);
    connect(this, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_visibleFiles->mapToSource(index);
        if (!m_files->isDir(source))
            emit fileActivated(m_files->filePath(source));
    });
}

void ProjectTree::setRootPath(const QString &dir)
{
    setRootIndex(m_visibleFiles->mapFromSource(m_files->setRootPath(dir)));
}

} // namespace mlwb
