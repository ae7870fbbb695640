#include "store/images.h"

#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>

namespace mlwb {

namespace {
const char *const columns =
    "SELECT i.id, i.name, i.tag, i.digest, i.status, i.environment_version_id, i.size, "
    "i.created_at, "
    "(SELECT group_concat(im.model_version_id) FROM image_models im WHERE im.image_id = i.id), "
    "i.version, i.inputs "
    "FROM images i ";

Image fromRow(const QSqlQuery &q)
{
    Image i;
    i.id = q.value(0).toLongLong();
    i.name = q.value(1).toString();
    i.tag = q.value(2).toString();
    i.digest = q.value(3).toString();
    i.status = q.value(4).toString();
    i.environmentVersionId = q.value(5).toLongLong();
    i.size = q.value(6).toLongLong();
    i.createdAt = sql::dateTime(q.value(7));
    const QStringList ids = q.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &id : ids)
        i.modelVersionIds << id.toLongLong();
    std::sort(i.modelVersionIds.begin(), i.modelVersionIds.end());
    i.version = q.value(9).toInt();
    i.inputs = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    return i;
}

QString displayName(const QString &name, const QString &tag)
{
    return name + QLatin1Char(':') + tag;
}

// Docker's rules: lowercase path components separated by '/', tags of up to 128 characters.
bool validNameAndTag(const QString &name, const QString &tag, QString *error)
{
    static const QRegularExpression namePattern(
        QStringLiteral("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$"));
    static const QRegularExpression tagPattern(
        QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    if (name.size() > 255 || !namePattern.match(name).hasMatch())
        return sql::fail(error, QObject::tr("'%1' is not a valid image name: use lowercase "
                                            "letters and digits, separated by '.', '_', '-' or "
                                            "'/'.")
                                    .arg(name));
    if (!tagPattern.match(tag).hasMatch())
        return sql::fail(error, QObject::tr("'%1' is not a valid image tag: use 1 to 128 "
                                            "letters, digits, '_', '.' or '-', not starting with "
                                            "'.' or '-'.")
                                    .arg(tag));
    return true;
}

bool validStatus(const QString &status, QString *error)
{
    if (status == QLatin1String("Building") || status == QLatin1String("Succeeded")
        || status == QLatin1String("Failed"))
        return true;
    return sql::fail(error, QObject::tr("'%1' is not an image status: use Building, Succeeded or "
                                        "Failed.")
                                .arg(status));
}

// Sets *exists to whether <table> has a row with this id; false on query errors.
bool rowExists(const QSqlDatabase &db, const char *table, Id id, bool *exists, QString *error)
{
    QSqlQuery q(db);
    if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(table)),
                      error))
        return false;
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    *exists = q.next();
    return true;
}

} // namespace

Images::Images(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Image> Images::list(QString *error) const
{
    return sql::selectAll(
        m_db, QLatin1String(columns) + QLatin1String("ORDER BY i.name, i.version, i.tag"), {},
        fromRow, error);
}

std::optional<Image> Images::findWhere(const QString &where, const QVariantList &values,
                                       QString *error) const
{
    return sql::selectOne(m_db, QLatin1String(columns) + where, values, fromRow, error);
}

std::optional<Image> Images::find(const QString &name, const QString &tag, QString *error) const
{
    return sql::selectFound(
        m_db, QLatin1String(columns) + QLatin1String("WHERE i.name = ? AND i.tag = ?"), {name, tag},
        fromRow, QObject::tr("There is no image named '%1'.").arg(displayName(name, tag)), error);
}

std::optional<Image> Images::find(Id id, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE i.id = ?"), {id},
                            fromRow, QObject::tr("There is no image with id %1.").arg(id), error);
}

bool Images::create(Image *image, QString *error)
{
    if (!validNameAndTag(image->name, image->tag, error))
        return false;
    WriteTransaction transaction(m_db);
    return transaction.begin(error) && insert(image, error) && transaction.commit(error);
}

bool Images::validName(const QString &name, QString *error)
{
    return validNameAndTag(name, QStringLiteral("1"), error);
}

