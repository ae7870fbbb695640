#include "oci/imagebuilder.h"

#include "oci/blobwriter.h"
#include "oci/buildcache.h"
#include "oci/imageconfig.h"
#include "oci/imagepull.h"
#include "oci/imagestore.h"
#include "oci/layerwriter.h"
#include "oci/packagecheck.h"
#include "oci/registryreference.h"
#include "oci/wheelfolder.h"
#include "registry/contentstore.h"
#include "registry/modelregistry.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace mlwb {

using namespace oci;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

struct ResolvedModel {
    ModelVersion version;
    Manifest files;
};

bool resolveModels(const Workspace &ws, const QStringList &refs, QList<ResolvedModel> *out,
                   QString *error)
{
    if (refs.isEmpty()) {
        *error = tr("An image needs at least one model: --model NAME:VERSION.");
        return false;
    }
    for (const QString &text : refs) {
        AssetRef ref;
        if (!AssetRef::parse(text, &ref, error))
            return false;
        const auto version = Models(ws).find(ref, error);
        if (!version)
            return false;
        const auto files = ModelRegistry(ws).files(*version, error);
        if (!files)
            return false;
        out->append({*version, *files});
    }
    return true;
}

QString modelRef(const ModelVersion &v)
{
    return v.modelName + QLatin1Char(':') + QString::number(v.version);
}

QList<LayerFile> modelFiles(const Workspace &ws, const QList<ResolvedModel> &models)
{
    const ContentStore store(ws.folder(Workspace::Folder::Models));
    QList<LayerFile> files;
    for (const ResolvedModel &m : models)
        for (const ManifestEntry &e : m.files.entries)
            files.append({QStringLiteral("%1/%2/%3/%4")
                              .arg(paths::models.mid(1), m.version.modelName)
                              .arg(m.version.version)
                              .arg(e.path),
                          store.blobPath(e.sha256),
                          {},
                          false,
                          e.sha256});
    return files;
}

// The script and sources under /var/azureml-app; sets *script to the
// script's path in the image.
QList<LayerFile> appFiles(const ImageBuildRequest &request, QString *script)
{
    QList<LayerFile> files;
    const QString app = paths::app.mid(1) + QLatin1Char('/');
    const QFileInfo scriptInfo(request.scoringScript);
    QString scriptPath = scriptInfo.fileName();
    if (!request.sourceDir.isEmpty()) {
        const QDir source(request.sourceDir);
        QDirIterator it(request.sourceDir, QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = source.relativeFilePath(it.next());
            if (rel.contains(QLatin1String("__pycache__/"))
                || rel.startsWith(QLatin1String(".git/")))
                continue;
            if (QFileInfo(it.filePath()).canonicalFilePath() == scriptInfo.canonicalFilePath())
                scriptPath = rel;
            else
                files.append({app + rel, it.filePath(), {}, it.fileInfo().isExecutable(), {}});
        }
    }
    files.append({app + scriptPath, scriptInfo.absoluteFilePath(), {}, false, {}});
    if (!request.sampleInput.isEmpty())
        files.append(
            {app + QStringLiteral("sample-input.json"), request.sampleInput, {}, false, {}});
    if (!request.sampleOutput.isEmpty())
        files.append(
            {app + QStringLiteral("sample-output.json"), request.sampleOutput, {}, false, {}});
    *script = QLatin1Char('/') + app + scriptPath;
    return files;
}

bool serverFile(QList<LayerFile> *files, QString *error)
{
    QFile server(QStringLiteral(":/scoring/mlwb_score_server.py"));
    if (!server.open(QIODevice::ReadOnly)) {
        *error = tr("The scoring server is missing from this build of mlwb.");
        return false;
    }
    files->append({paths::server.mid(1), {}, server.readAll(), false, {}});
    return true;
}

bool writeJsonBlob(const QString &stagingDir, const QJsonObject &object, const QString &mediaType,
                   Descriptor *out, QString *error)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    BlobWriter writer(stagingDir, mediaType);
    QString digest;
    if (!writer.open(error) || !writer.write(bytes.constData(), bytes.size(), error)
        || !writer.finish(QString(), -1, &digest, error))
        return false;
    *out = {mediaType, digest, bytes.size(), {}};
    return true;
}

// Staging folders of builds that were killed: a day old is long past any build.
void removeStaleStaging(const QString &root)
{
    const QFileInfoList folders = QDir(root).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &folder : folders)
        if (folder.lastModified().secsTo(QDateTime::currentDateTime()) > 24 * 3600)
            QDir(folder.filePath()).removeRecursively();
}

