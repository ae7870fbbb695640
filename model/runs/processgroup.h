#pragma once

#include <QString>

namespace mlwb::processgroup {

/// True while the process exists and is not a zombie (a container's init
/// may never reap it, so kill(pid, 0) alone would lie).
bool isAlive(qint64 pid);
/// Sends `signal` to every process of the group; false if none was there.
bool signal(qint64 pgid, int signal);
/// True while a process of the group lives (zombies do not count).
bool hasLiveMember(qint64 pgid);
/// SIGTERM to the group, then SIGKILL after `graceMs` if anything is left.
/// Returns once the group's leader is gone or the kill was sent.
void terminate(qint64 pgid, int graceMs);
/// Reads a small integer file such as pgid or exit_code; -1 if absent or unreadable.
qint64 readNumber(const QString &path);

} // namespace mlwb::processgroup
