#include "serving/endpointsupervisor.h"

#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runlauncher.h"
#include "serving/deploymentprocess.h"
#include "serving/endpointproxy.h"
#include "serving/servicekeys.h"
#include "store/changewatcher.h"
#include "store/deployments.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <csignal>

namespace mlwb {

namespace {

const int watchIntervalMs = 200;
const int startWaitMs = 10000;

// "PID START" of the running proxy: the pid with its start time, so a pid
// reused after a reboot is not taken for the proxy.
QString pidPath(const Workspace &workspace, const QString &name)
{
    return QDir(EndpointSupervisor::folder(workspace, name)).filePath(QStringLiteral("proxy.pid"));
}

} // namespace

EndpointSupervisor::EndpointSupervisor(const Workspace &workspace, const QString &name,
                                       QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_name(name)
{}

EndpointSupervisor::~EndpointSupervisor() = default;

QString EndpointSupervisor::folder(const Workspace &workspace, const QString &name)
{
    return QDir(workspace.path()).filePath(QStringLiteral("endpoints/") + name.toLower());
}

QString EndpointSupervisor::keysName(const QString &name)
{
    // A '/' no deployment name has: the keys file sits in a folder of its own.
    return QStringLiteral("endpoints/") + name;
}

bool EndpointSupervisor::exec(QString *error)
{
    const auto endpoint = Endpoints(m_workspace).find(m_name, error);
    if (!endpoint)
        return false;
    QDir().mkpath(folder(m_workspace, m_name));
    // The port is the lock: a second proxy (started twice) cannot listen.
    m_proxy = std::make_unique<EndpointProxy>();
    if (!m_proxy->listen(endpoint->port, error) || !apply(error))
        return false;
    const qint64 self = QCoreApplication::applicationPid();
    QSaveFile pidFile(pidPath(m_workspace, m_name));
    if (!pidFile.open(QIODevice::WriteOnly)
        || pidFile.write(QByteArray::number(self) + ' '
                         + QByteArray::number(DeploymentProcess::startTime(self)) + '\n')
               < 0
        || !pidFile.commit())
        return sql::fail(error,
                         tr("Cannot write %1: %2").arg(pidFile.fileName(), pidFile.errorString()));
    m_watcher = std::make_unique<ChangeWatcher>(m_workspace.databasePath());
    m_watcher->setInterval(watchIntervalMs);
    // Splits, deployments' ports and keys all move the "deployments" topic.
    connect(m_watcher.get(), &ChangeWatcher::changed, this, [this](const QStringList &topics) {
        if (topics.contains(QStringLiteral("deployments")))
            reload();
    });
    m_watcher->start();
    // A regenerated endpoint key changes no table: its file is watched.
    auto *keysTimer = new QTimer(this);
    connect(keysTimer, &QTimer::timeout, this, [this] {
        const QString path = ServiceKeys(m_workspace, keysName(m_name)).filePath();
        if (QFileInfo(path).lastModified() != m_keysModified)
            reload();
    });
    keysTimer->start(1000);
    QCoreApplication::exec();
    return true;
}

void EndpointSupervisor::reload()
{
    QString error;
    if (!apply(&error))
        qWarning("mlwb endpoint %s: %s", qPrintable(m_name), qPrintable(error));
}

bool EndpointSupervisor::apply(QString *error)
{
    QString findError;
    const QList<Endpoint> all = Endpoints(m_workspace).list(&findError);
    if (!findError.isEmpty())
        return sql::fail(error, findError); // a busy store: the next change tries again
    const Endpoint *endpoint = nullptr;
    for (const Endpoint &e : all)
        if (e.name.compare(m_name, Qt::CaseInsensitive) == 0)
            endpoint = &e;
    if (!endpoint) { // deleted: close the port and leave
        m_proxy.reset();
        QCoreApplication::quit();
        return true;
    }
    QList<EndpointBackend> backends;
    for (const TrafficShare &share : endpoint->traffic) {
        const auto d = Deployments(m_workspace).find(share.deployment, error);
        if (!d)
            return false;
        EndpointBackend b{d->name, QStringLiteral("http://127.0.0.1:%1").arg(d->port), share.weight,
                          QString()};
        QString secondary;
        if (d->auth == QLatin1String("key")
            && !ServiceKeys(m_workspace, d->name).read(&b.key, &secondary, error))
            return false;
        backends << b;
    }
    QStringList keys;
    if (endpoint->auth == QLatin1String("key")) {
        const ServiceKeys endpointKeys(m_workspace, keysName(m_name));
        m_keysModified = QFileInfo(endpointKeys.filePath()).lastModified();
        QString primary, secondary;
        if (!endpointKeys.read(&primary, &secondary, error)) {
            // No key file: refuse everybody rather than let anybody in.
            m_proxy->setKeys({QString()});
            return false;
        }
        keys = {primary, secondary};
    }
    m_proxy->setKeys(keys);
    return m_proxy->setBackends(backends, error);
}

bool EndpointSupervisor::start(const Workspace &workspace, const QString &name, QString *error)
{
    if (runningPid(workspace, name) > 0)
        return true;
    // The small program when it is there; the whole mlwb does the same job.
    const QString small = RunLauncher::supervisorProgram(RunLauncher::Supervises::Services);
    const QString program = small.isEmpty() ? RunLauncher::program() : small;
    if (program.isEmpty())
        return sql::fail(error, tr("Cannot find the mlwb program to run the endpoint."));
    const QString dir = folder(workspace, name);
    QDir().mkpath(dir);
    QStringList arguments{QStringLiteral("--endpoint"), name, QStringLiteral("--workspace"),
                          workspace.path()};
    if (small.isEmpty())
        arguments = QStringList{QStringLiteral("endpoint"), QStringLiteral("supervise"), name,
                                QStringLiteral("--workspace"), workspace.path()};
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QDir(dir).filePath(QStringLiteral("proxy.log")),
                                 QIODevice::Append);
    process.setWorkingDirectory(dir);
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return sql::fail(error, tr("Could not start the endpoint's proxy (%1): %2")
                                    .arg(program, process.errorString()));
    // Back once it listens, or with the reason it could not (a taken port).
    const qint64 until = sql::now() + startWaitMs;
    while (sql::now() < until) {
        if (runningPid(workspace, name) > 0)
            return true;
        if (!processgroup::isAlive(pid))
            break;
        QThread::msleep(20);
    }
    if (runningPid(workspace, name) > 0)
        return true;
    const QString log = QDir(dir).filePath(QStringLiteral("proxy.log"));
    return sql::fail(error, tr("The proxy of endpoint %1 did not start: %2")
                                .arg(name, RunEnding::lastLogLines(log, 3).trimmed()));
}

qint64 EndpointSupervisor::runningPid(const Workspace &workspace, const QString &name)
{
    QFile file(pidPath(workspace, name));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
    const qint64 pid = fields.value(0).toLongLong();
    const qint64 started = fields.value(1).toLongLong();
    return pid > 0 && processgroup::isAlive(pid) && DeploymentProcess::startTime(pid) == started
               ? pid
               : 0;
}

bool EndpointSupervisor::waitUntilGone(const Workspace &workspace, const QString &name,
                                       int timeoutMs, QString *error)
{
    const qint64 pid = runningPid(workspace, name);
    if (pid <= 0)
        return true;
    const qint64 until = sql::now() + timeoutMs;
    while (sql::now() < until && processgroup::isAlive(pid))
        QThread::msleep(20);
    if (!processgroup::isAlive(pid))
        return true;
    ::kill(pid_t(pid), SIGKILL);
    for (int i = 0; i < 100 && processgroup::isAlive(pid); ++i)
        QThread::msleep(20);
    return !processgroup::isAlive(pid)
           || sql::fail(error,
                        tr("The proxy of endpoint %1 (pid %2) did not stop.").arg(name).arg(pid));
}

int EndpointSupervisor::reattach(const Workspace &workspace, QString *error)
{
    int started = 0;
    const QList<Endpoint> all = Endpoints(workspace).list(error);
    for (const Endpoint &e : all)
        if (runningPid(workspace, e.name) <= 0 && start(workspace, e.name, error))
            ++started;
    return started;
}

} // namespace mlwb

// Its own moc: the small supervisor must not pull in every model class (and QtGui).
#include "moc_endpointsupervisor.cpp"
