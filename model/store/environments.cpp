#include "store/environments.h"

#include "store/jsoncolumns.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const environmentColumns =
    "SELECT e.id, e.name, e.created_at, "
    "(SELECT coalesce(max(v.version), 0) FROM environment_versions v "
    "WHERE v.environment_id = e.id) "
    "FROM environments e ";

const char *const versionColumns =
    "SELECT id, environment_id, version, python, packages, base_image, created_at "
    "FROM environment_versions ";

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
    return v;
}

bool validName(const QString &name, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    if (pattern.match(name).hasMatch())
        return true;
    return sql::fail(error, QObject::tr("'%1' is not a valid environment name: use 1 to 255 "
                                        "letters, digits, '-', '_' or '.', starting with a letter "
                                        "or digit.")
                                .arg(name));
}

// QtSql binds a null QString as NULL; the text columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

Environments::Environments(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Environment> Environments::list(QString *error) const
{
    QList<Environment> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(environmentColumns) + QLatin1String("ORDER BY e.name"),
                      error)
        || !sql::exec(q, error))
        return out;
    while (q.next())
        out << environmentFromRow(q);
    return out;
}

std::optional<Environment> Environments::find(const QString &name, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(environmentColumns) + QLatin1String("WHERE e.name = ?"),
                      error))
        return std::nullopt;
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return environmentFromRow(q);
    sql::fail(error, QObject::tr("There is no environment named '%1'.").arg(name));
    return std::nullopt;
}

QList<EnvironmentVersion> Environments::versions(Id environmentId, QString *error) const
{
    QList<EnvironmentVersion> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QLatin1String(versionColumns)
                          + QLatin1String("WHERE environment_id = ? ORDER BY version DESC"),
                      error))
        return out;
    q.addBindValue(environmentId);
    if (!sql::exec(q, error))
        return out;
    while (q.next())
        out << versionFromRow(q);
    return out;
}

std::optional<EnvironmentVersion> Environments::findVersion(const QString &name, int version,
                                                            QString *error) const
{
    if (version < 0) {
        sql::fail(error, QObject::tr("%1 is not an environment version number.").arg(version));
        return std::nullopt;
    }
    const auto environment = find(name, error);
    if (!environment)
        return std::nullopt;
    if (version == 0 && environment->latestVersion == 0) {
        sql::fail(error, QObject::tr("Environment '%1' has no versions.").arg(environment->name));
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QLatin1String(versionColumns)
                          + QLatin1String("WHERE environment_id = ? AND version = ?"),
                      error))
        return std::nullopt;
    q.addBindValue(environment->id);
    q.addBindValue(version == 0 ? environment->latestVersion : version);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return versionFromRow(q);
    sql::fail(
        error,
        QObject::tr("Environment '%1' has no version %2.").arg(environment->name).arg(version));
    return std::nullopt;
}

bool Environments::createVersion(const QString &name, EnvironmentVersion *v, QString *error)
{
    if (!validName(name, error))
        return false;
    const QString python =
        v->python.trimmed().isEmpty() ? QStringLiteral("python3") : v->python.trimmed();
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const qint64 now = sql::now();
    QSqlQuery q(m_db);
    // INSERT OR IGNORE: the first version of a name creates the environment.
    if (!sql::prepare(q,
                      QStringLiteral("INSERT OR IGNORE INTO environments(name, created_at) "
                                     "VALUES (?, ?)"),
                      error))
        return false;
    q.addBindValue(name);
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    // The write lock is held from BEGIN IMMEDIATE, so nobody else can take
    // this number between reading it and inserting it.
    if (!sql::prepare(q,
                      QStringLiteral("SELECT e.id, (SELECT coalesce(max(v.version), 0) + 1 "
                                     "FROM environment_versions v WHERE v.environment_id = "
                                     "e.id) FROM environments e WHERE e.name = ?"),
                      error))
        return false;
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, QObject::tr("There is no environment named '%1'.").arg(name));
    const Id environmentId = q.value(0).toLongLong();
    const int version = q.value(1).toInt();
    q.finish();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO environment_versions(environment_id, version, "
                                     "python, packages, base_image, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(environmentId);
    q.addBindValue(version);
    q.addBindValue(python);
    q.addBindValue(json::fromList(v->packages));
    q.addBindValue(notNull(v->baseImage));
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!transaction.commit(error))
        return false;
    v->id = id;
    v->environmentId = environmentId;
    v->version = version;
    v->python = python;
    v->createdAt = sql::dateTime(now);
    return true;
}

} // namespace mlwb
