#include "remote/sshbackend.h"

#include "runs/diskfullwait.h"
#include "runs/environmentcapture.h"
#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runhelper.h"
#include "runs/runreason.h"
#include "store/defaultworkspace.h"
#include "store/environments.h"
#include "store/sqlerror.h"
#include "store/storagemedium.h"
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
    QString reason;
    if (storage::writeAll(file, bytes, &reason))
        return true;
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
    if (!runhelper::verifySnapshot(zip, m_context.heartbeat, error))
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

RunConfig SshBackend::runConfig() const
{
    RunConfig config = m_context.config;
    if (config.interpreter.isEmpty())
        config.interpreter = m_connection.python();
    return config;
}

bool SshBackend::start(QString *error)
{
    const RunConfig config = runConfig();
    RemoteRun::Launch launch;
    launch.workingDirectory = config.workingDirectory;
    launch.environment = config.environmentVariables;
    launch.environment.insert(QStringLiteral("MLWB_RUN_ID"), m_context.run.uid);
    launch.environment.insert(QStringLiteral("MLWB_EXPERIMENT"), m_context.run.experimentName);
    launch.environment.insert(QStringLiteral("MLWB_COMMAND"), config.effectiveCommand());
    // The start's session goes on as the run's stream: a second session
    // would cost the VM's login shell start-up again before the first point
    // (and beside the start it slowed the start, bench_ssh).
    const RemoteRun::Runner thenStream = [this](const QString &script, const QString &input,
                                                int timeoutMs) {
        m_stream.start(script + QStringLiteral("echo ")
                           + QString::fromLatin1(RemoteStream::startedMarker().trimmed())
                           + QLatin1Char('\n') + streamScript(),
                       spoolFile(), input);
        SshResult started = m_stream.waitForStart(timeoutMs);
        m_connection.classify(&started);
        return started;
    };
    qint64 pgid = -1;
    const SshResult result = withRetries(
        [&] {
            return m_zip.isEmpty() ? m_remote.start(m_sha, launch, &pgid, thenStream)
                                   : m_remote.prepareAndStart(m_helper, m_zip, m_sha, launch, &pgid,
                                                              thenStream);
        },
        prepareRetryMs);
    if (!result.ok()) {
        m_stream.stop();
        return sql::fail(error, result.message);
    }
    // The run is going on: a full disk here is waited out, not a failed run.
    const auto keepPgid = [&](QString *e) {
        QFile file(remotePgidFile());
        QString reason;
        if (!file.open(QIODevice::WriteOnly))
            reason = file.errorString();
        else if (storage::writeAll(file, QByteArray::number(pgid) + '\n', &reason))
            return true;
        file.remove();
        return sql::fail(e, tr("Cannot write %1: %2").arg(file.fileName(), reason));
    };
    if (!m_context.diskFull.retry(keepPgid, error))
        return false;
    m_pgid = pgid;
    return true;
}

QString SshBackend::spoolFile() const
{
    return QDir(m_context.folder.root()).filePath(QStringLiteral("stream.spool"));
}

void SshBackend::startStream()
{
    m_stream.start(streamScript(), spoolFile());
}

QString SshBackend::streamScript()
{
    // The VM's Python, as locally (environmentcapture.h), read by the stream
    // beside the run until it is stored; a model the script registers is
    // registered at the end, so it still inherits it.
    QString interpreter, program, ignored;
    if (!m_environmentKept) {
        interpreter = environmentcapture::interpreterFor(runConfig());
        if (!interpreter.isEmpty()
            && !Environments(m_context.workspace).forRun(m_context.run.id, &ignored))
            program = environmentcapture::program();
        else
            m_environmentKept = true;
    }
    return m_remote.streamScript(m_logOffset, QFileInfo(m_context.folder.metrics()).size(),
                                 streamChunkBytes, interpreter, program);
}

