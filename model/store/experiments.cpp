#include "store/experiments.h"

#include "store/names.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>

namespace mlwb {

namespace {
const char *const columns =
    "SELECT e.id, e.name, e.description, e.created_at, "
    "(SELECT count(*) FROM runs r WHERE r.experiment_id = e.id AND r.parent_id IS NULL) "
    "FROM experiments e ";

Experiment fromRow(const QSqlQuery &q)
{
    Experiment e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.description = q.value(2).toString();
    e.createdAt = sql::dateTime(q.value(3));
    e.runCount = q.value(4).toInt();
    return e;
}
} // namespace

bool isValidExperimentName(const QString &name, QString *error)
{
    return names::check(name, names::Rule::Spaced,
                        QObject::tr("'%1' is not a valid experiment name: use up to 255 "
                                    "letters, digits, spaces, '-', '_' or '.'."),
                        error);
}

Experiments::Experiments(const Workspace &workspace)
    : m_db(workspace.database())
{}

QList<Experiment> Experiments::list(QString *error) const
{
    return sql::selectAll(m_db, QLatin1String(columns) + QLatin1String("ORDER BY e.name"), {},
                          fromRow, error);
}

std::optional<Experiment> Experiments::find(const QString &name, QString *error) const
{
    return sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE e.name = ?"),
                            {name}, fromRow,
                            QObject::tr("There is no experiment named '%1'.").arg(name), error);
}

std::optional<Experiment> Experiments::find(Id id, QString *error) const
{
    return sql::selectOne(m_db, QLatin1String(columns) + QLatin1String("WHERE e.id = ?"), {id},
                          fromRow, error);
}

bool Experiments::create(Experiment *experiment, QString *error)
{
    if (!isValidExperimentName(experiment->name, error))
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO experiments(name, description, created_at) "
                                     "VALUES (?, ?, ?)"),
                      error))
        return false;
    experiment->createdAt = QDateTime::currentDateTimeUtc();
    q.addBindValue(experiment->name);
    q.addBindValue(sql::text(experiment->description));
    q.addBindValue(sql::msecs(experiment->createdAt));
    if (!q.exec()) {
        QString ignored;
        if (find(experiment->name, &ignored))
            return sql::fail(
                error,
                QObject::tr("An experiment named '%1' already exists.").arg(experiment->name));
        return sql::exec(q, error);
    }
    experiment->id = q.lastInsertId().toLongLong();
    return true;
}

std::optional<Experiment> Experiments::findOrCreate(const QString &name, QString *error)
{
    if (!isValidExperimentName(name, error))
        return std::nullopt;
    QSqlQuery q(m_db);
    // INSERT OR IGNORE makes two processes submitting to a new experiment agree.
    if (!sql::prepare(q,
                      QStringLiteral("INSERT OR IGNORE INTO experiments(name, created_at) "
                                     "VALUES (?, ?)"),
                      error))
        return std::nullopt;
    q.addBindValue(name);
    q.addBindValue(sql::now());
    if (!sql::exec(q, error))
        return std::nullopt;
    return find(name, error);
}

bool Experiments::remove(const QString &name, QString *error)
{
    const auto experiment = find(name, error);
    if (!experiment)
        return false;
    QSqlQuery q(m_db);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT count(*) FROM runs WHERE experiment_id = ? AND "
                                     "status NOT IN ('Completed', 'Failed', 'Canceled')"),
                      error))
        return false;
    q.addBindValue(experiment->id);
    if (!sql::exec(q, error) || !q.next())
        return false;
    if (q.value(0).toInt() > 0)
        return sql::fail(error,
                         QObject::tr("'%1' has unfinished runs; cancel them first.").arg(name));
    if (!sql::prepare(q, QStringLiteral("DELETE FROM experiments WHERE id = ?"), error))
        return false;
    q.addBindValue(experiment->id);
    return sql::exec(q, error);
}

} // namespace mlwb
