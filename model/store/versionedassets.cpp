#include "store/versionedassets.h"

#include "store/jsoncolumns.h"
#include "store/names.h"
#include "store/rows.h"
#include "store/workspace.h"

#include <QObject>

#include <pwd.h>
#include <unistd.h>

namespace mlwb {

namespace {

enum Message { BadName, NoName, NoVersions, NoVersion, BadNumber, NoAlias };

QString modelMessage(int which)
{
    switch (which) {
    case BadName:
        return QObject::tr("'%1' is not a valid model name: use 1 to 255 letters, digits, '-', "
                           "'_' or '.', starting with a letter or digit.");
    case NoName:
        return QObject::tr("There is no model named '%1'.");
    case NoVersions:
        return QObject::tr("Model '%1' has no versions.");
    case NoVersion:
        return QObject::tr("Model '%1' has no version %2.");
    case BadNumber:
        return QObject::tr("%1 is not a model version number.");
    case NoAlias:
        return QObject::tr("Model '%1' has no alias '%2'.");
    }
    return {};
}

QString environmentMessage(int which)
{
    switch (which) {
    case BadName:
        return QObject::tr("'%1' is not a valid environment name: use 1 to 255 letters, "
                           "digits, '-', '_' or '.', starting with a letter or digit.");
    case NoName:
        return QObject::tr("There is no environment named '%1'.");
    case NoVersions:
        return QObject::tr("Environment '%1' has no versions.");
    case NoVersion:
        return QObject::tr("Environment '%1' has no version %2.");
    case BadNumber:
        return QObject::tr("%1 is not an environment version number.");
    case NoAlias:
        return QObject::tr("Environment '%1' has no alias '%2'.");
    }
    return {};
}

} // namespace

bool VersionedAssets::checkAlias(const QString &alias, QString *error)
{
    if (names::isValid(alias, names::Rule::Short) && alias.at(0).isLetter()
        && alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) != 0)
        return true;
    return sql::fail(error, QObject::tr("'%1' is not a valid alias: use 1 to 64 letters, digits, "
                                        "'-', '_' or '.', starting with a letter; 'latest' is "
                                        "taken.")
                                .arg(alias));
}

bool AssetRef::parse(const QString &text, AssetRef *ref, QString *error)
{
    *ref = AssetRef();
    const int at = text.indexOf(QLatin1Char('@'));
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (at >= 0) {
        ref->name = text.left(at);
        ref->alias = text.mid(at + 1);
        if (!VersionedAssets::checkAlias(ref->alias, error))
            return false;
    } else if (colon >= 0) {
        ref->name = text.left(colon);
        bool ok = false;
        ref->version = text.mid(colon + 1).toInt(&ok);
        if (!ok || ref->version <= 0)
            return sql::fail(error,
                             QObject::tr("'%1' is not a version number.").arg(text.mid(colon + 1)));
    } else {
        ref->name = text;
    }
    if (ref->name.isEmpty())
        return sql::fail(error, QObject::tr("'%1' names no asset: use NAME, NAME:VERSION or "
                                            "NAME@ALIAS.")
                                    .arg(text));
    return true;
}

VersionedAssets::VersionedAssets(QSqlDatabase db, AssetKind kind)
    : m_db(std::move(db))
    , m_kind(kind)
{
    const bool model = kind == AssetKind::Model;
    m_kindName = model ? QStringLiteral("model") : QStringLiteral("environment");
    m_owners = m_kindName + QLatin1Char('s');
    m_versions = m_kindName + QStringLiteral("_versions");
    m_ownerColumn = m_kindName + QStringLiteral("_id");
    m_aliases = m_kindName + QStringLiteral("_aliases");
}

QString VersionedAssets::message(int which) const
{
    return m_kind == AssetKind::Model ? modelMessage(which) : environmentMessage(which);
}

QString VersionedAssets::currentUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) { // services and containers often set neither
        const passwd *entry = ::getpwuid(::getuid());
        user = entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(::getuid());
    }
    return user;
}

bool VersionedAssets::checkName(const QString &name, QString *error) const
{
    return names::check(name, names::Rule::Asset, message(BadName), error);
}

bool VersionedAssets::findName(const QString &name, Id *ownerId, QString *storedName,
                               QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT id, name FROM %1 WHERE name = ?").arg(m_owners), {name},
                  error))
        return false;
    if (!q.next())
        return sql::fail(error, message(NoName).arg(name));
    *ownerId = q.value(0).toLongLong();
    *storedName = q.value(1).toString();
    return true;
}

