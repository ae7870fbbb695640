#pragma once

#include <QString>
#include <QStringList>

class QFileDevice;
class QSqlDatabase;
class QSqlError;

// What the disk under a workspace allows: read-only media, missing write
// permission and a full disk are told apart from a damaged database, so a
// user is never told to throw away good data.
namespace mlwb::storage {

/// Why nothing can be written in the workspace folder `dir` (a read-only
/// file system, no write permission on the folder or on workspace.db), or
/// empty when writing is allowed.
QString readOnlyReason(const QString &dir);
/// True when the disk holding `dir` has (almost) no space left for a writer.
bool isDiskFull(const QString &dir);
/// "the disk holding the workspace is full (… free on …)", for messages.
QString fullDiskReason(const QString &dir);
/// True when `message` says a disk is full: in SQLite's words, the
/// system's (ENOSPC, EDQUOT) or the workspace's own (fullDiskReason).
bool isDiskFullMessage(const QString &message);

/// Writes all of `bytes` to `file`, flushed. Qt reports a write that a
/// full disk cut short as "Unknown error"; this writes on until the system
/// names the cause ("No space left on device"), which `error` then holds.
bool writeAll(QFileDevice &file, const char *data, qint64 size, QString *error);
bool writeAll(QFileDevice &file, const QByteArray &bytes, QString *error);
/// SQLite's primary result code of a failed query (SQLITE_FULL, …), or 0.
int sqliteCode(const QSqlError &error);
/// True for codes that speak of the medium (read-only, I/O, full, cannot
/// open), not of the database's content.
bool isMediumCode(int code);
/// SQLite's own text of a failure, without Qt's driver boilerplate.
QString errorText(const QSqlError &error);

/// Opens `db` (added, not yet open) on `file` read-only, for a workspace whose
/// folder cannot be written. In WAL mode SQLite needs the -shm and -wal files,
/// or the right to create them; without them the file is opened as immutable,
/// which is exact only while there is no unmerged -wal. `options` are extra
/// QSQLITE connect options. On failure returns false with a reason.
bool openReadOnly(QSqlDatabase &db, const QString &file, const QString &options, QString *error);

/// Runs PRAGMA quick_check (integrity_check when `full`): each problem it
/// reports, or SQLite's error when the check cannot even run, is appended.
bool integrityProblems(const QSqlDatabase &db, bool full, QStringList *problems);

} // namespace mlwb::storage
