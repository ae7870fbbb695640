#pragma once

#include "store/types.h"

#include <QAbstractItemModel>
#include <QVector>

namespace mlwb {

class RunsTableModel;

/// The runs table grouped by one column (a tag or a parameter), as W&B and
/// Aim group runs: a row per value with its runs below it; the group row's
/// metric cells hold the mean of its runs, with min and max in the tooltip.
class RunGroupsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { RunIdRole = Qt::UserRole + 2 }; // 0 on group rows
    /// Rows from `rows` (the table's filtered rows), columns as `columns` says.
    RunGroupsModel(RunsTableModel *columns, QAbstractItemModel *rows, QObject *parent = nullptr);

    /// Groups by the column with this key ("params.lr"); empty: no groups.
    void setGroupKey(const QString &key);
    QString groupKey() const { return m_key; }
    /// The mean, min and max of a metric column over a group's runs.
    struct Aggregate {
        double mean = 0, min = 0, max = 0;
        int count = 0;
    };
    Aggregate aggregate(int group, int column) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    struct Group {
        QString value;
        QVector<int> rows; // of the source
    };
    RunsTableModel *m_source;
    QAbstractItemModel *m_rows;
    QString m_key;
    QVector<Group> m_groups;
};

} // namespace mlwb
