#include "runs/runlauncher.h"

#include "runs/processgroup.h"
#include "runs/runfolder.h"
#include "runs/runqueue.h"
#include "runs/supervisornote.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>

namespace mlwb {

QString RunLauncher::program()
{
    const QString overridden = qEnvironmentVariable("MLWB_PROGRAM");
    if (!overridden.isEmpty())
        return overridden;
    const QString self = QCoreApplication::applicationFilePath();
    if (QFileInfo(self).fileName() == QLatin1String("mlwb"))
        return self;
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mlwb"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("mlwb"));
}

QString RunLauncher::supervisorProgram(Supervises what)
{
    return companionProgram(what == Supervises::Runs ? QStringLiteral("mlwb-supervisor")
                                                     : QStringLiteral("mlwb-service-supervisor"));
}

QString RunLauncher::companionProgram(const QString &name)
{
    const QString mlwb = program();
    if (mlwb.isEmpty())
        return QString();
    const QDir dir = QFileInfo(mlwb).absoluteDir();
    for (const QString &path :
         {dir.filePath(name), dir.filePath(QStringLiteral("../lib/mlwb/") + name)})
        if (QFileInfo(path).isExecutable())
            return QFileInfo(path).canonicalFilePath();
    return QString();
}

bool RunLauncher::startSupervisor(const Workspace &workspace, const Run &run, QString *error)
{
    // The small program when it is there; the whole mlwb does the same job.
    const QString small = supervisorProgram();
    const QString mlwb = small.isEmpty() ? program() : small;
    if (mlwb.isEmpty())
        return sql::fail(error, tr("Cannot find the mlwb program to supervise the run."));
    const RunFolder folder(workspace.folder(Workspace::Folder::Runs), run.uid);
    QDir().mkpath(folder.root());
    QProcess process;
    process.setProgram(mlwb);
    QStringList arguments{run.uid, QStringLiteral("--workspace"), workspace.path()};
    if (small.isEmpty())
        arguments = QStringList{QStringLiteral("run"), QStringLiteral("supervise")} + arguments;
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QDir(folder.root()).filePath(QStringLiteral("supervisor.log")),
                                 QIODevice::Append);
    process.setWorkingDirectory(workspace.path());
    if (!process.startDetached())
        return sql::fail(
            error,
            tr("Could not start the run's supervisor (%1): %2").arg(mlwb, process.errorString()));
    return true;
}

bool RunLauncher::hasLiveSupervisor(const Workspace &workspace, Id runId)
{
    QSqlQuery q(workspace.database());
    q.prepare(QStringLiteral("SELECT supervisor_pid, heartbeat FROM run_ingest WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec() || !q.next())
        return false;
    const bool fresh = sql::now() - q.value(1).toLongLong() < 10000;
    if (fresh)
        return processgroup::isAlive(q.value(0).toLongLong());
    // One that waits for disk space cannot beat (a beat is a write); its lock says it lives.
    const auto run = Runs(workspace).find(runId);
    if (!run || SupervisorNote::of(workspace, *run).isEmpty())
        return false;
    QLockFile lock(RunFolder(workspace.folder(Workspace::Folder::Runs), run->uid).lockFile());
    qint64 pid = 0;
    QString host, app;
    return lock.getLockInfo(&pid, &host, &app) && processgroup::isAlive(pid);
}

int RunLauncher::restartOrphans(const Workspace &workspace, QString *error)
{
    int started = 0;
    const QList<Run> runs = Runs(workspace).unfinished(error);
    QSet<Id> queuedOn;
    for (const Run &run : runs) {
        // Child runs end with their parent. SSH runs too are supervised by `run supervise`.
        if (run.parentId > 0 || hasLiveSupervisor(workspace, run.id))
            continue;
        // Queued runs wait for a slot: the queue starts them when one is free.
        if (run.status == RunStatus::Queued) {
            queuedOn.insert(run.targetId);
            continue;
        }
        if (startSupervisor(workspace, run, error))
            ++started;
    }
    for (const Id target : std::as_const(queuedOn))
        RunQueue::dispatch(workspace, target, error);
    return started;
}

bool RunLauncher::cancel(const Workspace &workspace, Id runId, QString *error)
{
    const auto run = Runs(workspace).find(runId, error);
    if (!run)
        return false;
    if (isFinal(run->status))
        return sql::fail(
            error, tr("Run %1 has already ended (%2).").arg(run->uid, statusName(run->status)));
    QSqlQuery q(workspace.database());
    if (!sql::prepare(
            q,
            QStringLiteral("INSERT INTO run_ingest(run_id, cancel_requested) VALUES (?, 1) "
                           "ON CONFLICT(run_id) DO UPDATE SET cancel_requested = 1"),
            error))
        return false;
    q.addBindValue(runId);
    if (!sql::exec(q, error))
        return false;
    if (hasLiveSupervisor(workspace, runId))
        return true;
    // An SSH run can only be stopped over SSH: a supervisor does it (it sees the request).
    if (const auto target = ComputeTargets(workspace).find(run->targetId);
        target && target->kind == ComputeTarget::Kind::Ssh)
        return startSupervisor(workspace, *run, error);
    // Nobody is watching: stop what is left and record it here.
    const RunFolder folder(workspace.folder(Workspace::Folder::Runs), run->uid);
    const qint64 pgid = processgroup::readNumber(folder.processGroupFile());
    processgroup::terminate(pgid, 5000);
    return Runs(workspace).finish(runId, RunStatus::Canceled, -1, QString(), error);
}

} // namespace mlwb
