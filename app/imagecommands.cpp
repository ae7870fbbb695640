// `mlwb image ...`: container images built from models without a daemon.
#include "commandcontext.h"
#include "oci/imagebuilder.h"
#include "oci/imageexport.h"
#include "oci/imagerecipes.h"
#include "oci/imagestore.h"
#include "oci/registryreference.h"
#include "store/images.h"
#include "store/workspace.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <csignal>

namespace mlwb {

namespace {

// Ctrl-C or a TERM during a build: stop at the next check, so the staging
// folder is removed and nothing half-built stays behind.
volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int)
{
    interrupted = 1;
}

class InterruptGuard
{
public:
    InterruptGuard()
    {
        struct sigaction action {
        };
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_int);
        sigaction(SIGTERM, &action, &m_term);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &m_int, nullptr);
        sigaction(SIGTERM, &m_term, nullptr);
    }

private:
    struct sigaction m_int {
    };
    struct sigaction m_term {
    };
};

QString refOf(const Image &i)
{
    return i.name + QLatin1Char(':') + i.tag;
}

QJsonObject toJson(const Image &i)
{
    return {{QStringLiteral("name"), i.name},
            {QStringLiteral("version"), i.version},
            {QStringLiteral("ref"), refOf(i)},
            {QStringLiteral("status"), i.status},
            {QStringLiteral("digest"), CliOutput::text(i.digest)},
            {QStringLiteral("size"), i.size},
            {QStringLiteral("models"), i.inputs.value(QStringLiteral("models"))},
            {QStringLiteral("environment"),
             CliOutput::text(i.inputs.value(QStringLiteral("environment")).toString())},
            {QStringLiteral("created_at"), CliOutput::time(i.createdAt)}};
}

oci::ImageStore storeOf(const Workspace &ws)
{
    return oci::ImageStore(ws.folder(Workspace::Folder::Images));
}

// The verbs on one image: the workspace is opened and NAME:VERSION found here, once.
using ImageVerb = int (*)(CommandContext &, const Workspace &, const Image &);
std::function<int(CommandContext &)> onImage(ImageVerb verb)
{
    return [verb](CommandContext &context) {
        const auto ws = context.openWorkspace();
        if (!ws)
            return int(ExitFailure);
        const QString text = context.argument(0);
        const int colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return context.fail(Cli::tr("Say which image: NAME:VERSION, not '%1'.").arg(text));
        QString error;
        const auto image = Images(*ws).find(text.left(colon), text.mid(colon + 1), &error);
        if (!image)
            return context.fail(error);
        return verb(context, *ws, *image);
    };
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Image> images = Images(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Image &i : images)
        rows.append(toJson(i));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("version"), Cli::tr("version")},
                           {QStringLiteral("status"), Cli::tr("status")},
                           {QStringLiteral("size"), Cli::tr("size")},
                           {QStringLiteral("models"), Cli::tr("models")},
                           {QStringLiteral("created_at"), Cli::tr("created at")},
                           {QStringLiteral("digest"), Cli::tr("digest")}},
                          rows);
    return ExitSuccess;
}

