#include "store/models.h"

#include "store/jsoncolumns.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const modelColumns =
    "SELECT m.id, m.name, m.description, m.created_at, "
    "(SELECT coalesce(max(v.version), 0) FROM model_versions v WHERE v.model_id = m.id) "
    "FROM models m ";

const char *const versionColumns =
    "SELECT v.id, v.model_id, m.name, v.version, v.run_id, v.sha256, v.size, v.framework, "
    "v.description, v.tags, v.created_at "
    "FROM model_versions v JOIN models m ON m.id = v.model_id ";

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
    return v;
}

bool validName(const QString &name, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    if (pattern.match(name).hasMatch())
        return true;
    return sql::fail(error, QObject::tr("'%1' is not a valid model name: use 1 to 255 letters, "
                                        "digits, '-', '_' or '.', starting with a letter or digit.")
                                .arg(name));
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

// The first image built from any of the given model versions, as "name:tag", or empty.
bool imageUsing(const QSqlDatabase &db, const QString &where, Id id, QString *image, int *version,
                QString *error)
{
    QSqlQuery q(db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT i.name, i.tag, v.version FROM image_models im "
                                     "JOIN images i ON i.id = im.image_id "
                                     "JOIN model_versions v ON v.id = im.model_version_id ")
                          + where + QStringLiteral(" ORDER BY v.version, i.name, i.tag LIMIT 1"),
                      error))
        return false;
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    image->clear();
    if (q.next()) {
        *image = q.value(0).toString() + QLatin1Char(':') + q.value(1).toString();
        *version = q.value(2).toInt();
    }
    return true;
}

// QtSql binds a null QString as NULL; the text columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

Models::Models(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Model> Models::list(QString *error) const
{
    QList<Model> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(modelColumns) + QLatin1String("ORDER BY m.name"), error)
        || !sql::exec(q, error))
        return out;
    while (q.next())
        out << modelFromRow(q);
    return out;
}

std::optional<Model> Models::find(const QString &name, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(modelColumns) + QLatin1String("WHERE m.name = ?"), error))
        return std::nullopt;
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return modelFromRow(q);
    sql::fail(error, QObject::tr("There is no model named '%1'.").arg(name));
    return std::nullopt;
}

QList<ModelVersion> Models::versions(Id modelId, QString *error) const
{
    QList<ModelVersion> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QLatin1String(versionColumns)
                          + QLatin1String("WHERE v.model_id = ? ORDER BY v.version DESC"),
                      error))
        return out;
    q.addBindValue(modelId);
    if (!sql::exec(q, error))
        return out;
    while (q.next())
        out << versionFromRow(q);
    return out;
}

std::optional<ModelVersion> Models::findVersion(const QString &name, int version,
                                                QString *error) const
{
    if (version < 0) {
        sql::fail(error, QObject::tr("%1 is not a model version number.").arg(version));
        return std::nullopt;
    }
    const auto model = find(name, error);
    if (!model)
        return std::nullopt;
    if (version == 0 && model->latestVersion == 0) {
        sql::fail(error, QObject::tr("Model '%1' has no versions.").arg(model->name));
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QLatin1String(versionColumns)
                          + QLatin1String("WHERE v.model_id = ? AND v.version = ?"),
                      error))
        return std::nullopt;
    q.addBindValue(model->id);
    q.addBindValue(version == 0 ? model->latestVersion : version);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return versionFromRow(q);
    sql::fail(error, QObject::tr("Model '%1' has no version %2.").arg(model->name).arg(version));
    return std::nullopt;
}

