#include "runs/diskfullwait.h"

#include "store/storagemedium.h"

#include <QDateTime>
#include <QStorageInfo>
#include <QThread>

namespace mlwb {

namespace {
const qint64 fullBelowBytes = 64 * 1024; // less than this free is full: no batch fits
const qint64 roomAboveBytes = 1 << 20;   // and it is over once this much is free
const int pauseMs = 1000;
} // namespace

DiskFullWait::DiskFullWait(const QString &noteFile, const QString &folder,
                           std::function<void()> beat)
    : m_note(noteFile)
    , m_folder(folder)
    , m_beat(std::move(beat))
{
    m_note.reserve(); // while there is space: the note must be writable when there is none
}

bool DiskFullWait::isDiskFull(const QString &error)
{
    return storage::isDiskFullMessage(error);
}

void DiskFullWait::check()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastCheck < 500)
        return;
    m_lastCheck = now;
    QStorageInfo storage(m_folder);
    const qint64 free = storage.isValid() ? storage.bytesAvailable() : roomAboveBytes;
    if (free < fullBelowBytes || free >= roomAboveBytes)
        setWaiting(free < fullBelowBytes, tr("no space left"));
}

void DiskFullWait::setWaiting(bool waiting, const QString &why)
{
    if (waiting == m_waiting)
        return;
    m_waiting = waiting;
    if (!waiting) {
        m_note.set(QString());
        qWarning("mlwb supervisor: there is space again on %s; going on", qPrintable(m_folder));
        return;
    }
    const QString volume = QStorageInfo(m_folder).rootPath();
    const QString note =
        tr("waiting: disk full on %1 since %2. The run goes on; its metrics are kept and "
           "stored as soon as there is space.")
            .arg(volume.isEmpty() ? m_folder : volume,
                 QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    m_note.set(note);
    qWarning("mlwb supervisor: %s (%s)", qPrintable(note), qPrintable(why));
}

bool DiskFullWait::pauseIfFull(const QString &error)
{
    if (!isDiskFull(error))
        return false;
    setWaiting(true, error);
    for (int waited = 0; waited < pauseMs; waited += 100) {
        if (m_beat)
            m_beat();
        QThread::msleep(100);
    }
    check();
    return true;
}

bool DiskFullWait::retry(const std::function<bool(QString *)> &op, QString *error)
{
    while (true) {
        QString reason;
        if (op(&reason)) {
            m_lastCheck = 0; // now, not in half a second: the run may end with this write
            check();
            return true;
        }
        if (!pauseIfFull(reason)) {
            if (error)
                *error = reason;
            return false;
        }
    }
}

} // namespace mlwb