int build(CommandContext &context)
{
    ImageBuildRequest request;
    request.name = context.argument(0);
    request.models = context.values(QStringLiteral("model"));
    request.scoringScript = context.value(QStringLiteral("scoring-script"));
    request.sourceDir = context.value(QStringLiteral("source"));
    request.environment = context.value(QStringLiteral("environment"));
    request.wheelFolder = context.value(QStringLiteral("wheels"));
    request.installMissingAtStart = context.isSet(QStringLiteral("install-missing-at-start"));
    if (!request.wheelFolder.isEmpty())
        request.wheelFolder = QDir::current().absoluteFilePath(request.wheelFolder);
    request.base = context.value(QStringLiteral("base"));
    for (const QString &option :
         {QStringLiteral("sample-input"), QStringLiteral("sample-output")}) {
        const QString file = context.value(option);
        (option == QLatin1String("sample-input") ? request.sampleInput : request.sampleOutput) =
            file.isEmpty() ? QString() : QDir::current().absoluteFilePath(file);
    }
    if (request.scoringScript.isEmpty() || request.base.isEmpty())
        return context.fail(Cli::tr("Say what to build from: --model NAME:VERSION "
                                    "--scoring-script FILE --base oci-archive:PATH."));
    const QString port = context.value(QStringLiteral("port"));
    bool ok = true;
    if (!port.isEmpty())
        request.port = port.toInt(&ok);
    if (!ok)
        return context.fail(Cli::tr("'%1' is not a port.").arg(port));
    QString error;
    if (context.isSet(QStringLiteral("cpu"))
        && !oci::parseCpu(context.value(QStringLiteral("cpu")), &request.resources.cpu, &error))
        return context.fail(error);
    if (context.isSet(QStringLiteral("memory"))
        && !oci::parseMemory(context.value(QStringLiteral("memory")),
                             &request.resources.memoryBytes, &error))
        return context.fail(error);
    const QStringList variables = context.values(QStringLiteral("env"));
    for (const QString &pair : variables) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        if (!pair.contains(QLatin1Char('=')))
            return context.fail(Cli::tr("'%1' is not NAME=VALUE.").arg(pair));
        if (!checkEnvironmentVariable(name, &error))
            return context.fail(error);
        request.environmentVariables.insert(name, pair.section(QLatin1Char('='), 1));
    }
    const QStringList labels = context.values(QStringLiteral("label"));
    for (const QString &pair : labels) {
        if (!pair.contains(QLatin1Char('=')))
            return context.fail(Cli::tr("'%1' is not KEY=VALUE.").arg(pair));
        request.labels.insert(pair.section(QLatin1Char('='), 0, 0),
                              pair.section(QLatin1Char('='), 1));
    }
    request.scoringScript = QDir::current().absoluteFilePath(request.scoringScript);
    if (!request.sourceDir.isEmpty())
        request.sourceDir = QDir::current().absoluteFilePath(request.sourceDir);
    // Relative archive paths are relative to where the user is.
    const int colon = request.base.indexOf(QLatin1Char(':'));
    if (colon > 0 && !oci::RegistryReference::looksLikeRegistry(request.base))
        request.base = request.base.left(colon + 1)
                       + QDir::current().absoluteFilePath(request.base.mid(colon + 1));
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    ImageBuilder builder(*ws);
    builder.setProgress([&context](const QString &line) { context.note(line); });
    const InterruptGuard guard;
    builder.setCancelCheck([] { return interrupted != 0; });
    Image image;
    if (!builder.build(request, &image, &error))
        return context.fail(error);
    context.output().message(refOf(image), toJson(image));
    return ExitSuccess;
}

