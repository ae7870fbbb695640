#include "runs/processgroup.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <csignal>
#include <sys/types.h>

namespace mlwb::processgroup {

bool isAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    // Field 3, after the parenthesised command name, is the state.
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) != 'Z';
}

bool signal(qint64 pgid, int sig)
{
    return pgid > 0 && ::kill(-pid_t(pgid), sig) == 0;
}

bool hasLiveMember(qint64 pgid)
{
    if (!signal(pgid, 0))
        return false;
    // Zombies count for kill(-pgid, 0), and an init that reaps late (seen:
    // 1.5 s) would make every stop wait for it: look for a live member.
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        if (entry.isEmpty() || !entry.front().isDigit())
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const int close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // After ") ": state, ppid, pgrp.
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 2 && fields.at(2).toLongLong() == pgid && fields.at(0) != "Z")
            return true;
    }
    return false;
}

void terminate(qint64 pgid, int graceMs)
{
    if (!signal(pgid, SIGTERM))
        return;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < graceMs) {
        if (!hasLiveMember(pgid))
            return;
        QThread::msleep(50);
    }
    signal(pgid, SIGKILL);
}

qint64 readNumber(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 value = file.readAll().trimmed().toLongLong(&ok);
    return ok ? value : -1;
}

} // namespace mlwb::processgroup
