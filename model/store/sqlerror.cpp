#include "store/sqlerror.h"

#include "store/storagemedium.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

namespace mlwb::sql {

namespace {

const char *const workspaceProperty = "mlwbWorkspace";
const char *const readOnlyProperty = "mlwbReadOnlyReason";

// SQLite's primary result codes that need words of their own.
enum Code { Busy = 5, ReadOnly = 8, IoError = 10, Full = 13 };

QString describe(const QSqlError &e, const QSqlDriver *driver, const QString &text)
{
    const QString own = storage::errorText(e);
    const QString dir = driver ? driver->property(workspaceProperty).toString() : QString();
    const QString readOnly = driver ? driver->property(readOnlyProperty).toString() : QString();
    QString message = own;
    switch (storage::sqliteCode(e)) {
    case Full:
        message = QObject::tr("The workspace cannot be changed: %1.")
                      .arg(dir.isEmpty() ? QObject::tr("the disk holding it is full")
                                         : storage::fullDiskReason(dir));
        break;
    case IoError:
        if (!dir.isEmpty() && storage::isDiskFull(dir))
            message = QObject::tr("The workspace cannot be changed: %1 (%2).")
                          .arg(storage::fullDiskReason(dir), own);
        break;
    case Busy:
        message = QObject::tr("The workspace is busy in another program (%1)").arg(own);
        break;
    case ReadOnly:
        message =
            QObject::tr("The workspace cannot be changed: %1.")
                .arg(readOnly.isEmpty() ? QObject::tr("it is read-only (%1)").arg(own) : readOnly);
        break;
    }
    if (qEnvironmentVariableIsSet("MLWB_SQL_DEBUG"))
        message += QStringLiteral(" [") + text.simplified() + QLatin1Char(']');
    return message;
}

} // namespace

void markConnection(const QSqlDatabase &db, const QString &workspace, const QString &readOnly)
{
    if (QSqlDriver *driver = db.driver()) {
        driver->setProperty(workspaceProperty, workspace);
        driver->setProperty(readOnlyProperty, readOnly);
    }
}

QString readOnlyReason(const QSqlDatabase &db)
{
    const QSqlDriver *driver = db.driver();
    return driver ? driver->property(readOnlyProperty).toString() : QString();
}

bool checkWritable(const QSqlDatabase &db, QString *error)
{
    const QString reason = readOnlyReason(db);
    if (reason.isEmpty())
        return true;
    return fail(error, QObject::tr("The workspace cannot be changed: %1.").arg(reason));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool prepare(QSqlQuery &query, const QString &text, QString *error)
{
    if (query.prepare(text))
        return true;
    return fail(error, describe(query.lastError(), query.driver(), text));
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    return fail(error, describe(query.lastError(), query.driver(), query.lastQuery()));
}

bool exec(const QSqlDatabase &db, const QString &text, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(text))
        return true;
    return fail(error, describe(query.lastError(), query.driver(), text));
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QDateTime dateTime(const QVariant &ms)
{
    if (ms.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QVariant msecs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

} // namespace mlwb::sql
