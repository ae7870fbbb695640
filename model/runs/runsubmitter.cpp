#include "runs/runsubmitter.h"

#include "runs/runqueue.h"
#include "store/computetargets.h"
#include "store/environments.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/tasks.h"
#include "store/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>

namespace mlwb {

RunSubmitter::RunSubmitter(const Workspace &workspace)
    : m_workspace(workspace)
{}

Id RunSubmitter::storeSnapshot(const SnapshotWriter::Result &snapshot, QString *error)
{
    QSqlQuery q(m_workspace.database());
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO snapshots(sha256, size, file_count, created_at) "
                                     "VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING"),
                      error))
        return 0;
    q.addBindValue(snapshot.sha256);
    q.addBindValue(snapshot.totalBytes);
    q.addBindValue(snapshot.fileCount);
    q.addBindValue(sql::now());
    if (!sql::exec(q, error)
        || !sql::prepare(q, QStringLiteral("SELECT id FROM snapshots WHERE sha256 = ?"), error))
        return 0;
    q.addBindValue(snapshot.sha256);
    if (!sql::exec(q, error) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

SnapshotWriter::Options RunSubmitter::limitsFor(const RunConfig &config) const
{
    SnapshotWriter::Options limits = m_limits;
    if (config.snapshotMaxMegabytes > 0)
        limits.maxTotalBytes = qint64(config.snapshotMaxMegabytes) * 1024 * 1024;
    if (config.snapshotMaxFiles > 0)
        limits.maxFiles = config.snapshotMaxFiles;
    return limits;
}

std::optional<Run> RunSubmitter::submit(const RunConfig &config, QString *error)
{
    if (!config.validate(error))
        return std::nullopt;
    if (!QFileInfo(config.code).isDir()) {
        sql::fail(
            error,
            tr("The project folder %1 does not exist.").arg(QDir::toNativeSeparators(config.code)));
        return std::nullopt;
    }
    const auto target = ComputeTargets(m_workspace).find(config.compute, error);
    const auto experiment =
        target ? Experiments(m_workspace).findOrCreate(config.experimentName, error) : std::nullopt;
    if (!experiment)
        return std::nullopt;
    // The environment named in mlwb.yaml must exist before anything is packed.
    std::optional<EnvironmentVersion> environment;
    if (!config.environment.isEmpty()) {
        AssetRef ref;
        if (AssetRef::parse(config.environment, &ref, error))
            environment = Environments(m_workspace).find(ref, error);
        if (!environment)
            return std::nullopt;
    }

    Tasks tasks(m_workspace);
    Task task;
    task.kind = QStringLiteral("snapshot");
    task.title = QDir(config.code).dirName(); // shown as "Packing snapshot of NAME"
    tasks.start(&task, nullptr);
    SnapshotWriter writer(limitsFor(config));
    QElapsedTimer sinceCheck;
    sinceCheck.start();
    bool canceled = false;
    writer.setProgress([&](qint64 done, qint64 total) {
        // The store is asked a few times a second, not per chunk.
        if (task.id > 0 && sinceCheck.elapsed() > 200) {
            sinceCheck.restart();
            if (total > 0)
                tasks.update(task.id, double(done) / double(total), QString(), nullptr);
            canceled = tasks.isCancelRequested(task.id);
        }
        return !canceled && (!m_progress || m_progress(done, total));
    });
    SnapshotWriter::Result snapshot;
    const bool packed = writer.write(config.code, m_workspace.folder(Workspace::Folder::Snapshots),
                                     &snapshot, error);
    m_leftOut = packed ? snapshot.leftOut.summary() : QString();
    if (canceled) {
        sql::fail(error, tr("The submit was canceled while packing the snapshot."));
        tasks.finish(task.id, Task::State::Canceled, *error, nullptr);
    } else if (task.id > 0) {
        const QString packedMessage =
            tr("%n file(s)", nullptr, snapshot.fileCount)
            + (m_leftOut.isEmpty() ? QString() : QStringLiteral(". ") + m_leftOut);
        tasks.finish(task.id, packed ? Task::State::Succeeded : Task::State::Failed,
                     packed ? packedMessage : *error, nullptr);
    }
    if (!packed)
        return std::nullopt;

    Run run;
    run.experimentId = experiment->id;
    run.experimentName = experiment->name;
    run.displayName = config.displayName;
    run.targetId = target->id;
    run.targetName = target->name;
    run.snapshotId = storeSnapshot(snapshot, error);
    run.script = config.script();
    run.arguments = config.effectiveCommand().split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(2);
    run.config = config.toJson();
    run.tags = config.tags;
    if (run.snapshotId == 0 || !Runs(m_workspace).create(&run, error))
        return std::nullopt;
    if (environment && !Environments(m_workspace).setForRun(run.id, environment->id, error))
        return std::nullopt;
    // Its supervisor starts now if the target has a free slot, else when one frees.
    if (m_startSupervisor && !RunQueue::dispatch(m_workspace, run.targetId, error))
        return std::nullopt;
    return run;
}

} // namespace mlwb
