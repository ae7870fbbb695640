#include "store/sqlerror.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>

namespace mlwb::sql {

static QString describe(const QSqlError &e, const QString &text)
{
    QString message = e.text().trimmed();
    if (message.contains(QLatin1String("database or disk is full")))
        message = QObject::tr("The disk holding the workspace is full (%1)").arg(message);
    else if (message.contains(QLatin1String("database is locked")))
        message = QObject::tr("The workspace is busy in another program (%1)").arg(message);
    else if (message.contains(QLatin1String("readonly database")))
        message = QObject::tr("The workspace is read-only (%1)").arg(message);
    if (qEnvironmentVariableIsSet("MLWB_SQL_DEBUG"))
        message += QStringLiteral(" [") + text.simplified() + QLatin1Char(']');
    return message;
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
    return fail(error, describe(query.lastError(), text));
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    return fail(error, describe(query.lastError(), query.lastQuery()));
}

bool exec(const QSqlDatabase &db, const QString &text, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(text))
        return true;
    return fail(error, describe(query.lastError(), text));
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
