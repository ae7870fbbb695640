#pragma once

#include "runs/supervisornote.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace mlwb {

/// Keeps a run's supervisor going while the workspace's disk is full: it
/// says so in the run's note ("waiting: disk full on …") and waits, then
/// goes on from the stored offsets once there is space. Without it a full
/// disk ended the supervisor and left the run Running with nobody watching.
class DiskFullWait
{
    Q_DECLARE_TR_FUNCTIONS(DiskFullWait)
public:
    /// `folder` is on the disk that fills (the workspace); `beat` keeps the
    /// supervisor's heartbeat going while it waits (it may fail meanwhile).
    DiskFullWait(const QString &noteFile, const QString &folder, std::function<void()> beat);

    /// True when an error (SQLite's, or a file's) means the disk is full.
    static bool isDiskFull(const QString &error);
    /// Looks at the free space (at most twice a second): the note is set
    /// while the disk is full, even when nothing failed yet (a script that
    /// cannot write gives its supervisor nothing to store), and cleared after.
    void check();
    /// When `error` is a full disk: notes it, pauses and returns true, so
    /// the caller tries again; otherwise false.
    bool pauseIfFull(const QString &error);
    /// Runs `op` until it succeeds or fails for another reason than a full disk.
    bool retry(const std::function<bool(QString *)> &op, QString *error);

private:
    void setWaiting(bool waiting, const QString &why);

    SupervisorNote m_note;
    QString m_folder;
    std::function<void()> m_beat;
    qint64 m_lastCheck = 0;
    bool m_waiting = false;
};

} // namespace mlwb
