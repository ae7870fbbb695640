#include "runs/rundeletion.h"

#include "runs/runfolder.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDirIterator>
#include <QSqlQuery>

namespace mlwb {

RunDeletion::RunDeletion(const Workspace &workspace)
    : m_workspace(workspace)
{}

RunFiles RunDeletion::count(const QList<Run> &runs) const
{
    RunFiles out;
    for (const Run &run : runs) {
        ++out.runs;
        const RunFolder folder(m_workspace.folder(Workspace::Folder::Runs), run.uid);
        QDirIterator it(folder.root(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++out.files;
            out.bytes += it.fileInfo().size();
        }
    }
    return out;
}

bool RunDeletion::remove(const Run &run, QString *error)
{
    if (!isFinal(run.status))
        return sql::fail(error, tr("Run '%1' is %2; cancel it before deleting it.")
                                    .arg(run.displayName.isEmpty() ? run.uid : run.displayName,
                                         statusName(run.status)));
    QSqlQuery q(m_workspace.database());
    if (!sql::prepare(q, QStringLiteral("DELETE FROM runs WHERE id = ? OR parent_id = ?"), error))
        return false;
    q.addBindValue(run.id);
    q.addBindValue(run.id);
    if (!sql::exec(q, error))
        return false;
    removeFolder(run); // after the record: a failure leaves files, never a dangling row
    return true;
}

bool RunDeletion::removeExperiment(const QString &name, RunFiles *removed, QString *error)
{
    const auto experiment = Experiments(m_workspace).find(name, error);
    if (!experiment)
        return false;
    const QList<Run> runs = Runs(m_workspace).list(experiment->id, 0, 0, 1 << 30, error);
    if (removed)
        *removed = count(runs);
    if (!Experiments(m_workspace).remove(experiment->name, error))
        return false;
    for (const Run &run : runs)
        removeFolder(run);
    return true;
}

void RunDeletion::removeFolder(const Run &run) const
{
    QDir(RunFolder(m_workspace.folder(Workspace::Folder::Runs), run.uid).root())
        .removeRecursively();
}

} // namespace mlwb
