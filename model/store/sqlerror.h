#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QString>

class QSqlDatabase;

// The one place where QtSql failures become user-facing messages: every
// query in the core runs through these so no error is silently dropped.
namespace mlwb::sql {

/// Prepares `text` on `query`; on failure sets *error and returns false.
bool prepare(QSqlQuery &query, const QString &text, QString *error);
/// Executes a prepared query; on failure sets *error and returns false.
bool exec(QSqlQuery &query, QString *error);
/// Executes one statement without parameters.
bool exec(const QSqlDatabase &db, const QString &text, QString *error);
/// Tags a workspace's connection with its folder and, when it was opened
/// read-only, the reason, so failures can be described in the user's terms.
void markConnection(const QSqlDatabase &db, const QString &workspace, const QString &readOnly);
/// Why the connection cannot write, or empty.
QString readOnlyReason(const QSqlDatabase &db);
/// True when `db` may write; otherwise sets *error to the reason and returns false.
bool checkWritable(const QSqlDatabase &db, QString *error);
/// Sets *error (when error is non-null) and returns false, for one-line early returns.
bool fail(QString *error, const QString &message);
/// Milliseconds since the epoch, the unit of every timestamp column.
qint64 now();
/// A timestamp column (ms since the epoch, NULL: invalid) as a UTC date-time.
QDateTime dateTime(const QVariant &ms);
/// Text for a NOT NULL column: a null QString would bind as NULL.
QVariant text(const QString &value);
/// The inverse: an invalid date-time binds as NULL.
QVariant msecs(const QDateTime &time);

} // namespace mlwb::sql
