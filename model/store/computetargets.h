#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// The workspace's compute targets: the built-in `local` and attached VMs.
class ComputeTargets
{
public:
    explicit ComputeTargets(const Workspace &workspace);

    QList<ComputeTarget> list(QString *error = nullptr) const;
    std::optional<ComputeTarget> find(const QString &name, QString *error = nullptr) const;
    std::optional<ComputeTarget> find(Id id, QString *error = nullptr) const;
    /// Adds a target; sets target->id. Names are unique, case-insensitively.
    bool add(ComputeTarget *target, QString *error);
    bool update(const ComputeTarget &target, QString *error);
    /// Detaches a target. Refuses `local` and targets with unfinished runs.
    bool remove(const QString &name, QString *error);
    /// Runs on the target that are not yet finished.
    int activeRuns(Id targetId, QString *error = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
