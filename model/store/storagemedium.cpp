#include "store/storagemedium.h"

#include "store/sqlerror.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QLocale>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <sys/statvfs.h>
#include <unistd.h>

namespace mlwb::storage {

namespace {

// SQLite's primary result codes that speak of the medium, not the content.
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoError = 10;
constexpr int sqliteFull = 13;
constexpr int sqliteCantOpen = 14;

// Below this a writer cannot even map the WAL index (32 KiB) and add a few pages.
constexpr qint64 fullBelowBytes = 512 * 1024;

bool writable(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

qint64 bytesAvailable(const QString &dir, bool *ok)
{
    struct statvfs info = {};
    *ok = ::statvfs(QFile::encodeName(dir).constData(), &info) == 0;
    return *ok ? qint64(info.f_bavail) * qint64(info.f_frsize) : 0;
}

// The first read maps the WAL index: where a read-only medium fails.
int probe(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && query.next())
        return 0;
    return qMax(1, sqliteCode(query.lastError()));
}

// A -wal with frames may hold commits the main file lacks; immutable would hide them.
bool hasWriteAheadLog(const QString &file)
{
    const QFileInfo wal(file + QStringLiteral("-wal"));
    return wal.exists() && wal.size() > 0;
}

} // namespace

QString readOnlyReason(const QString &dir)
{
    struct statvfs info = {};
    if (::statvfs(QFile::encodeName(dir).constData(), &info) == 0 && (info.f_flag & ST_RDONLY))
        return QObject::tr("the workspace is on a read-only file system");
    const QString native = QDir::toNativeSeparators(dir);
    if (!writable(dir))
        return QObject::tr("you have no permission to write in %1").arg(native);
    const QString db = QDir(dir).filePath(QStringLiteral("workspace.db"));
    if (QFileInfo::exists(db) && !writable(db))
        return QObject::tr("you have no permission to write %1").arg(QDir::toNativeSeparators(db));
    return {};
}

bool isDiskFull(const QString &dir)
{
    bool ok = false;
    const qint64 available = bytesAvailable(dir, &ok);
    return ok && available < fullBelowBytes;
}

namespace {
QString fullDiskText()
{
    return QObject::tr("the disk holding the workspace is full (%1 free on %2)");
}
} // namespace

QString fullDiskReason(const QString &dir)
{
    bool ok = false;
    const qint64 available = bytesAvailable(dir, &ok);
    return fullDiskText().arg(QLocale::c().formattedDataSize(available),
                              QDir::toNativeSeparators(dir));
}

bool isDiskFullMessage(const QString &message)
{
    const QString own = fullDiskText().section(QStringLiteral("%1"), 0, 0).trimmed();
    return message.contains(QLatin1String("database or disk is full"))   // SQLITE_FULL
           || message.contains(QLatin1String("No space left on device")) // ENOSPC
           || message.contains(QLatin1String("Disk quota exceeded"))     // EDQUOT
           || (!own.isEmpty() && message.contains(own));
}

bool writeAll(QFileDevice &file, const char *data, qint64 size, QString *error)
{
    // A short write sets no error; the next one, making no progress, does.
    qint64 done = 0;
    for (int stalls = 0; done < size && stalls < 2;) {
        const qint64 n = file.write(data + done, size - done);
        if (n < 0)
            break;
        stalls = n == 0 ? stalls + 1 : 0;
        done += n;
    }
    // The buffer's flush may be cut short the same way: flushing again names why.
    for (int tries = 0; done == size && tries < 3; ++tries) {
        if (file.flush())
            return true;
        if (file.error() != QFileDevice::NoError)
            break;
    }
    if (error)
        *error = file.error() != QFileDevice::NoError
                     ? file.errorString()
                     : QObject::tr("the write to %1 stopped short")
                           .arg(QDir::toNativeSeparators(file.fileName()));
    return false;
}

bool writeAll(QFileDevice &file, const QByteArray &bytes, QString *error)
{
    return writeAll(file, bytes.constData(), bytes.size(), error);
}

bool isMediumCode(int code)
{
    return code == sqliteReadOnly || code == sqliteIoError || code == sqliteFull
           || code == sqliteCantOpen;
}

int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

QString errorText(const QSqlError &error)
{
    // text() is SQLite's message plus Qt's "Unable to fetch row" and the like.
    const QString own = error.databaseText().trimmed();
    return own.isEmpty() ? error.driverText().trimmed() : own;
}

bool openReadOnly(QSqlDatabase &db, const QString &file, const QString &options, QString *error)
{
    const QString uri =
        QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(file, "/"));
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;") + options);
    db.setDatabaseName(uri + QStringLiteral("?mode=ro"));
    int code = db.open() ? probe(db) : sqliteCantOpen;
    if (code == 0 || !isMediumCode(code))
        return true; // content problems are for the caller's checks to name
    db.close();
    const QString native = QDir::toNativeSeparators(file);
    if (hasWriteAheadLog(file)) {
        return sql::fail(error, QObject::tr("%1 can only be read with its write-ahead log "
                                            "(%2-wal), which needs %2-shm; copy the workspace "
                                            "folder to a writable disk to open it.")
                                    .arg(native, QFileInfo(file).fileName()));
    }
    db.setDatabaseName(uri + QStringLiteral("?mode=ro&immutable=1"));
    code = db.open() ? probe(db) : sqliteCantOpen;
    if (code == 0 || !isMediumCode(code))
        return true;
    const QString reason = errorText(db.lastError());
    db.close();
    return sql::fail(error, QObject::tr("Could not open %1 read-only: %2").arg(native, reason));
}

bool integrityProblems(const QSqlDatabase &db, bool full, QStringList *problems)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(full ? QStringLiteral("PRAGMA integrity_check")
                         : QStringLiteral("PRAGMA quick_check"))) {
        *problems << errorText(query.lastError());
        return false;
    }
    while (query.next()) {
        const QString row = query.value(0).toString();
        if (row != QLatin1String("ok"))
            *problems << row;
    }
    if (query.lastError().isValid()) { // the check stopped half-way
        *problems << errorText(query.lastError());
        return false;
    }
    return true;
}

} // namespace mlwb::storage
