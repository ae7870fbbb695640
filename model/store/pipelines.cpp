#include "store/pipelines.h"

#include "store/jsoncolumns.h"
#include "store/names.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlQuery>
#include <functional>

namespace mlwb {

namespace {
const char *const pipelineColumns = "SELECT id, name, description, created_at FROM pipelines ";
const char *const stepColumns = "SELECT id, pipeline_id, position, name, script, arguments, "
                                "target_id, depends_on FROM pipeline_steps ";

Pipeline pipelineFromRow(const QSqlQuery &q)
{
    Pipeline p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.description = q.value(2).toString();
    p.createdAt = sql::dateTime(q.value(3));
    return p;
}

PipelineStep stepFromRow(const QSqlQuery &q)
{
    PipelineStep s;
    s.id = q.value(0).toLongLong();
    s.pipelineId = q.value(1).toLongLong();
    s.position = q.value(2).toInt();
    s.name = q.value(3).toString();
    s.script = q.value(4).toString();
    s.arguments = json::toList(q.value(5).toString());
    s.targetId = q.value(6).toLongLong();
    s.dependsOn = json::toList(q.value(7).toString());
    return s;
}

bool validName(const QString &name, QString *error)
{
    return names::check(name, names::Rule::Spaced,
                        QObject::tr("'%1' is not a valid pipeline name: use up to 255 "
                                    "letters, digits, spaces, '-', '_' or '.'."),
                        error);
}

bool validStepName(const QString &name, QString *error)
{
    return names::check(name, names::Rule::Spaced,
                        QObject::tr("'%1' is not a valid step name: use up to 255 letters, "
                                    "digits, spaces, '-', '_' or '.'."),
                        error);
}

// The first dependency cycle, as step names from a step back to itself; empty when there is none.
QStringList findCycle(const QList<PipelineStep> &steps)
{
    QHash<QString, int> index;
    for (int i = 0; i < steps.size(); ++i)
        index.insert(steps[i].name, i);
    enum Mark { Unvisited, OnPath, Done };
    QList<Mark> marks(steps.size(), Unvisited);
    QList<int> path;
    QStringList cycle;
    std::function<bool(int)> visit = [&](int i) {
        marks[i] = OnPath;
        path << i;
        for (const QString &dependency : steps[i].dependsOn) {
            const int j = index.value(dependency, -1);
            if (j < 0)
                continue;
            if (marks[j] == OnPath) {
                for (int k = int(path.indexOf(j)); k < path.size(); ++k)
                    cycle << steps[path[k]].name;
                cycle << steps[j].name;
                return true;
            }
            if (marks[j] == Unvisited && visit(j))
                return true;
        }
        marks[i] = Done;
        path.removeLast();
        return false;
    };
    for (int i = 0; i < steps.size(); ++i) {
        if (marks[i] == Unvisited && visit(i))
            return cycle;
    }
    return {};
}

bool validSteps(const QString &pipeline, const QList<PipelineStep> &steps, QString *error)
{
    if (steps.isEmpty())
        return sql::fail(error, QObject::tr("Pipeline '%1' has no steps.").arg(pipeline));
    QSet<QString> names;
    for (const PipelineStep &step : steps) {
        if (!validStepName(step.name, error))
            return false;
        if (names.contains(step.name))
            return sql::fail(
                error,
                QObject::tr("Pipeline '%1' has two steps named '%2'.").arg(pipeline, step.name));
        names.insert(step.name);
        if (step.script.trimmed().isEmpty())
            return sql::fail(
                error,
                QObject::tr("Step '%1' of pipeline '%2' has no script.").arg(step.name, pipeline));
    }
    for (const PipelineStep &step : steps) {
        for (const QString &dependency : step.dependsOn) {
            if (!names.contains(dependency))
                return sql::fail(error, QObject::tr("Step '%1' depends on '%2', which is not a "
                                                    "step of pipeline '%3'.")
                                            .arg(step.name, dependency, pipeline));
        }
    }
    const QStringList cycle = findCycle(steps);
    if (!cycle.isEmpty())
        return sql::fail(error, QObject::tr("The steps of pipeline '%1' depend on each other in "
                                            "a cycle: %2.")
                                    .arg(pipeline, cycle.join(QLatin1String(" -> "))));
    return true;
}

} // namespace

Pipelines::Pipelines(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Pipeline> Pipelines::list(QString *error) const
{
    QList<Pipeline> out;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(pipelineColumns) + QLatin1String("ORDER BY name"), error)
        || !sql::exec(q, error))
        return out;
    while (q.next())
        out << pipelineFromRow(q);
    return out;
}

