#include "remote/remotestream.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

namespace mlwb {

namespace {
const int silentMs = 15000; // no answer (even an empty one) this long: the stream is lost
const qsizetype keptErrorBytes = 4096;
const qint64 spoolReadBytes = 16 << 20; // read from the spool at most this much ahead
const int pauseMs = 20;                 // between looks at the spool
} // namespace

RemoteStream::RemoteStream(const SshConnection &connection)
    : m_connection(connection)
{}

RemoteStream::~RemoteStream()
{
    stop();
}

bool RemoteStream::isRunning() const
{
    return m_process != nullptr;
}

void RemoteStream::start(const QString &script, const QString &spool, const QString &input)
{
    stop();
    // ssh writes into a file, not a pipe: the VM sends at the link's speed
    // while the supervisor stores and ingests, instead of waiting for it.
    m_spool.setFileName(spool);
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(spool, QIODevice::Truncate);
    m_process->start(QStringLiteral("ssh"), m_connection.arguments(script));
    if (!input.isEmpty()) { // stdin stays open after it, for finish()
        QFile file(input);
        if (file.open(QIODevice::ReadOnly))
            m_process->write(file.readAll());
    }
    m_spool.open(QIODevice::ReadOnly);
    m_sinceFrame.start();
}

SshResult RemoteStream::waitForStart(int timeoutMs)
{
    SshResult result;
    QElapsedTimer waited;
    waited.start();
    while (m_process) {
        const bool running = m_process->state() != QProcess::NotRunning;
        m_buffer += m_spool.read(spoolReadBytes);
        result.err += m_process->readAllStandardError();
        const qsizetype at = m_buffer.indexOf(startedMarker());
        if (at >= 0) {
            result.exitCode = 0;
            result.out = m_buffer.left(at);
            m_buffer.remove(0, at + startedMarker().size());
            m_sinceFrame.start();
            return result;
        }
        if (!running && m_spool.atEnd()) {
            if (m_process->error() == QProcess::FailedToStart) {
                result.failure = SshResult::Failure::Other;
                result.message = SshConnection::tr("Cannot run ssh: %1")
                                     .arg(m_process->errorString());
            }
            result.exitCode =
                m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : 255;
            result.out = m_buffer;
            stop();
            return result;
        }
        if (waited.elapsed() > timeoutMs) {
            result.failure = SshResult::Failure::Timeout;
            stop();
            return result;
        }
        m_process->waitForFinished(pauseMs); // also writes the input
    }
    result.failure = SshResult::Failure::Other;
    return result;
}

bool RemoteStream::finish(const QByteArray &word, int waitMs)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return false;
    m_process->write(word + '\n');
    m_process->closeWriteChannel();
    const bool ended = m_process->waitForFinished(waitMs)
                       && m_process->exitStatus() == QProcess::NormalExit
                       && m_process->exitCode() == 0;
    stop();
    return ended;
}

void RemoteStream::stop()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_process.reset();
    m_buffer.clear();
    if (m_spool.isOpen())
        m_spool.close();
    if (!m_spool.fileName().isEmpty())
        QFile::remove(m_spool.fileName());
}

RemoteStream::Read RemoteStream::read(int waitMs, RemoteRun::Poll *out)
{
    if (!m_process)
        return Read::Ended;
    QElapsedTimer waited;
    waited.start();
    while (true) {
        const bool running = m_process->state() != QProcess::NotRunning;
        if (m_buffer.size() < spoolReadBytes)
            m_buffer += m_spool.read(spoolReadBytes - m_buffer.size());
        const QByteArray err = m_process->readAllStandardError();
        if (!err.isEmpty())
            qWarning("mlwb supervisor: %s", err.right(keptErrorBytes).trimmed().constData());
        const int frames = takeFrames(out);
        if (frames > 0)
            return Read::Frames;
        const bool lost =
            frames < 0 || (!running && m_spool.atEnd()) || m_sinceFrame.elapsed() > silentMs;
        if (lost) {
            if (frames < 0)
                qWarning("mlwb supervisor: the stream from %s sent an unreadable answer",
                         qPrintable(m_connection.name()));
            stop();
            return Read::Ended;
        }
        if (waited.elapsed() >= waitMs)
            return Read::Nothing;
        if (running)
            m_process->waitForFinished(pauseMs); // returns early when ssh ends
    }
}

int RemoteStream::takeFrames(RemoteRun::Poll *out)
{
    int frames = 0;
    qsizetype at = 0;
    while (at < m_buffer.size()) {
        RemoteRun::Poll frame; // a view: the rest of the buffer is not copied per answer
        const qsizetype used = RemoteRun::parseFrame(QByteArrayView(m_buffer).sliced(at), &frame);
        if (used < 0)
            return -1;
        if (used == 0)
            break;
        at += used;
        ++frames;
        if (frame.outputs != RemoteRun::Poll::Outputs::NotYet) { // the states' fields stay
            out->outputs = frame.outputs;
            out->outputsTar = frame.outputsTar;
            continue;
        }
        if (frame.hasEnvironment) {
            out->hasEnvironment = true;
            out->environment = frame.environment;
            continue;
        }
        out->log += frame.log;
        out->metrics += frame.metrics;
        frame.log = out->log;
        frame.metrics = out->metrics;
        frame.hasEnvironment = out->hasEnvironment;
        frame.environment = out->environment;
        frame.outputs = out->outputs;
        frame.outputsTar = out->outputsTar;
        *out = frame;
    }
    m_buffer.remove(0, at);
    if (frames > 0)
        m_sinceFrame.restart();
    return frames;
}

} // namespace mlwb
