#include "runs/runqueue.h"

#include "runs/runlauncher.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QThread>
#include <climits>
#include <unistd.h>

namespace mlwb {

namespace {

// A queued run whose supervisor beat this recently is taken care of.
const qint64 claimMs = 5000;

QVariant targetValue(Id targetId)
{
    return targetId > 0 ? QVariant(targetId) : QVariant();
}

// The oldest queued runs nobody supervises, up to the free slots; claimed.
bool claim(const Workspace &workspace, Id targetId, int limit, QList<Id> *claimed, QString *error)
{
    WriteTransaction transaction(workspace.database());
    if (!transaction.begin(error))
        return false;
    const qint64 now = sql::now();
    QSqlQuery q(workspace.database());
    if (!sql::prepare(
            q,
            QStringLiteral(
                "SELECT (SELECT count(*) FROM runs WHERE target_id IS ? AND parent_id IS NULL "
                "AND status IN ('Preparing', 'Running', 'Finalizing')) + "
                "(SELECT count(*) FROM runs r JOIN run_ingest i ON i.run_id = r.id WHERE "
                "r.target_id IS ? AND r.parent_id IS NULL AND r.status = 'Queued' AND "
                "i.heartbeat > ?)"),
            error))
        return false;
    q.addBindValue(targetValue(targetId));
    q.addBindValue(targetValue(targetId));
    q.addBindValue(now - claimMs);
    if (!sql::exec(q, error) || !q.next())
        return false;
    const qint64 free = qint64(limit) - q.value(0).toLongLong();
    q.finish();
    if (free <= 0)
        return transaction.commit(error);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT r.id FROM runs r LEFT JOIN run_ingest i ON "
                                     "i.run_id = r.id WHERE r.target_id IS ? AND r.parent_id IS "
                                     "NULL AND r.status = 'Queued' AND (i.heartbeat IS NULL OR "
                                     "i.heartbeat <= ?) ORDER BY r.id LIMIT ?"),
                      error))
        return false;
    q.addBindValue(targetValue(targetId));
    q.addBindValue(now - claimMs);
    q.addBindValue(free);
    if (!sql::exec(q, error))
        return false;
    while (q.next())
        claimed->append(q.value(0).toLongLong());
    q.finish();
    QSqlQuery mark(workspace.database());
    if (!sql::prepare(mark,
                      QStringLiteral("INSERT INTO run_ingest(run_id, supervisor_pid, heartbeat) "
                                     "VALUES (?, ?, ?) ON CONFLICT(run_id) DO UPDATE SET "
                                     "supervisor_pid = excluded.supervisor_pid, "
                                     "heartbeat = excluded.heartbeat"),
                      error))
        return false;
    for (const Id id : std::as_const(*claimed)) {
        mark.addBindValue(id);
        mark.addBindValue(qint64(::getpid()));
        mark.addBindValue(now);
        if (!sql::exec(mark, error))
            return false;
    }
    return transaction.commit(error);
}

} // namespace

int RunQueue::slotLimit(const ComputeTarget &target)
{
    if (target.maxConcurrent > 0)
        return target.maxConcurrent;
    return target.kind == ComputeTarget::Kind::Local ? QThread::idealThreadCount() : INT_MAX;
}

bool RunQueue::dispatch(const Workspace &workspace, Id targetId, QString *error)
{
    const auto target = ComputeTargets(workspace).find(targetId, error);
    if (!target)
        return false;
    QList<Id> claimed;
    if (!claim(workspace, targetId, slotLimit(*target), &claimed, error))
        return false;
    bool ok = true;
    for (const Id id : std::as_const(claimed)) {
        const auto run = Runs(workspace).find(id, error);
        if (!run || !RunLauncher::startSupervisor(workspace, *run, error)) {
            // Nobody will start it: say why on the run itself.
            QString ignored;
            Runs(workspace).finish(id, RunStatus::Failed, -1, *error, &ignored);
            ok = false;
        }
    }
    return ok;
}

} // namespace mlwb
