#include "store/runs.h"

#include "store/jsoncolumns.h"
#include "store/runnames.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns =
    "SELECT r.id, r.uid, r.experiment_id, e.name, r.parent_id, r.display_name, r.status, "
    "r.target_id, t.name, r.snapshot_id, r.script, r.arguments, r.config, r.created_at, "
    "r.started_at, r.ended_at, r.exit_code, r.error, r.notes "
    "FROM runs r JOIN experiments e ON e.id = r.experiment_id "
    "LEFT JOIN compute_targets t ON t.id = r.target_id ";

Run fromRow(const QSqlQuery &q)
{
    Run r;
    r.id = q.value(0).toLongLong();
    r.uid = q.value(1).toString();
    r.experimentId = q.value(2).toLongLong();
    r.experimentName = q.value(3).toString();
    r.parentId = q.value(4).toLongLong();
    r.displayName = q.value(5).toString();
    r.status = statusFromName(q.value(6).toString());
    r.targetId = q.value(7).toLongLong();
    r.targetName = q.value(8).toString();
    r.snapshotId = q.value(9).toLongLong();
    r.script = q.value(10).toString();
    r.arguments = json::toList(q.value(11).toString());
    r.config = json::toObject(q.value(12).toString());
    r.createdAt = sql::dateTime(q.value(13));
    r.startedAt = sql::dateTime(q.value(14));
    r.endedAt = sql::dateTime(q.value(15));
    r.exitCode = q.value(16).isNull() ? -1 : q.value(16).toInt();
    r.error = q.value(17).toString();
    r.notes = q.value(18).toString();
    return r;
}

QString newUid(const QString &experiment)
{
    QString stem = experiment;
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return QStringLiteral("%1_%2_%3")
        .arg(stem.left(40))
        .arg(QDateTime::currentSecsSinceEpoch())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QVariant nullable(Id id)
{
    return id > 0 ? QVariant(id) : QVariant();
}
} // namespace

Runs::Runs(const Workspace &workspace)
    : m_db(workspace.database())
{}

Runs::Runs(const QSqlDatabase &db)
    : m_db(db)
{}

bool Runs::create(Run *run, QString *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(
            q,
            QStringLiteral("INSERT INTO runs(uid, experiment_id, parent_id, display_name, status, "
                           "target_id, snapshot_id, script, arguments, config, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            error))
        return false;
    run->uid = newUid(run->experimentName);
    if (run->displayName.trimmed().isEmpty()) {
        const auto taken = namesIn(run->experimentId, run->parentId, 0, error);
        if (!taken)
            return false;
        run->displayName = generatedRunName(run->uid, *taken);
    }
    run->status = RunStatus::Queued;
    run->createdAt = QDateTime::currentDateTimeUtc();
    q.addBindValue(run->uid);
    q.addBindValue(run->experimentId);
    q.addBindValue(nullable(run->parentId));
    q.addBindValue(sql::text(run->displayName));
    q.addBindValue(statusName(run->status));
    q.addBindValue(nullable(run->targetId));
    q.addBindValue(nullable(run->snapshotId));
    q.addBindValue(sql::text(run->script));
    q.addBindValue(json::fromList(run->arguments));
    q.addBindValue(json::fromObject(run->config));
    q.addBindValue(sql::msecs(run->createdAt));
    if (!sql::exec(q, error))
        return false;
    run->id = q.lastInsertId().toLongLong();
    for (auto it = run->tags.cbegin(); it != run->tags.cend(); ++it) {
        if (!setTag(run->id, it.key(), it.value(), error))
            return false;
    }
    return transaction.commit(error);
}

std::optional<Run> Runs::findWhere(const QString &where, const QVariant &value,
                                   QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(columns) + where, error))
        return std::nullopt;
    q.addBindValue(value);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    Run run = fromRow(q);
    if (q.next()) {
        sql::fail(error, QObject::tr("'%1' matches more than one run; give more of the run id.")
                             .arg(value.toString()));
        return std::nullopt;
    }
    if (!loadKeyValues(&run, error))
        return std::nullopt;
    return run;
}

std::optional<Run> Runs::find(Id id, QString *error) const
{
    return findWhere(QStringLiteral("WHERE r.id = ?"), id, error);
}

