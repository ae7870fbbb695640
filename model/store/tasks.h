#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Long-running operations (snapshots, finalizing, image builds, ...) for the
/// tasks panel. The worker starts a task, reports progress, polls for a
/// cancel request and finishes it; any program sharing the workspace sees
/// the same list and may ask for a cancel.
class Tasks
{
public:
    explicit Tasks(const Workspace &workspace);

    /// Records a task as Running; sets t->id, t->state, t->createdAt and
    /// t->updatedAt. Needs a kind and a title.
    bool start(Task *t, QString *error);
    /// Reports progress (0..1; negative: unknown) of an unfinished task. A
    /// null message leaves the current one.
    bool update(Id id, double progress, const QString &message, QString *error);
    /// Ends an unfinished task as Succeeded, Failed or Canceled. A null
    /// message leaves the current one.
    bool finish(Id id, Task::State state, const QString &message, QString *error);
    /// Asks the worker of an unfinished task to stop; a Pending task is
    /// canceled at once.
    bool requestCancel(Id id, QString *error);
    bool isCancelRequested(Id id, QString *error = nullptr) const;
    std::optional<Task> find(Id id, QString *error = nullptr) const;
    /// Tasks newest first; with activeOnly, only Pending and Running ones.
    QList<Task> list(bool activeOnly, QString *error = nullptr) const;
    /// Deletes finished tasks last updated more than `olderThanDays` days
    /// ago; returns how many, or -1 on errors.
    int prune(int olderThanDays, QString *error = nullptr);

private:
    bool changeUnfinished(Id id, const QString &assignments, const QVariantList &values,
                          QString *error);
    QSqlDatabase m_db;
};

} // namespace mlwb