bool VersionedAssets::resolve(const AssetRef &ref, Id *ownerId, int *version, QString *error) const
{
    if (ref.version < 0)
        return sql::fail(error, message(BadNumber).arg(ref.version));
    QString name;
    if (!findName(ref.name, ownerId, &name, error))
        return false;
    QSqlQuery q(m_db);
    if (!ref.alias.isEmpty()) {
        if (!sql::run(q,
                      QStringLiteral("SELECT v.version FROM %1 a JOIN %2 v ON v.id = a.version_id "
                                     "WHERE a.owner_id = ? AND a.alias = ?")
                          .arg(m_aliases, m_versions),
                      {*ownerId, ref.alias}, error))
            return false;
        if (!q.next())
            return sql::fail(error, message(NoAlias).arg(name, ref.alias));
    } else if (ref.version == 0) {
        if (!sql::run(q,
                      QStringLiteral("SELECT max(version) FROM %1 WHERE %2 = ?")
                          .arg(m_versions, m_ownerColumn),
                      {*ownerId}, error))
            return false;
        if (!q.next() || q.value(0).isNull())
            return sql::fail(error, message(NoVersions).arg(name));
    } else {
        if (!sql::run(q,
                      QStringLiteral("SELECT version FROM %1 WHERE %2 = ? AND version = ?")
                          .arg(m_versions, m_ownerColumn),
                      {*ownerId, ref.version}, error))
            return false;
        if (!q.next())
            return sql::fail(error, message(NoVersion).arg(name).arg(ref.version));
    }
    *version = q.value(0).toInt();
    return true;
}

Id VersionedAssets::versionId(const QString &name, int version, QString *error) const
{
    AssetRef ref;
    ref.name = name;
    ref.version = version;
    Id ownerId = 0;
    int number = 0;
    if (!resolve(ref, &ownerId, &number, error))
        return 0;
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND version = ?")
                      .arg(m_versions, m_ownerColumn),
                  {ownerId, number}, error)
        || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool VersionedAssets::claimNumber(const QString &name, const QMap<QString, QVariant> &extra,
                                  Id *ownerId, QString *storedName, int *version, QString *error)
{
    QStringList columns{QStringLiteral("name"), QStringLiteral("created_at")};
    QVariantList values{name, sql::now()};
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        columns << it.key();
        values << it.value();
    }
    QStringList marks;
    for (int i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(m_db);
    // The caller holds the write lock (BEGIN IMMEDIATE): nobody else can take
    // a number between this counter step and the insert of the version. The
    // counter never steps back, so a deleted number is never handed out again;
    // max() covers rows written before the counter existed.
    if (!sql::run(q,
                  QStringLiteral("INSERT OR IGNORE INTO %1(%2) VALUES (%3)")
                      .arg(m_owners, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))),
                  values, error)
        || !sql::run(q,
                     QStringLiteral("UPDATE %1 SET last_version = max(last_version, (SELECT "
                                    "coalesce(max(v.version), 0) FROM %2 v WHERE v.%3 = %1.id), "
                                    "(SELECT coalesce(max(r.last_version), 0) FROM "
                                    "retired_counters r WHERE r.kind = ? AND r.name = %1.name)) "
                                    "+ 1 WHERE name = ?")
                         .arg(m_owners, m_versions, m_ownerColumn),
                     {m_kindName, name}, error)
        || !sql::run(
            q, QStringLiteral("SELECT id, name, last_version FROM %1 WHERE name = ?").arg(m_owners),
            {name}, error))
        return false;
    if (!q.next())
        return sql::fail(error, message(NoName).arg(name));
    *ownerId = q.value(0).toLongLong();
    *storedName = q.value(1).toString();
    *version = q.value(2).toInt();
    return true;
}

bool VersionedAssets::remove(const QString &name, int version, const UsedBy &usedBy, QString *error)
{
    if (version < 0)
        return sql::fail(error, message(BadNumber).arg(version));
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    Id ownerId = 0;
    QString stored;
    if (!findName(name, &ownerId, &stored, error))
        return false;
    const Id id = version == 0 ? ownerId : versionId(name, version, error);
    if (id == 0)
        return false;
    const QString where = version == 0 ? QStringLiteral("WHERE v.%1 = ?").arg(m_ownerColumn)
                                       : QStringLiteral("WHERE v.id = ?");
    QString refusal;
    if (!usedBy(where, id, &refusal, error))
        return false;
    if (!refusal.isEmpty())
        return sql::fail(error, refusal);
    // Aliases go with their versions (ON DELETE CASCADE); the history says so.
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("SELECT a.alias, v.version FROM %1 a JOIN %2 v ON v.id = "
                                 "a.version_id ")
                          .arg(m_aliases, m_versions)
                      + where,
                  {id}, error))
        return false;
    QList<QPair<QString, int>> dropped;
    while (q.next())
        dropped.append({q.value(0).toString(), q.value(1).toInt()});
    for (const auto &alias : std::as_const(dropped))
        if (!recordAlias(stored, alias.first, alias.second, 0, error))
            return false;
    // The name may go below; its counter stays, so a number is never reused.
    if (!sql::run(q,
                  QStringLiteral("INSERT OR REPLACE INTO retired_counters(kind, name, "
                                 "last_version) SELECT ?, name, max(last_version, (SELECT "
                                 "coalesce(max(v.version), 0) FROM %2 v WHERE v.%3 = %1.id)) "
                                 "FROM %1 WHERE id = ?")
                      .arg(m_owners, m_versions, m_ownerColumn),
                  {m_kindName, ownerId}, error))
        return false;
    const QString removeVersion =
        version == 0 ? QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_owners)
                     : QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_versions);
    return sql::run(q, removeVersion, {id}, error)
           && sql::run(q,
                       QStringLiteral("DELETE FROM %1 WHERE id = ? AND NOT EXISTS (SELECT 1 "
                                      "FROM %2 WHERE %3 = ?)")
                           .arg(m_owners, m_versions, m_ownerColumn),
                       {ownerId, ownerId}, error)
           && transaction.commit(error);
}