int show(CommandContext &context, const Workspace &ws, const Image &image)
{
    QJsonObject config, manifest;
    QString error;
    if (!oci::readImageConfig(storeOf(ws), image, &config, &manifest, &error))
        return context.fail(error);
    const bool table = context.output().format() == CliOutput::Format::Table;
    QJsonArray layers;
    QJsonObject layerLines;
    const QJsonArray manifestLayers = manifest.value(QStringLiteral("layers")).toArray();
    const QJsonArray added = image.inputs.value(QStringLiteral("added_layers")).toArray();
    const int baseCount = int(manifestLayers.size() - added.size());
    for (int i = 0; i < manifestLayers.size(); ++i) {
        const QJsonObject l = manifestLayers.at(i).toObject();
        const QString role =
            i < baseCount
                ? QStringLiteral("base")
                : added.at(i - baseCount).toObject().value(QStringLiteral("role")).toString();
        layers.append(
            QJsonObject{{QStringLiteral("role"), role},
                        {QStringLiteral("digest"), l.value(QStringLiteral("digest"))},
                        {QStringLiteral("size"), l.value(QStringLiteral("size"))},
                        {QStringLiteral("media_type"), l.value(QStringLiteral("mediaType"))}});
        layerLines.insert(QStringLiteral("%1 %2").arg(i).arg(role),
                          Cli::tr("%1 bytes, %2")
                              .arg(qint64(l.value(QStringLiteral("size")).toDouble()))
                              .arg(l.value(QStringLiteral("digest")).toString()));
    }
    QJsonObject record = toJson(image);
    record.insert(QStringLiteral("layers"), table ? QJsonValue(layerLines) : QJsonValue(layers));
    record.insert(QStringLiteral("inputs"), image.inputs);
    record.insert(QStringLiteral("resources"), oci::ImageResources::fromConfig(config).toJson());
    record.insert(
        QStringLiteral("entrypoint"),
        config.value(QStringLiteral("config")).toObject().value(QStringLiteral("Entrypoint")));
    record.insert(QStringLiteral("load_command"),
                  QStringLiteral("mlwb image export %1 %2.tar && podman load -i %2.tar")
                      .arg(refOf(image), image.name.section(QLatin1Char('/'), -1) + QLatin1Char('-')
                                             + image.tag));
    context.output().show({{QStringLiteral("ref"), Cli::tr("image")},
                           {QStringLiteral("status"), Cli::tr("status")},
                           {QStringLiteral("digest"), Cli::tr("digest")},
                           {QStringLiteral("size"), Cli::tr("size")},
                           {QStringLiteral("models"), Cli::tr("models")},
                           {QStringLiteral("environment"), Cli::tr("environment")},
                           {QStringLiteral("entrypoint"), Cli::tr("entrypoint")},
                           {QStringLiteral("resources"), Cli::tr("resources")},
                           {QStringLiteral("layers"), Cli::tr("layers")},
                           {QStringLiteral("inputs"), Cli::tr("inputs")},
                           {QStringLiteral("load_command"), Cli::tr("load with")},
                           {QStringLiteral("created_at"), Cli::tr("created at")}},
                          record);
    return ExitSuccess;
}

int exportImage(CommandContext &context, const Workspace &ws, const Image &image)
{
    const QString as = context.isSet(QStringLiteral("as")) ? context.value(QStringLiteral("as"))
                                                           : QStringLiteral("oci");
    if (as != QLatin1String("oci") && as != QLatin1String("docker"))
        return context.fail(Cli::tr("'%1' is not an export format: use oci or docker.").arg(as));
    const QString target = QDir::current().absoluteFilePath(context.argument(1));
    QString error;
    if (!oci::ImageExport::write(storeOf(ws), refOf(image),
                                 as == QLatin1String("oci")
                                     ? oci::ImageExport::Format::OciArchive
                                     : oci::ImageExport::Format::DockerArchive,
                                 target, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Wrote %1 to %2; load it with: podman load -i %2").arg(refOf(image), target),
        {{QStringLiteral("ref"), refOf(image)},
         {QStringLiteral("path"), target},
         {QStringLiteral("format"), as}});
    return ExitSuccess;
}

int dockerfile(CommandContext &context, const Workspace &ws, const Image &image)
{
    const QString dir = QDir::current().absoluteFilePath(context.argument(1));
    QString error;
    if (!oci::writeDockerContext(storeOf(ws), image, dir, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Wrote a Dockerfile and its context to %1; build it with: "
                "podman build -t %2 %1")
            .arg(dir, refOf(image)),
        {{QStringLiteral("ref"), refOf(image)}, {QStringLiteral("path"), dir}});
    return ExitSuccess;
}

int iotManifest(CommandContext &context, const Workspace &ws, const Image &image)
{
    QJsonObject config, manifest;
    QString error;
    if (!oci::readImageConfig(storeOf(ws), image, &config, &manifest, &error))
        return context.fail(error);
    const QString target = QDir::current().absoluteFilePath(context.argument(1));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(oci::iotEdgeManifest(image, config)).toJson()) < 0
        || !file.commit())
        return context.fail(Cli::tr("Cannot write %1: %2").arg(target, file.errorString()));
    context.output().message(
        Cli::tr("Wrote the IoT Edge deployment manifest of %1 to %2.").arg(refOf(image), target),
        {{QStringLiteral("ref"), refOf(image)}, {QStringLiteral("path"), target}});
    return ExitSuccess;
}

