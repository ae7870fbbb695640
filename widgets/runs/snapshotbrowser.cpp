#include "runs/snapshotbrowser.h"

#include "runs/outputsbrowser.h"
#include "snapshots/snapshotwriter.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace mlwb {

SnapshotBrowser::SnapshotBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
    , m_message(new QLabel(this))
    , m_download(new QPushButton(tr("Download Zip…"), this))
{
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Size")});
    m_model->setSortRole(SortKeyRole);
    m_view->setObjectName(QStringLiteral("snapshotTree"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_message->setObjectName(QStringLiteral("snapshotMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->hide();
    m_download->setObjectName(QStringLiteral("downloadZip"));
    m_download->setEnabled(false);
    m_download->setToolTip(tr("Save a copy of the snapshot zip"));

    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Double-click a file to view it."), this);
    hint->setEnabled(false); // greyed: a hint, not content
    buttons->addWidget(m_download);
    buttons->addWidget(hint);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message, 1);

    connect(m_view, &QTreeView::doubleClicked, this, &SnapshotBrowser::openIndex);
    connect(m_download, &QPushButton::clicked, this, &SnapshotBrowser::downloadZip);
}

bool SnapshotBrowser::setZip(const QString &zipPath, QString *error)
{
    QList<SnapshotReader::Entry> entries;
    if (!SnapshotReader(zipPath).entries(&entries, error)) {
        setUnavailable(tr("The snapshot could not be read: %1").arg(*error));
        return false;
    }
    m_zipPath = zipPath;
    fill(entries);
    m_message->hide();
    m_view->show();
    m_download->setEnabled(true);
    return true;
}

void SnapshotBrowser::setUnavailable(const QString &message)
{
    m_zipPath.clear();
    m_model->removeRows(0, m_model->rowCount());
    m_folders.clear();
    m_view->hide();
    m_message->setText(message);
    m_message->show();
    m_download->setEnabled(false);
}

void SnapshotBrowser::fill(const QList<SnapshotReader::Entry> &entries)
{
    m_model->removeRows(0, m_model->rowCount());
    m_folders.clear();
    for (const SnapshotReader::Entry &entry : entries) {
        if (entry.isSpecial)
            continue;
        if (entry.isDir) {
            folderItem(entry.path);
            continue;
        }
        const int slash = int(entry.path.lastIndexOf(QLatin1Char('/')));
        const QString name = entry.path.mid(slash + 1);
        auto *item = new QStandardItem(name);
        item->setData(entry.path, PathRole);
        item->setData(entry.size, SizeRole);
        item->setData(false, IsDirRole);
        item->setData(QString(QStringLiteral("1") + name.toLower()), SortKeyRole);
        item->setToolTip(entry.isSymlink
                             ? tr("%1 (a link to %2)").arg(entry.path, entry.symlinkTarget)
                             : entry.path);
        auto *size = new QStandardItem(SnapshotWriter::formatSize(entry.size));
        size->setData(entry.size, SortKeyRole);
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStandardItem *parent =
            slash < 0 ? m_model->invisibleRootItem() : folderItem(entry.path.left(slash));
        parent->appendRow({item, size});
    }
    m_model->sort(0); // folders first, then by name, at every level
    m_view->expandToDepth(0);
}

// Zips need not list folders, so they are made from the paths of their files.
QStandardItem *SnapshotBrowser::folderItem(const QString &path)
{
    if (path.isEmpty())
        return m_model->invisibleRootItem();
    if (QStandardItem *known = m_folders.value(path))
        return known;
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    QStandardItem *parent = folderItem(slash < 0 ? QString() : path.left(slash));
    const QString name = path.mid(slash + 1);
    auto *item = new QStandardItem(style()->standardIcon(QStyle::SP_DirIcon), name);
    item->setData(path, PathRole);
    item->setData(true, IsDirRole);
    item->setData(QString(QStringLiteral("0") + name.toLower()), SortKeyRole);
    auto *size = new QStandardItem;
    size->setData(QStringLiteral("0"), SortKeyRole);
    parent->appendRow({item, size});
    m_folders.insert(path, item);
    return item;
}

void SnapshotBrowser::openIndex(const QModelIndex &index)
{
    const QModelIndex name = index.siblingAtColumn(0);
    if (name.data(IsDirRole).toBool())
        return;
    QString error;
    if (!open(name.data(PathRole).toString(), &error))
        QMessageBox::warning(this, tr("Snapshot"), error);
}

bool SnapshotBrowser::open(const QString &path, QString *error)
{
    QByteArray content;
    if (!SnapshotReader(m_zipPath).readFile(path, &content, error, 16 * 1024 * 1024))
        return false;
    Q_EMIT openReadOnly(tr("%1 (snapshot, read-only)").arg(path), content);
    return true;
}

void SnapshotBrowser::downloadZip()
{
    if (m_zipPath.isEmpty())
        return;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Download Snapshot"), QDir::home().filePath(QFileInfo(m_zipPath).fileName()),
        tr("Zip archives (*.zip)"));
    if (target.isEmpty())
        return;
    QString error;
    if (!SnapshotReader(m_zipPath).verify(&error)
        || !OutputsBrowser::copyFile(m_zipPath, target, &error))
        QMessageBox::warning(this, tr("Snapshot"), error);
}

} // namespace mlwb
