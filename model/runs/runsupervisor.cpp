#include "runs/runsupervisor.h"

#include "registry/pendingregistrations.h"
#include "remote/remoterunsupervisor.h"
#include "runs/diskfullwait.h"
#include "runs/environmentcapture.h"
#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runlauncher.h"
#include "runs/runqueue.h"
#include "snapshots/snapshotreader.h"
#include "store/computetargets.h"
#include "store/defaultworkspace.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QThread>

namespace mlwb {

namespace {

const int cancelGraceMs = 5000;

// Moves every file under `from` to the same place under `to`; a name that
// is taken gets " (2)" etc., so nothing a run wrote is overwritten.
void moveTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        QDir().mkpath(QFileInfo(target).absolutePath());
        const QFileInfo info(target);
        for (int n = 2; QFileInfo::exists(target); ++n)
            target =
                QDir(info.absolutePath())
                    .filePath(QStringLiteral("%1 (%2)%3")
                                  .arg(info.completeBaseName())
                                  .arg(n)
                                  .arg(info.suffix().isEmpty() ? QString()
                                                               : QLatin1Char('.') + info.suffix()));
        QFile::rename(source, target);
    }
    QDir(from).removeRecursively();
}

} // namespace

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
    // SSH targets: their own engine (remoterunsupervisor.cpp).
    if (const auto target = ComputeTargets(m_workspace).find(m_run.targetId);
        target && target->kind == ComputeTarget::Kind::Ssh)
        return RemoteRunSupervisor(m_workspace, m_run, *target).exec(error);
    QDir().mkpath(m_folder->root());
    // One supervisor per run: a second one (say, restarted twice) leaves.
    QLockFile lock(m_folder->lockFile());
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        return true;
    m_diskFull = std::make_unique<DiskFullWait>(m_folder->noteFile(), m_workspace.path(),
                                                [this] { heartbeat(); });
    heartbeat();
    switch (status()) {
    case RunStatus::Queued:
        if (!waitForSlot(error))
            return false;
        if (status() != RunStatus::Preparing)
            return true; // canceled while queued
        Q_FALLTHROUGH();
    case RunStatus::Preparing:
        if (!QFileInfo::exists(m_folder->processGroupFile())) {
            if (!prepare(error) || !start(error))
                return status() != RunStatus::Preparing || failRun(*error, error);
        }
        Q_FALLTHROUGH();
    case RunStatus::Running:
        if (!QFileInfo::exists(m_folder->processGroupFile()) && !start(error))
            return failRun(*error, error);
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
        // In one write transaction: count the target's active runs and make
        // sure no older queued run (with a live supervisor) goes first.
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
        if (q.value(0).toInt() < limit && q.value(1).toInt() == 0) {
            q.finish();
            return Runs(m_workspace).setStatus(m_runId, RunStatus::Preparing, error)
                   && transaction.commit(error);
        }
        q.finish();
        transaction.commit(error);
        QThread::msleep(200);
    }
}

bool RunSupervisor::prepare(QString *error)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"));
    q.addBindValue(m_run.snapshotId);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, tr("The run has no snapshot to run from."));
    const QString zip = QDir(m_workspace.folder(Workspace::Folder::Snapshots))
                            .filePath(q.value(0).toString() + QStringLiteral(".zip"));
    QDir(m_folder->code()).removeRecursively(); // a half expansion from a dead supervisor
    return SnapshotReader(zip).extractTo(m_folder->code(), error);
}

