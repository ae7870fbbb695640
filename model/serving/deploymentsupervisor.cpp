#include "serving/deploymentsupervisor.h"

#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runlauncher.h"
#include "serving/containerserving.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentprocess.h"
#include "serving/remoteserving.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "serving/servingconfig.h"
#include "store/deployments.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

namespace mlwb {

namespace {
const int stopGraceMs = 5000;
const int probeTimeoutMs = 2000;
const int failedProbesBeforeUnhealthy = 3;
const int logLinesShown = 20;
} // namespace

DeploymentSupervisor::DeploymentSupervisor(const Workspace &workspace, Id deploymentId)
    : m_workspace(workspace)
    , m_id(deploymentId)
{}

DeploymentSupervisor::~DeploymentSupervisor() = default;

QString DeploymentSupervisor::updateRequestPath(const QString &deploymentRoot)
{
    return QDir(deploymentRoot).filePath(QStringLiteral("update.json"));
}

QString DeploymentSupervisor::updateResultPath(const QString &deploymentRoot)
{
    return QDir(deploymentRoot).filePath(QStringLiteral("update-result.json"));
}

DeploymentFolder DeploymentSupervisor::serverFolder(const QString &deploymentsRoot,
                                                    const Deployment &deployment)
{
    const QString sub = deployment.config.value(QStringLiteral("server_folder")).toString();
    return sub.isEmpty() ? DeploymentFolder(deploymentsRoot, deployment.name)
                         : DeploymentFolder(QDir(deploymentsRoot).filePath(deployment.name), sub);
}

QString DeploymentSupervisor::serverPortFile(const DeploymentFolder &folder)
{
    return QDir(folder.root()).filePath(QStringLiteral("port"));
}

bool DeploymentSupervisor::freePort(int *port, QString *error)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        *error =
            tr("No free port on 127.0.0.1 for the scoring server: %1").arg(probe.errorString());
        return false;
    }
    *port = probe.serverPort();
    return true;
}

int DeploymentSupervisor::backoffMs(int n, int firstMs)
{
    return firstMs * std::min(30, 1 << std::min(n - 1, 5));
}

bool DeploymentSupervisor::load(QString *error)
{
    const auto deployment = Deployments(m_workspace).find(m_id, error);
    if (!deployment)
        return false;
    m_deployment = *deployment;
    m_folder = std::make_unique<DeploymentFolder>(
        m_workspace.folder(Workspace::Folder::Deployments), m_deployment.name);
    m_serverFolder = std::make_unique<DeploymentFolder>(
        serverFolder(m_workspace.folder(Workspace::Folder::Deployments), m_deployment));
    m_process = std::make_unique<DeploymentProcess>(m_workspace, m_id);
    m_client = std::make_unique<ScoringClient>();
    return true;
}

bool DeploymentSupervisor::exec(QString *error)
{
    if (!load(error))
        return false;
    // One supervisor per deployment: a second one (started twice) leaves; the
    // wait lets a stopping one finish when start follows stop at once.
    QLockFile lock(m_folder->lockFile());
    lock.setStaleLockTime(0);
    if (!lock.tryLock(5000))
        return true;
    const qint64 self = QCoreApplication::applicationPid();
    m_process->heartbeat(self);
    m_pgid = m_process->liveServer(); // a server a killed supervisor left running
    endLeftovers();
    if (m_pgid > 0) {
        m_startedMs = sql::now();
        // No port file: a server started before the front, on the public port itself.
        const qint64 port = processgroup::readNumber(serverPortFile(*m_serverFolder));
        m_serverPort = port > 0 ? int(port) : m_deployment.port;
        QString why;
        if (m_serverPort != m_deployment.port
            && (!ensureFront(&why) || !pointFront(m_serverPort, &why)))
            note(why);
    } else if (m_process->recordedServer() > 0 && !serverEnded(error)) {
        quitFront();
        return true; // it ended while nobody watched, and that was final
    }
    while (true) {
        m_process->heartbeat(self);
        if (stopRequested()) {
            stopServer();
            setStatus(QStringLiteral("Stopped"), QString());
            return true;
        }
        if (remoteserving::isRemote(m_deployment))
            followVm();
        if (m_pgid <= 0) {
            QString why;
            m_linkDown = false;
            if (!startServer(&why)) {
                if (m_linkDown) { // the VM may come back: try again, as a run does
                    linkLost(why);
                    continue;
                }
                stopServer();
                setStatus(QStringLiteral("Failed"), why);
                return true;
            }
        } else if (!processgroup::isAlive(m_pgid)) {
            if (!serverEnded(error)) {
                quitFront();
                return true;
            }
            continue;
        } else if (QFileInfo::exists(updateRequestPath(m_folder->root()))) {
            update();
        } else {
            probe();
        }
        QThread::msleep(m_pollMs);
    }
}

