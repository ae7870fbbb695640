#include "store/environments.h"

#include "store/jsoncolumns.h"
#include "store/rows.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>
#include <algorithm>

namespace mlwb {

namespace {

Environment environmentFromRow(const QSqlQuery &q)
{
    Environment e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.createdAt = sql::dateTime(q.value(2));
    e.latestVersion = q.value(3).toInt();
    return e;
}

EnvironmentVersion versionFromRow(const QSqlQuery &q)
{
    EnvironmentVersion v;
    v.id = q.value(0).toLongLong();
    v.environmentId = q.value(1).toLongLong();
    v.version = q.value(2).toInt();
    v.python = q.value(3).toString();
    v.packages = json::toList(q.value(4).toString());
    v.baseImage = q.value(5).toString();
    v.createdAt = sql::dateTime(q.value(6));
    v.tags = json::toMap(q.value(7).toString());
    v.properties = json::toMap(q.value(8).toString());
    v.createdBy = q.value(9).toString();
    v.aliases = q.value(10).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::sort(v.aliases.begin(), v.aliases.end());
    return v;
}

QString environmentColumns(const VersionedAssets &assets)
{
    return QStringLiteral("SELECT e.id, e.name, e.created_at, %1 FROM environments e ")
        .arg(assets.latestColumn(QStringLiteral("e")));
}

QString versionColumns(const VersionedAssets &assets)
{
    return QStringLiteral("SELECT v.id, v.environment_id, v.version, v.python, v.packages, "
                          "v.base_image, v.created_at, v.tags, v.properties, v.created_by, %1 "
                          "FROM environment_versions v ")
        .arg(assets.aliasesColumn(QStringLiteral("v")));
}

} // namespace

Environments::Environments(const Workspace &workspace)
    : m_db(workspace.database())
    , m_assets(m_db, AssetKind::Environment)
{}

QList<Environment> Environments::list(QString *error) const
{
    return sql::selectAll(m_db, environmentColumns(m_assets) + QLatin1String("ORDER BY e.name"), {},
                          environmentFromRow, error);
}

std::optional<Environment> Environments::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, environmentColumns(m_assets) + QLatin1String("WHERE e.name = ?"),
                            {name}, environmentFromRow,
                            QObject::tr("There is no environment named '%1'.").arg(name), error);
}

QList<EnvironmentVersion> Environments::versions(Id environmentId, QString *error) const
{
    return sql::selectAll(m_db,
                          versionColumns(m_assets)
                              + QLatin1String("WHERE v.environment_id = ? ORDER BY v.version DESC"),
                          {environmentId}, versionFromRow, error);
}

std::optional<EnvironmentVersion> Environments::findVersion(const QString &name, int version,
                                                            QString *error) const
{
    AssetRef ref;
    ref.name = name;
    ref.version = version;
    return find(ref, error);
}

std::optional<EnvironmentVersion> Environments::find(const AssetRef &ref, QString *error) const
{
    Id environmentId = 0;
    int number = 0;
    if (!m_assets.resolve(ref, &environmentId, &number, error))
        return std::nullopt;
    return sql::selectOne(m_db,
                          versionColumns(m_assets)
                              + QLatin1String("WHERE v.environment_id = ? AND v.version = ?"),
                          {environmentId, number}, versionFromRow, error);
}

bool Environments::createVersion(const QString &name, EnvironmentVersion *v, QString *error)
{
    if (!m_assets.checkName(name, error))
        return false;
    const QString python =
        v->python.trimmed().isEmpty() ? QStringLiteral("python3") : v->python.trimmed();
    const QString createdBy =
        v->createdBy.isEmpty() ? VersionedAssets::currentUser() : v->createdBy;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    Id environmentId = 0;
    QString storedName;
    int version = 0;
    if (!m_assets.claimNumber(name, {}, &environmentId, &storedName, &version, error))
        return false;
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO environment_versions(environment_id, version, "
                                 "python, packages, base_image, tags, properties, created_by, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {environmentId, version, python, json::fromList(v->packages),
                   sql::text(v->baseImage), json::fromMap(v->tags), json::fromMap(v->properties),
                   sql::text(createdBy), now},
                  error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!transaction.commit(error))
        return false;
    v->id = id;
    v->environmentId = environmentId;
    v->version = version;
    v->python = python;
    v->createdBy = createdBy;
    v->createdAt = sql::dateTime(now);
    return true;
}

bool Environments::remove(const QString &name, int version, QString *error)
{
    return m_assets.remove(
        name, version,
        [this, name](const QString &where, Id id, QString *refusal, QString *error) {
            QSqlQuery q(m_db);
            if (!sql::run(q,
                          QStringLiteral("SELECT i.name, i.tag, v.version FROM images i "
                                         "JOIN environment_versions v "
                                         "ON v.id = i.environment_version_id ")
                              + where + QStringLiteral(" ORDER BY v.version, i.name LIMIT 1"),
                          {id}, error))
                return false;
            if (q.next())
                *refusal = QObject::tr("Version %1 of environment '%2' is used by image '%3'; "
                                       "delete the image first.")
                               .arg(q.value(2).toInt())
                               .arg(name, q.value(0).toString() + QLatin1Char(':')
                                              + q.value(1).toString());
            return true;
        },
        error);
}

} // namespace mlwb
