#include "serving/deployer.h"

#include "registry/modelregistry.h"
#include "remote/sshconnection.h"
#include "runs/processgroup.h"
#include "runs/runlauncher.h"
#include "serving/containerserving.h"
#include "serving/deploymentfolder.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentprocess.h"
#include "serving/deploymentsupervisor.h"
#include "serving/remoteserving.h"
#include "serving/servicekeys.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/endpoints.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace mlwb {

namespace {

const char *const defaultPython = "/usr/bin/python3";
const int stopWaitMs = 20000;

// The environment's interpreter: a path, a command (python3.11) or a
// version (3.11) found on the PATH; else the system's Python 3.
bool interpreter(const std::optional<EnvironmentVersion> &environment, QString *python,
                 QString *error)
{
    const QString wanted = environment ? environment->python.trimmed() : QString();
    if (wanted.isEmpty()) {
        *python = QString::fromLatin1(defaultPython);
        return true;
    }
    QString found = QFileInfo(wanted).isAbsolute() ? wanted : QString();
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(wanted);
    if (found.isEmpty() && wanted.front().isDigit())
        found = QStandardPaths::findExecutable(QStringLiteral("python") + wanted);
    if (found.isEmpty() || !QFileInfo(found).isExecutable()) {
        *error = Deployer::tr("The environment asks for Python '%1', which is not on this "
                              "computer.")
                     .arg(wanted);
        return false;
    }
    *python = found;
    return true;
}

bool copyServer(const QString &to, QString *error)
{
    QFile::remove(to);
    if (!QFile::copy(QStringLiteral(":/scoring/mlwb_score_server.py"), to)) {
        *error = Deployer::tr("Cannot write the scoring server to %1.")
                     .arg(QDir::toNativeSeparators(to));
        return false;
    }
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    return true;
}

bool settled(const QString &status)
{
    return status != QLatin1String("Transitioning");
}

} // namespace

QString Deployer::remoteReason(const SshConnection &vm)
{
    return tr("served on the SSH VM %1 as a detached process with its Python (%2), reached "
              "through an SSH forward to this computer")
        .arg(vm.name(), vm.python());
}

QString Deployer::modeReason()
{
    return tr("served as a local process with its own Python: it has models and a scoring "
              "script, no image, so no container engine is needed");
}

// A port on 127.0.0.1: the one asked for if free, else any free one.
bool Deployer::choosePort(int wanted, int *port, QString *error)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, quint16(wanted))) {
        *error = Deployer::tr("Port %1 on 127.0.0.1 cannot be used: %2")
                     .arg(wanted)
                     .arg(probe.errorString());
        return false;
    }
    *port = probe.serverPort();
    return true;
}

QString Deployer::modeReason(const Deployment &deployment)
{
    const QString reason = deployment.config.value(QStringLiteral("mode_reason")).toString();
    return reason.isEmpty() ? modeReason() : reason;
}

bool Deployer::deploy(const Workspace &workspace, const DeployRequest &request, Deployment *out,
                      QString *error)
{
    const DeploymentFolder folder(workspace.folder(Workspace::Folder::Deployments), request.name);
    Deployment d;
    DeployRequest files = request; // what is laid out when it is served as a process
    if (request.image) {
        if (Deployments(workspace).find(request.name, nullptr))
            return sql::fail(error, tr("A deployment named %1 already exists.").arg(request.name));
        QDir(folder.root()).removeRecursively(); // left by a deployment of the same name
        QDir().mkpath(folder.root());
        if (!describeImage(workspace, request, folder.root(), &d, &files, error))
            return false;
    } else if (!describe(workspace, request, &d, error)) {
        return false;
    }
    if (!choosePort(request.port, &d.port, error) || !Deployments(workspace).create(&d, error))
        return false;
    QString ignored;
    const bool process = !containerserving::isContainer(d);
    if ((process && !layOut(workspace, files, folder, error))
        || (d.auth == QLatin1String("key") && !ServiceKeys(workspace, d.name).create(error))
        || !startSupervisor(workspace, d, error)) {
        Deployments(workspace).remove(d.name, &ignored);
        QDir(folder.root()).removeRecursively();
        ServiceKeys(workspace, d.name).remove();
        return false;
    }
    *out = d;
    return true;
}