bool DeploymentSupervisor::stopRequested()
{
    QString ignored;
    const auto now = Deployments(m_workspace).find(m_id, &ignored);
    if (!now)
        return true; // deleted under us
    m_deployment.desired = now->desired;
    m_deployment.status = now->status;
    return m_deployment.desired == QLatin1String("stopped");
}

bool DeploymentSupervisor::setStatus(const QString &status, const QString &message)
{
    QString error;
    const QString url = servingconfig::scoringUrl(m_deployment);
    if (!Deployments(m_workspace).setStatus(m_id, status, url, message, &error)) {
        qWarning("mlwb deployment supervisor: %s", qPrintable(error));
        return false;
    }
    m_deployment.status = status;
    return true;
}

void DeploymentSupervisor::note(const QString &line)
{
    QFile log(m_folder->log());
    if (log.open(QIODevice::Append)) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        log.write(QStringLiteral("[mlwb %1] %2\n").arg(stamp, line).toUtf8());
    }
}

bool DeploymentSupervisor::startServer(QString *error)
{
    // The front first: the public port is the deployment's before any server starts.
    int port = 0;
    qint64 pgid = -1;
    if (!ensureFront(error) || !freePort(&port, error)
        || !launch(m_deployment, *m_serverFolder, port, &pgid, error))
        return false;
    m_pgid = pgid;
    m_serverPort = port;
    m_startedMs = sql::now();
    m_failedProbes = 0;
    QFile portFile(serverPortFile(*m_serverFolder));
    if (!portFile.open(QIODevice::WriteOnly) || portFile.write(QByteArray::number(port)) <= 0) {
        *error = tr("Cannot write %1.").arg(portFile.fileName());
        return false;
    }
    portFile.close();
    if (!m_process->setServer(m_pgid, error) || !pointFront(port, error))
        return false;
    if (m_deployment.status != QLatin1String("Transitioning"))
        setStatus(QStringLiteral("Transitioning"), m_deployment.message);
    return true;
}

bool DeploymentSupervisor::launch(const Deployment &deployment, const DeploymentFolder &folder,
                                  int port, qint64 *pgid, QString *error)
{
    QFile::remove(folder.exitCodeFile());
    QFile::remove(folder.processGroupFile());
    // Keys in the keychain: the server's copy is gone after a logout.
    if (deployment.auth == QLatin1String("key")
        && !ServiceKeys(m_workspace, deployment.name).ensureFile(error))
        return false;
    Deployment internal = deployment; // the server listens on its own port behind the front
    internal.port = port;
    QProcessEnvironment env;
    const bool container = containerserving::isContainer(deployment);
    const bool remote = remoteserving::isRemote(deployment);
    if (remote) {
        if (!remoteserving::serverEnvironment(m_workspace, deployment, folder, port, &env,
                                              &m_linkDown, error))
            return false;
    } else if (container) {
        containerserving::removeContainer(deployment); // one a killed engine left behind
        if (!containerserving::serverEnvironment(internal, folder, &env, error))
            return false;
    } else {
        if (!servingconfig::serverEnvironment(internal, folder, &env, error))
            return false;
        env.insert(QStringLiteral("MLWB_COMMAND"),
                   QStringLiteral("exec \"$MLWB_PYTHON\" \"$MLWB_SERVER\""));
    }
    env.insert(QStringLiteral("MLWB_RUN_DIR"), folder.root()); // where the wrapper writes
    QProcess process;
    // setsid: its own session, so closing the GUI or a terminal never reaches it.
    process.setProgram(QStringLiteral("setsid"));
    process.setArguments({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                          QString::fromLatin1(RunEnding::wrapperScript()),
                          QStringLiteral("mlwb-serve")});
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(container ? m_folder->root() : folder.app());
    process.setStandardInputFile(QProcess::nullDevice());
    // On a VM: what the server printed goes through remote.log, so its size is
    // the offset to stream from after a reconnect.
    process.setStandardOutputFile(remote ? remoteserving::mirrorLog(folder) : m_folder->log(),
                                  QIODevice::Append);
    process.setStandardErrorFile(m_folder->log(), QIODevice::Append);
    note(remote ? tr("the scoring server runs on the VM %1; forwarded to 127.0.0.1:%2 (the "
                     "front listens on %3)")
                      .arg(remoteserving::vmName(m_workspace, deployment))
                      .arg(port)
                      .arg(deployment.port)
         : container ? tr("starting the container %1 on 127.0.0.1:%2 (the front listens on %3)")
                           .arg(deployment.config.value(QStringLiteral("container")).toString())
                           .arg(port)
                           .arg(deployment.port)
                     : tr("starting the scoring server on 127.0.0.1:%1 (the front listens on %2)")
                           .arg(port)
                           .arg(deployment.port));
    if (!process.startDetached()) {
        *error = tr("Could not start the scoring server: %1").arg(process.errorString());
        return false;
    }
    for (int i = 0; i < 500 && !QFileInfo::exists(folder.processGroupFile()); ++i)
        QThread::msleep(10);
    *pgid = processgroup::readNumber(folder.processGroupFile());
    if (*pgid <= 0) {
        *error = tr("The scoring server did not start: its wrapper wrote no process group.");
        return false;
    }
    return true;
}