bool Models::registerVersion(ModelVersion *v, QString *error)
{
    if (!validName(v->modelName, error) || !validDigest(v->sha256, error))
        return false;
    if (v->size < 0)
        return sql::fail(error, QObject::tr("A model's size cannot be negative."));
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery q(m_db);
    if (v->runId != 0) {
        if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), error))
            return false;
        q.addBindValue(v->runId);
        if (!sql::exec(q, error))
            return false;
        if (!q.next())
            return sql::fail(error, QObject::tr("There is no run with id %1.").arg(v->runId));
    }
    const qint64 now = sql::now();
    // INSERT OR IGNORE: the first registration of a name creates the model.
    if (!sql::prepare(q,
                      QStringLiteral("INSERT OR IGNORE INTO models(name, description, "
                                     "created_at) VALUES (?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(v->modelName);
    q.addBindValue(notNull(v->description));
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    // The write lock is held from BEGIN IMMEDIATE, so nobody else can take
    // this number between reading it and inserting it.
    if (!sql::prepare(q,
                      QStringLiteral("SELECT m.id, m.name, (SELECT coalesce(max(v.version), 0) "
                                     "+ 1 FROM model_versions v WHERE v.model_id = m.id) "
                                     "FROM models m WHERE m.name = ?"),
                      error))
        return false;
    q.addBindValue(v->modelName);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, QObject::tr("There is no model named '%1'.").arg(v->modelName));
    const Id modelId = q.value(0).toLongLong();
    const QString modelName = q.value(1).toString();
    const int version = q.value(2).toInt();
    q.finish();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO model_versions(model_id, version, run_id, "
                                     "sha256, size, framework, description, tags, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(modelId);
    q.addBindValue(version);
    q.addBindValue(v->runId != 0 ? QVariant(v->runId) : QVariant());
    q.addBindValue(v->sha256);
    q.addBindValue(v->size);
    q.addBindValue(notNull(v->framework));
    q.addBindValue(notNull(v->description));
    q.addBindValue(json::fromMap(v->tags));
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!transaction.commit(error))
        return false;
    v->id = id;
    v->modelId = modelId;
    v->modelName = modelName;
    v->version = version;
    v->createdAt = sql::dateTime(now);
    return true;
}

bool Models::remove(const QString &name, int version, QString *error)
{
    if (version < 0)
        return sql::fail(error, QObject::tr("%1 is not a model version number.").arg(version));
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const auto model = find(name, error);
    if (!model)
        return false;
    QString image;
    int usedVersion = 0;
    QSqlQuery q(m_db);
    if (version == 0) {
        if (!imageUsing(m_db, QStringLiteral("WHERE v.model_id = ?"), model->id, &image,
                        &usedVersion, error))
            return false;
        if (!image.isEmpty())
            return sql::fail(error, QObject::tr("Version %1 of model '%2' is used by image '%3'; "
                                                "delete the image first.")
                                        .arg(usedVersion)
                                        .arg(model->name, image));
        if (!sql::prepare(q, QStringLiteral("DELETE FROM models WHERE id = ?"), error))
            return false;
        q.addBindValue(model->id);
        return sql::exec(q, error) && transaction.commit(error);
    }
    const auto found = findVersion(name, version, error);
    if (!found)
        return false;
    if (!imageUsing(m_db, QStringLiteral("WHERE v.id = ?"), found->id, &image, &usedVersion, error))
        return false;
    if (!image.isEmpty())
        return sql::fail(error, QObject::tr("Version %1 of model '%2' is used by image '%3'; "
                                            "delete the image first.")
                                    .arg(version)
                                    .arg(model->name, image));
    if (!sql::prepare(q, QStringLiteral("DELETE FROM model_versions WHERE id = ?"), error))
        return false;
    q.addBindValue(found->id);
    if (!sql::exec(q, error))
        return false;
    if (!sql::prepare(q,
                      QStringLiteral("DELETE FROM models WHERE id = ? AND NOT EXISTS "
                                     "(SELECT 1 FROM model_versions WHERE model_id = ?)"),
                      error))
        return false;
    q.addBindValue(model->id);
    q.addBindValue(model->id);
    return sql::exec(q, error) && transaction.commit(error);
}

} // namespace mlwb
