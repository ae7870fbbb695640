#pragma once

#include "store/types.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPair>

namespace mlwb {

class Workspace;

/// A run's tags as an editable key/value table. Every edit is stored at once
/// (Runs::setTag/removeTag); a failed edit is refused and its reason emitted
/// as errorOccurred() for the view to show. refresh() takes in changes made
/// elsewhere (the CLI, another window) keyed by tag key.
class RunTagsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, ValueRole };

    RunTagsModel(Workspace *workspace, Id runId, QObject *parent = nullptr);

    bool refresh(QString *error = nullptr);
    /// Stores a new tag with an unused key ("tag", "tag_2", ...) and an empty
    /// value; returns its row, or -1 with *error set.
    int addTag(QString *error);
    bool removeTag(int row, QString *error);
    QString key(int row) const { return m_rows.value(row).first; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    using Tag = QPair<QString, QString>;
    bool setValue(int row, const QString &value, QString *error);
    bool renameKey(int row, const QString &key, QString *error);
    int rowOf(const QString &key) const;
    void apply(const QMap<QString, QString> &tags);

    Workspace *m_workspace;
    Id m_runId;
    QList<Tag> m_rows; // sorted by key, as the store's map
};

} // namespace mlwb
