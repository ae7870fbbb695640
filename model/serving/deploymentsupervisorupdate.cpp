// A deployment's supervisor making an update (`mlwb service update`): the
// new server starts beside the old one, the front moves to it once it
// answers GET /, the record follows, and the old server stops once no
// request is in flight to it. Until the switch nothing changes for callers.
#include "serving/deploymentsupervisor.h"

#include "runs/processgroup.h"
#include "serving/containerserving.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentprocess.h"
#include "serving/remoteserving.h"
#include "serving/scoringclient.h"
#include "serving/servingconfig.h"
#include "store/jsoncolumns.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QThread>

namespace mlwb {

namespace {

const int drainTimeoutMs = 30000;
const int stopGraceMs = 5000;
const int logLinesShown = 20;

// The last lines the log got since `offset`: what the new server said.
QString logSince(const QString &path, qint64 offset)
{
    QFile log(path);
    if (!log.open(QIODevice::ReadOnly) || !log.seek(offset))
        return QString();
    QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(std::max<qsizetype>(0, lines.size() - logLinesShown)).join(QLatin1Char('\n'));
}

void stopUnused(const Workspace &workspace, const Deployment &deployment,
                const DeploymentFolder &folder, qint64 pgid)
{
    if (remoteserving::isRemote(deployment))
        remoteserving::stopServer(workspace, deployment, folder);
    if (containerserving::isContainer(deployment))
        containerserving::removeContainer(deployment);
    if (pgid > 0)
        processgroup::terminate(pgid, stopGraceMs);
}

// The wrapper of a server started from `folder` (its $0 and its
// MLWB_RUN_DIR), not a process that got a reused pid.
bool isServerWrapper(qint64 pid, const DeploymentFolder &folder)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
    return pid > 0 && cmdline.open(QIODevice::ReadOnly)
           && cmdline.readAll().split('\0').contains("mlwb-serve")
           && environ.open(QIODevice::ReadOnly)
           && environ.readAll().split('\0').contains("MLWB_RUN_DIR=" + folder.root().toUtf8());
}

} // namespace

// A supervisor killed in the middle of an update leaves a server that is
// not the deployment's (the new one before the switch, or the old one
// after it) and its folder: ended here, when its successor starts.
void DeploymentSupervisor::endLeftovers()
{
    QFile pending(updateRequestPath(m_folder->root()));
    QString pendingFolder; // laid out for an update not yet made: kept
    if (pending.open(QIODevice::ReadOnly))
        pendingFolder = QJsonDocument::fromJson(pending.readAll())
                            .object()
                            .value(QStringLiteral("config"))
                            .toObject()
                            .value(QStringLiteral("server_folder"))
                            .toString();
    const QDir root(m_folder->root());
    QStringList folders = root.entryList({QStringLiteral("update-*")}, QDir::Dirs);
    folders.prepend(QString()); // the deployment's own folder, where its first server ran
    for (const QString &sub : std::as_const(folders)) {
        const DeploymentFolder folder =
            sub.isEmpty() ? *m_folder : DeploymentFolder(root.path(), sub);
        if (folder.root() == m_serverFolder->root() || (!sub.isEmpty() && sub == pendingFolder))
            continue;
        const qint64 pgid = processgroup::readNumber(folder.processGroupFile());
        if (pgid > 0 && pgid != m_pgid && processgroup::isAlive(pgid)
            && isServerWrapper(pgid, folder)) {
            note(tr("stopping a server left by an update that was cut off"));
            processgroup::terminate(pgid, stopGraceMs);
        }
        if (!sub.isEmpty())
            QDir(folder.root()).removeRecursively();
    }
}

void DeploymentSupervisor::update()
{
    const QString requestPath = updateRequestPath(m_folder->root());
    QJsonObject request;
    QFile file(requestPath);
    if (file.open(QIODevice::ReadOnly))
        request = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QFile::remove(requestPath);
    QString error;
    const bool ok = switchTo(request, &error);
    if (!ok)
        note(tr("the update failed: %1").arg(error));
    const QJsonObject result{{QStringLiteral("token"), request.value(QStringLiteral("token"))},
                             {QStringLiteral("ok"), ok},
                             {QStringLiteral("error"), error}};
    const QString resultPath = updateResultPath(m_folder->root());
    QFile out(resultPath + QStringLiteral(".part"));
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(result).toJson(QJsonDocument::Compact));
        out.close();
        QFile::remove(resultPath);
        out.rename(resultPath);
    }
}

