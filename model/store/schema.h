#pragma once

#include <QSqlDatabase>
#include <QString>

// The workspace database schema as numbered migrations. PRAGMA user_version
// holds the number applied; opening an older workspace applies the rest in
// place, each in its own transaction, so a failure leaves the last good one.
namespace mlwb::schema {

/// SQLite application_id that marks a database as an ML Workbench workspace ("MLWB").
constexpr int applicationId = 0x4D4C5742;

/// The newest schema version this build knows.
int latestVersion();
/// The version stored in `db` (0 for a new, empty database).
int currentVersion(const QSqlDatabase &db, QString *error);
/// Applies migrations up to `target` (default: the latest).
bool migrate(const QSqlDatabase &db, QString *error, int target = -1);
/// The revision topics the change watcher reports, one per taxonomy group.
QStringList topics();

} // namespace mlwb::schema
