#include "remote/remoterunsupervisor.h"

#include "runs/runending.h"
#include "store/computetargets.h"

#include "metrics/metriclineparser.h"
#include "registry/pendingregistrations.h"
#include "runs/diskfullwait.h"
#include "runs/environmentcapture.h"
#include "runs/processgroup.h"
#include "runs/runqueue.h"
#include "snapshots/snapshotreader.h"
#include "store/defaultworkspace.h"
#include "store/environments.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QSqlQuery>
#include <QThread>
#include <climits>

namespace mlwb {

namespace {
const qint64 chunkBytes = 16 << 20;    // per file and poll
const qint64 prepareRetryMs = 8000;    // a VM that is down at submit fails the run soon
const qint64 reconnectMs = 15 * 60000; // a dropped connection mid-run is retried this long
const int cancelGraceMs = 5000;

// Appends all of `bytes` or, on failure (say, a full disk), none of them.
bool appendTo(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (bytes.isEmpty())
        return true;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return sql::fail(error, file.errorString());
    const qint64 size = file.size();
    if (file.write(bytes) == bytes.size() && file.flush())
        return true;
    const QString reason = file.errorString();
    file.resize(size);
    return sql::fail(error, reason);
}
} // namespace

RemoteRunSupervisor::RemoteRunSupervisor(const Workspace &workspace, const Run &run,
                                         const ComputeTarget &target)
    : m_workspace(workspace)
    , m_run(run)
    , m_connection(target)
    , m_remote(m_connection, run.uid)
{}

RemoteRunSupervisor::~RemoteRunSupervisor() = default;

bool RemoteRunSupervisor::exec(QString *error)
{
    if (!load(error))
        return false;
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
        if (!QFileInfo::exists(remotePgidFile()) && !prepare(error))
            return false;
        if (isFinal(status()))
            return true; // canceled while preparing
        Q_FALLTHROUGH();
    case RunStatus::Running:
        if (!watch(error))
            return false;
        Q_FALLTHROUGH();
    case RunStatus::Finalizing:
        return finalize(error);
    default:
        return true; // already final
    }
}

bool RemoteRunSupervisor::load(QString *error)
{
    m_config = RunConfig::fromJson(m_run.config);
    m_folder = std::make_unique<RunFolder>(m_workspace.folder(Workspace::Folder::Runs), m_run.uid);
    QDir().mkpath(m_folder->root());
    m_tail = std::make_unique<MetricTail>(m_folder->metrics());
    m_ingestor = std::make_unique<MetricIngestor>(m_workspace, m_run.id);
    m_offset = m_ingestor->storedOffset(error);
    if (m_offset < 0)
        return false;
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT log_offset FROM run_ingest WHERE run_id = ?"));
    q.addBindValue(m_run.id);
    if (!sql::exec(q, error))
        return false;
    // The store is the truth: bytes copied after its last offset are copied again.
    QFile log(m_folder->log());
    m_logOffset = qMin(q.next() ? q.value(0).toLongLong() : 0, log.size());
    if (log.size() > m_logOffset)
        log.resize(m_logOffset);
    m_pgid = processgroup::readNumber(remotePgidFile());
    return true;
}

QString RemoteRunSupervisor::remotePgidFile() const
{
    // Not `pgid`: that names a local process group, which a cancel would signal.
    return QDir(m_folder->root()).filePath(QStringLiteral("remote_pgid"));
}

RunStatus RemoteRunSupervisor::status()
{
    QString ignored;
    const auto run = Runs(m_workspace).find(m_run.id, &ignored);
    return run ? run->status : RunStatus::Failed;
}

void RemoteRunSupervisor::heartbeat()
{
    const qint64 now = sql::now();
    if (now - m_lastHeartbeat < 1000)
        return;
    m_lastHeartbeat = now;
    RunEnding::heartbeat(m_workspace.database(), m_run.id);
}

bool RemoteRunSupervisor::cancelRequested()
{
    return RunEnding::cancelRequested(m_workspace.database(), m_run.id);
}

