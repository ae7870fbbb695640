#include "store/deployments.h"

#include "store/jsoncolumns.h"
#include "store/names.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns = "SELECT id, name, image_id, status, url, config, created_at, "
                            "updated_at FROM deployments ";

Deployment fromRow(const QSqlQuery &q)
{
    Deployment d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.imageId = q.value(2).toLongLong();
    d.status = q.value(3).toString();
    d.url = q.value(4).toString();
    d.config = json::toObject(q.value(5).toString());
    d.createdAt = sql::dateTime(q.value(6));
    d.updatedAt = sql::dateTime(q.value(7));
    return d;
}

bool validName(const QString &name, QString *error)
{
    return names::check(name, names::Rule::Short,
                        QObject::tr("'%1' is not a valid deployment name: use 1 to 64 "
                                    "letters, digits, '-', '_' or '.', starting with a letter "
                                    "or digit."),
                        error);
}

bool validStatus(const QString &status, QString *error)
{
    static const QStringList statuses = {QStringLiteral("Transitioning"), QStringLiteral("Healthy"),
                                         QStringLiteral("Unhealthy"), QStringLiteral("Stopped"),
                                         QStringLiteral("Failed")};
    if (statuses.contains(status))
        return true;
    return sql::fail(error, QObject::tr("'%1' is not a deployment status: use %2.")
                                .arg(status, statuses.join(QLatin1String(", "))));
}

} // namespace

Deployments::Deployments(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Deployment> Deployments::list(QString *error) const
{
    return sql::selectAll(m_db, QLatin1String(columns) + QLatin1String("ORDER BY name"), {},
                          fromRow, error);
}

std::optional<Deployment> Deployments::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE name = ?"), {name},
                            fromRow, QObject::tr("There is no deployment named '%1'.").arg(name),
                            error);
}

bool Deployments::create(Deployment *deployment, QString *error)
{
    if (!validName(deployment->name, error))
        return false;
    const QString status =
        deployment->status.isEmpty() ? QStringLiteral("Transitioning") : deployment->status;
    if (!validStatus(status, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QString ignored;
    if (find(deployment->name, &ignored))
        return sql::fail(
            error, QObject::tr("A deployment named '%1' already exists.").arg(deployment->name));
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM images WHERE id = ?"), error))
        return false;
    q.addBindValue(deployment->imageId);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error,
                         QObject::tr("There is no image with id %1.").arg(deployment->imageId));
    const qint64 now = sql::now();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO deployments(name, image_id, status, url, "
                                     "config, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(deployment->name);
    q.addBindValue(deployment->imageId);
    q.addBindValue(status);
    q.addBindValue(sql::text(deployment->url));
    q.addBindValue(json::fromObject(deployment->config));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!transaction.commit(error))
        return false;
    deployment->id = id;
    deployment->status = status;
    deployment->createdAt = deployment->updatedAt = sql::dateTime(now);
    return true;
}

bool Deployments::setStatus(Id id, const QString &status, const QString &url, QString *error)
{
    if (!validStatus(status, error))
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE deployments SET status = ?, url = ?, "
                                     "updated_at = ? WHERE id = ?"),
                      error))
        return false;
    q.addBindValue(status);
    q.addBindValue(sql::text(url));
    q.addBindValue(sql::now());
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, QObject::tr("There is no deployment with id %1.").arg(id));
    return true;
}

bool Deployments::remove(const QString &name, QString *error)
{
    const auto deployment = find(name, error);
    if (!deployment)
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("DELETE FROM deployments WHERE id = ?"), error))
        return false;
    q.addBindValue(deployment->id);
    return sql::exec(q, error);
}

} // namespace mlwb