bool Images::registerVersion(Image *image, const std::function<bool(int, QString *)> &place,
                             QString *error)
{
    if (!validName(image->name, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO image_names(name, last_version) VALUES (?, 1) "
                                     "ON CONFLICT(name) DO UPDATE SET last_version = "
                                     "last_version + 1"),
                      error))
        return false;
    q.addBindValue(image->name);
    if (!sql::exec(q, error)
        || !sql::prepare(q, QStringLiteral("SELECT last_version FROM image_names WHERE name = ?"),
                         error))
        return false;
    q.addBindValue(image->name);
    if (!sql::exec(q, error) || !q.next())
        return sql::fail(
            error, QObject::tr("Could not number a new version of image '%1'.").arg(image->name));
    image->version = q.value(0).toInt();
    image->tag = QString::number(image->version);
    q.finish();
    // The blobs and the index go into place while the write lock is held, so
    // nothing can collect them before the row that refers to them exists.
    return insert(image, error) && place(image->version, error) && transaction.commit(error);
}

bool Images::insert(Image *image, QString *error)
{
    const QString status = image->status.isEmpty() ? QStringLiteral("Building") : image->status;
    if (!validStatus(status, error))
        return false;
    if (image->size < 0)
        return sql::fail(error, QObject::tr("An image's size cannot be negative."));
    QList<Id> modelVersionIds = image->modelVersionIds;
    std::sort(modelVersionIds.begin(), modelVersionIds.end());
    modelVersionIds.erase(std::unique(modelVersionIds.begin(), modelVersionIds.end()),
                          modelVersionIds.end());
    QString ignored;
    if (findWhere(QStringLiteral("WHERE i.name = ? AND i.tag = ?"), {image->name, image->tag},
                  &ignored))
        return sql::fail(error, QObject::tr("An image named '%1' already exists.")
                                    .arg(displayName(image->name, image->tag)));
    bool exists = false;
    if (image->environmentVersionId != 0) {
        if (!rowExists(m_db, "environment_versions", image->environmentVersionId, &exists, error))
            return false;
        if (!exists)
            return sql::fail(error, QObject::tr("There is no environment version with id %1.")
                                        .arg(image->environmentVersionId));
    }
    for (Id id : std::as_const(modelVersionIds)) {
        if (!rowExists(m_db, "model_versions", id, &exists, error))
            return false;
        if (!exists)
            return sql::fail(error, QObject::tr("There is no model version with id %1.").arg(id));
    }
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO images(name, tag, digest, status, "
                                     "environment_version_id, size, created_at, version, inputs) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(image->name);
    q.addBindValue(image->tag);
    q.addBindValue(sql::text(image->digest));
    q.addBindValue(status);
    q.addBindValue(image->environmentVersionId != 0 ? QVariant(image->environmentVersionId)
                                                    : QVariant());
    q.addBindValue(image->size);
    q.addBindValue(now);
    q.addBindValue(image->version);
    q.addBindValue(QString::fromUtf8(QJsonDocument(image->inputs).toJson(QJsonDocument::Compact)));
    if (!sql::exec(q, error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO image_models(image_id, model_version_id) "
                                     "VALUES (?, ?)"),
                      error))
        return false;
    for (Id modelVersionId : std::as_const(modelVersionIds)) {
        q.addBindValue(id);
        q.addBindValue(modelVersionId);
        if (!sql::exec(q, error))
            return false;
    }
    image->id = id;
    image->status = status;
    image->modelVersionIds = modelVersionIds;
    image->createdAt = sql::dateTime(now);
    return true;
}

bool Images::setStatus(Id id, const QString &status, const QString &digest, qint64 size,
                       QString *error)
{
    if (!validStatus(status, error))
        return false;
    if (size < 0)
        return sql::fail(error, QObject::tr("An image's size cannot be negative."));
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE images SET status = ?, digest = ?, size = ? "
                                     "WHERE id = ?"),
                      error))
        return false;
    q.addBindValue(status);
    q.addBindValue(sql::text(digest));
    q.addBindValue(size);
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, QObject::tr("There is no image with id %1.").arg(id));
    return true;
}

bool Images::remove(const QString &name, const QString &tag, QString *error,
                    const std::function<bool(const Image &, QString *)> &beforeCommit)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const auto image = find(name, tag, error);
    if (!image)
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT name FROM deployments WHERE image_id = ? "
                                     "ORDER BY name LIMIT 1"),
                      error))
        return false;
    q.addBindValue(image->id);
    if (!sql::exec(q, error))
        return false;
    if (q.next())
        return sql::fail(error, QObject::tr("Image '%1' is used by deployment '%2'; delete the "
                                            "deployment first.")
                                    .arg(displayName(name, tag), q.value(0).toString()));
    if (!sql::prepare(q, QStringLiteral("DELETE FROM images WHERE id = ?"), error))
        return false;
    q.addBindValue(image->id);
    return sql::exec(q, error) && (!beforeCommit || beforeCommit(*image, error))
           && transaction.commit(error);
}

} // namespace mlwb