bool VersionedAssets::recordAlias(const QString &name, const QString &alias, int from, int to,
                                  QString *error)
{
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral("INSERT INTO alias_history(kind, name, alias, from_version, "
                                   "to_version, changed_by, changed_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {m_kindName, name, alias, from, to, sql::text(currentUser()), sql::now()},
                    error);
}

bool VersionedAssets::setAlias(const QString &name, int version, const QString &alias,
                               QString *error)
{
    if (!checkAlias(alias, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const Id id = versionId(name, version, error);
    Id ownerId = 0;
    QString stored;
    if (id == 0 || !findName(name, &ownerId, &stored, error))
        return false;
    AssetRef current;
    current.name = name;
    current.alias = alias;
    int from = 0;
    QString ignored;
    resolve(current, &ownerId, &from, &ignored); // 0 when the alias is new
    if (from == version)
        return transaction.commit(error);
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral("INSERT OR REPLACE INTO %1(owner_id, alias, version_id, "
                                   "updated_at) VALUES (?, ?, ?, ?)")
                        .arg(m_aliases),
                    {ownerId, alias, id, sql::now()}, error)
           && recordAlias(stored, alias, from, version, error) && transaction.commit(error);
}

bool VersionedAssets::removeAlias(const QString &name, const QString &alias, QString *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    AssetRef ref;
    ref.name = name;
    ref.alias = alias;
    Id ownerId = 0;
    int from = 0;
    QString stored;
    if (!resolve(ref, &ownerId, &from, error) || !findName(name, &ownerId, &stored, error))
        return false;
    QSqlQuery q(m_db);
    return sql::run(
               q, QStringLiteral("DELETE FROM %1 WHERE owner_id = ? AND alias = ?").arg(m_aliases),
               {ownerId, alias}, error)
           && recordAlias(stored, alias, from, 0, error) && transaction.commit(error);
}

QList<AliasChange> VersionedAssets::aliasHistory(const QString &name, QString *error) const
{
    return sql::selectAll(
        m_db,
        QStringLiteral("SELECT alias, from_version, to_version, changed_by, changed_at "
                       "FROM alias_history WHERE kind = ? AND name = ? ORDER BY id"),
        {m_kindName, name},
        [](const QSqlQuery &q) {
            AliasChange c;
            c.alias = q.value(0).toString();
            c.fromVersion = q.value(1).toInt();
            c.toVersion = q.value(2).toInt();
            c.changedBy = q.value(3).toString();
            c.changedAt = sql::dateTime(q.value(4));
            return c;
        },
        error);
}

bool VersionedAssets::updateTags(const QString &name, int version,
                                 const QMap<QString, QString> &set, const QStringList &remove,
                                 QString *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const Id id = versionId(name, version, error);
    if (id == 0)
        return false;
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT tags FROM %1 WHERE id = ?").arg(m_versions), {id},
                  error)
        || !q.next())
        return false;
    QMap<QString, QString> tags = json::toMap(q.value(0).toString());
    for (const QString &key : remove)
        tags.remove(key);
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        tags.insert(it.key(), it.value());
    q.finish();
    return sql::run(q, QStringLiteral("UPDATE %1 SET tags = ? WHERE id = ?").arg(m_versions),
                    {json::fromMap(tags), id}, error)
           && transaction.commit(error);
}

QString VersionedAssets::latestColumn(const QString &ownerAlias) const
{
    return QStringLiteral("(SELECT coalesce(max(lv.version), 0) FROM %1 lv WHERE lv.%2 = %3.id)")
        .arg(m_versions, m_ownerColumn, ownerAlias);
}

QString VersionedAssets::aliasesColumn(const QString &versionAlias) const
{
    return QStringLiteral("(SELECT group_concat(al.alias) FROM %1 al WHERE al.version_id = %2.id)")
        .arg(m_aliases, versionAlias);
}

} // namespace mlwb
