#include "items/rungroupsmodel.h"

#include "items/runstablemodel.h"

#include <QFont>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {
// Group rows have no parent; a run row's internal id is its group + 1.
constexpr quintptr topLevel = 0;
} // namespace

RunGroupsModel::RunGroupsModel(RunsTableModel *columns, QAbstractItemModel *rows, QObject *parent)
    : QAbstractItemModel(parent)
    , m_source(columns)
    , m_rows(rows)
{
    // A reload, a filter or a sort: regroup (a few hundred rows, cheap).
    connect(rows, &QAbstractItemModel::modelReset, this, &RunGroupsModel::rebuild);
    connect(rows, &QAbstractItemModel::layoutChanged, this, &RunGroupsModel::rebuild);
    connect(rows, &QAbstractItemModel::rowsInserted, this, &RunGroupsModel::rebuild);
    connect(rows, &QAbstractItemModel::rowsRemoved, this, &RunGroupsModel::rebuild);
}

void RunGroupsModel::setGroupKey(const QString &key)
{
    m_key = key;
    rebuild();
}

void RunGroupsModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    const int column = m_source->columnOf(m_key);
    if (column >= 0) {
        QMap<QString, QVector<int>> byValue; // sorted by value
        for (int row = 0; row < m_rows->rowCount(); ++row)
            byValue[m_rows->index(row, column).data().toString()].append(row);
        for (auto it = byValue.cbegin(); it != byValue.cend(); ++it)
            m_groups.append({it.key(), it.value()});
    }
    endResetModel();
}

RunGroupsModel::Aggregate RunGroupsModel::aggregate(int group, int column) const
{
    Aggregate a;
    a.min = INFINITY;
    a.max = -INFINITY;
    double sum = 0;
    for (const int row : m_groups.value(group).rows) {
        const QVariant v = m_rows->index(row, column).data(RunsTableModel::SortRole);
        if (v.typeId() != QMetaType::Double || !std::isfinite(v.toDouble()))
            continue;
        const double x = v.toDouble();
        sum += x;
        a.min = std::min(a.min, x);
        a.max = std::max(a.max, x);
        ++a.count;
    }
    a.mean = a.count ? sum / a.count : qQNaN();
    return a;
}

QModelIndex RunGroupsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : topLevel);
}

QModelIndex RunGroupsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == topLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, topLevel);
}

int RunGroupsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == topLevel && parent.column() == 0)
        return int(m_groups.value(parent.row()).rows.size());
    return 0;
}

int RunGroupsModel::columnCount(const QModelIndex &) const
{
    return m_source->columnCount();
}

QVariant RunGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() != topLevel) { // a run: the source's cell
        const Group &g = m_groups.value(int(index.internalId() - 1));
        const QModelIndex cell = m_rows->index(g.rows.value(index.row()), index.column());
        return role == RunIdRole ? cell.data(RunsTableModel::RunIdRole) : cell.data(role);
    }
    const int group = index.row();
    const Group &g = m_groups.value(group);
    const bool metric = m_source->columnGroup(index.column()) == RunsTableModel::Group::Metric;
    if (role == RunIdRole)
        return Id(0);
    if (role == Qt::FontRole) { // a group row reads as a heading
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::DisplayRole && index.column() == m_source->columnOf(QStringLiteral("name")))
        return tr("%1 = %2 (%n run(s))", nullptr, int(g.rows.size()))
            .arg(m_source->columnName(m_source->columnOf(m_key)),
                 g.value.isEmpty() ? tr("(none)") : g.value);
    if (!metric)
        return {};
    const Aggregate a = aggregate(group, index.column());
    if (a.count == 0)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(a.mean, 'g', 6);
    case Qt::ToolTipRole:
        return tr("mean %1 · min %2 · max %3 of %n run(s)", nullptr, a.count)
            .arg(QString::number(a.mean, 'g', 6), QString::number(a.min, 'g', 6),
                 QString::number(a.max, 'g', 6));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_source->headerData(section, orientation, role);
}

} // namespace mlwb