int remove(CommandContext &context, const Workspace &ws, const Image &image)
{
    oci::ImageStore store = storeOf(ws);
    QString error;
    // The files go under the same write lock as the row: nothing half-deleted.
    if (!Images(ws).remove(image.name, image.tag, &error, [&store](const Image &i, QString *e) {
            return store.remove(refOf(i), e);
        }))
        return context.fail(error);
    context.output().message(Cli::tr("Deleted %1.").arg(refOf(image)),
                             {{QStringLiteral("ref"), refOf(image)}});
    return ExitSuccess;
}

int inspectBase(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString reference = context.argument(0);
    const int colon = reference.indexOf(QLatin1Char(':'));
    if (colon > 0 && !oci::RegistryReference::looksLikeRegistry(reference))
        reference =
            reference.left(colon + 1) + QDir::current().absoluteFilePath(reference.mid(colon + 1));
    oci::BaseImage base;
    QString error;
    if (!ImageBuilder::inspectBase(*ws, reference, &base, &error))
        return context.fail(error);
    QJsonObject packages;
    for (auto it = base.pythonPackages.cbegin(); it != base.pythonPackages.cend(); ++it)
        packages.insert(it.key(), it.value());
    QJsonArray layers;
    for (const oci::Descriptor &d : std::as_const(base.layers))
        layers.append(
            QJsonObject{{QStringLiteral("digest"), d.digest}, {QStringLiteral("size"), d.size}});
    context.output().show({{QStringLiteral("reference"), Cli::tr("base")},
                           {QStringLiteral("os"), Cli::tr("os")},
                           {QStringLiteral("architecture"), Cli::tr("architecture")},
                           {QStringLiteral("size"), Cli::tr("size")},
                           {QStringLiteral("layer_count"), Cli::tr("layers")},
                           {QStringLiteral("python"), Cli::tr("python")},
                           {QStringLiteral("python_packages"), Cli::tr("python packages")}},
                          {{QStringLiteral("reference"), context.argument(0)},
                           {QStringLiteral("os"), base.os},
                           {QStringLiteral("architecture"), base.architecture},
                           {QStringLiteral("size"), base.size},
                           {QStringLiteral("layer_count"), base.layers.size()},
                           {QStringLiteral("layers"), layers},
                           {QStringLiteral("python_packages"), packages},
                           {QStringLiteral("python"), CliOutput::text(base.pythonVersion)}});
    return ExitSuccess;
}

} // namespace

void registerImageRegistryCommands(CommandRegistry &registry); // imageregistrycommands.cpp

void registerImageCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("image");
    const ArgumentSpec ref{QStringLiteral("NAME:VERSION"), Cli::tr("One image version.")};
    registry.addNoun(noun, Cli::tr("Container images built from models, without a daemon."));
    registry.addVerb(
        noun,
        {QStringLiteral("list"), Cli::tr("List the images and their versions."), {}, {}, list});
    registry.addVerb(
        noun,
        {QStringLiteral("build"),
         Cli::tr("Build an OCI image from model versions, a scoring script and a base image; "
                 "prints NAME:VERSION."),
         {{QStringLiteral("NAME"), Cli::tr("The image's name.")}},
         {{QStringLiteral("model"), QStringLiteral("NAME:VERSION"),
           Cli::tr("A model version to include (repeatable)."), QChar(), ValueKind::ModelVersion},
          {QStringLiteral("scoring-script"), QStringLiteral("FILE"),
           Cli::tr("A Python file defining init() and run(raw_data)."), QChar()},
          {QStringLiteral("source"), QStringLiteral("DIR"),
           Cli::tr("Files copied under /var/azureml-app with the script."), QChar()},
          {QStringLiteral("environment"), QStringLiteral("NAME:VERSION"),
           Cli::tr("The environment version the image is for."), QChar()},
          {QStringLiteral("wheels"), QStringLiteral("DIR"),
           Cli::tr("A folder of wheels installed as a layer, as pip install --target would; "
                   "each must fit the base's Python."),
           QChar()},
          {QStringLiteral("install-missing-at-start"), QString(),
           Cli::tr("Have pip install the environment's packages the image lacks when the "
                   "service first starts (needs network access at deploy time)."),
           QChar()},
          {QStringLiteral("base"), QStringLiteral("KIND:PATH"),
           Cli::tr("oci-archive:PATH, docker-archive:PATH, oci:DIR or REGISTRY/REPO:TAG (pulled "
                   "once into the workspace)."),
           QChar()},
          {QStringLiteral("sample-input"), QStringLiteral("FILE"),
           Cli::tr("A JSON request body; /swagger.json shows its schema and example."), QChar()},
          {QStringLiteral("sample-output"), QStringLiteral("FILE"),
           Cli::tr("A JSON answer of run(); /swagger.json shows its schema and example."), QChar()},
          {QStringLiteral("port"), QStringLiteral("PORT"),
           Cli::tr("The port the scoring server listens on (default 5001)."), QChar()},
          {QStringLiteral("cpu"), QStringLiteral("N"),
           Cli::tr("CPU cores a deployment of the image gets (fractions allowed)."), QChar()},
          {QStringLiteral("memory"), QStringLiteral("SIZE"),
           Cli::tr("Memory a deployment of the image gets, for example 512M or 1.5G."), QChar()},
          {QStringLiteral("env"), QStringLiteral("NAME=VALUE"),
           Cli::tr("An environment variable of the scoring server (repeatable)."), QChar()},
          {QStringLiteral("label"), QStringLiteral("KEY=VALUE"), Cli::tr("A label (repeatable)."),
           QChar()}},
         build});
    registry.addVerb(noun,
                     {QStringLiteral("show"),
                      Cli::tr("Show an image: layers, digests, sizes, inputs and how to load it."),
                      {ref},
                      {},
                      onImage(show)});
    registry.addVerb(noun,
                     {QStringLiteral("export"),
                      Cli::tr("Write an image as an OCI archive (default) or a docker-archive."),
                      {ref, {QStringLiteral("FILE"), Cli::tr("The .tar to write.")}},
                      {{QStringLiteral("as"), QStringLiteral("oci|docker"),
                        Cli::tr("oci for podman and skopeo, docker for docker load."), QChar()}},
                      onImage(exportImage)});
    registry.addVerb(noun,
                     {QStringLiteral("dockerfile"),
                      Cli::tr("Write a Dockerfile and build context that build the same image."),
                      {ref, {QStringLiteral("DIR"), Cli::tr("Where to write them.")}},
                      {},
                      onImage(dockerfile)});
    registry.addVerb(
        noun, {QStringLiteral("iot-manifest"),
               Cli::tr("Write an Azure IoT Edge deployment manifest running the image."),
               {ref, {QStringLiteral("FILE"), Cli::tr("deployment.template.json to write.")}},
               {},
               onImage(iotManifest)});
    registry.addVerb(noun, {QStringLiteral("delete"),
                            Cli::tr("Delete an image version; refused while a deployment uses it."),
                            {ref},
                            {},
                            onImage(remove)});
    registry.addVerb(noun, {QStringLiteral("inspect-base"),
                            Cli::tr("Read a base image and show its OS, architecture, size, layers "
                                    "and Python version, without running it."),
                            {{QStringLiteral("KIND:PATH"),
                              Cli::tr("oci-archive:PATH, docker-archive:PATH or oci:DIR.")}},
                            {},
                            inspectBase});
    registerImageRegistryCommands(registry);
}

} // namespace mlwb
