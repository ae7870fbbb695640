#include "store/changewatcher.h"

#include "store/sqlerror.h"
#include "store/storagemedium.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mlwb {

ChangeWatcher::ChangeWatcher(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("mlwb-watch-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    // Read-only media need SQLite's rules for WAL files; openReadOnly knows them.
    storage::openReadOnly(db, databasePath, QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"),
                          &m_lastError);
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
    readRevisions(&m_revisions);
}

ChangeWatcher::~ChangeWatcher()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ChangeWatcher::readRevisions(QHash<QString, qint64> *out)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return sql::exec(q, &m_lastError);
    m_dataVersion = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("SELECT topic, value FROM revisions")))
        return sql::exec(q, &m_lastError);
    out->clear();
    while (q.next())
        out->insert(q.value(0).toString(), q.value(1).toLongLong());
    return true;
}

void ChangeWatcher::poll()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next()) {
        sql::exec(q, &m_lastError);
        return;
    }
    if (q.value(0).toLongLong() == m_dataVersion)
        return;
    q.finish();
    QHash<QString, qint64> now;
    if (!readRevisions(&now))
        return;
    QStringList topics;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (m_revisions.value(it.key(), -1) != it.value())
            topics << it.key();
    }
    m_revisions = now;
    if (!topics.isEmpty()) {
        topics.sort();
        Q_EMIT changed(topics);
    }
}

} // namespace mlwb

// Its own moc: the small supervisor must not pull in every model class (and QtGui).
#include "moc_changewatcher.cpp"
