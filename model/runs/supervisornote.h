#pragma once

#include "store/types.h"

#include <QString>

namespace mlwb {

class Workspace;

/// A line a run's supervisor leaves for people while it waits on something
/// outside the run, e.g. "waiting: disk full on /data". It lives in the run
/// folder (supervisor.note), not in workspace.db, because it must be
/// writable when the database cannot be: the file is given its room when the
/// supervisor starts and is then only overwritten in place, which needs no
/// free space. The run's page and `mlwb run show` read it.
class SupervisorNote
{
public:
    explicit SupervisorNote(const QString &path);

    /// Gives the file its room while there is space; clears an old note.
    bool reserve();
    /// Replaces the note (empty: none), in place.
    bool set(const QString &text);
    QString text() const;

    /// The note of an unfinished run; empty when none or when it has ended.
    static QString of(const Workspace &workspace, const Run &run);

private:
    QString m_path;
};

} // namespace mlwb