std::optional<Run> Runs::find(const QString &uid, QString *error) const
{
    QString ignored;
    if (auto exact = findWhere(QStringLiteral("WHERE r.uid = ?"), uid, &ignored))
        return exact;
    QString escaped = uid;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    QString message;
    auto found = findWhere(QStringLiteral("WHERE r.uid LIKE ? ESCAPE '\\' LIMIT 2"),
                           QString(escaped + QLatin1Char('%')), &message);
    // Not an id: a display name, when exactly one run has it.
    if (!found && message.isEmpty()) {
        found = findWhere(QStringLiteral("WHERE r.display_name = ? LIMIT 2"), uid, &message);
        if (!found && !message.isEmpty())
            message = QObject::tr("More than one run is named '%1'; give its run id.").arg(uid);
    }
    if (!found)
        sql::fail(error,
                  message.isEmpty() ? QObject::tr("There is no run '%1'.").arg(uid) : message);
    return found;
}

bool Runs::loadKeyValues(Run *run, QString *error) const
{
    const char *const tables[] = {"run_tags", "run_properties"};
    for (const char *table : tables) {
        QSqlQuery q(m_db);
        if (!sql::prepare(q,
                          QStringLiteral("SELECT key, value FROM %1 WHERE run_id = ?")
                              .arg(QLatin1String(table)),
                          error))
            return false;
        q.addBindValue(run->id);
        if (!sql::exec(q, error))
            return false;
        auto &map = table == tables[0] ? run->tags : run->properties;
        while (q.next())
            map.insert(q.value(0).toString(), q.value(1).toString());
    }
    return true;
}

QList<Run> Runs::list(Id experimentId, Id parentId, int offset, int limit, QString *error) const
{
    QList<Run> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString parent = parentId > 0 ? QStringLiteral("r.parent_id = ?")
                                        : QStringLiteral("r.parent_id IS NULL AND ? = 0");
    if (!sql::prepare(q,
                      QLatin1String(columns) + QStringLiteral("WHERE r.experiment_id = ? AND ")
                          + parent
                          + QStringLiteral(" ORDER BY r.created_at DESC, r.id DESC "
                                           "LIMIT ? OFFSET ?"),
                      error))
        return out;
    q.addBindValue(experimentId);
    q.addBindValue(parentId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!sql::exec(q, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

int Runs::count(Id experimentId, Id parentId, QString *error) const
{
    QSqlQuery q(m_db);
    const QString parent = parentId > 0 ? QStringLiteral("parent_id = ?")
                                        : QStringLiteral("parent_id IS NULL AND ? = 0");
    if (!sql::prepare(
            q, QStringLiteral("SELECT count(*) FROM runs WHERE experiment_id = ? AND ") + parent,
            error))
        return -1;
    q.addBindValue(experimentId);
    q.addBindValue(parentId);
    if (!sql::exec(q, error) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QList<Run> Runs::recent(int limit, QString *error) const
{
    QList<Run> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QLatin1String(columns)
                          + QStringLiteral("WHERE r.parent_id IS NULL ORDER BY r.created_at DESC, "
                                           "r.id DESC LIMIT ?"),
                      error))
        return out;
    q.addBindValue(limit);
    if (!sql::exec(q, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

int Runs::countTopLevel(QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("SELECT count(*) FROM runs WHERE parent_id IS NULL"), error)
        || !sql::exec(q, error) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QList<Run> Runs::unfinished(QString *error) const
{
    QList<Run> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QLatin1String(columns)
                          + QLatin1String("WHERE r.status NOT IN ('Completed', 'Failed', "
                                          "'Canceled') ORDER BY r.id"),
                      error)
        || !sql::exec(q, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

bool Runs::setStatus(Id id, RunStatus status, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(
            q,
            QStringLiteral("UPDATE runs SET status = ?, "
                           "started_at = CASE WHEN ? AND started_at IS NULL THEN ? "
                           "ELSE started_at END, "
                           "ended_at = CASE WHEN ? THEN ? ELSE ended_at END "
                           "WHERE id = ? AND status NOT IN ('Completed', 'Failed', 'Canceled')"),
            error))
        return false;
    const qint64 now = sql::now();
    q.addBindValue(statusName(status));
    q.addBindValue(status == RunStatus::Running);
    q.addBindValue(now);
    q.addBindValue(isFinal(status));
    q.addBindValue(now);
    q.addBindValue(id);
    return sql::exec(q, error);
}

bool Runs::finish(Id id, RunStatus status, int exitCode, const QString &errorText, QString *error)
{
    Q_ASSERT(isFinal(status));
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE runs SET status = ?, exit_code = ?, error = ?, "
                                     "ended_at = ?, started_at = coalesce(started_at, ?) "
                                     "WHERE id = ? AND status NOT IN ('Completed', 'Failed', "
                                     "'Canceled')"),
                      error))
        return false;
    const qint64 now = sql::now();
    q.addBindValue(statusName(status));
    q.addBindValue(exitCode >= 0 ? QVariant(exitCode) : QVariant());
    q.addBindValue(sql::text(errorText));
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(id);
    return sql::exec(q, error);
}

bool Runs::setKeyValue(const char *table, Id id, const QString &key, const QString &value,
                       QString *error)
{
    if (key.trimmed().isEmpty())
        return sql::fail(error, QObject::tr("A tag or property needs a key."));
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO %1(run_id, key, value) VALUES (?, ?, ?) "
                                     "ON CONFLICT(run_id, key) DO UPDATE SET value = "
                                     "excluded.value")
                          .arg(QLatin1String(table)),
                      error))
        return false;
    q.addBindValue(id);
    q.addBindValue(key);
    q.addBindValue(sql::text(value));
    return sql::exec(q, error);
}

