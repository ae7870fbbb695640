#include "runs/processgroup.h"

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

void terminate(qint64 pgid, int graceMs)
{
    if (!signal(pgid, SIGTERM))
        return;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < graceMs) {
        if (!isAlive(pgid) && !signal(pgid, 0))
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
