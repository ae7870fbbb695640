#include "store/models.h"

#include "store/jsoncolumns.h"
#include "store/rows.h"
#include "store/workspace.h"

#include <QObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>

namespace mlwb {

namespace {

Model modelFromRow(const QSqlQuery &q)
{
    Model m;
    m.id = q.value(0).toLongLong();
    m.name = q.value(1).toString();
    m.description = q.value(2).toString();
    m.createdAt = sql::dateTime(q.value(3));
    m.latestVersion = q.value(4).toInt();
    return m;
}

ModelVersion versionFromRow(const QSqlQuery &q)
{
    ModelVersion v;
    v.id = q.value(0).toLongLong();
    v.modelId = q.value(1).toLongLong();
    v.modelName = q.value(2).toString();
    v.version = q.value(3).toInt();
    v.runId = q.value(4).toLongLong();
    v.sha256 = q.value(5).toString();
    v.size = q.value(6).toLongLong();
    v.framework = q.value(7).toString();
    v.description = q.value(8).toString();
    v.tags = json::toMap(q.value(9).toString());
    v.createdAt = sql::dateTime(q.value(10));
    v.properties = json::toMap(q.value(11).toString());
    v.createdBy = q.value(12).toString();
    v.source = q.value(13).toString();
    v.aliases = q.value(14).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::sort(v.aliases.begin(), v.aliases.end());
    v.environmentVersionId = q.value(15).toLongLong();
    return v;
}

bool validDigest(const QString &sha256, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    if (pattern.match(sha256).hasMatch())
        return true;
    return sql::fail(error, QObject::tr("'%1' is not a SHA-256 digest (64 lowercase hexadecimal "
                                        "digits).")
                                .arg(sha256));
}

// Refuses versions an image is built from, naming every image built from
// the first such version and every deployment serving those images.
bool imageUsing(const QSqlDatabase &db, const QString &modelName, const QString &where, Id id,
                QString *refusal, QString *error)
{
    QSqlQuery q(db);
    if (!sql::run(q,
                  QStringLiteral("SELECT v.version, i.name, i.tag, (SELECT group_concat(d.name, "
                                 "char(10)) FROM (SELECT name FROM deployments WHERE image_id = "
                                 "i.id ORDER BY name) d) FROM image_models im "
                                 "JOIN images i ON i.id = im.image_id "
                                 "JOIN model_versions v ON v.id = im.model_version_id ")
                      + where + QStringLiteral(" ORDER BY v.version, i.name, i.tag"),
                  {id}, error))
        return false;
    int version = 0;
    QStringList users;
    while (q.next()) {
        if (version != 0 && q.value(0).toInt() != version)
            break;
        version = q.value(0).toInt();
        users << QObject::tr("image '%1'")
                     .arg(q.value(1).toString() + QLatin1Char(':') + q.value(2).toString());
        const QStringList deployments =
            q.value(3).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &d : deployments)
            users << QObject::tr("deployment '%1'").arg(d);
    }
    if (users.isEmpty())
        return true;
    *refusal = users.size() == 1
                   ? QObject::tr("Version %1 of model '%2' is used by %3; delete the image first.")
                         .arg(version)
                         .arg(modelName, users.first())
                   : QObject::tr("Version %1 of model '%2' is used by %3; delete them first "
                                 "(deployments before their images).")
                         .arg(version)
                         .arg(modelName, users.join(QLatin1String(", ")));
    return true;
}

bool runExists(const QSqlDatabase &db, Id runId, QString *error)
{
    QSqlQuery q(db);
    if (!sql::run(q, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), {runId}, error))
        return false;
    return q.next() || sql::fail(error, QObject::tr("There is no run with id %1.").arg(runId));
}

QString modelColumns(const VersionedAssets &assets)
{
    return QStringLiteral("SELECT m.id, m.name, m.description, m.created_at, %1 FROM models m ")
        .arg(assets.latestColumn(QStringLiteral("m")));
}

QString versionColumns(const VersionedAssets &assets)
{
    return QStringLiteral("SELECT v.id, v.model_id, m.name, v.version, v.run_id, v.sha256, "
                          "v.size, v.framework, v.description, v.tags, v.created_at, "
                          "v.properties, v.created_by, v.source, %1, v.environment_version_id "
                          "FROM model_versions v JOIN models m ON m.id = v.model_id ")
        .arg(assets.aliasesColumn(QStringLiteral("v")));
}

} // namespace

