#include "remote/remotestream.h"

#include <QProcess>

namespace mlwb {

namespace {
const int silentMs = 15000; // no answer (even an empty one) this long: the stream is lost
const qsizetype keptErrorBytes = 4096;
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
    return m_process && m_process->state() != QProcess::NotRunning;
}

void RemoteStream::start(const QString &script)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->start(QStringLiteral("ssh"), m_connection.arguments(script));
    m_process->closeWriteChannel();
    m_sinceFrame.start();
}

void RemoteStream::stop()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
    m_process.reset();
    m_buffer.clear();
}

RemoteStream::Read RemoteStream::read(int waitMs, RemoteRun::Poll *out)
{
    if (!m_process)
        return Read::Ended;
    if (takeFrames(out) > 0)
        return Read::Frames;
    if (m_process->state() != QProcess::NotRunning)
        m_process->waitForReadyRead(waitMs);
    m_buffer += m_process->readAllStandardOutput();
    const QByteArray err = m_process->readAllStandardError();
    if (!err.isEmpty())
        qWarning("mlwb supervisor: %s", err.right(keptErrorBytes).trimmed().constData());
    const int frames = takeFrames(out);
    if (frames < 0 || (frames == 0 && m_process->state() == QProcess::NotRunning)
        || (frames == 0 && m_sinceFrame.elapsed() > silentMs)) {
        if (frames < 0)
            qWarning("mlwb supervisor: the stream from %s sent an unreadable answer",
                     qPrintable(m_connection.name()));
        stop();
        return frames > 0 ? Read::Frames : Read::Ended;
    }
    return frames > 0 ? Read::Frames : Read::Nothing;
}

int RemoteStream::takeFrames(RemoteRun::Poll *out)
{
    int frames = 0;
    qsizetype at = 0;
    while (at < m_buffer.size()) {
        RemoteRun::Poll frame;
        const qsizetype used = RemoteRun::parseFrame(m_buffer.mid(at), &frame);
        if (used < 0)
            return -1;
        if (used == 0)
            break;
        at += used;
        ++frames;
        out->log += frame.log;
        out->metrics += frame.metrics;
        frame.log = out->log;
        frame.metrics = out->metrics;
        *out = frame;
    }
    m_buffer.remove(0, at);
    if (frames > 0)
        m_sinceFrame.restart();
    return frames;
}

} // namespace mlwb
