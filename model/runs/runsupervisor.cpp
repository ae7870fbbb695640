#include "runs/runsupervisor.h"

#include "remote/sshbackend.h"
#include "runs/diskfullwait.h"
#include "runs/localbackend.h"
#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runhelper.h"
#include "runs/runqueue.h"
#include "runs/runreason.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QLockFile>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QThread>

namespace mlwb {

std::unique_ptr<TargetBackend> TargetBackend::create(const RunContext &context,
                                                     const ComputeTarget *target)
{
    if (target && target->kind == ComputeTarget::Kind::Ssh)
        return std::make_unique<SshBackend>(context, *target);
    return std::make_unique<LocalBackend>(context);
}

bool TargetBackend::snapshot(const RunContext &context, QString *sha, QString *zip, QString *error)
{
    QSqlQuery q(context.workspace.database());
    q.prepare(QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"));
    q.addBindValue(context.run.snapshotId);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, RunReason::noSnapshot());
    *sha = q.value(0).toString();
    *zip = QDir(context.workspace.folder(Workspace::Folder::Snapshots))
               .filePath(*sha + QStringLiteral(".zip"));
    return true;
}

RunSupervisor::RunSupervisor(const Workspace &workspace, Id runId)
    : m_workspace(workspace)
    , m_runId(runId)
{}

RunSupervisor::~RunSupervisor() = default;

bool RunSupervisor::exec(QString *error)
{
    if (!load(error))
        return false;
    // However this ends, a slot may have freed: start the next queued run.
    const auto next = qScopeGuard([this] {
        QString ignored;
        RunQueue::dispatch(m_workspace, m_run.targetId, &ignored);
    });
    QDir().mkpath(m_folder->root());
    // One supervisor per run: a second one (say, restarted twice) leaves.
    QLockFile lock(m_folder->lockFile());
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        return true;
    m_diskFull = std::make_unique<DiskFullWait>(m_folder->noteFile(), m_workspace.path(),
                                                [this] { heartbeat(); });
    const auto target = ComputeTargets(m_workspace).find(m_run.targetId);
    const RunContext context{m_workspace,
                             m_run,
                             m_config,
                             *m_folder,
                             *m_diskFull,
                             [this] { heartbeat(); },
                             [this] { return cancelRequested(); }};
    m_backend = TargetBackend::create(context, target ? &*target : nullptr);
    heartbeat();
    return m_backend->resume(error) && supervise(error);
}

bool RunSupervisor::supervise(QString *error)
{
    switch (status()) {
    case RunStatus::Queued:
        if (!waitForSlot(error))
            return false;
        if (status() != RunStatus::Preparing)
            return true; // canceled while queued
        Q_FALLTHROUGH();
    case RunStatus::Preparing:
    case RunStatus::Running:
        if (!m_backend->hasStarted() && !launch(error))
            return isFinal(status()) || failRun(*error, error);
        if (isFinal(status()))
            return true; // canceled while preparing
        if (!watch(error))
            return false;
        Q_FALLTHROUGH();
    case RunStatus::Finalizing:
        return finalize(error);
    default:
        return true; // already final
    }
}

bool RunSupervisor::load(QString *error)
{
    const auto run = Runs(m_workspace).find(m_runId, error);
    if (!run)
        return false;
    m_run = *run;
    m_config = RunConfig::fromJson(m_run.config);
    m_folder = std::make_unique<RunFolder>(m_workspace.folder(Workspace::Folder::Runs), m_run.uid);
    m_tail = std::make_unique<MetricTail>(m_folder->metrics());
    m_ingestor = std::make_unique<MetricIngestor>(m_workspace, m_runId);
    m_offset = m_ingestor->storedOffset(error);
    return m_offset >= 0;
}

RunStatus RunSupervisor::status()
{
    QString ignored;
    const auto run = Runs(m_workspace).find(m_runId, &ignored);
    return run ? run->status : RunStatus::Failed;
}

void RunSupervisor::heartbeat()
{
    const qint64 now = sql::now();
    if (now - m_lastHeartbeat < 1000)
        return;
    m_lastHeartbeat = now;
    RunEnding::heartbeat(m_workspace.database(), m_runId);
}

bool RunSupervisor::cancelRequested()
{
    return RunEnding::cancelRequested(m_workspace.database(), m_runId);
}

bool RunSupervisor::waitForSlot(QString *error)
{
    while (true) {
        heartbeat();
        // Read on every try: `compute edit --max-concurrent` applies to queued runs too.
        const auto target = ComputeTargets(m_workspace).find(m_run.targetId, error);
        const int limit = target ? RunQueue::slotLimit(*target) : QThread::idealThreadCount();
        if (cancelRequested())
            return Runs(m_workspace).finish(m_runId, RunStatus::Canceled, -1, QString(), error);
        // In one write transaction: count the target's active runs, and the
        // older queued runs with a live supervisor as theirs already (they
        // go first). Not "wait until none is older": runs claimed together
        // would then start one sleep apart, 20 freed slots in 4 s.
        WriteTransaction transaction(m_workspace.database());
        if (!transaction.begin(error))
            return false;
        QSqlQuery q(m_workspace.database());
        q.prepare(QStringLiteral(
            "SELECT (SELECT count(*) FROM runs WHERE target_id IS ? AND parent_id IS NULL AND "
            "status IN ('Preparing', 'Running', 'Finalizing')), "
            "(SELECT count(*) FROM runs r JOIN run_ingest i ON i.run_id = r.id WHERE "
            "r.target_id IS ? AND r.parent_id IS NULL AND r.status = 'Queued' AND r.id < ? AND "
            "i.heartbeat > ?)"));
        q.addBindValue(m_run.targetId > 0 ? QVariant(m_run.targetId) : QVariant());
        q.addBindValue(m_run.targetId > 0 ? QVariant(m_run.targetId) : QVariant());
        q.addBindValue(m_runId);
        q.addBindValue(sql::now() - 5000);
        if (!sql::exec(q, error) || !q.next())
            return false;
        if (q.value(0).toInt() + q.value(1).toInt() < limit) {
            q.finish();
            return Runs(m_workspace).setStatus(m_runId, RunStatus::Preparing, error)
                   && transaction.commit(error);
        }
        q.finish();
        transaction.commit(error);
        QThread::msleep(200);
    }
}

bool RunSupervisor::launch(QString *error)
{
    if (!m_backend->prepare(error))
        return false;
    if (cancelRequested()) // while the snapshot was shipped
        return Runs(m_workspace).finish(m_runId, RunStatus::Canceled, -1, QString(), error);
    // Started: from here a full disk is waited out, never a failed run.
    return m_backend->start(error)
           && m_diskFull->retry(
               [this](QString *e) {
                   return Runs(m_workspace).setStatus(m_runId, RunStatus::Running, e);
               },
               error);
}

bool RunSupervisor::watch(QString *error)
{
    if (status() == RunStatus::Preparing
        && !Runs(m_workspace).setStatus(m_runId, RunStatus::Running, error))
        return false;
    const auto run = Runs(m_workspace).find(m_runId, error);
    const QDateTime started =
        run && run->startedAt.isValid() ? run->startedAt : QDateTime::currentDateTimeUtc();
    bool stopping = false;
    while (true) {
        heartbeat();
        bool ended = false, more = false;
        QString stepError;
        const TargetBackend::Step step = m_backend->poll(&ended, &more, &stepError);
        if (step == TargetBackend::Step::Fail)
            return failRun(stepError, error);
        if (step == TargetBackend::Step::Done && ingest(ended, &stepError))
            m_diskFull->check();
        else if (m_diskFull->pauseIfFull(stepError))
            continue; // nothing is lost: the next round reads on from the stored offsets
        else
            qWarning("mlwb supervisor: %s", qPrintable(stepError)); // retried next round
        if (ended)
            return true;
        if (!stopping && cancelRequested())
            stopping = m_backend->terminate();
        if (!stopping && m_config.timeoutSeconds > 0
            && started.secsTo(QDateTime::currentDateTimeUtc()) > m_config.timeoutSeconds) {
            m_timedOut = true;
            stopping = m_backend->terminate();
        }
        if (!more)
            QThread::msleep(m_backend->pollIntervalMs());
    }
}

bool RunSupervisor::ingest(bool processEnded, QString *error)
{
    return RunEnding::ingestAvailable(*m_tail, *m_ingestor, processEnded, &m_offset, error);
}

bool RunSupervisor::finalize(QString *error)
{
    Runs runs(m_workspace);
    if (status() == RunStatus::Running
        && !m_diskFull->retry(
            [&](QString *e) { return runs.setStatus(m_runId, RunStatus::Finalizing, e); }, error))
        return false;
    QString collectError;
    if (m_backend->collect(&collectError) == TargetBackend::Step::Fail)
        return failRun(collectError, error);
    QString registerError; // the requests stay in the outputs, to register by hand
    if (!runhelper::registerModels(m_workspace, m_run, &registerError))
        qWarning("mlwb supervisor: could not register the run's models: %s",
                 qPrintable(registerError));
    const qint64 code = processgroup::readNumber(m_folder->exitCodeFile());
    const RunStatus final = RunEnding::finalStatus(code, cancelRequested() && !m_timedOut);
    RunEnding::endChildren(m_workspace.database(), m_runId, final);
    const QString message =
        final == RunStatus::Failed ? m_backend->failureMessage(code, m_timedOut) : QString();
    return m_diskFull->retry(
        [&](QString *e) { return runs.finish(m_runId, final, int(code), message, e); }, error);
}

bool RunSupervisor::failRun(const QString &message, QString *error)
{
    QString ignored;
    Runs(m_workspace).finish(m_runId, RunStatus::Failed, -1, message, &ignored);
    *error = RunReason::text(message);
    return false;
}

} // namespace mlwb