Models::Models(const Workspace &workspace)
    : m_db(workspace.database())
    , m_assets(m_db, AssetKind::Model)
{}

QList<Model> Models::list(QString *error) const
{
    return sql::selectAll(m_db, modelColumns(m_assets) + QLatin1String("ORDER BY m.name"), {},
                          modelFromRow, error);
}

std::optional<Model> Models::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, modelColumns(m_assets) + QLatin1String("WHERE m.name = ?"),
                            {name}, modelFromRow,
                            QObject::tr("There is no model named '%1'.").arg(name), error);
}

QList<ModelVersion> Models::versions(Id modelId, QString *error) const
{
    return sql::selectAll(m_db,
                          versionColumns(m_assets)
                              + QLatin1String("WHERE v.model_id = ? ORDER BY v.version DESC"),
                          {modelId}, versionFromRow, error);
}

std::optional<ModelVersion> Models::findVersion(const QString &name, int version,
                                                QString *error) const
{
    AssetRef ref;
    ref.name = name;
    ref.version = version;
    return find(ref, error);
}

std::optional<ModelVersion> Models::find(const AssetRef &ref, QString *error) const
{
    Id modelId = 0;
    int number = 0;
    if (!m_assets.resolve(ref, &modelId, &number, error))
        return std::nullopt;
    return sql::selectOne(
        m_db, versionColumns(m_assets) + QLatin1String("WHERE v.model_id = ? AND v.version = ?"),
        {modelId, number}, versionFromRow, error);
}

bool Models::registerVersion(ModelVersion *v, QString *error,
                             const std::function<bool(QString *)> &beforeCommit)
{
    if (!m_assets.checkName(v->modelName, error) || !validDigest(v->sha256, error))
        return false;
    if (v->size < 0)
        return sql::fail(error, QObject::tr("A model's size cannot be negative."));
    const QString createdBy =
        v->createdBy.isEmpty() ? VersionedAssets::currentUser() : v->createdBy;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    if (v->runId != 0 && !runExists(m_db, v->runId, error))
        return false;
    Id modelId = 0;
    QString modelName;
    int version = 0;
    // The first version's description describes the model.
    if (!m_assets.claimNumber(v->modelName,
                              {{QStringLiteral("description"), sql::text(v->description)}},
                              &modelId, &modelName, &version, error))
        return false;
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO model_versions(model_id, version, run_id, sha256, "
                                 "size, framework, description, tags, properties, created_by, "
                                 "source, created_at, environment_version_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {modelId, version, v->runId != 0 ? QVariant(v->runId) : QVariant(), v->sha256,
                   v->size, sql::text(v->framework), sql::text(v->description),
                   json::fromMap(v->tags), json::fromMap(v->properties), sql::text(createdBy),
                   sql::text(v->source), now,
                   v->environmentVersionId != 0 ? QVariant(v->environmentVersionId) : QVariant()},
                  error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if ((beforeCommit && !beforeCommit(error)) || !transaction.commit(error))
        return false;
    v->id = id;
    v->modelId = modelId;
    v->modelName = modelName;
    v->version = version;
    v->createdBy = createdBy;
    v->createdAt = sql::dateTime(now);
    return true;
}

bool Models::remove(const QString &name, int version, QString *error)
{
    return m_assets.remove(
        name, version,
        [this, name](const QString &where, Id id, QString *refusal, QString *error) {
            const auto model = find(name, error);
            return model && imageUsing(m_db, model->name, where, id, refusal, error);
        },
        error);
}

// The version page's edits: one column of one version, under the write lock.
bool Models::setVersionColumn(const QString &name, int version, const char *column,
                              const QVariant &value, QString *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const Id id = m_assets.versionId(name, version, error);
    QSqlQuery q(m_db);
    return id != 0
           && sql::run(q,
                       QStringLiteral("UPDATE model_versions SET %1 = ? WHERE id = ?")
                           .arg(QLatin1String(column)),
                       {value, id}, error)
           && transaction.commit(error);
}

bool Models::setDescription(const QString &name, int version, const QString &description,
                            QString *error)
{
    return setVersionColumn(name, version, "description", sql::text(description), error);
}

bool Models::setProperties(const QString &name, int version,
                           const QMap<QString, QString> &properties, QString *error)
{
    return setVersionColumn(name, version, "properties", json::fromMap(properties), error);
}

int Models::nextVersion(const QString &name, QString *error) const
{
    return m_assets.nextNumber(name, error);
}

} // namespace mlwb