std::optional<Pipeline> Pipelines::find(const QString &name, QString *error) const
{
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QLatin1String(pipelineColumns) + QLatin1String("WHERE name = ?"), error))
        return std::nullopt;
    q.addBindValue(name);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next()) {
        sql::fail(error, QObject::tr("There is no pipeline named '%1'.").arg(name));
        return std::nullopt;
    }
    Pipeline p = pipelineFromRow(q);
    if (!sql::prepare(q,
                      QLatin1String(stepColumns)
                          + QLatin1String("WHERE pipeline_id = ? ORDER BY position"),
                      error))
        return std::nullopt;
    q.addBindValue(p.id);
    if (!sql::exec(q, error))
        return std::nullopt;
    while (q.next())
        p.steps << stepFromRow(q);
    return p;
}

bool Pipelines::create(Pipeline *p, QString *error)
{
    if (!validName(p->name, error) || !validSteps(p->name, p->steps, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM pipelines WHERE name = ?"), error))
        return false;
    q.addBindValue(p->name);
    if (!sql::exec(q, error))
        return false;
    if (q.next())
        return sql::fail(error, QObject::tr("A pipeline named '%1' already exists.").arg(p->name));
    if (!sql::prepare(q, QStringLiteral("SELECT 1 FROM compute_targets WHERE id = ?"), error))
        return false;
    for (const PipelineStep &step : std::as_const(p->steps)) {
        if (step.targetId == 0)
            continue;
        q.addBindValue(step.targetId);
        if (!sql::exec(q, error))
            return false;
        if (!q.next())
            return sql::fail(error, QObject::tr("Step '%1' runs on compute target %2, which does "
                                                "not exist.")
                                        .arg(step.name)
                                        .arg(step.targetId));
    }
    const qint64 now = sql::now();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO pipelines(name, description, created_at) "
                                     "VALUES (?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(p->name);
    q.addBindValue(sql::text(p->description));
    q.addBindValue(now);
    if (!sql::exec(q, error))
        return false;
    const Id id = q.lastInsertId().toLongLong();
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO pipeline_steps(pipeline_id, position, name, "
                                     "script, arguments, target_id, depends_on) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      error))
        return false;
    QList<Id> stepIds;
    for (int i = 0; i < p->steps.size(); ++i) {
        const PipelineStep &step = p->steps.at(i);
        q.addBindValue(id);
        q.addBindValue(i);
        q.addBindValue(step.name);
        q.addBindValue(step.script);
        q.addBindValue(json::fromList(step.arguments));
        q.addBindValue(step.targetId != 0 ? QVariant(step.targetId) : QVariant());
        q.addBindValue(json::fromList(step.dependsOn));
        if (!sql::exec(q, error))
            return false;
        stepIds << q.lastInsertId().toLongLong();
    }
    if (!transaction.commit(error))
        return false;
    p->id = id;
    p->createdAt = sql::dateTime(now);
    for (int i = 0; i < p->steps.size(); ++i) {
        p->steps[i].id = stepIds.at(i);
        p->steps[i].pipelineId = id;
        p->steps[i].position = i;
    }
    return true;
}

bool Pipelines::remove(const QString &name, QString *error)
{
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const auto pipeline = find(name, error);
    if (!pipeline)
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT count(*) FROM runs WHERE pipeline_id = ? AND "
                                     "status NOT IN ('Completed', 'Failed', 'Canceled')"),
                      error))
        return false;
    q.addBindValue(pipeline->id);
    if (!sql::exec(q, error) || !q.next())
        return false;
    if (q.value(0).toInt() > 0)
        return sql::fail(
            error, QObject::tr("'%1' has unfinished runs; cancel them first.").arg(pipeline->name));
    if (!sql::prepare(q, QStringLiteral("DELETE FROM pipelines WHERE id = ?"), error))
        return false;
    q.addBindValue(pipeline->id);
    return sql::exec(q, error) && transaction.commit(error);
}

} // namespace mlwb