bool DeploymentSupervisor::ensureFront(QString *error)
{
    const QString control = DeploymentFront::controlPath(m_folder->root());
    QByteArray answer;
    QString why;
    if (DeploymentFront::command(control, "ping", &answer, &why, 1000))
        return true;
    // The small program when it is there; the whole mlwb does the same job.
    const QString small = RunLauncher::supervisorProgram(RunLauncher::Supervises::Services);
    const QString program = small.isEmpty() ? RunLauncher::program() : small;
    QStringList arguments{QStringLiteral("--front"), m_deployment.name,
                          QStringLiteral("--workspace"), m_workspace.path()};
    if (small.isEmpty())
        arguments =
            QStringList{QStringLiteral("service"), QStringLiteral("front"), m_deployment.name,
                        QStringLiteral("--workspace"), m_workspace.path()};
    const QString log = QDir(m_folder->root()).filePath(QStringLiteral("front.log"));
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(log, QIODevice::Append);
    process.setWorkingDirectory(m_folder->root());
    qint64 pid = -1;
    if (program.isEmpty() || !process.startDetached(&pid)) {
        *error = tr("Could not start the deployment's front (%1): %2")
                     .arg(program, process.errorString());
        return false;
    }
    const qint64 until = sql::now() + 10000;
    while (sql::now() < until && processgroup::isAlive(pid)) {
        if (DeploymentFront::command(control, "ping", &answer, &why, 1000))
            return true;
        QThread::msleep(20);
    }
    *error = tr("The deployment's front did not start: %1")
                 .arg(RunEnding::lastLogLines(log, 5).trimmed());
    return false;
}

bool DeploymentSupervisor::pointFront(int port, QString *error)
{
    QByteArray answer;
    if (!DeploymentFront::command(DeploymentFront::controlPath(m_folder->root()),
                                  "backend " + QByteArray::number(port), &answer, error))
        return false;
    if (answer != "ok") {
        *error = tr("The deployment's front refused port %1: %2")
                     .arg(port)
                     .arg(QString::fromUtf8(answer));
        return false;
    }
    return true;
}

void DeploymentSupervisor::quitFront()
{
    QByteArray answer;
    QString ignored;
    DeploymentFront::command(DeploymentFront::controlPath(m_folder->root()), "quit", &answer,
                             &ignored);
}

bool DeploymentSupervisor::serverEnded(QString *error)
{
    Q_UNUSED(error)
    // The wrapper writes exit_code once the server is gone; give it a moment.
    for (int i = 0; i < 100 && !QFileInfo::exists(m_serverFolder->exitCodeFile()); ++i)
        QThread::msleep(10);
    const qint64 code = processgroup::readNumber(m_serverFolder->exitCodeFile());
    m_process->clearServer();
    m_pgid = -1;
    if (remoteserving::isRemote(m_deployment)) {
        remoteserving::showLog(*m_serverFolder, m_folder->log());
        if (code == sshLinkLost) { // ssh's own code: the server on the VM may well run on
            linkLost(tr("The SSH link to %1 was lost; the server on the VM keeps running "
                        "meanwhile.")
                         .arg(remoteserving::vmName(m_workspace, m_deployment)));
            return true;
        }
    }
    const QString lastLines = RunEnding::lastLogLines(m_folder->log(), logLinesShown);
    if (code == servingconfig::initFailedExitCode) {
        note(tr("init() failed; the deployment is Failed and is not restarted"));
        setStatus(QStringLiteral("Failed"),
                  tr("The scoring script's init() failed; its traceback is in the log:\n%1")
                      .arg(lastLines));
        return false;
    }
    ++m_crashes;
    const QString how = code >= 0 ? tr("exited with code %1").arg(code) : tr("was killed");
    if (m_crashes > maxCrashesInARow) {
        note(tr("the scoring server %1; it crashed %2 times in a row, so it is not restarted")
                 .arg(how)
                 .arg(m_crashes));
        setStatus(QStringLiteral("Failed"),
                  tr("The scoring server crashed %1 times in a row (it %2). The last lines of "
                     "its log:\n%3")
                      .arg(m_crashes)
                      .arg(how, lastLines));
        return false;
    }
    QString ignored;
    Deployments(m_workspace).countRestart(m_id, false, &ignored);
    const int waitMs = backoffMs(
        m_crashes, m_deployment.config.value(QStringLiteral("restart_backoff_ms")).toInt(1000));
    const QString message = tr("The scoring server %1; restarting it in %2 s.")
                                .arg(how)
                                .arg(waitMs / 1000.0, 0, 'g', 3);
    note(message);
    setStatus(QStringLiteral("Transitioning"), message);
    pause(waitMs); // a stop asked for meanwhile is seen by the next round
    return true;
}