void SshBackend::keepEnvironment(const RemoteRun::Poll &poll)
{
    if (!poll.hasEnvironment || m_environmentKept)
        return;
    m_environmentKept = true; // asked once: a run whose Python cannot say what it holds still runs
    QString error;
    if (!m_context.diskFull.retry(
            [&](QString *e) {
                return environmentcapture::store(m_context.workspace, m_context.run.id,
                                                 poll.environment, e);
            },
            &error))
        qWarning("mlwb supervisor: could not read the environment on %s: %s",
                 qPrintable(m_connection.name()), qPrintable(error));
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
    keepEnvironment(poll);
    const bool left =
        m_logOffset + poll.log.size() < poll.logSize
        || QFileInfo(m_context.folder.metrics()).size() + poll.metrics.size() < poll.metricsSize;
    const Step step = take(poll, ended, left, error);
    if (*ended && poll.outputs != RemoteRun::Poll::Outputs::NotYet) {
        m_outputs = poll.outputs;
        m_outputsTar = poll.outputsTar;
    }
    // Ahead of what is stored after a failure, or a large spool: started
    // again from the store's offsets. At the end it brings the outputs.
    if (step != Step::Done || (!*ended && m_stream.spooled() > spoolLimit))
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
    QString reason;
    if (!code.open(QIODevice::WriteOnly))
        reason = code.errorString();
    else if (storage::writeAll(code, QByteArray::number(poll.exitCode) + '\n', &reason))
        return true;
    return sql::fail(error, tr("Cannot write %1: %2").arg(code.fileName(), reason));
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
        const SshResult fetched =
            m_outputs == RemoteRun::Poll::Outputs::Sent
                ? unpackStreamedOutputs()
                : withRetries([&] { return m_remote.fetchOutputs(m_context.folder.root()); },
                              reconnectMs);
        if (fetched.ok() || !m_context.diskFull.pauseIfFull(fetched.message))
            return fetched;
    }
}

bool SshBackend::outputsFromStream()
{
    // They follow the last state the stream sent, which ended the run.
    QElapsedTimer waited;
    waited.start();
    while (m_outputs == RemoteRun::Poll::Outputs::NotYet && m_stream.isRunning()
           && waited.elapsed() < 15000) {
        m_context.heartbeat();
        RemoteRun::Poll poll;
        if (m_stream.read(pollIntervalMs(), &poll) == RemoteStream::Read::Ended)
            break;
        keepEnvironment(poll);
        m_outputs = poll.outputs;
        m_outputsTar = poll.outputsTar;
    }
    return m_outputs == RemoteRun::Poll::Outputs::Sent;
}

SshResult SshBackend::unpackStreamedOutputs()
{
    SshResult done;
    done.exitCode = 0;
    if (m_outputsTar.isEmpty())
        return done; // the run made no outputs/
    const QString tar = QDir(m_context.folder.root()).filePath(QStringLiteral("outputs.tar.part"));
    QString reason;
    QFile::remove(tar); // of an attempt cut short
    if (!appendTo(tar, m_outputsTar, &reason)) {
        QFile::remove(tar);
        done.exitCode = -1;
        done.message = tr("Cannot write %1: %2").arg(tar, reason);
        return done;
    }
    done = RemoteRun::unpackOutputs(tar, m_context.folder.root());
    QFile::remove(tar);
    return done;
}

void SshBackend::removeRunFolder()
{
    // Told through the stream when it brought the outputs: no session more.
    const QByteArray word = m_connection.keepRunFolders() ? "keep" : "remove";
    if (m_stream.finish(word, 120000) || m_connection.keepRunFolders())
        return;
    const SshResult removed = withRetries([&] { return m_remote.remove(); }, reconnectMs);
    if (!removed.ok())
        qWarning("mlwb supervisor: could not remove %s: %s", qPrintable(m_remote.folder()),
                 qPrintable(removed.message));
}

TargetBackend::Step SshBackend::collect(QString *error)
{
    if (!outputsFromStream() && m_outputs == RemoteRun::Poll::Outputs::NotYet)
        m_stream.stop(); // lost before it said: the outputs and the folder in sessions of their own
    const SshResult fetched = fetchOutputs();
    if (!fetched.ok()) {
        m_stream.stop();
        *error = RunReason::fetchFailed(
            m_connection.name(),
            fetched.message.isEmpty() ? QString::fromUtf8(fetched.err).trimmed() : fetched.message);
        return Step::Fail;
    }
    removeRunFolder();
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
