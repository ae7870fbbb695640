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
    v.environmentName = q.value(11).toString();
    v.spec = q.value(12).toString();
    v.specKind = q.value(13).toString();
    v.specSha256 = q.value(14).toString();
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
                          "v.base_image, v.created_at, v.tags, v.properties, v.created_by, %1, "
                          "e.name, v.spec, v.spec_kind, v.spec_sha256 "
                          "FROM environment_versions v JOIN environments e "
                          "ON e.id = v.environment_id ")
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
    return createVersion(name, v, nullptr, error);
}

bool Environments::createVersion(const QString &name, EnvironmentVersion *v, bool *existed,
                                 QString *error)
{
    if (existed)
        *existed = false;
    if (!m_assets.checkName(name, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    // Under the write lock, so two programs making the same spec at once
    // end up with one version.
    if (existed && !v->specSha256.isEmpty()) {
        const auto same = sql::selectOne(
            m_db,
            versionColumns(m_assets)
                + QLatin1String("WHERE e.name = ? AND v.spec_sha256 = ? ORDER BY v.version DESC"),
            {name, v->specSha256}, versionFromRow, error);
        if (same) {
            *v = *same;
            *existed = true;
            return transaction.commit(error);
        }
    }
    if (!insertVersion(name, v, error))
        return false;
    return transaction.commit(error);
}

bool Environments::insertVersion(const QString &name, EnvironmentVersion *v, QString *error)
{
    const QString python =
        v->python.trimmed().isEmpty() ? QStringLiteral("python3") : v->python.trimmed();
    const QString createdBy =
        v->createdBy.isEmpty() ? VersionedAssets::currentUser() : v->createdBy;
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
                                 "created_at, spec, spec_kind, spec_sha256) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {environmentId, version, python, json::fromList(v->packages),
                   sql::text(v->baseImage), json::fromMap(v->tags), json::fromMap(v->properties),
                   sql::text(createdBy), now, sql::text(v->spec), sql::text(v->specKind),
                   sql::text(v->specSha256)},
                  error))
        return false;
    v->id = q.lastInsertId().toLongLong();
    v->environmentId = environmentId;
    v->environmentName = storedName;
    v->version = version;
    v->python = python;
    v->createdBy = createdBy;
    v->createdAt = sql::dateTime(now);
    return true;
}

std::optional<EnvironmentVersion> Environments::versionById(Id versionId, QString *error) const
{
    return sql::selectFound(
        m_db, versionColumns(m_assets) + QLatin1String("WHERE v.id = ?"), {versionId},
        versionFromRow, QObject::tr("There is no environment version with id %1.").arg(versionId),
        error);
}

bool Environments::setForRun(Id runId, Id versionId, QString *error)
{
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral("INSERT OR REPLACE INTO run_environments(run_id, "
                                   "environment_version_id) VALUES (?, ?)"),
                    {runId, versionId}, error);
}

std::optional<EnvironmentVersion> Environments::forRun(Id runId, QString *error) const
{
    return sql::selectOne(m_db,
                          versionColumns(m_assets)
                              + QLatin1String("JOIN run_environments r ON "
                                              "r.environment_version_id = v.id WHERE r.run_id = ?"),
                          {runId}, versionFromRow, error);
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
            if (q.next()) {
                *refusal = QObject::tr("Version %1 of environment '%2' is used by image '%3'; "
                                       "delete the image first.")
                               .arg(q.value(2).toInt())
                               .arg(name, q.value(0).toString() + QLatin1Char(':')
                                              + q.value(1).toString());
                return true;
            }
            // A model version's lineage names its environment: keep it.
            if (!sql::run(q,
                          QStringLiteral("SELECT m.name, mv.version, v.version FROM "
                                         "model_versions mv JOIN models m ON m.id = mv.model_id "
                                         "JOIN environment_versions v "
                                         "ON v.id = mv.environment_version_id ")
                              + where
                              + QStringLiteral(" ORDER BY v.version, m.name, mv.version LIMIT 1"),
                          {id}, error))
                return false;
            if (q.next())
                *refusal = QObject::tr("Version %1 of environment '%2' is the environment of "
                                       "model %3:%4; delete that model version first.")
                               .arg(q.value(2).toInt())
                               .arg(name, q.value(0).toString())
                               .arg(q.value(1).toInt());
            return true;
        },
        error);
}

} // namespace mlwb