bool RemoteRunSupervisor::waitForSlot(QString *error)
{
    while (true) {
        heartbeat();
        // Read on every try, as locally: a changed limit applies to queued runs too.
        const auto target = ComputeTargets(m_workspace).find(m_run.targetId, error);
        const int limit = target ? RunQueue::slotLimit(*target) : INT_MAX;
        if (cancelRequested())
            return Runs(m_workspace).finish(m_run.id, RunStatus::Canceled, -1, QString(), error);
        // Count the target's active runs and older queued runs in one write transaction.
        WriteTransaction transaction(m_workspace.database());
        if (!transaction.begin(error))
            return false;
        QSqlQuery q(m_workspace.database());
        q.prepare(QStringLiteral(
            "SELECT (SELECT count(*) FROM runs WHERE target_id = ? AND parent_id IS NULL AND "
            "status IN ('Preparing', 'Running', 'Finalizing')), "
            "(SELECT count(*) FROM runs r JOIN run_ingest i ON i.run_id = r.id WHERE "
            "r.target_id = ? AND r.parent_id IS NULL AND r.status = 'Queued' AND r.id < ? AND "
            "i.heartbeat > ?)"));
        q.addBindValue(m_run.targetId);
        q.addBindValue(m_run.targetId);
        q.addBindValue(m_run.id);
        q.addBindValue(sql::now() - 5000);
        if (!sql::exec(q, error) || !q.next())
            return false;
        const bool free = q.value(0).toInt() < limit && q.value(1).toInt() == 0;
        q.finish();
        if (free)
            return Runs(m_workspace).setStatus(m_run.id, RunStatus::Preparing, error)
                   && transaction.commit(error);
        transaction.commit(error);
        QThread::msleep(200);
    }
}

SshResult RemoteRunSupervisor::withRetries(const std::function<SshResult()> &call, qint64 giveUpMs)
{
    QElapsedTimer timer;
    timer.start();
    int delayMs = 500;
    while (true) {
        SshResult result = call();
        m_reached = m_reached || !result.transient();
        // Once the VM answered, a lost link is the network's: wait as long as mid-run.
        const qint64 limit = m_reached ? qMax(giveUpMs, reconnectMs) : giveUpMs;
        if (!result.transient() || timer.elapsed() > limit || (!m_stopping && cancelRequested()))
            return result;
        qWarning("mlwb supervisor: %s; retrying in %d ms", qPrintable(result.message), delayMs);
        for (int waited = 0; waited < delayMs; waited += 100) {
            heartbeat();
            QThread::msleep(100);
        }
        delayMs = qMin(delayMs * 2, 15000);
    }
}

bool RemoteRunSupervisor::prepare(QString *error)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"));
    q.addBindValue(m_run.snapshotId);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return failRun(tr("The run has no snapshot to run from."), error);
    const QString sha = q.value(0).toString();
    const QString zip = QDir(m_workspace.folder(Workspace::Folder::Snapshots))
                            .filePath(sha + QStringLiteral(".zip"));
    // A zip altered since it was stored must not reach the VM (as locally).
    QString altered;
    if (!SnapshotReader(zip).verify(&altered))
        return failRun(altered, error);
    const QString helper = defaults::pythonHelperFolder(m_workspace, error);
    if (helper.isEmpty())
        return failRun(*error, error);
    SshResult result =
        withRetries([&] { return m_remote.prepare(helper, zip, sha); }, prepareRetryMs);
    if (!result.ok())
        return failRun(result.message, error);
    if (cancelRequested())
        return Runs(m_workspace).finish(m_run.id, RunStatus::Canceled, -1, QString(), error);

    RunConfig config = m_config;
    if (config.interpreter.isEmpty())
        config.interpreter = m_connection.python();
    captureEnvironment(config);
    RemoteRun::Launch launch;
    launch.workingDirectory = config.workingDirectory;
    launch.environment = config.environmentVariables;
    launch.environment.insert(QStringLiteral("MLWB_RUN_ID"), m_run.uid);
    launch.environment.insert(QStringLiteral("MLWB_EXPERIMENT"), m_run.experimentName);
    launch.environment.insert(QStringLiteral("MLWB_COMMAND"), config.effectiveCommand());
    qint64 pgid = -1;
    result = withRetries([&] { return m_remote.start(sha, launch, &pgid); }, prepareRetryMs);
    if (!result.ok())
        return failRun(result.message, error);
    QFile file(remotePgidFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(pgid) + '\n') < 0)
        return failRun(tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()), error);
    file.close();
    m_pgid = pgid;
    return Runs(m_workspace).setStatus(m_run.id, RunStatus::Running, error);
}

