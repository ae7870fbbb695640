#include "items/runsfilterproxy.h"

#include "items/runstablemodel.h"

#include <QDateTime>

namespace mlwb {

RunsFilterProxy::RunsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunsTableModel::SortRole);
}

bool RunsFilterProxy::setFilterText(const QString &text, RunQueryError *error)
{
    RunQuery query = RunQuery::parse(text, error);
    if (!query.isValid())
        return false;
    m_query = query;
    invalidateFilter();
    return true;
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_query.isEmpty())
        return true;
    const auto *model = qobject_cast<const RunsTableModel *>(sourceModel());
    return model && m_query.matches(model->queryRow(sourceRow));
}

bool RunsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    // Empty cells sort last whichever the order, so runs without the metric
    // never crowd the top.
    if (!a.isValid() || !b.isValid())
        return a.isValid() != b.isValid() && (a.isValid() == (sortOrder() == Qt::AscendingOrder));
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    if (a.typeId() == QMetaType::QDateTime && b.typeId() == QMetaType::QDateTime)
        return a.toDateTime() < b.toDateTime();
    bool okA = false, okB = false;
    const double da = a.toString().toDouble(&okA), db = b.toString().toDouble(&okB);
    if (okA && okB)
        return da < db;
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace mlwb
