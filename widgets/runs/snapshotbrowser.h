#pragma once

#include "snapshots/snapshotreader.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace mlwb {

/// The files of the snapshot a run executed from, as a tree read from its
/// zip. Double-clicking a file asks for it to be shown read-only
/// (openReadOnly()); "Download zip…" saves a copy of the whole snapshot.
class SnapshotBrowser : public QWidget
{
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, SizeRole, IsDirRole, SortKeyRole };

    explicit SnapshotBrowser(QWidget *parent = nullptr);

    /// Lists the entries of `zipPath`; false with *error set (and shown) when
    /// the zip cannot be read.
    bool setZip(const QString &zipPath, QString *error);
    /// Shows `message` instead of a tree (e.g. "this run has no snapshot").
    void setUnavailable(const QString &message);
    QString zipPath() const { return m_zipPath; }
    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    /// Reads the file `path` of the snapshot and emits openReadOnly() with it.
    bool open(const QString &path, QString *error);

public Q_SLOTS:
    void downloadZip();

Q_SIGNALS:
    void openReadOnly(const QString &title, const QByteArray &content);

private:
    void fill(const QList<SnapshotReader::Entry> &entries);
    QStandardItem *folderItem(const QString &path);
    void openIndex(const QModelIndex &index);
    void showMessage(const QString &message);

    QString m_zipPath;
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QLabel *m_message;
    QPushButton *m_download;
    QHash<QString, QStandardItem *> m_folders;
};

} // namespace mlwb