bool Deployer::describe(const Workspace &workspace, const DeployRequest &request, Deployment *out,
                        QString *error)
{
    const auto target = ComputeTargets(workspace).find(request.target, error);
    if (!target)
        return false;
    const QFileInfo script(request.scoringScript);
    if (!script.isFile() || !script.isReadable())
        return sql::fail(error, tr("The scoring script %1 is not a readable file.")
                                    .arg(QDir::toNativeSeparators(request.scoringScript)));
    Deployment d;
    d.name = request.name;
    d.imageId = request.fromImageId; // an image served as a process: no engine worked
    d.scoringScript = script.absoluteFilePath();
    d.environmentVersionId = request.environment ? request.environment->id : 0;
    d.targetId = target->id;
    d.auth = request.auth;
    for (const ModelVersion &v : request.models)
        d.modelVersionIds << v.id;
    const bool onVm = target->kind == ComputeTarget::Kind::Ssh;
    QString python;
    if (onVm)
        python = SshConnection(*target).python(); // checked on the VM when it starts
    else if (!interpreter(request.environment, &python, error))
        return false;
    QJsonObject variables;
    for (auto it = request.environmentVariables.cbegin(); it != request.environmentVariables.cend();
         ++it)
        variables.insert(it.key(), it.value());
    // Azure ML: one model's own folder, else the folder of all of them.
    const QString modelDir = request.models.size() == 1 ? QStringLiteral("azureml-models/%1/%2")
                                                              .arg(request.models.first().modelName)
                                                              .arg(request.models.first().version)
                                                        : QStringLiteral("azureml-models");
    d.config = {{QStringLiteral("mode"), QStringLiteral("process")},
                {QStringLiteral("python"), python},
                {QStringLiteral("script"), script.fileName()},
                {QStringLiteral("model_dir"), modelDir},
                {QStringLiteral("environment_variables"), variables},
                {QStringLiteral("startup_timeout_s"), request.startupTimeoutSeconds},
                {QStringLiteral("restart_backoff_ms"), request.restartBackoffMs}};
    if (request.maxRequestBytes > 0)
        d.config.insert(QStringLiteral("max_request_bytes"), request.maxRequestBytes);
    if (!request.modeReason.isEmpty())
        d.config.insert(QStringLiteral("mode_reason"), request.modeReason);
    if (onVm) {
        const SshConnection ssh(*target);
        d.config.insert(QStringLiteral("remote_folder"),
                        remoteserving::remoteRoot(workspace, ssh.workdir(), d.name));
        if (request.modeReason.isEmpty())
            d.config.insert(QStringLiteral("mode_reason"), remoteReason(ssh));
    }
    if (d.auth == QLatin1String("key"))
        d.config.insert(QStringLiteral("keys_file"), ServiceKeys(workspace, d.name).filePath());
    *out = d;
    return true;
}

bool Deployer::layOut(const Workspace &workspace, const DeployRequest &request,
                      const DeploymentFolder &folder, QString *error)
{
    QDir(folder.root()).removeRecursively(); // left by a deployment of the same name
    if (!QDir().mkpath(folder.app()) || !QDir().mkpath(folder.models()))
        return sql::fail(error, tr("Cannot create the deployment folder %1.")
                                    .arg(QDir::toNativeSeparators(folder.root())));
    // A copy: editing the script later does not change a running service.
    const QString script = QDir(folder.app()).filePath(QFileInfo(request.scoringScript).fileName());
    if (!QFile::copy(request.scoringScript, script))
        return sql::fail(
            error,
            tr("Cannot copy the scoring script to %1.").arg(QDir::toNativeSeparators(script)));
    const ModelRegistry registry(workspace);
    for (const ModelVersion &v : request.models) {
        const QString dir =
            QDir(folder.models()).filePath(QStringLiteral("%1/%2").arg(v.modelName).arg(v.version));
        if (!registry.download(v, dir, error))
            return false;
    }
    return copyServer(folder.server(), error);
}

bool Deployer::startSupervisor(const Workspace &workspace, const Deployment &deployment,
                               QString *error)
{
    // The small program when it is there; the whole mlwb does the same job.
    const QString small = RunLauncher::supervisorProgram(RunLauncher::Supervises::Services);
    const QString program = small.isEmpty() ? RunLauncher::program() : small;
    if (program.isEmpty())
        return sql::fail(error, tr("Cannot find the mlwb program to supervise the deployment."));
    const DeploymentFolder folder(workspace.folder(Workspace::Folder::Deployments),
                                  deployment.name);
    QDir().mkpath(folder.root());
    QStringList arguments{QStringLiteral("--deployment"), deployment.name,
                          QStringLiteral("--workspace"), workspace.path()};
    if (small.isEmpty())
        arguments = QStringList{QStringLiteral("service"), QStringLiteral("supervise"),
                                deployment.name, QStringLiteral("--workspace"), workspace.path()};
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(folder.supervisorLog(), QIODevice::Append);
    process.setWorkingDirectory(folder.root());
    if (!process.startDetached())
        return sql::fail(error, tr("Could not start the deployment's supervisor (%1): %2")
                                    .arg(program, process.errorString()));
    return true;
}

std::optional<Deployment> Deployer::waitUntilSettled(const Workspace &workspace, Id id,
                                                     int timeoutMs, QString *error)
{
    const qint64 until = sql::now() + timeoutMs;
    while (true) {
        const auto d = Deployments(workspace).find(id, error);
        if (!d || settled(d->status) || sql::now() >= until)
            return d;
        QThread::msleep(100);
    }
}

bool Deployer::start(const Workspace &workspace, const QString &name, QString *error)
{
    const auto d = Deployments(workspace).find(name, error);
    if (!d)
        return false;
    Deployments deployments(workspace);
    if (!deployments.setDesired(d->id, QStringLiteral("running"), error)
        || !deployments.countRestart(d->id, true, error))
        return false;
    if (DeploymentProcess(workspace, d->id).hasLiveSupervisor())
        return true;
    return deployments.setStatus(d->id, QStringLiteral("Transitioning"), d->url, QString(), error)
           && startSupervisor(workspace, *d, error);
}

