#include "store/savedviews.h"

#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
SavedView fromRow(const QSqlQuery &q)
{
    SavedView v;
    v.id = q.value(0).toLongLong();
    v.name = q.value(1).toString();
    v.spec = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
    v.createdAt = sql::dateTime(q.value(3));
    v.updatedAt = sql::dateTime(q.value(4));
    return v;
}
const char *const columns = "SELECT id, name, spec, created_at, updated_at FROM saved_views ";
} // namespace

SavedViews::SavedViews(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<SavedView> SavedViews::list(QString *error) const
{
    return sql::selectAll(m_db, QLatin1String(columns) + QLatin1String("ORDER BY name"), {},
                          fromRow, error);
}

std::optional<SavedView> SavedViews::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE name = ?"), {name},
                            fromRow, QObject::tr("There is no saved view named '%1'.").arg(name),
                            error);
}

bool SavedViews::save(SavedView *view, QString *error)
{
    if (view->name.trimmed().isEmpty())
        return sql::fail(error, QObject::tr("A saved view needs a name."));
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    // The upsert keeps id and created_at of a view saved again under its name.
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO saved_views(name, spec, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                                     "spec = excluded.spec, updated_at = excluded.updated_at"),
                      error))
        return false;
    q.addBindValue(view->name.trimmed());
    q.addBindValue(QString::fromUtf8(QJsonDocument(view->spec).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    const auto stored = find(view->name.trimmed(), error);
    if (!stored)
        return false;
    *view = *stored;
    return true;
}

bool SavedViews::remove(const QString &name, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("DELETE FROM saved_views WHERE name = ?"), error))
        return false;
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, QObject::tr("There is no saved view named '%1'.").arg(name));
    return true;
}

} // namespace mlwb
