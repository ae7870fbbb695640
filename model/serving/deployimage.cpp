// Deploying an image: with a container engine where one runs containers
// here, else the image's models and scoring script served as a process.
#include "serving/deployer.h"

#include "oci/imageexport.h"
#include "oci/imagerecipes.h"
#include "oci/imageresources.h"
#include "oci/imagestore.h"
#include "remote/sshconnection.h"
#include "serving/containerengine.h"
#include "serving/deploymentfolder.h"
#include "serving/servicekeys.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/environments.h"
#include "store/models.h"
#include "store/sqlerror.h"
#include "store/versionedassets.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace mlwb {

namespace {

// Without an engine: the same models and script, run with the image's
// environment's Python (or the system's), as a deployment without an image.
bool asProcess(const Workspace &ws, const DeployRequest &imageRequest, DeployRequest *out,
               QString *error)
{
    const Image &image = *imageRequest.image;
    *out = imageRequest;
    const QJsonArray models = image.inputs.value(QStringLiteral("models")).toArray();
    for (const QJsonValue &v : models) {
        AssetRef ref;
        std::optional<ModelVersion> version;
        if (AssetRef::parse(v.toString(), &ref, error))
            version = Models(ws).find(ref, error);
        if (!version)
            return false;
        out->models << *version;
    }
    // The image's own variables, under what this deployment sets.
    const QJsonObject variables =
        image.inputs.value(QStringLiteral("environment_variables")).toObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        if (!out->environmentVariables.contains(it.key()))
            out->environmentVariables.insert(it.key(), it.value().toString());
    const QJsonArray atStart = image.inputs.value(QStringLiteral("packages"))
                                   .toObject()
                                   .value(QStringLiteral("install_at_start"))
                                   .toArray();
    QStringList install;
    for (const QJsonValue &v : atStart)
        install << v.toString().remove(QLatin1Char(' '));
    if (!install.isEmpty())
        out->environmentVariables.insert(QStringLiteral("MLWB_INSTALL_AT_START"),
                                         install.join(QLatin1Char(' ')));
    out->scoringScript = image.inputs.value(QStringLiteral("scoring_script")).toString();
    if (!QFileInfo(out->scoringScript).isFile())
        return sql::fail(error, Deployer::tr("the image's scoring script %1 is no longer on this "
                                             "computer to serve it as a process")
                                    .arg(QDir::toNativeSeparators(out->scoringScript)));
    const QString environment = image.inputs.value(QStringLiteral("environment")).toString();
    if (!environment.isEmpty()) {
        AssetRef ref;
        if (AssetRef::parse(environment, &ref, error))
            out->environment = Environments(ws).find(ref, error);
        if (!out->environment)
            return false;
    }
    return true;
}

} // namespace

bool Deployer::describeImage(const Workspace &workspace, const DeployRequest &request,
                             const QString &root, Deployment *out, DeployRequest *files,
                             QString *error)
{
    const Image &image = *request.image;
    const auto target = ComputeTargets(workspace).find(request.target, error);
    if (!target)
        return false;
    if (target->kind == ComputeTarget::Kind::Ssh) {
        // The image's own models and script, run with the VM's Python: no
        // archive of hundreds of MB crosses the link, and no engine is needed there.
        QString cannot;
        if (!asProcess(workspace, request, files, &cannot))
            return sql::fail(error, tr("Cannot deploy %1:%2 to the SSH VM %3: %4.")
                                        .arg(image.name, image.tag, target->name, cannot));
        files->image.reset();
        files->fromImageId = image.id;
        files->modeReason = tr("the image's models and scoring script, %1")
                                .arg(remoteReason(SshConnection(*target)));
        return describe(workspace, *files, out, error);
    }
    const QString ref = image.name + QLatin1Char(':') + image.tag;
    const oci::ImageStore store(workspace.folder(Workspace::Folder::Images));
    QJsonObject config, manifest;
    if (!oci::readImageConfig(store, image, &config, &manifest, error))
        return false;
    Deployment d;
    d.name = request.name;
    d.imageId = image.id;
    d.auth = request.auth;
    d.targetId = target->id;
    QDir().mkpath(root);
    const auto archiveFor = [&](bool docker, QString *archive, QString *why) {
        *archive =
            root
            + (docker ? QStringLiteral("/image-docker.tar") : QStringLiteral("/image-oci.tar"));
        return QFileInfo::exists(*archive)
               || oci::ImageExport::write(store, ref,
                                          docker ? oci::ImageExport::Format::DockerArchive
                                                 : oci::ImageExport::Format::OciArchive,
                                          *archive, why);
    };
    const ContainerEngine engine =
        ContainerEngine::detect(archiveFor, QStringLiteral("localhost/") + ref, root);
    QFile::remove(root + QStringLiteral("/image-oci.tar")); // loaded: not needed now
    QFile::remove(root + QStringLiteral("/image-docker.tar"));
    if (!engine.isValid()) {
        const QString why = tr("served as a local process with its own Python, because no "
                               "container engine runs containers here (%1)")
                                .arg(engine.reason);
        QString cannot;
        if (!asProcess(workspace, request, files, &cannot))
            return sql::fail(error, tr("Cannot deploy %1: no container engine runs containers "
                                       "here (%2), and %3.")
                                        .arg(ref, engine.reason, cannot));
        files->image.reset(); // served as a process
        files->fromImageId = image.id;
        files->modeReason = why;
        return describe(workspace, *files, out, error);
    }
    const oci::ImageResources resources = oci::ImageResources::fromConfig(config);
    QJsonObject variables;
    for (auto it = request.environmentVariables.cbegin(); it != request.environmentVariables.cend();
         ++it)
        variables.insert(it.key(), it.value());
    const QByteArray wsKey =
        QCryptographicHash::hash(workspace.path().toUtf8(), QCryptographicHash::Sha1).toHex();
    d.config = {
        {QStringLiteral("mode"), QStringLiteral("container")},
        {QStringLiteral("mode_reason"), engine.reason},
        {QStringLiteral("engine"), engine.toJson()},
        {QStringLiteral("tag"), engine.isDocker() ? ref : QStringLiteral("localhost/") + ref},
        {QStringLiteral("container"),
         QStringLiteral("mlwb-%1-%2").arg(QString::fromLatin1(wsKey.left(8)), d.name)},
        {QStringLiteral("container_port"), image.inputs.value(QStringLiteral("port")).toInt(5001)},
        {QStringLiteral("cpus"), resources.cpu},
        {QStringLiteral("memory_bytes"), resources.memoryBytes},
        {QStringLiteral("environment_variables"), variables},
        {QStringLiteral("startup_timeout_s"), request.startupTimeoutSeconds},
        {QStringLiteral("restart_backoff_ms"), request.restartBackoffMs}};
    if (d.auth == QLatin1String("key"))
        d.config.insert(QStringLiteral("keys_file"), ServiceKeys(workspace, d.name).filePath());
    *out = d;
    return true;
}

} // namespace mlwb