bool RunSupervisor::start(QString *error)
{
    const QString helper = defaults::pythonHelperFolder(m_workspace, error);
    if (helper.isEmpty())
        return false;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = m_config.environmentVariables.cbegin();
         it != m_config.environmentVariables.cend(); ++it)
        env.insert(it.key(), it.value());
    const QString pythonPath = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               pythonPath.isEmpty() ? helper : helper + QLatin1Char(':') + pythonPath);
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("MLWB_RUN_DIR"), m_folder->root());
    env.insert(QStringLiteral("MLWB_RUN_ID"), m_run.uid);
    env.insert(QStringLiteral("MLWB_EXPERIMENT"), m_run.experimentName);
    env.insert(QStringLiteral("MLWB_COMMAND"), m_config.effectiveCommand());
    env.insert(QStringLiteral("MLWB_WAIT_FOR_SPACE"), QStringLiteral("1")); // see wrapperScript()
    // run.register_model() in the script calls this program on this workspace.
    env.insert(QStringLiteral("MLWB_PROGRAM_PATH"), RunLauncher::program());
    env.insert(QStringLiteral("MLWB_WORKSPACE_PATH"), m_workspace.path());
    const QString workingDirectory = QDir(m_folder->code()).filePath(m_config.workingDirectory);
    // Before the script starts, so a model it registers inherits it. A run
    // whose Python cannot say what it holds still runs.
    QString captureError;
    if (!environmentcapture::captureLocal(m_workspace, m_runId,
                                          environmentcapture::interpreterFor(m_config),
                                          workingDirectory, env, &captureError))
        qWarning("mlwb supervisor: %s", qPrintable(captureError));

    QProcess process;
    // setsid: its own session and process group, so a cancel reaches all
    // of it and closing a terminal or the GUI reaches none of it.
    process.setProgram(QStringLiteral("setsid"));
    process.setArguments({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                          QString::fromLatin1(RunEnding::wrapperScript()),
                          QStringLiteral("mlwb-run")});
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(m_folder->log(), QIODevice::Append);
    process.setStandardErrorFile(m_folder->log(), QIODevice::Append);
    QFile::remove(m_folder->exitCodeFile());
    if (!process.startDetached())
        return sql::fail(error, tr("Could not start the run: %1").arg(process.errorString()));
    // The wrapper writes its pgid first thing; wait for it briefly.
    for (int i = 0; i < 200 && !QFileInfo::exists(m_folder->processGroupFile()); ++i)
        QThread::msleep(10);
    return Runs(m_workspace).setStatus(m_runId, RunStatus::Running, error);
}

bool RunSupervisor::watch(QString *error)
{
    if (status() == RunStatus::Preparing
        && !Runs(m_workspace).setStatus(m_runId, RunStatus::Running, error))
        return false;
    for (int i = 0; i < 500 && m_pgid <= 0; ++i) {
        m_pgid = processgroup::readNumber(m_folder->processGroupFile());
        if (m_pgid <= 0)
            QThread::msleep(10);
    }
    const auto run = Runs(m_workspace).find(m_runId, error);
    const QDateTime started =
        run && run->startedAt.isValid() ? run->startedAt : QDateTime::currentDateTimeUtc();
    bool canceling = false;
    while (true) {
        const bool ended =
            QFileInfo::exists(m_folder->exitCodeFile()) || !processgroup::isAlive(m_pgid);
        QString ingestError;
        if (ingest(ended, &ingestError))
            m_diskFull->check();
        else if (m_diskFull->pauseIfFull(ingestError))
            continue; // nothing is lost: the next round reads on from the stored offset
        else
            qWarning("mlwb supervisor: %s", qPrintable(ingestError)); // retried next round
        if (ended)
            return true;
        heartbeat();
        if (!canceling && cancelRequested()) {
            canceling = true;
            processgroup::terminate(m_pgid, cancelGraceMs);
        }
        if (!canceling && m_config.timeoutSeconds > 0
            && started.secsTo(QDateTime::currentDateTimeUtc()) > m_config.timeoutSeconds) {
            canceling = m_timedOut = true;
            processgroup::terminate(m_pgid, cancelGraceMs);
        }
        QThread::msleep(m_pollMs);
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
    collectOutputs();
    pendingregistrations::registerAll(m_workspace, m_run,
                                      m_workspace.folder(Workspace::Folder::Runs));
    const qint64 code = processgroup::readNumber(m_folder->exitCodeFile());
    const RunStatus final = RunEnding::finalStatus(code, cancelRequested() && !m_timedOut);
    RunEnding::endChildren(m_workspace.database(), m_runId, final);
    const QString message =
        final == RunStatus::Failed
            ? RunEnding::failureMessage(code, m_timedOut, m_config.timeoutSeconds,
                                        m_config.effectiveCommand(), QString(), m_folder->log())
            : QString();
    return m_diskFull->retry(
        [&](QString *e) { return runs.finish(m_runId, final, int(code), message, e); }, error);
}

bool RunSupervisor::failRun(const QString &message, QString *error)
{
    QString ignored;
    Runs(m_workspace).finish(m_runId, RunStatus::Failed, -1, message, &ignored);
    *error = message;
    return false;
}

void RunSupervisor::collectOutputs()
{
    const QString produced = QDir(m_folder->code()).filePath(QStringLiteral("outputs"));
    if (QFileInfo(produced).isDir())
        moveTree(produced, m_folder->outputs());
}

} // namespace mlwb
