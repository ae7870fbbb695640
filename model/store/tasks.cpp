#include "store/tasks.h"

#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {
const char *const columns = "SELECT id, kind, title, state, progress, message, run_id, "
                            "cancel_requested, created_at, updated_at FROM tasks ";
const char *const unfinished = "state IN ('Pending', 'Running')";

Task fromRow(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.kind = q.value(1).toString();
    t.title = q.value(2).toString();
    t.state = taskStateFromName(q.value(3).toString());
    t.progress = q.value(4).toDouble();
    t.message = q.value(5).toString();
    t.runId = q.value(6).toLongLong();
    t.cancelRequested = q.value(7).toBool();
    t.createdAt = sql::dateTime(q.value(8));
    t.updatedAt = sql::dateTime(q.value(9));
    return t;
}

// Progress is 0..1 or -1 for unknown.
double normalizedProgress(double progress)
{
    if (std::isnan(progress) || progress < 0)
        return -1;
    return std::min(progress, 1.0);
}

// A null message binds as NULL, which the updates read as "keep the current one".
QVariant messageValue(const QString &message)
{
    return message.isNull() ? QVariant() : QVariant(message);
}

} // namespace

Tasks::Tasks(const Workspace &workspace)
    : m_db(workspace.database())
{}

bool Tasks::start(Task *t, QString *error)
{
    if (t->kind.trimmed().isEmpty())
        return sql::fail(error, QObject::tr("A task needs a kind."));
    if (t->title.trimmed().isEmpty())
        return sql::fail(error, QObject::tr("A task needs a title."));
    QSqlQuery q(m_db);
    if (t->runId != 0) {
        if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), error))
            return false;
        q.addBindValue(t->runId);
        if (!sql::exec(q, error))
            return false;
        if (!q.next())
            return sql::fail(error, QObject::tr("There is no run with id %1.").arg(t->runId));
    }
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO tasks(kind, title, state, progress, message, "
                                     "run_id, cancel_requested, created_at, updated_at) "
                                     "VALUES (?, ?, 'Running', ?, ?, ?, 0, ?, ?)"),
                      error))
        return false;
    const qint64 now = sql::now();
    const double progress = normalizedProgress(t->progress);
    q.addBindValue(t->kind);
    q.addBindValue(t->title);
    q.addBindValue(progress);
    q.addBindValue(sql::text(t->message));
    q.addBindValue(t->runId != 0 ? QVariant(t->runId) : QVariant());
    q.addBindValue(now);
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    t->id = q.lastInsertId().toLongLong();
    t->state = Task::State::Running;
    t->progress = progress;
    t->cancelRequested = false;
    t->createdAt = t->updatedAt = sql::dateTime(now);
    return true;
}

bool Tasks::changeUnfinished(Id id, const QString &assignments, const QVariantList &values,
                             QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE tasks SET ") + assignments
                          + QStringLiteral(", updated_at = ? WHERE id = ? AND ")
                          + QLatin1String(unfinished),
                      error))
        return false;
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(sql::now());
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    if (q.numRowsAffected() > 0)
        return true;
    QString findError;
    if (!find(id, &findError))
        return sql::fail(error, findError);
    return sql::fail(error, QObject::tr("Task %1 has already finished.").arg(id));
}

bool Tasks::update(Id id, double progress, const QString &message, QString *error)
{
    return changeUnfinished(id, QStringLiteral("progress = ?, message = coalesce(?, message)"),
                            {normalizedProgress(progress), messageValue(message)}, error);
}

bool Tasks::finish(Id id, Task::State state, const QString &message, QString *error)
{
    if (state != Task::State::Succeeded && state != Task::State::Failed
        && state != Task::State::Canceled)
        return sql::fail(error, QObject::tr("A task finishes as Succeeded, Failed or Canceled, "
                                            "not %1.")
                                    .arg(stateName(state)));
    QString assignments = QStringLiteral("state = ?, message = coalesce(?, message)");
    if (state == Task::State::Succeeded)
        assignments += QStringLiteral(", progress = 1");
    return changeUnfinished(id, assignments, {stateName(state), messageValue(message)}, error);
}

bool Tasks::requestCancel(Id id, QString *error)
{
    return changeUnfinished(id,
                            QStringLiteral("cancel_requested = 1, state = CASE state WHEN "
                                           "'Pending' THEN 'Canceled' ELSE state END"),
                            {}, error);
}

bool Tasks::isCancelRequested(Id id, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("SELECT cancel_requested FROM tasks WHERE id = ?"), error))
        return false;
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    if (q.next())
        return q.value(0).toBool();
    return sql::fail(error, QObject::tr("There is no task with id %1.").arg(id));
}

std::optional<Task> Tasks::find(Id id, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(columns) + QLatin1String("WHERE id = ?"), error))
        return std::nullopt;
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.next())
        return fromRow(q);
    sql::fail(error, QObject::tr("There is no task with id %1.").arg(id));
    return std::nullopt;
}

QList<Task> Tasks::list(bool activeOnly, QString *error) const
{
    QList<Task> out;
    QSqlQuery q(m_db);
    QString text = QLatin1String(columns);
    if (activeOnly)
        text += QLatin1String("WHERE ") + QLatin1String(unfinished) + QLatin1Char(' ');
    text += QLatin1String("ORDER BY created_at DESC, id DESC");
    if (!sql::prepare(q, text, error) || !sql::exec(q, error))
        return out;
    while (q.next())
        out << fromRow(q);
    return out;
}

int Tasks::prune(int olderThanDays, QString *error)
{
    if (olderThanDays < 0) {
        sql::fail(error, QObject::tr("The age of tasks to prune cannot be negative."));
        return -1;
    }
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("DELETE FROM tasks WHERE NOT (") + QLatin1String(unfinished)
                          + QStringLiteral(") AND updated_at < ?"),
                      error))
        return -1;
    q.addBindValue(sql::now() - qint64(olderThanDays) * 24 * 60 * 60 * 1000);
    if (!sql::exec(q, error))
        return -1;
    return q.numRowsAffected();
}

} // namespace mlwb