QJsonObject baseJson(const BaseImage &base)
{
    return {{QStringLiteral("reference"), base.reference},
            {QStringLiteral("os"), base.os},
            {QStringLiteral("architecture"), base.architecture},
            {QStringLiteral("size"), base.size},
            {QStringLiteral("layers"), base.layers.size()},
            {QStringLiteral("python"), base.pythonVersion}};
}

QJsonObject variablesJson(const QMap<QString, QString> &variables)
{
    QJsonObject out;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace

bool checkSampleJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the sample %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parse;
    QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = tr("The sample %1 is not JSON: %2").arg(path, parse.errorString());
        return false;
    }
    return true;
}

bool checkEnvironmentVariable(const QString &name, QString *error)
{
    static const QRegularExpression shellName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!shellName.match(name).hasMatch()) {
        *error = tr("'%1' is not an environment variable name: use letters, digits and _, not "
                    "starting with a digit.")
                     .arg(name);
        return false;
    }
    if (name == QLatin1String("AZUREML_MODEL_DIR") || name.startsWith(QLatin1String("MLWB_"))) {
        *error = tr("%1 is set by the image's scoring server itself.").arg(name);
        return false;
    }
    return true;
}

bool checkScoringScript(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the scoring script %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    QStringList missing;
    for (const char *name : {"init", "run"}) {
        const QRegularExpression def(
            QStringLiteral("^(async\\s+)?def\\s+%1\\s*\\(").arg(QLatin1String(name)),
            QRegularExpression::MultilineOption);
        if (!def.match(text).hasMatch())
            missing << QStringLiteral("%1()").arg(QLatin1String(name));
    }
    if (!missing.isEmpty()) {
        *error = tr("The scoring script %1 does not define %2; it needs init() (loads the models "
                    "from AZUREML_MODEL_DIR) and run(raw_data) (answers each request).")
                     .arg(path, missing.join(tr(" and ")));
        return false;
    }
    return true;
}

ImageBuilder::ImageBuilder(const Workspace &workspace)
    : m_workspace(workspace)
{}

void ImageBuilder::progress(const QString &line) const
{
    if (m_progress)
        m_progress(line);
}

bool ImageBuilder::inspectBase(const Workspace &workspace, const QString &reference, BaseImage *out,
                               QString *error)
{
    const ImageStore store(workspace.folder(Workspace::Folder::Images));
    QDir().mkpath(store.stagingRoot());
    QTemporaryDir staging(store.stagingRoot() + QStringLiteral("/inspect-XXXXXX"));
    QString local = reference;
    if (RegistryReference::looksLikeRegistry(reference)
        && !resolveRegistryBase(workspace, reference, true, {}, {}, &local, error))
        return false;
    return BaseImageReader::read(local, staging.path(), out, {}, error);
}

