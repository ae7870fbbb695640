#pragma once

#include "query/runquery.h"

#include <QSortFilterProxyModel>

namespace mlwb {

/// Sorts a RunsTableModel by raw values (numbers as numbers, dates as
/// dates) and keeps the rows a RunQuery matches.
class RunsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject *parent = nullptr);

    /// Parses and applies text; on error keeps the previous filter and
    /// returns false with where the bad token is.
    bool setFilterText(const QString &text, RunQueryError *error);
    RunQuery query() const { return m_query; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    RunQuery m_query;
};

} // namespace mlwb
