#include "store/datastores.h"

#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns = "SELECT id, name, kind, path, is_default, created_at FROM datastores ";

Datastore fromRow(const QSqlQuery &q)
{
    Datastore d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.kind = q.value(2).toString();
    d.path = q.value(3).toString();
    d.isDefault = q.value(4).toBool();
    d.createdAt = sql::dateTime(q.value(5));
    return d;
}
} // namespace

Datastores::Datastores(const Workspace &workspace)
    : m_db(workspace.database())
    , m_workspacePath(workspace.path())
{}

QList<Datastore> Datastores::list(QString *error) const
{
    return sql::selectAll(m_db,
                          QLatin1String(columns) + QLatin1String("ORDER BY is_default DESC, name"),
                          {}, fromRow, error);
}

std::optional<Datastore> Datastores::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE name = ?"), {name},
                            fromRow, QObject::tr("There is no datastore named '%1'.").arg(name),
                            error);
}

bool Datastores::add(Datastore *store, QString *error)
{
    if (store->name.trimmed().isEmpty())
        return sql::fail(error, QObject::tr("A datastore needs a name."));
    if (!QFileInfo(absolutePath(*store)).isDir())
        return sql::fail(error, QObject::tr("The folder %1 does not exist.")
                                    .arg(QDir::toNativeSeparators(absolutePath(*store))));
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO datastores(name, kind, path, is_default, "
                                     "created_at) VALUES (?, 'folder', ?, 0, ?)"),
                      error))
        return false;
    store->kind = QStringLiteral("folder");
    store->createdAt = QDateTime::currentDateTimeUtc();
    q.addBindValue(store->name);
    q.addBindValue(sql::text(store->path));
    q.addBindValue(sql::msecs(store->createdAt));
    if (!q.exec()) {
        return sql::fail(error, QObject::tr("Could not add the datastore '%1' (is the name "
                                            "taken?).")
                                    .arg(store->name));
    }
    store->id = q.lastInsertId().toLongLong();
    return true;
}

bool Datastores::remove(const QString &name, QString *error)
{
    const auto store = find(name, error);
    if (!store)
        return false;
    if (store->isDefault)
        return sql::fail(error, QObject::tr("The default datastore cannot be removed."));
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("DELETE FROM datastores WHERE id = ?"), error))
        return false;
    q.addBindValue(store->id);
    return sql::exec(q, error);
}

QString Datastores::absolutePath(const Datastore &store) const
{
    return QDir::cleanPath(QDir(m_workspacePath).absoluteFilePath(store.path));
}

} // namespace mlwb