bool DeploymentSupervisor::switchTo(const QJsonObject &request, QString *error)
{
    if (m_serverPort == m_deployment.port) {
        *error = tr("%1's server was started before updates without downtime were possible; "
                    "restart it once (mlwb service stop, then start) and update again.")
                     .arg(m_deployment.name);
        return false;
    }
    Deployment next = m_deployment;
    next.imageId = request.value(QStringLiteral("image_id")).toInteger();
    next.scoringScript = request.value(QStringLiteral("scoring_script")).toString();
    next.environmentVersionId = request.value(QStringLiteral("environment_version_id")).toInteger();
    next.modelVersionIds.clear();
    const QJsonArray models = request.value(QStringLiteral("model_version_ids")).toArray();
    for (const QJsonValue &id : models)
        next.modelVersionIds << id.toInteger();
    next.config = request.value(QStringLiteral("config")).toObject();
    const DeploymentFolder folder =
        serverFolder(m_workspace.folder(Workspace::Folder::Deployments), next);
    if (next.config.isEmpty() || folder.root() == m_serverFolder->root()) {
        *error = tr("The update request for %1 is incomplete.").arg(m_deployment.name);
        return false;
    }
    int port = 0;
    qint64 pgid = -1;
    if (!startNext(next, folder, &port, &pgid, error))
        return false;
    const Deployment old = m_deployment;
    const int oldPort = m_serverPort;
    const qint64 oldPgid = m_pgid;
    const DeploymentFolder oldServer = *m_serverFolder;
    const QString oldFolder = oldServer.root();
    QString ignored;
    if (!pointFront(port, error)) {
        stopUnused(m_workspace, next, folder, pgid);
        return false;
    }
    if (!commit(next, pgid, error)) {
        pointFront(oldPort, &ignored);
        stopUnused(m_workspace, next, folder, pgid);
        return false;
    }
    m_deployment = next;
    m_serverFolder = std::make_unique<DeploymentFolder>(folder);
    m_pgid = pgid;
    m_serverPort = port;
    m_startedMs = sql::now();
    m_failedProbes = 0;
    m_crashes = 0;
    QFile portFile(serverPortFile(folder));
    if (portFile.open(QIODevice::WriteOnly))
        portFile.write(QByteArray::number(port));
    portFile.close();
    note(tr("switched to the new server on 127.0.0.1:%1; stopping the old one once its requests "
            "are answered")
             .arg(port));
    // Requests already sent to the old server finish there.
    const QString control = DeploymentFront::controlPath(m_folder->root());
    const qint64 until = sql::now() + drainTimeoutMs;
    QByteArray busy = "1";
    while (busy != "0" && sql::now() < until) {
        m_process->heartbeat(QCoreApplication::applicationPid());
        if (!DeploymentFront::command(control, "busy " + QByteArray::number(oldPort), &busy,
                                      &ignored))
            break;
        if (busy != "0")
            QThread::msleep(20);
    }
    stopUnused(m_workspace, old, oldServer, oldPgid);
    if (QFileInfo(oldFolder) != QFileInfo(m_folder->root()))
        QDir(oldFolder).removeRecursively();
    note(tr("updated: the old server is stopped"));
    return true;
}

bool DeploymentSupervisor::startNext(const Deployment &next, const DeploymentFolder &folder,
                                     int *port, qint64 *pgid, QString *error)
{
    const qint64 offset = QFileInfo(m_folder->log()).size();
    note(tr("updating %1: starting the new server beside the one serving").arg(next.name));
    if (!freePort(port, error) || !launch(next, folder, *port, pgid, error))
        return false;
    const int startupSeconds = servingconfig::startupTimeoutSeconds(next);
    const qint64 until = sql::now() + startupSeconds * 1000LL;
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(*port);
    while (true) {
        m_process->heartbeat(QCoreApplication::applicationPid());
        if (remoteserving::isRemote(next))
            remoteserving::showLog(folder, m_folder->log());
        if (stopRequested()) {
            stopUnused(m_workspace, next, folder, *pgid);
            *error = tr("%1 was stopped during the update.").arg(next.name);
            return false;
        }
        if (!processgroup::isAlive(*pgid)) {
            for (int i = 0; i < 100 && !QFileInfo::exists(folder.exitCodeFile()); ++i)
                QThread::msleep(10);
            const qint64 code = processgroup::readNumber(folder.exitCodeFile());
            stopUnused(m_workspace, next, folder, -1);
            const QString why = code == servingconfig::initFailedExitCode
                                    ? tr("the new scoring script's init() failed")
                                    : tr("the new scoring server exited with code %1").arg(code);
            *error = tr("%1; %2 keeps serving what it served. The new server's log:\n%3")
                         .arg(why, next.name, logSince(m_folder->log(), offset));
            return false;
        }
        const ScoringResponse r = m_client->get(url, 1000);
        if (r.status == 200)
            return true;
        if (sql::now() >= until) {
            stopUnused(m_workspace, next, folder, *pgid);
            *error = tr("The new scoring server did not answer GET / within %1 s (%2); %3 keeps "
                        "serving what it served. The new server's log:\n%4")
                         .arg(startupSeconds)
                         .arg(r.status ? tr("HTTP %1").arg(r.status) : r.error, next.name,
                              logSince(m_folder->log(), offset));
            return false;
        }
        QThread::msleep(50);
    }
}

// What the deployment serves, and its server, change in one transaction.
bool DeploymentSupervisor::commit(const Deployment &next, qint64 pgid, QString *error)
{
    const auto idOrNull = [](Id id) { return id > 0 ? QVariant(id) : QVariant(); };
    QSqlDatabase db = m_workspace.database();
    WriteTransaction transaction(db);
    QSqlQuery q(db);
    if (!transaction.begin(error)
        || !sql::run(q,
                     QStringLiteral("UPDATE deployments SET image_id = ?, scoring_script = ?, "
                                    "environment_version_id = ?, config = ?, updated_at = ? "
                                    "WHERE id = ?"),
                     {idOrNull(next.imageId), sql::text(next.scoringScript),
                      idOrNull(next.environmentVersionId), json::fromObject(next.config),
                      sql::now(), m_id},
                     error)
        || !sql::run(q, QStringLiteral("DELETE FROM deployment_models WHERE deployment_id = ?"),
                     {m_id}, error))
        return false;
    for (const Id version : next.modelVersionIds)
        if (!sql::run(q,
                      QStringLiteral("INSERT OR IGNORE INTO deployment_models(deployment_id, "
                                     "model_version_id) VALUES (?, ?)"),
                      {m_id, version}, error))
            return false;
    return m_process->setServer(pgid, error) && transaction.commit(error);
}

} // namespace mlwb