bool DeploymentSupervisor::pause(int ms)
{
    const qint64 until = sql::now() + ms;
    while (sql::now() < until) {
        m_process->heartbeat(QCoreApplication::applicationPid());
        if (stopRequested())
            return false;
        QThread::msleep(std::min<qint64>(200, std::max<qint64>(1, until - sql::now())));
    }
    return true;
}

void DeploymentSupervisor::probe()
{
    QByteArray answer;
    QString frontError;
    if (m_serverPort != m_deployment.port // a server from before the front holds the port itself
        && !DeploymentFront::command(DeploymentFront::controlPath(m_folder->root()), "ping",
                                     &answer, &frontError, 1000)) {
        note(tr("the deployment's front is gone (%1); starting it again").arg(frontError));
        if (!ensureFront(&frontError) || !pointFront(m_serverPort, &frontError))
            note(frontError);
    }
    const ScoringResponse r =
        m_client->get(QStringLiteral("http://127.0.0.1:%1/").arg(m_serverPort), probeTimeoutMs);
    const QString status = m_deployment.status;
    if (r.status == 200) {
        m_failedProbes = 0;
        if (status != QLatin1String("Healthy")) {
            m_crashes = 0; // healthy again: a later crash starts a new streak
            m_linkLosses = 0;
            setStatus(QStringLiteral("Healthy"), QString());
        }
        return;
    }
    ++m_failedProbes;
    const QString why = r.status ? tr("HTTP %1").arg(r.status) : r.error;
    const QString lastLines = RunEnding::lastLogLines(m_folder->log(), logLinesShown);
    const int startupSeconds = servingconfig::startupTimeoutSeconds(m_deployment);
    if (status == QLatin1String("Healthy") && m_failedProbes >= failedProbesBeforeUnhealthy)
        setStatus(QStringLiteral("Unhealthy"),
                  tr("GET / failed %1 times in a row (%2). The last lines of its log:\n%3")
                      .arg(m_failedProbes)
                      .arg(why, lastLines));
    else if (status == QLatin1String("Transitioning")
             && sql::now() - m_startedMs > startupSeconds * 1000LL)
        setStatus(QStringLiteral("Unhealthy"),
                  tr("The scoring server did not answer GET / within %1 s (%2). The last lines "
                     "of its log:\n%3")
                      .arg(startupSeconds)
                      .arg(why, lastLines));
}

void DeploymentSupervisor::stopServer()
{
    quitFront(); // callers are refused at once instead of waiting on a server that goes
    if (remoteserving::isRemote(m_deployment)) {
        note(tr("stopping the scoring server on the VM"));
        remoteserving::stopServer(m_workspace, m_deployment, *m_serverFolder);
        remoteserving::showLog(*m_serverFolder, m_folder->log());
    }
    if (containerserving::isContainer(m_deployment)) {
        note(tr("stopping the container"));
        containerserving::removeContainer(m_deployment); // its attached run then ends
    }
    if (m_pgid > 0) {
        note(tr("stopping the scoring server"));
        processgroup::terminate(m_pgid, stopGraceMs);
    }
    m_process->clearServer();
    m_pgid = -1;
}

void DeploymentSupervisor::followVm()
{
    remoteserving::showLog(*m_serverFolder, m_folder->log());
    QString error;
    if (m_deployment.auth == QLatin1String("key") && m_pgid > 0
        && !remoteserving::syncKeys(m_workspace, m_deployment, &error))
        note(error);
}

void DeploymentSupervisor::linkLost(const QString &why)
{
    ++m_linkLosses;
    const int waitMs = backoffMs(std::min(m_linkLosses, 4), 1000);
    const QString said = why.trimmed();
    // Only the caller knows whether a server runs on the VM: it says so in `why`.
    const QString message =
        tr("%1 Reconnecting in %2 s.")
            .arg(said.endsWith(QLatin1Char('.')) ? said : said + QLatin1Char('.'))
            .arg(waitMs / 1000);
    note(message);
    setStatus(QStringLiteral("Unhealthy"), message);
    pause(waitMs);
}

} // namespace mlwb