bool ImageBuilder::build(const ImageBuildRequest &request, Image *out, QString *error)
{
    if (!Images::validName(request.name, error)
        || !checkScoringScript(request.scoringScript, error))
        return false;
    if (request.port < 1 || request.port > 65535) {
        *error = tr("%1 is not a port: use 1 to 65535.").arg(request.port);
        return false;
    }
    if (!request.sourceDir.isEmpty() && !QFileInfo(request.sourceDir).isDir()) {
        *error = tr("The source folder %1 does not exist.").arg(request.sourceDir);
        return false;
    }
    for (const QString &sample : {request.sampleInput, request.sampleOutput})
        if (!sample.isEmpty() && !checkSampleJson(sample, error))
            return false;
    for (auto it = request.environmentVariables.cbegin(); it != request.environmentVariables.cend();
         ++it)
        if (!checkEnvironmentVariable(it.key(), error))
            return false;
    QList<ResolvedModel> models;
    if (!resolveModels(m_workspace, request.models, &models, error))
        return false;
    std::optional<EnvironmentVersion> environment;
    QString environmentRef;
    if (!request.environment.isEmpty()) {
        AssetRef ref;
        if (!AssetRef::parse(request.environment, &ref, error))
            return false;
        environment = Environments(m_workspace).find(ref, error);
        if (!environment)
            return false;
        environmentRef = ref.name + QLatin1Char(':') + QString::number(environment->version);
    }

    ImageStore store(m_workspace.folder(Workspace::Folder::Images));
    if (!QDir().mkpath(store.stagingRoot())) {
        *error = tr("Cannot create %1.").arg(store.stagingRoot());
        return false;
    }
    removeStaleStaging(store.stagingRoot());
    QTemporaryDir staging(store.stagingRoot() + QStringLiteral("/build-XXXXXX"));
    if (!staging.isValid()) {
        *error = tr("Cannot create a staging folder in %1: %2")
                     .arg(store.stagingRoot(), staging.errorString());
        return false;
    }
    BuildCache cache(store);
    BaseImage base;
    // A registry base is read from its pulled copy in the workspace (pulled now if missing).
    QString baseRef = request.base;
    if (RegistryReference::looksLikeRegistry(request.base)
        && !resolveRegistryBase(m_workspace, request.base, true, m_canceled, m_progress, &baseRef,
                                error))
        return false;
    if (const auto cached = cache.base(baseRef)) {
        base = *cached;
        progress(tr("The base image %1 is unchanged since it was read").arg(request.base));
    } else {
        progress(tr("Reading the base image %1").arg(request.base));
        if (!BaseImageReader::read(baseRef, staging.path(), &base, m_canceled, error))
            return false;
    }
    if (base.pythonVersion.isEmpty()) {
        *error = tr("The base image %1 has no Python 3 (no usr/lib/python3.X in its layers); the "
                    "scoring server needs one.")
                     .arg(request.base);
        return false;
    }
    progress(tr("Base: %1/%2, %3 layers, %4 bytes, Python %5")
                 .arg(base.os, base.architecture)
                 .arg(base.layers.size())
                 .arg(base.size)
                 .arg(base.pythonVersion));

    WheelLayer wheels;
    if (!request.wheelFolder.isEmpty()) {
        const QString site = sitePackagesFor(base.pythonVersion, base.debianPython);
        progress(tr("Unpacking the wheels of %1 into /%2").arg(request.wheelFolder, site));
        if (!readWheelFolder(request.wheelFolder, base.pythonVersion, base.architecture, site,
                             staging.path() + QStringLiteral("/wheels"), &wheels, error))
            return false;
    }
    QMap<QString, QString> installed = base.pythonPackages;
    for (auto it = wheels.packages.cbegin(); it != wheels.packages.cend(); ++it)
        installed.insert(it.key(), it.value());

    QJsonObject packages;
    QStringList installAtStart;
    if (environment) {
        const PackageCheck check = checkPackages(environment->packages, installed);
        packages = {{QStringLiteral("present"), QJsonArray::fromStringList(check.present)},
                    {QStringLiteral("missing"), QJsonArray::fromStringList(check.missing)}};
        if (!check.present.isEmpty())
            progress((wheels.wheels.isEmpty() ? tr("The base already has: %1")
                                              : tr("The base and the wheel layer have: %1"))
                         .arg(check.present.join(QStringLiteral(", "))));
        if (!check.missing.isEmpty() && request.installMissingAtStart) {
            installAtStart = check.missingRequirements;
            progress(tr("Installed with pip when the service first starts, which needs network "
                        "access at deploy time: %1")
                         .arg(check.missing.join(QStringLiteral(", "))));
        } else if (!check.missing.isEmpty()) {
            progress(tr("Missing from the base, so not in this image: %1. Use a base that has "
                        "them, add a folder of wheels (--wheels DIR), or install them when the "
                        "service first starts (--install-missing-at-start; that needs network "
                        "access at deploy time).")
                         .arg(check.missing.join(QStringLiteral(", "))));
        }
        packages.insert(QStringLiteral("install_at_start"),
                        QJsonArray::fromStringList(installAtStart));
    }

    QString scriptInImage;
    QList<LayerFile> server;
    if (!serverFile(&server, error))
        return false;
    QList<std::pair<QString, QList<LayerFile>>> plan;
    if (!wheels.files.isEmpty()) // below the app: it changes least often
        plan.append({QStringLiteral("wheels"), wheels.files});
    plan.append({QStringLiteral("models"), modelFiles(m_workspace, models)});
    plan.append({QStringLiteral("app"), appFiles(request, &scriptInImage)});
    plan.append({QStringLiteral("server"), server});
    QList<AddedLayer> added;
    QList<std::pair<QByteArray, LayerResult>> written;
    for (const auto &[role, files] : plan) {
        const QByteArray key = BuildCache::layerKey(files);
        LayerResult result;
        if (const auto cached = cache.layer(key)) {
            result = *cached;
            progress(tr("The %1 layer is unchanged").arg(role));
        } else {
            progress(tr("Writing the %1 layer (%2 files)").arg(role).arg(files.size()));
            if (!LayerWriter::write(files, staging.path(), role, &result, m_canceled, error))
                return false;
        }
        written.append({key, result});
        added.append({role,
                      {media::layerGzip, result.digest, result.size, {}},
                      result.diffId,
                      QStringLiteral("mlwb: %1").arg(role)});
        progress(tr("  %1 %2 bytes").arg(result.digest).arg(result.size));
    }

    RunSettings run;
    run.scoringScript = scriptInImage;
    run.modelDir = models.size() == 1 ? QStringLiteral("%1/%2/%3")
                                            .arg(paths::models, models.first().version.modelName)
                                            .arg(models.first().version.version)
                                      : paths::models;
    run.port = request.port;
    run.env = request.environmentVariables;
    if (!installAtStart.isEmpty()) { // one line, words: Env and Dockerfile ENV keep it intact
        QStringList words;
        for (const QString &r : std::as_const(installAtStart))
            words << QString(r).remove(QRegularExpression(QStringLiteral("\\s")));
        run.env.insert(QStringLiteral("MLWB_INSTALL_AT_START"), words.join(QLatin1Char(' ')));
    }
    if (!request.sampleInput.isEmpty())
        run.env.insert(QStringLiteral("MLWB_SAMPLE_INPUT"),
                       paths::app + QStringLiteral("/sample-input.json"));
    if (!request.sampleOutput.isEmpty())
        run.env.insert(QStringLiteral("MLWB_SAMPLE_OUTPUT"),
                       paths::app + QStringLiteral("/sample-output.json"));
    QStringList modelRefs;
    for (const ResolvedModel &m : std::as_const(models))
        modelRefs << modelRef(m.version);
    run.labels.insert(QStringLiteral("org.mlwb.models"), modelRefs.join(QLatin1Char(',')));
    if (!environmentRef.isEmpty())
        run.labels.insert(QStringLiteral("org.mlwb.environment"), environmentRef);
    run.labels.insert(QStringLiteral("org.mlwb.workspace"), m_workspace.name());
    for (auto it = request.labels.cbegin(); it != request.labels.cend(); ++it)
        run.labels.insert(it.key(), it.value());
    request.resources.addLabels(&run.labels); // after the user's: they cannot contradict them

    QList<Descriptor> layers = base.layers;
    for (const AddedLayer &layer : std::as_const(added))
        layers << layer.descriptor;
    Descriptor config, manifest;
    if (!writeJsonBlob(staging.path(), imageConfig(base.config, added, run), media::config, &config,
                       error)
        || !writeJsonBlob(staging.path(), imageManifest(config, layers), media::manifest, &manifest,
                          error))
        return false;
    if (m_canceled && m_canceled()) {
        *error = tr("The build was canceled.");
        return false;
    }

    Image image;
    image.name = request.name;
    image.status = QStringLiteral("Succeeded");
    image.digest = manifest.digest;
    image.size = config.size + manifest.size;
    for (const Descriptor &layer : std::as_const(layers))
        image.size += layer.size;
    image.environmentVersionId = environment ? environment->id : 0;
    for (const ResolvedModel &m : std::as_const(models))
        image.modelVersionIds << m.version.id;
    QJsonArray layerJson;
    for (const AddedLayer &layer : std::as_const(added))
        layerJson.append(QJsonObject{{QStringLiteral("role"), layer.role},
                                     {QStringLiteral("digest"), layer.descriptor.digest},
                                     {QStringLiteral("diff_id"), layer.diffId},
                                     {QStringLiteral("size"), layer.descriptor.size}});
    image.inputs = {
        {QStringLiteral("models"), QJsonArray::fromStringList(modelRefs)},
        {QStringLiteral("scoring_script"), QFileInfo(request.scoringScript).absoluteFilePath()},
        {QStringLiteral("scoring_script_in_image"), scriptInImage},
        {QStringLiteral("source_dir"), request.sourceDir},
        {QStringLiteral("environment"), environmentRef},
        {QStringLiteral("packages"), packages},
        {QStringLiteral("wheels"), QJsonArray::fromStringList(wheels.wheels)},
        {QStringLiteral("base"), baseJson(base)},
        {QStringLiteral("port"), request.port},
        {QStringLiteral("resources"), request.resources.toJson()},
        {QStringLiteral("environment_variables"), variablesJson(request.environmentVariables)},
        {QStringLiteral("model_dir"), run.modelDir},
        {QStringLiteral("added_layers"), layerJson}};
    Placement placed;
    const bool ok =
        Images(m_workspace)
            .registerVersion(
                &image,
                [&](int version, QString *e) {
                    return store.publish(staging.path(), manifest,
                                         request.name + QLatin1Char(':') + QString::number(version),
                                         &placed, e);
                },
                error);
    if (!ok) {
        store.undo(placed);
        return false;
    }
    cache.rememberBase(base);
    for (const auto &[key, layer] : std::as_const(written))
        cache.rememberLayer(key, layer);
    cache.save();
    *out = image;
    return true;
}

} // namespace mlwb
