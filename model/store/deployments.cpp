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
const char *const columns =
    "SELECT id, name, image_id, status, url, config, created_at, updated_at, scoring_script, "
    "environment_version_id, target_id, port, auth, restart_count, message, desired, "
    "(SELECT group_concat(model_version_id) FROM deployment_models m WHERE m.deployment_id = "
    "deployments.id) FROM deployments ";

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
    d.scoringScript = q.value(8).toString();
    d.environmentVersionId = q.value(9).toLongLong();
    d.targetId = q.value(10).toLongLong();
    d.port = q.value(11).toInt();
    d.auth = q.value(12).toString();
    d.restartCount = q.value(13).toInt();
    d.message = q.value(14).toString();
    d.desired = q.value(15).toString();
    const QStringList ids = q.value(16).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &id : ids)
        d.modelVersionIds << id.toLongLong();
    std::sort(d.modelVersionIds.begin(), d.modelVersionIds.end());
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

QVariant idOrNull(Id id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

// What it serves must exist: an image, or a script with model versions.
bool checkServed(const QSqlDatabase &db, const Deployment &d, QString *error)
{
    QSqlQuery q(db);
    if (d.imageId > 0 || d.scoringScript.isEmpty()) {
        if (!sql::run(q, QStringLiteral("SELECT 1 FROM images WHERE id = ?"), {d.imageId}, error))
            return false;
        return q.next()
               || sql::fail(error, QObject::tr("There is no image with id %1.").arg(d.imageId));
    }
    for (const Id id : d.modelVersionIds) {
        if (!sql::run(q, QStringLiteral("SELECT 1 FROM model_versions WHERE id = ?"), {id}, error))
            return false;
        if (!q.next())
            return sql::fail(error, QObject::tr("There is no model version with id %1.").arg(id));
    }
    if (d.auth != QLatin1String("none") && d.auth != QLatin1String("key"))
        return sql::fail(
            error, QObject::tr("'%1' is not an authentication mode: use none or key.").arg(d.auth));
    return true;
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

std::optional<Deployment> Deployments::findWhere(const QString &where, const QVariant &value,
                                                 const QString &notFound, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + where, {value}, fromRow, notFound,
                            error);
}

std::optional<Deployment> Deployments::find(const QString &name, QString *error) const
{
    return findWhere(QStringLiteral("WHERE name = ?"), name,
                     QObject::tr("There is no deployment named '%1'.").arg(name), error);
}

std::optional<Deployment> Deployments::find(Id id, QString *error) const
{
    return findWhere(QStringLiteral("WHERE id = ?"), id,
                     QObject::tr("There is no deployment with id %1.").arg(id), error);
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
    if (!checkServed(m_db, *deployment, error))
        return false;
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO deployments(name, image_id, scoring_script, "
                                 "environment_version_id, target_id, port, auth, status, url, "
                                 "config, desired, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {deployment->name, idOrNull(deployment->imageId),
                   sql::text(deployment->scoringScript), idOrNull(deployment->environmentVersionId),
                   idOrNull(deployment->targetId), deployment->port, deployment->auth, status,
                   sql::text(deployment->url), json::fromObject(deployment->config),
                   deployment->desired, now, now},
                  error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    for (const Id version : std::as_const(deployment->modelVersionIds)) {
        if (!sql::run(q,
                      QStringLiteral("INSERT OR IGNORE INTO deployment_models(deployment_id, "
                                     "model_version_id) VALUES (?, ?)"),
                      {id, version}, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;
    deployment->id = id;
    deployment->status = status;
    deployment->createdAt = deployment->updatedAt = sql::dateTime(now);
    return true;
}

bool Deployments::update(Id id, const QString &assignments, const QVariantList &values,
                         QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("UPDATE deployments SET %1, updated_at = ? WHERE id = ?")
                      .arg(assignments),
                  QVariantList(values) << sql::now() << id, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, QObject::tr("There is no deployment with id %1.").arg(id));
    return true;
}

bool Deployments::setStatus(Id id, const QString &status, const QString &url, QString *error)
{
    return validStatus(status, error)
           && update(id, QStringLiteral("status = ?, url = ?"), {status, sql::text(url)}, error);
}

bool Deployments::setStatus(Id id, const QString &status, const QString &url,
                            const QString &message, QString *error)
{
    return validStatus(status, error)
           && update(id, QStringLiteral("status = ?, url = ?, message = ?"),
                     {status, sql::text(url), sql::text(message)}, error);
}

bool Deployments::setDesired(Id id, const QString &desired, QString *error)
{
    return update(id, QStringLiteral("desired = ?"), {desired}, error);
}

bool Deployments::countRestart(Id id, bool reset, QString *error)
{
    return update(id,
                  reset ? QStringLiteral("restart_count = 0")
                        : QStringLiteral("restart_count = restart_count + 1"),
                  {}, error);
}

bool Deployments::remove(const QString &name, QString *error)
{
    const auto deployment = find(name, error);
    if (!deployment)
        return false;
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM deployments WHERE id = ?"), {deployment->id},
                    error);
}

} // namespace mlwb