// The VM's Python, as locally (environmentcapture.h); a run whose Python
// cannot say what it holds still runs.
void RemoteRunSupervisor::captureEnvironment(const RunConfig &config)
{
    const QString interpreter = environmentcapture::interpreterFor(config);
    QString error;
    if (interpreter.isEmpty() || Environments(m_workspace).forRun(m_run.id, &error))
        return;
    const SshResult result = m_connection.run(shellQuote(interpreter) + QStringLiteral(" -c ")
                                                  + shellQuote(environmentcapture::program()),
                                              60000);
    if (!result.ok() || !environmentcapture::store(m_workspace, m_run.id, result.out, &error))
        qWarning("mlwb supervisor: could not read the environment on %s: %s",
                 qPrintable(m_connection.name()),
                 qPrintable(result.ok() ? error : result.message + QString::fromUtf8(result.err)));
}

SshResult RemoteRunSupervisor::pollOnce(RemoteRun::Poll *poll, bool *more)
{
    *poll = RemoteRun::Poll();
    return m_remote.poll(m_logOffset, QFileInfo(m_folder->metrics()).size(), chunkBytes, poll,
                         more);
}

bool RemoteRunSupervisor::store(const RemoteRun::Poll &poll, QString *error)
{
    QString reason;
    if (!appendTo(m_folder->log(), poll.log, &reason)
        || !appendTo(m_folder->metrics(), poll.metrics, &reason))
        return sql::fail(error,
                         tr("Cannot write to the run folder %1: %2").arg(m_folder->root(), reason));
    if (!poll.log.isEmpty()) {
        m_logOffset += poll.log.size();
        if (!storeLogOffset(error))
            return false;
    }
    return ingest(false, error);
}

bool RemoteRunSupervisor::storeLogOffset(QString *error)
{
    QSqlQuery q(m_workspace.database());
    q.prepare(QStringLiteral("INSERT INTO run_ingest(run_id, log_offset) VALUES (?, ?) "
                             "ON CONFLICT(run_id) DO UPDATE SET log_offset = excluded.log_offset"));
    q.addBindValue(m_run.id);
    q.addBindValue(m_logOffset);
    return sql::exec(q, error);
}

bool RemoteRunSupervisor::ingest(bool processEnded, QString *error)
{
    return RunEnding::ingestAvailable(*m_tail, *m_ingestor, processEnded, &m_offset, error);
}

void RemoteRunSupervisor::stop()
{
    // m_stopping only once the signal went out; a failed attempt is repeated.
    m_stopping = m_remote.terminate(m_pgid, cancelGraceMs).ok();
}

bool RemoteRunSupervisor::watch(QString *error)
{
    if (status() == RunStatus::Preparing
        && !Runs(m_workspace).setStatus(m_run.id, RunStatus::Running, error))
        return false;
    const auto run = Runs(m_workspace).find(m_run.id, error);
    const QDateTime started =
        run && run->startedAt.isValid() ? run->startedAt : QDateTime::currentDateTimeUtc();
    while (true) {
        heartbeat();
        RemoteRun::Poll poll;
        bool more = false;
        const SshResult result = withRetries([&] { return pollOnce(&poll, &more); }, reconnectMs);
        if (!result.ok())
            return failRun(result.message + QLatin1Char(' ')
                               + tr("The run may still be going on on the VM."),
                           error);
        if (poll.vanished)
            return failRun(tr("The run's folder on %1 (%2) has vanished.")
                               .arg(m_connection.name(), m_remote.folder()),
                           error);
        QString storeError;
        if (store(poll, &storeError))
            m_diskFull->check();
        else if (m_diskFull->pauseIfFull(storeError))
            continue; // the next poll asks again from what is stored
        else
            qWarning("mlwb supervisor: %s", qPrintable(storeError)); // retried next round
        if (poll.hasExitCode || (poll.pgid > 0 && !poll.alive))
            return true;
        if (!m_stopping && cancelRequested())
            stop();
        if (!m_stopping && m_config.timeoutSeconds > 0
            && started.secsTo(QDateTime::currentDateTimeUtc()) > m_config.timeoutSeconds) {
            m_timedOut = true;
            stop();
        }
        if (!more)
            QThread::msleep(m_pollMs);
    }
}

