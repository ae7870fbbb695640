#include "serving/deploymentsupervisor.h"

#include "runs/processgroup.h"
#include "runs/runending.h"
#include "serving/containerserving.h"
#include "serving/deploymentprocess.h"
#include "serving/scoringclient.h"
#include "serving/servingconfig.h"
#include "store/deployments.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
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
    if (m_pgid > 0)
        m_startedMs = sql::now();
    else if (m_process->recordedServer() > 0 && !serverEnded(error))
        return true; // it ended while nobody watched, and that was final
    while (true) {
        m_process->heartbeat(self);
        if (stopRequested()) {
            stopServer();
            setStatus(QStringLiteral("Stopped"), QString());
            return true;
        }
        if (m_pgid <= 0) {
            QString why;
            if (!startServer(&why)) {
                setStatus(QStringLiteral("Failed"), why);
                return true;
            }
        } else if (!processgroup::isAlive(m_pgid)) {
            if (!serverEnded(error))
                return true;
            continue;
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
    QFile::remove(m_folder->exitCodeFile());
    QFile::remove(m_folder->processGroupFile());
    QProcessEnvironment env;
    const bool container = containerserving::isContainer(m_deployment);
    if (container) {
        containerserving::removeContainer(m_deployment); // one a killed engine left behind
        if (!containerserving::serverEnvironment(m_deployment, *m_folder, &env, error))
            return false;
    } else {
        if (!servingconfig::serverEnvironment(m_deployment, *m_folder, &env, error))
            return false;
        env.insert(QStringLiteral("MLWB_COMMAND"),
                   QStringLiteral("exec \"$MLWB_PYTHON\" \"$MLWB_SERVER\""));
    }
    env.insert(QStringLiteral("MLWB_RUN_DIR"), m_folder->root()); // where the wrapper writes
    QProcess process;
    // setsid: its own session, so closing the GUI or a terminal never reaches it.
    process.setProgram(QStringLiteral("setsid"));
    process.setArguments({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                          QString::fromLatin1(RunEnding::wrapperScript()),
                          QStringLiteral("mlwb-serve")});
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(container ? m_folder->root() : m_folder->app());
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(m_folder->log(), QIODevice::Append);
    process.setStandardErrorFile(m_folder->log(), QIODevice::Append);
    note(container ? tr("starting the container %1 on 127.0.0.1:%2")
                         .arg(m_deployment.config.value(QStringLiteral("container")).toString())
                         .arg(m_deployment.port)
                   : tr("starting the scoring server on 127.0.0.1:%1").arg(m_deployment.port));
    if (!process.startDetached()) {
        *error = tr("Could not start the scoring server: %1").arg(process.errorString());
        return false;
    }
    for (int i = 0; i < 500 && !QFileInfo::exists(m_folder->processGroupFile()); ++i)
        QThread::msleep(10);
    m_pgid = processgroup::readNumber(m_folder->processGroupFile());
    if (m_pgid <= 0) {
        *error = tr("The scoring server did not start: its wrapper wrote no process group.");
        return false;
    }
    m_startedMs = sql::now();
    m_failedProbes = 0;
    if (!m_process->setServer(m_pgid, error))
        return false;
    if (m_deployment.status != QLatin1String("Transitioning"))
        setStatus(QStringLiteral("Transitioning"), m_deployment.message);
    return true;
}

bool DeploymentSupervisor::serverEnded(QString *error)
{
    Q_UNUSED(error)
    // The wrapper writes exit_code once the server is gone; give it a moment.
    for (int i = 0; i < 100 && !QFileInfo::exists(m_folder->exitCodeFile()); ++i)
        QThread::msleep(10);
    const qint64 code = processgroup::readNumber(m_folder->exitCodeFile());
    m_process->clearServer();
    m_pgid = -1;
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
    const ScoringResponse r =
        m_client->get(servingconfig::livenessUrl(m_deployment), probeTimeoutMs);
    const QString status = m_deployment.status;
    if (r.status == 200) {
        m_failedProbes = 0;
        if (status != QLatin1String("Healthy")) {
            m_crashes = 0; // healthy again: a later crash starts a new streak
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

} // namespace mlwb
