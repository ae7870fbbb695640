#include "remote/sshbackend.h"

#include "runs/diskfullwait.h"
#include "runs/environmentcapture.h"
#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runreason.h"
#include "snapshots/snapshotreader.h"
#include "store/defaultworkspace.h"
#include "store/environments.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QThread>

namespace mlwb {

namespace {
const qint64 chunkBytes = 16 << 20;      // per file and poll
const qint64 streamChunkBytes = 4 << 20; // per file and streamed answer
const qint64 spoolLimit = 256 << 20;     // a stream is started anew past this, to free its spool
const qint64 prepareRetryMs = 8000;      // a VM that is down at submit fails the run soon
const qint64 reconnectMs = 15 * 60000;   // a dropped connection mid-run is retried this long
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

SshBackend::SshBackend(const RunContext &context, const ComputeTarget &target)
    : m_context(context)
    , m_connection(target)
    , m_remote(m_connection, context.run.uid)
    , m_stream(m_connection)
{}

bool SshBackend::resume(QString *error)
{
    QSqlQuery q(m_context.workspace.database());
    q.prepare(QStringLiteral("SELECT log_offset FROM run_ingest WHERE run_id = ?"));
    q.addBindValue(m_context.run.id);
    if (!sql::exec(q, error))
        return false;
    // The store is the truth: bytes copied after its last offset are copied again.
    QFile log(m_context.folder.log());
    m_logOffset = qMin(q.next() ? q.value(0).toLongLong() : 0, log.size());
    if (log.size() > m_logOffset)
        log.resize(m_logOffset);
    m_pgid = processgroup::readNumber(remotePgidFile());
    return true;
}

QString SshBackend::remotePgidFile() const
{
    // Not `pgid`: that names a local process group, which a cancel would signal.
    return QDir(m_context.folder.root()).filePath(QStringLiteral("remote_pgid"));
}

bool SshBackend::hasStarted() const
{
    return QFileInfo::exists(remotePgidFile());
}

SshResult SshBackend::withRetries(const std::function<SshResult()> &call, qint64 giveUpMs)
{
    QElapsedTimer timer;
    timer.start();
    int delayMs = 500;
    while (true) {
        SshResult result = call();
        m_reached = m_reached || !result.transient();
        // Once the VM answered, a lost link is the network's: wait as long as mid-run.
        const qint64 limit = m_reached ? qMax(giveUpMs, reconnectMs) : giveUpMs;
        if (!result.transient() || timer.elapsed() > limit
            || (!m_stopping && m_context.cancelRequested()))
            return result;
        qWarning("mlwb supervisor: %s; retrying in %d ms", qPrintable(result.message), delayMs);
        for (int waited = 0; waited < delayMs; waited += 100) {
            m_context.heartbeat();
            QThread::msleep(100);
        }
        delayMs = qMin(delayMs * 2, 15000);
    }
}

bool SshBackend::prepare(QString *error)
{
    QString zip;
    if (!snapshot(m_context, &m_sha, &zip, error))
        return false;
    // A zip altered since it was stored must not reach the VM (as locally).
    if (!SnapshotReader(zip).verify(error))
        return false;
    const QString helper = defaults::pythonHelperFolder(m_context.workspace, error);
    if (helper.isEmpty())
        return false;
    if (RemoteRun::fitsOneSession(zip)) { // shipped in start()'s session
        m_helper = helper;
        m_zip = zip;
        return true;
    }
    const SshResult result =
        withRetries([&] { return m_remote.prepare(helper, zip, m_sha); }, prepareRetryMs);
    return result.ok() || sql::fail(error, result.message);
}

bool SshBackend::start(QString *error)
{
    RunConfig config = m_context.config;
    if (config.interpreter.isEmpty())
        config.interpreter = m_connection.python();
    RemoteRun::Launch launch;
    launch.workingDirectory = config.workingDirectory;
    launch.environment = config.environmentVariables;
    launch.environment.insert(QStringLiteral("MLWB_RUN_ID"), m_context.run.uid);
    launch.environment.insert(QStringLiteral("MLWB_EXPERIMENT"), m_context.run.experimentName);
    launch.environment.insert(QStringLiteral("MLWB_COMMAND"), config.effectiveCommand());
    // The VM's Python, as locally (environmentcapture.h), read in the same
    // connection once the run started; a model the script registers is
    // registered at the end, so it still inherits it.
    QString ignored;
    const QString interpreter = environmentcapture::interpreterFor(config);
    if (!interpreter.isEmpty()
        && !Environments(m_context.workspace).forRun(m_context.run.id, &ignored)) {
        launch.captureInterpreter = interpreter;
        launch.captureProgram = environmentcapture::program();
    }
    qint64 pgid = -1;
    QByteArray captured;
    const SshResult result = withRetries(
        [&] {
            return m_zip.isEmpty()
                       ? m_remote.start(m_sha, launch, &pgid, &captured)
                       : m_remote.prepareAndStart(m_helper, m_zip, m_sha, launch, &pgid, &captured);
        },
        prepareRetryMs);
    if (!result.ok())
        return sql::fail(error, result.message);
    // After the start, not beside it: two login shells starting at once on the
    // VM slowed the start by about a second (bench_ssh).
    startStream();
    // The run is going on: a full disk here is waited out, not a failed run.
    const auto keepPgid = [&](QString *e) {
        QFile file(remotePgidFile());
        if (file.open(QIODevice::WriteOnly)
            && file.write(QByteArray::number(pgid) + '\n') == QByteArray::number(pgid).size() + 1
            && file.flush())
            return true;
        file.remove();
        return sql::fail(e, tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    };
    if (!m_context.diskFull.retry(keepPgid, error))
        return false;
    m_pgid = pgid;
    // A run whose Python cannot say what it holds still runs.
    if (!launch.captureProgram.isEmpty()
        && !m_context.diskFull.retry(
            [&](QString *e) {
                return environmentcapture::store(m_context.workspace, m_context.run.id, captured,
                                                 e);
            },
            &ignored))
        qWarning("mlwb supervisor: could not read the environment on %s: %s",
                 qPrintable(m_connection.name()), qPrintable(ignored));
    return true;
}

void SshBackend::startStream()
{
    m_stream.start(m_remote.streamScript(m_logOffset, QFileInfo(m_context.folder.metrics()).size(),
                                         streamChunkBytes),
                   QDir(m_context.folder.root()).filePath(QStringLiteral("stream.spool")));
}

TargetBackend::Step SshBackend::poll(bool *ended, bool *more, QString *error)
{
    if (!m_stream.isRunning())
        startStream(); // after a resume or a lost stream
    RemoteRun::Poll poll;
    switch (m_stream.read(pollIntervalMs(), &poll)) {
    case RemoteStream::Read::Ended:
        return pollOnce(ended, more, error); // waits out a lost link, then streams again
    case RemoteStream::Read::Nothing:
        *more = true; // the stream paces the rounds
        return Step::Done;
    case RemoteStream::Read::Frames:
        break;
    }
    const bool left =
        m_logOffset + poll.log.size() < poll.logSize
        || QFileInfo(m_context.folder.metrics()).size() + poll.metrics.size() < poll.metricsSize;
    const Step step = take(poll, ended, left, error);
    // Ahead of what is stored after a failure, or a large spool: started
    // again from the store's offsets.
    if (step != Step::Done || m_stream.spooled() > spoolLimit)
        m_stream.stop();
    *more = !*ended;
    return step;
}

TargetBackend::Step SshBackend::pollOnce(bool *ended, bool *more, QString *error)
{
    RemoteRun::Poll poll;
    const SshResult result = withRetries(
        [&] {
            poll = RemoteRun::Poll();
            return m_remote.poll(m_logOffset, QFileInfo(m_context.folder.metrics()).size(),
                                 chunkBytes, &poll, more);
        },
        reconnectMs);
    if (!result.ok()) {
        *error = result.message + QLatin1Char(' ') + tr("The run may still be going on on the VM.");
        return Step::Fail;
    }
    return take(poll, ended, *more, error);
}

TargetBackend::Step SshBackend::take(const RemoteRun::Poll &poll, bool *ended, bool more,
                                     QString *error)
{
    if (poll.vanished) {
        // Removed by an earlier supervisor that had everything, then died.
        if (QFileInfo::exists(m_context.folder.exitCodeFile())) {
            *ended = true;
            return Step::Done;
        }
        *error = RunReason::folderVanished(m_connection.name(), m_remote.folder());
        return Step::Fail;
    }
    if (!store(poll, error))
        return Step::Retry; // the next poll asks again from what is stored
    const bool over = poll.hasExitCode || (poll.pgid > 0 && !poll.alive);
    if (over && !more) { // everything the run wrote, to the last byte, and its exit code
        if (!keepExitCode(poll, error))
            return Step::Retry;
        *ended = true;
    }
    return Step::Done;
}

bool SshBackend::store(const RemoteRun::Poll &poll, QString *error)
{
    QString reason;
    const qint64 logSize = QFileInfo(m_context.folder.log()).size();
    const bool logKept = appendTo(m_context.folder.log(), poll.log, &reason);
    if (!logKept || !appendTo(m_context.folder.metrics(), poll.metrics, &reason)) {
        if (logKept) // both or neither: the next poll asks for the log again
            QFile::resize(m_context.folder.log(), logSize);
        return sql::fail(
            error,
            tr("Cannot write to the run folder %1: %2").arg(m_context.folder.root(), reason));
    }
    if (poll.log.isEmpty())
        return true;
    m_logOffset += poll.log.size();
    return storeLogOffset(error);
}

bool SshBackend::storeLogOffset(QString *error)
{
    QSqlQuery q(m_context.workspace.database());
    q.prepare(QStringLiteral("INSERT INTO run_ingest(run_id, log_offset) VALUES (?, ?) "
                             "ON CONFLICT(run_id) DO UPDATE SET log_offset = excluded.log_offset"));
    q.addBindValue(m_context.run.id);
    q.addBindValue(m_logOffset);
    return sql::exec(q, error);
}

bool SshBackend::keepExitCode(const RemoteRun::Poll &poll, QString *error)
{
    if (!poll.hasExitCode)
        return true;
    QFile code(m_context.folder.exitCodeFile());
    const QByteArray text = QByteArray::number(poll.exitCode) + '\n';
    if (code.open(QIODevice::WriteOnly) && code.write(text) == text.size() && code.flush())
        return true;
    return sql::fail(error, tr("Cannot write %1: %2").arg(code.fileName(), code.errorString()));
}

bool SshBackend::terminate()
{
    // Stopping only once the signal went out; a failed attempt is repeated.
    m_stopping = m_remote.terminate(m_pgid, cancelGraceMs).ok();
    return m_stopping;
}

SshResult SshBackend::fetchOutputs()
{
    // Into the workspace, so a full disk waits for space like the metrics.
    while (true) {
        const SshResult fetched = withRetries(
            [&] { return m_remote.fetchOutputs(m_context.folder.root()); }, reconnectMs);
        if (fetched.ok() || !m_context.diskFull.pauseIfFull(fetched.message))
            return fetched;
    }
}

TargetBackend::Step SshBackend::collect(QString *error)
{
    m_stream.stop();
    const SshResult fetched = fetchOutputs();
    if (!fetched.ok()) {
        *error = RunReason::fetchFailed(
            m_connection.name(),
            fetched.message.isEmpty() ? QString::fromUtf8(fetched.err).trimmed() : fetched.message);
        return Step::Fail;
    }
    if (!m_connection.keepRunFolders()) {
        const SshResult removed = withRetries([&] { return m_remote.remove(); }, reconnectMs);
        if (!removed.ok())
            qWarning("mlwb supervisor: could not remove %s: %s", qPrintable(m_remote.folder()),
                     qPrintable(removed.message));
    }
    return Step::Done;
}

QString SshBackend::failureMessage(qint64 exitCode, bool timedOut) const
{
    // A full disk also keeps the wrapper from writing exit_code: say so, not "killed".
    const QString tail = RunEnding::lastLogLines(m_context.folder.log(), 20);
    if (exitCode < 0 && !timedOut && tail.contains(QLatin1String("No space left on device")))
        return RunReason::withLog(
            RunReason::remoteDiskFull(m_connection.name(), m_connection.workdir()), tail);
    return RunEnding::failureMessage(exitCode, timedOut, m_context.config.timeoutSeconds,
                                     m_context.config.effectiveCommand(), m_connection.name(),
                                     m_context.folder.log());
}

} // namespace mlwb