bool RemoteRunSupervisor::finalPoll(QString *error)
{
    // Everything the run wrote, to the last byte, and its exit code.
    while (true) {
        heartbeat();
        RemoteRun::Poll poll;
        bool more = false;
        const SshResult result = withRetries([&] { return pollOnce(&poll, &more); }, reconnectMs);
        if (!result.ok())
            return failRun(result.message, error);
        if (poll.vanished) // removed by an earlier supervisor that then died
            return QFileInfo::exists(m_folder->exitCodeFile())
                   || failRun(tr("The run's folder on %1 (%2) has vanished.")
                                  .arg(m_connection.name(), m_remote.folder()),
                              error);
        if (!store(poll, error) || (!more && !keepExitCode(poll, error))
            || (!more && !ingest(true, error))) {
            if (m_diskFull->pauseIfFull(*error))
                continue; // asked again from what is stored
            return false;
        }
        m_diskFull->check();
        if (!more)
            return true;
    }
}

bool RemoteRunSupervisor::keepExitCode(const RemoteRun::Poll &poll, QString *error)
{
    if (!poll.hasExitCode)
        return true;
    QFile code(m_folder->exitCodeFile());
    const QByteArray text = QByteArray::number(poll.exitCode) + '\n';
    if (code.open(QIODevice::WriteOnly) && code.write(text) == text.size() && code.flush())
        return true;
    return sql::fail(error, tr("Cannot write %1: %2").arg(code.fileName(), code.errorString()));
}

SshResult RemoteRunSupervisor::fetchOutputs()
{
    // Into the workspace, so a full disk waits for space like the metrics.
    while (true) {
        const SshResult fetched =
            withRetries([&] { return m_remote.fetchOutputs(m_folder->root()); }, reconnectMs);
        if (fetched.ok() || !m_diskFull->pauseIfFull(fetched.message))
            return fetched;
    }
}

bool RemoteRunSupervisor::finalize(QString *error)
{
    Runs runs(m_workspace);
    if (status() == RunStatus::Running
        && !m_diskFull->retry(
            [&](QString *e) { return runs.setStatus(m_run.id, RunStatus::Finalizing, e); }, error))
        return false;
    if (!finalPoll(error))
        return false;
    const SshResult fetched = fetchOutputs();
    if (!fetched.ok())
        return failRun(tr("Could not fetch the outputs from %1: %2")
                           .arg(m_connection.name(), fetched.message.isEmpty()
                                                         ? QString::fromUtf8(fetched.err).trimmed()
                                                         : fetched.message),
                       error);
    pendingregistrations::registerAll(m_workspace, m_run,
                                      m_workspace.folder(Workspace::Folder::Runs));
    if (!m_connection.keepRunFolders()) {
        const SshResult removed = withRetries([&] { return m_remote.remove(); }, reconnectMs);
        if (!removed.ok())
            qWarning("mlwb supervisor: could not remove %s: %s", qPrintable(m_remote.folder()),
                     qPrintable(removed.message));
    }
    const qint64 code = processgroup::readNumber(m_folder->exitCodeFile());
    const bool canceled = cancelRequested() && !m_timedOut;
    const RunStatus final = RunEnding::finalStatus(code, canceled);
    RunEnding::endChildren(m_workspace.database(), m_run.id, final);
    const QString message = final == RunStatus::Failed ? finalMessage(code) : QString();
    return m_diskFull->retry(
        [&](QString *e) { return runs.finish(m_run.id, final, int(code), message, e); }, error);
}

QString RemoteRunSupervisor::finalMessage(qint64 code) const
{
    // A full disk also keeps the wrapper from writing exit_code: say so, not "killed".
    const QString tail = RunEnding::lastLogLines(m_folder->log(), 20);
    if (code < 0 && !m_timedOut && tail.contains(QLatin1String("No space left on device")))
        return tr("The disk of %1 is full (No space left on device in %2): the run failed and "
                  "its exit code could not be written.")
                   .arg(m_connection.name(), m_connection.workdir())
               + QLatin1Char('\n') + tail;
    return RunEnding::failureMessage(code, m_timedOut, m_config.timeoutSeconds,
                                     m_config.effectiveCommand(), m_connection.name(),
                                     m_folder->log());
}

bool RemoteRunSupervisor::failRun(const QString &message, QString *error)
{
    QString ignored;
    Runs(m_workspace).finish(m_run.id, RunStatus::Failed, -1, message, &ignored);
    *error = message;
    return false;
}

} // namespace mlwb
