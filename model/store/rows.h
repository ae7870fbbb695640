#pragma once

#include "store/sqlerror.h"

#include <QList>
#include <QSqlQuery>
#include <QVariantList>
#include <optional>
#include <utility>

// Reading rows into domain types: one query, one fromRow function, the
// errors through sqlerror.h. Table classes keep only their columns and fromRow.
namespace mlwb::sql {

template <typename FromRow>
using RowType = decltype(std::declval<FromRow>()(std::declval<const QSqlQuery &>()));

/// Runs `text` with `values` bound in order; false (and *error) on failure.
inline bool run(QSqlQuery &q, const QString &text, const QVariantList &values, QString *error)
{
    if (!prepare(q, text, error))
        return false;
    for (const QVariant &value : values)
        q.addBindValue(value);
    return exec(q, error);
}

/// Every row of `text`; an empty list (and *error) on failure.
template <typename FromRow>
QList<RowType<FromRow>> selectAll(const QSqlDatabase &db, const QString &text,
                                  const QVariantList &values, FromRow fromRow, QString *error)
{
    QList<RowType<FromRow>> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!run(q, text, values, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

/// The first row of `text`; nothing when there is none (*error untouched)
/// or the query failed (*error set).
template <typename FromRow>
std::optional<RowType<FromRow>> selectOne(const QSqlDatabase &db, const QString &text,
                                          const QVariantList &values, FromRow fromRow,
                                          QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!run(q, text, values, error) || !q.next())
        return std::nullopt;
    return fromRow(q);
}

/// selectOne(), failing with `notFound` when there is no such row.
template <typename FromRow>
std::optional<RowType<FromRow>> selectFound(const QSqlDatabase &db, const QString &text,
                                            const QVariantList &values, FromRow fromRow,
                                            const QString &notFound, QString *error)
{
    QString queryError;
    auto found = selectOne(db, text, values, fromRow, &queryError);
    if (!found)
        fail(error, queryError.isEmpty() ? notFound : queryError);
    return found;
}

} // namespace mlwb::sql
