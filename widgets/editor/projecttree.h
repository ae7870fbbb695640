#pragma once

#include <QTreeView>

class QFileSystemModel;
class QSortFilterProxyModel;

namespace mlwb {

/// The files of a project folder, without caches and version control
/// (__pycache__, .git); activating a file asks for it to be opened.
class ProjectTree : public QTreeView
{
    Q_OBJECT
public:
    explicit ProjectTree(QWidget *parent = nullptr);

    void setRootPath(const QString &dir);

signals:
    void fileActivated(const QString &path);

private:
    QFileSystemModel *m_files;
    QSortFilterProxyModel *m_visibleFiles;
};

} // namespace mlwb