bool Runs::setTag(Id id, const QString &key, const QString &value, QString *error)
{
    return setKeyValue("run_tags", id, key, value, error);
}

bool Runs::setProperty(Id id, const QString &key, const QString &value, QString *error)
{
    return setKeyValue("run_properties", id, key, value, error);
}

bool Runs::removeTag(Id id, const QString &key, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("DELETE FROM run_tags WHERE run_id = ? AND key = ?"),
                      error))
        return false;
    q.addBindValue(id);
    q.addBindValue(key);
    return sql::exec(q, error);
}

std::optional<QSet<QString>> Runs::namesIn(Id experimentId, Id parentId, Id except,
                                           QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT display_name FROM runs WHERE experiment_id = ? AND "
                                     "coalesce(parent_id, 0) = ? AND id != ?"),
                      error))
        return std::nullopt;
    q.addBindValue(experimentId);
    q.addBindValue(parentId);
    q.addBindValue(except);
    if (!sql::exec(q, error))
        return std::nullopt;
    QSet<QString> names;
    while (q.next())
        names.insert(q.value(0).toString());
    return names;
}

bool Runs::rename(Id id, const QString &name, QString *error)
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return sql::fail(error, QObject::tr("A run's name cannot be empty."));
    if (wanted.size() > 200 || wanted.contains(QLatin1Char('\n')))
        return sql::fail(error, QObject::tr("A run's name is one line of at most 200 characters."));
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const std::optional<Run> run = find(id, error);
    if (!run)
        return false;
    const auto taken = namesIn(run->experimentId, run->parentId, id, error);
    if (!taken)
        return false;
    if (taken->contains(wanted))
        return sql::fail(error, QObject::tr("The experiment '%1' already has a run named '%2'.")
                                    .arg(run->experimentName, wanted));
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("UPDATE runs SET display_name = ? WHERE id = ?"), error))
        return false;
    q.addBindValue(wanted);
    q.addBindValue(id);
    return sql::exec(q, error) && transaction.commit(error);
}

bool Runs::setNotes(Id id, const QString &notes, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("UPDATE runs SET notes = ? WHERE id = ?"), error))
        return false;
    q.addBindValue(sql::text(notes));
    q.addBindValue(id);
    return sql::exec(q, error);
}

bool Runs::setSnapshot(Id id, Id snapshotId, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("UPDATE runs SET snapshot_id = ? WHERE id = ?"), error))
        return false;
    q.addBindValue(nullable(snapshotId));
    q.addBindValue(id);
    return sql::exec(q, error);
}

} // namespace mlwb
