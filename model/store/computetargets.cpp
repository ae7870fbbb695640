#include "store/computetargets.h"

#include "store/jsoncolumns.h"
#include "store/names.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns = "SELECT id, name, kind, config, max_concurrent, created_at "
                            "FROM compute_targets ";

ComputeTarget fromRow(const QSqlQuery &q)
{
    ComputeTarget t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.kind = q.value(2).toString() == QLatin1String("ssh") ? ComputeTarget::Kind::Ssh
                                                           : ComputeTarget::Kind::Local;
    t.config = json::toObject(q.value(3).toString());
    t.maxConcurrent = q.value(4).toInt();
    t.createdAt = sql::dateTime(q.value(5));
    return t;
}

bool validName(const QString &name, QString *error)
{
    return names::check(name, names::Rule::Short,
                        QObject::tr("'%1' is not a valid target name: use 1 to 64 letters, "
                                    "digits, '-', '_' or '.', starting with a letter or digit."),
                        error);
}
} // namespace

ComputeTargets::ComputeTargets(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<ComputeTarget> ComputeTargets::list(QString *error) const
{
    return sql::selectAll(m_db,
                          QLatin1String(columns) + QLatin1String("ORDER BY kind = 'ssh', name"), {},
                          fromRow, error);
}

std::optional<ComputeTarget> ComputeTargets::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE name = ?"), {name},
                            fromRow,
                            QObject::tr("There is no compute target named '%1'.").arg(name), error);
}

std::optional<ComputeTarget> ComputeTargets::find(Id id, QString *error) const
{
    return sql::selectOne(m_db, QLatin1String(columns) + QLatin1String("WHERE id = ?"), {id},
                          fromRow, error);
}

bool ComputeTargets::add(ComputeTarget *target, QString *error)
{
    if (!validName(target->name, error))
        return false;
    QString ignored;
    if (find(target->name, &ignored))
        return sql::fail(
            error, QObject::tr("A compute target named '%1' already exists.").arg(target->name));
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO compute_targets(name, kind, config, "
                                     "max_concurrent, created_at) VALUES (?, ?, ?, ?, ?)"),
                      error))
        return false;
    target->createdAt = QDateTime::currentDateTimeUtc();
    q.addBindValue(target->name);
    q.addBindValue(kindName(target->kind));
    q.addBindValue(json::fromObject(target->config));
    q.addBindValue(target->maxConcurrent);
    q.addBindValue(sql::msecs(target->createdAt));
    if (!sql::exec(q, error))
        return false;
    target->id = q.lastInsertId().toLongLong();
    return true;
}

bool ComputeTargets::update(const ComputeTarget &target, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE compute_targets SET config = ?, max_concurrent = ? "
                                     "WHERE id = ?"),
                      error))
        return false;
    q.addBindValue(json::fromObject(target.config));
    q.addBindValue(target.maxConcurrent);
    q.addBindValue(target.id);
    return sql::exec(q, error);
}

int ComputeTargets::activeRuns(Id targetId, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT count(*) FROM runs WHERE target_id = ? AND status "
                                     "NOT IN ('Completed', 'Failed', 'Canceled')"),
                      error))
        return -1;
    q.addBindValue(targetId);
    if (!sql::exec(q, error) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool ComputeTargets::remove(const QString &name, QString *error)
{
    const auto target = find(name, error);
    if (!target)
        return false;
    if (target->kind == ComputeTarget::Kind::Local)
        return sql::fail(error, QObject::tr("The built-in 'local' target cannot be detached."));
    const int active = activeRuns(target->id, error);
    if (active < 0)
        return false;
    if (active > 0)
        return sql::fail(
            error, QObject::tr("'%1' has %n unfinished run(s); cancel them first.", nullptr, active)
                       .arg(name));
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("DELETE FROM compute_targets WHERE id = ?"), error))
        return false;
    q.addBindValue(target->id);
    return sql::exec(q, error);
}

} // namespace mlwb
