// `mlwb service update`: what a running deployment serves is replaced by
// its supervisor (DeploymentSupervisor::update); here the new server's
// files are laid out in a folder of their own and the supervisor is asked.
#include "serving/deployer.h"

#include "runs/processgroup.h"
#include "serving/containerserving.h"
#include "serving/deploymentfolder.h"
#include "serving/deploymentprocess.h"
#include "serving/deploymentsupervisor.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/images.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>

namespace mlwb {

namespace {

// The new contents with the deployment's settings: its port, auth, variables, limits.
DeployRequest withSettings(const Workspace &workspace, const Deployment &d, DeployRequest what)
{
    what.name = d.name;
    what.auth = d.auth;
    what.port = d.port;
    const auto target = d.targetId > 0 ? ComputeTargets(workspace).find(d.targetId) : std::nullopt;
    if (target)
        what.target = target->name;
    const QJsonObject &config = d.config;
    const QJsonObject variables = config.value(QStringLiteral("environment_variables")).toObject();
    // Those the old image brought (served as a process) go with it: the new one brings its own.
    const auto image = d.imageId > 0 ? Images(workspace).find(d.imageId) : std::nullopt;
    const QJsonObject fromImage =
        image ? image->inputs.value(QStringLiteral("environment_variables")).toObject()
              : QJsonObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        if (fromImage.value(it.key()) != it.value()
            && !(image && it.key() == QLatin1String("MLWB_INSTALL_AT_START")))
            what.environmentVariables.insert(it.key(), it.value().toString());
    what.maxRequestBytes = config.value(QStringLiteral("max_request_bytes")).toInteger();
    what.startupTimeoutSeconds = config.value(QStringLiteral("startup_timeout_s")).toInt(120);
    what.restartBackoffMs = config.value(QStringLiteral("restart_backoff_ms")).toInt(1000);
    return what;
}

bool writeAtomically(const QString &path, const QJsonObject &object, QString *error)
{
    QFile file(path + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) <= 0) {
        *error = Deployer::tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    file.close();
    QFile::remove(path);
    return file.rename(path) || sql::fail(error, Deployer::tr("Cannot write %1.").arg(path));
}

// The supervisor's answer to the request `token`, once it is there.
std::optional<QJsonObject> result(const QString &path, const QString &token)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject answer = QJsonDocument::fromJson(file.readAll()).object();
    if (answer.value(QStringLiteral("token")).toString() != token)
        return std::nullopt;
    file.remove();
    return answer;
}

} // namespace

bool Deployer::update(const Workspace &workspace, const QString &name, const DeployRequest &what,
                      int timeoutMs, Deployment *out, QString *error)
{
    const auto d = Deployments(workspace).find(name, error);
    if (!d)
        return false;
    const DeploymentProcess process(workspace, d->id);
    if (d->status != QLatin1String("Healthy") || !process.hasLiveSupervisor())
        return sql::fail(error, tr("%1 is %2: only a healthy, running deployment is updated in "
                                   "place. Start it first (mlwb service start %1).")
                                    .arg(d->name, d->status));
    const QString root =
        DeploymentFolder(workspace.folder(Workspace::Folder::Deployments), d->name).root();
    const QString requestPath = DeploymentSupervisor::updateRequestPath(root);
    if (QFile::exists(requestPath))
        return sql::fail(error, tr("An update of %1 is already under way.").arg(d->name));
    // Each update's server has a folder (and a container name) of its own.
    const int generation = d->config.value(QStringLiteral("generation")).toInt() + 1;
    const QString sub = QStringLiteral("update-%1").arg(generation);
    const DeploymentFolder folder(root, sub);
    const DeployRequest request = withSettings(workspace, *d, what);
    Deployment next;
    DeployRequest files = request;
    QDir(folder.root()).removeRecursively(); // left by an update that was cut off
    if (request.image ? !describeImage(workspace, request, root, &next, &files, error)
                      : !describe(workspace, request, &next, error))
        return false;
    const bool container = containerserving::isContainer(next);
    if (container ? !QDir().mkpath(folder.root()) : !layOut(workspace, files, folder, error))
        return sql::fail(error,
                         error->isEmpty() ? tr("Cannot create %1.").arg(folder.root()) : *error);
    next.config.insert(QStringLiteral("server_folder"), sub);
    next.config.insert(QStringLiteral("generation"), generation);
    if (container)
        next.config.insert(QStringLiteral("container"),
                           QString(next.config.value(QStringLiteral("container")).toString()
                                   + QStringLiteral("-u%1").arg(generation)));
    QJsonArray models;
    for (const Id id : std::as_const(next.modelVersionIds))
        models.append(id);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString resultPath = DeploymentSupervisor::updateResultPath(root);
    QFile::remove(resultPath);
    if (!writeAtomically(requestPath,
                         {{QStringLiteral("token"), token},
                          {QStringLiteral("image_id"), next.imageId},
                          {QStringLiteral("scoring_script"), next.scoringScript},
                          {QStringLiteral("environment_version_id"), next.environmentVersionId},
                          {QStringLiteral("model_version_ids"), models},
                          {QStringLiteral("config"), next.config}},
                         error))
        return false;
    // Its process, not its heartbeat: stopping a container can take longer than a beat.
    const qint64 supervisor = process.supervisorPid();
    const qint64 until = sql::now() + timeoutMs;
    std::optional<QJsonObject> answer;
    while (!(answer = result(resultPath, token))) {
        if (sql::now() >= until || !processgroup::isAlive(supervisor)) {
            QFile::remove(requestPath); // not taken: nothing changed
            return sql::fail(error,
                             sql::now() >= until
                                 ? tr("%1's supervisor did not finish the update within "
                                      "%2 s; see its log.")
                                       .arg(d->name)
                                       .arg(timeoutMs / 1000)
                                 : tr("%1's supervisor stopped during the update.").arg(d->name));
        }
        QThread::msleep(50);
    }
    if (!answer->value(QStringLiteral("ok")).toBool()) {
        QDir(folder.root()).removeRecursively();
        return sql::fail(error, answer->value(QStringLiteral("error")).toString());
    }
    const auto now = Deployments(workspace).find(d->id, error);
    if (!now)
        return false;
    *out = *now;
    return true;
}

} // namespace mlwb