bool Deployer::stop(const Workspace &workspace, const QString &name, QString *error)
{
    const auto d = Deployments(workspace).find(name, error);
    if (!d)
        return false;
    Deployments deployments(workspace);
    if (!deployments.setDesired(d->id, QStringLiteral("stopped"), error))
        return false;
    const DeploymentProcess process(workspace, d->id);
    if (process.hasLiveSupervisor()) {
        // Its supervisor stops the server and records Stopped, then leaves.
        const qint64 supervisor = process.supervisorPid();
        const qint64 until = sql::now() + stopWaitMs;
        while (sql::now() < until && processgroup::isAlive(supervisor))
            QThread::msleep(50);
        const auto now = deployments.find(d->id, error);
        if (now && now->status == QLatin1String("Stopped"))
            return true;
        if (processgroup::isAlive(supervisor))
            return sql::fail(error, tr("The deployment's supervisor did not stop %1 within %2 s.")
                                        .arg(name)
                                        .arg(stopWaitMs / 1000));
    }
    // Nobody is watching: stop what is left and record it here.
    DeploymentProcess orphan(workspace, d->id);
    const qint64 pgid = orphan.liveServer();
    QByteArray answer;
    QString ignored;
    DeploymentFront::command(
        DeploymentFront::controlPath(
            DeploymentFolder(workspace.folder(Workspace::Folder::Deployments), d->name).root()),
        "quit", &answer, &ignored);
    if (containerserving::isContainer(*d))
        containerserving::removeContainer(*d);
    if (remoteserving::isRemote(*d))
        remoteserving::stopServer(workspace, *d,
                                  DeploymentSupervisor::serverFolder(
                                      workspace.folder(Workspace::Folder::Deployments), *d));
    if (pgid > 0)
        processgroup::terminate(pgid, 5000);
    orphan.clearServer();
    return deployments.setStatus(d->id, QStringLiteral("Stopped"), d->url, QString(), error);
}

bool Deployer::remove(const Workspace &workspace, const QString &name, QString *error,
                      QString *warning)
{
    const auto d = Deployments(workspace).find(name, error);
    // Before stopping it: an endpoint still routes to it (endpoints).
    if (d && !Endpoints(workspace).checkNotRouted(d->name, error))
        return false;
    if (!d || !stop(workspace, name, error))
        return false;
    // A VM that is gone for good must not keep a deployment forever: it goes,
    // and the caller is told what was left on the VM.
    QString remoteError;
    if (remoteserving::isRemote(*d) && !remoteserving::removeFolder(workspace, *d, &remoteError)
        && warning)
        *warning =
            tr("Its files on the VM were left in %1: %2")
                .arg(d->config.value(QStringLiteral("remote_folder")).toString(), remoteError);
    if (!Deployments(workspace).remove(name, error))
        return false;
    QDir(DeploymentFolder(workspace.folder(Workspace::Folder::Deployments), d->name).root())
        .removeRecursively();
    QString keysLeft;
    ServiceKeys(workspace, d->name).remove(&keysLeft);
    if (!keysLeft.isEmpty() && warning)
        *warning += (warning->isEmpty() ? QString() : QStringLiteral(" "))
                    + tr("Its keys were left in the desktop keychain: %1").arg(keysLeft);
    return true;
}

int Deployer::reattach(const Workspace &workspace, QString *error)
{
    int started = 0;
    const QList<Deployment> all = Deployments(workspace).list(error);
    for (const Deployment &d : all) {
        // Failed ones stay failed.
        if (d.desired != QLatin1String("running") || d.status == QLatin1String("Failed")
            || d.status == QLatin1String("Stopped")
            || DeploymentProcess(workspace, d.id).hasLiveSupervisor())
            continue;
        if (startSupervisor(workspace, d, error))
            ++started;
    }
    return started;
}

QString Deployer::logPath(const Workspace &workspace, const Deployment &deployment)
{
    return DeploymentFolder(workspace.folder(Workspace::Folder::Deployments), deployment.name)
        .log();
}

QStringList Deployer::modelRefs(const Workspace &workspace, const Deployment &deployment)
{
    QStringList refs;
    QSqlQuery q(workspace.database());
    // A container deployment serves its image's model versions.
    q.prepare(QStringLiteral("SELECT m.name, v.version FROM model_versions v JOIN models m ON "
                             "m.id = v.model_id WHERE v.id IN (SELECT model_version_id FROM "
                             "deployment_models WHERE deployment_id = ? UNION SELECT "
                             "model_version_id FROM image_models WHERE image_id = ?) ORDER BY "
                             "m.name, v.version"));
    q.addBindValue(deployment.id);
    q.addBindValue(deployment.imageId);
    if (q.exec())
        while (q.next())
            refs << q.value(0).toString() + QLatin1Char(':') + q.value(1).toString();
    return refs;
}

} // namespace mlwb
