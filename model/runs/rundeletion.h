#pragma once

#include "store/types.h"

#include <QCoreApplication>

namespace mlwb {

class Workspace;

/// What deleting runs takes with it, counted before asking the user.
struct RunFiles {
    int runs = 0;
    qint64 files = 0;
    qint64 bytes = 0;
};

/// Deleting finished runs: the records (metrics, tags, diagnostics go with
/// them) and then their folders under runs/. A model version registered from
/// a run keeps its files and its "from run" note; only the link is cleared.
class RunDeletion
{
    Q_DECLARE_TR_FUNCTIONS(RunDeletion)
public:
    explicit RunDeletion(const Workspace &workspace);

    /// The runs' folders as they are now (what a deletion would remove).
    RunFiles count(const QList<Run> &runs) const;
    /// Deletes one run; an unfinished one is refused (cancel it first).
    bool remove(const Run &run, QString *error);
    /// Deletes an experiment and every run in it, folders included.
    bool removeExperiment(const QString &name, RunFiles *removed, QString *error);

private:
    void removeFolder(const Run &run) const;
    const Workspace &m_workspace;
};

} // namespace mlwb
