#include "oci/imagerecipes.h"

#include "oci/imagestore.h"
#include "store/storagemedium.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

QString ref(const Image &image)
{
    return image.name + QLatin1Char(':') + image.tag;
}

// Unpacks a layer's regular files under `dir` (our own layers: files and folders only).
bool unpackLayer(const QString &path, const QString &dir, QString *error)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(path).constData(), 1 << 20)
        != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(a.get()));
        return false;
    }
    archive_entry *entry = nullptr;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    int status;
    while ((status = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (archive_entry_filetype(entry) != AE_IFREG || name.contains(QLatin1String("..")))
            continue;
        const QString target = dir + QLatin1Char('/') + name;
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly)) {
            *error = tr("Cannot write %1: %2").arg(target, out.errorString());
            return false;
        }
        la_ssize_t n;
        while ((n = archive_read_data(a.get(), buffer.data(), size_t(buffer.size()))) > 0)
            if (QString reason; !storage::writeAll(out, buffer.constData(), n, &reason)) {
                *error = tr("Cannot write %1: %2").arg(target, reason);
                return false;
            }
        if (n < 0)
            break;
        if (archive_entry_perm(entry) & 0100)
            out.setPermissions(out.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                               | QFileDevice::ExeOther);
    }
    if (status != ARCHIVE_EOF) {
        *error = tr("Layer %1 is damaged: %2")
                     .arg(path, QString::fromUtf8(archive_error_string(a.get())));
        return false;
    }
    return true;
}

QString quoted(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString dockerfile(const Image &image, const QJsonObject &config, const QStringList &baseLayers,
                   const QStringList &roles)
{
    const QJsonObject settings = config.value(QStringLiteral("config")).toObject();
    QStringList lines{QStringLiteral("# %1, built by mlwb; builds the same files as the OCI image.")
                          .arg(ref(image)),
                      QStringLiteral("FROM scratch")};
    for (const QString &layer : baseLayers)
        lines << QStringLiteral("ADD %1 /").arg(layer);
    for (const QString &role : roles)
        lines << QStringLiteral("COPY %1/ /").arg(role);
    const QJsonArray env = settings.value(QStringLiteral("Env")).toArray();
    for (const QJsonValue &value : env) {
        const QString pair = value.toString();
        lines << QStringLiteral("ENV %1=%2")
                     .arg(pair.section(QLatin1Char('='), 0, 0),
                          quoted(pair.section(QLatin1Char('='), 1)));
    }
    const QString workDir = settings.value(QStringLiteral("WorkingDir")).toString();
    if (!workDir.isEmpty())
        lines << QStringLiteral("WORKDIR %1").arg(workDir);
    const QStringList ports = settings.value(QStringLiteral("ExposedPorts")).toObject().keys();
    for (const QString &port : ports)
        lines << QStringLiteral("EXPOSE %1").arg(port);
    const QJsonObject labels = settings.value(QStringLiteral("Labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        lines << QStringLiteral("LABEL %1=%2").arg(quoted(it.key()), quoted(it.value().toString()));
    lines << QStringLiteral("ENTRYPOINT %1")
                 .arg(QString::fromUtf8(
                     QJsonDocument(settings.value(QStringLiteral("Entrypoint")).toArray())
                         .toJson(QJsonDocument::Compact)));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

bool readImageConfig(const ImageStore &store, const Image &image, QJsonObject *config,
                     QJsonObject *manifest, QString *error)
{
    const auto descriptor = store.find(ref(image), error);
    if (!descriptor)
        return false;
    QByteArray bytes;
    if (!store.readBlob(*descriptor, &bytes, error))
        return false;
    *manifest = QJsonDocument::fromJson(bytes).object();
    Descriptor configDescriptor;
    if (!Descriptor::fromJson(manifest->value(QStringLiteral("config")).toObject(),
                              &configDescriptor, error)
        || !store.readBlob(configDescriptor, &bytes, error))
        return false;
    *config = QJsonDocument::fromJson(bytes).object();
    return true;
}

bool writeDockerContext(const ImageStore &store, const Image &image, const QString &dir,
                        QString *error)
{
    QJsonObject config, manifest;
    if (!readImageConfig(store, image, &config, &manifest, error))
        return false;
    if (!QDir().mkpath(dir + QStringLiteral("/base"))) {
        *error = tr("Cannot create %1.").arg(dir);
        return false;
    }
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    const QJsonArray added = image.inputs.value(QStringLiteral("added_layers")).toArray();
    const int baseCount = int(layers.size() - added.size());
    QStringList baseLayers, roles;
    for (int i = 0; i < layers.size(); ++i) {
        Descriptor layer;
        if (!Descriptor::fromJson(layers.at(i).toObject(), &layer, error))
            return false;
        if (i < baseCount) {
            const QString name =
                QStringLiteral("base/layer-%1.tar%2")
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .arg(layer.mediaType.endsWith(QLatin1String("gzip")) ? QStringLiteral(".gz")
                                                                         : QString());
            QFile::remove(dir + QLatin1Char('/') + name);
            if (!QFile::copy(store.blobPath(layer.digest), dir + QLatin1Char('/') + name)) {
                *error = tr("Cannot copy layer %1 into %2.").arg(layer.digest, dir);
                return false;
            }
            baseLayers << name;
            continue;
        }
        const QString role =
            added.at(i - baseCount).toObject().value(QStringLiteral("role")).toString();
        QDir(dir + QLatin1Char('/') + role).removeRecursively();
        if (!unpackLayer(store.blobPath(layer.digest), dir + QLatin1Char('/') + role, error))
            return false;
        roles << role;
    }
    QSaveFile file(dir + QStringLiteral("/Dockerfile"));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(dockerfile(image, config, baseLayers, roles).toUtf8()) < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

QJsonObject iotEdgeManifest(const Image &image, const QJsonObject &config)
{
    const QJsonObject settings = config.value(QStringLiteral("config")).toObject();
    // IoT Edge module names: letters, digits, '-' and '_'.
    QString module = image.name;
    module.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    QJsonObject exposed, bindings;
    const QStringList ports = settings.value(QStringLiteral("ExposedPorts")).toObject().keys();
    for (const QString &port : ports) {
        exposed.insert(port, QJsonObject());
        bindings.insert(port, QJsonArray{QJsonObject{{QStringLiteral("HostPort"),
                                                      port.section(QLatin1Char('/'), 0, 0)}}});
    }
    const QJsonObject createOptions{
        {QStringLiteral("ExposedPorts"), exposed},
        {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("PortBindings"), bindings}}}};
    QJsonObject env;
    const QJsonArray pairs = settings.value(QStringLiteral("Env")).toArray();
    for (const QJsonValue &value : pairs) {
        const QString key = value.toString().section(QLatin1Char('='), 0, 0);
        if (key.startsWith(QLatin1String("AZUREML_")) || key.startsWith(QLatin1String("MLWB_")))
            env.insert(key, QJsonObject{{QStringLiteral("value"),
                                         value.toString().section(QLatin1Char('='), 1)}});
    }
    const auto systemModule = [](const QString &image, const QJsonObject &createOptions) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("docker")},
                           {QStringLiteral("settings"),
                            QJsonObject{{QStringLiteral("image"), image},
                                        {QStringLiteral("createOptions"), createOptions}}}};
    };
    QJsonObject hub = systemModule(
        QStringLiteral("mcr.microsoft.com/azureiotedge-hub:1.4"),
        {{QStringLiteral("HostConfig"),
          QJsonObject{
              {QStringLiteral("PortBindings"),
               QJsonObject{
                   {QStringLiteral("443/tcp"),
                    QJsonArray{QJsonObject{{QStringLiteral("HostPort"), QStringLiteral("443")}}}},
                   {QStringLiteral("5671/tcp"),
                    QJsonArray{QJsonObject{{QStringLiteral("HostPort"), QStringLiteral("5671")}}}},
                   {QStringLiteral("8883/tcp"),
                    QJsonArray{
                        QJsonObject{{QStringLiteral("HostPort"), QStringLiteral("8883")}}}}}}}}});
    hub.insert(QStringLiteral("status"), QStringLiteral("running"));
    hub.insert(QStringLiteral("restartPolicy"), QStringLiteral("always"));
    const QJsonObject agentDesired{
        {QStringLiteral("schemaVersion"), QStringLiteral("1.1")},
        {QStringLiteral("runtime"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("docker")},
                     {QStringLiteral("settings"),
                      QJsonObject{{QStringLiteral("minDockerVersion"), QStringLiteral("v1.25")}}}}},
        {QStringLiteral("systemModules"),
         QJsonObject{{QStringLiteral("edgeAgent"),
                      systemModule(QStringLiteral("mcr.microsoft.com/azureiotedge-agent:1.4"), {})},
                     {QStringLiteral("edgeHub"), hub}}},
        {QStringLiteral("modules"),
         QJsonObject{
             {module,
              QJsonObject{{QStringLiteral("version"), image.tag},
                          {QStringLiteral("type"), QStringLiteral("docker")},
                          {QStringLiteral("status"), QStringLiteral("running")},
                          {QStringLiteral("restartPolicy"), QStringLiteral("always")},
                          {QStringLiteral("env"), env},
                          {QStringLiteral("settings"),
                           QJsonObject{{QStringLiteral("image"), ref(image)},
                                       {QStringLiteral("createOptions"), createOptions}}}}}}}};
    const QJsonObject hubDesired{
        {QStringLiteral("schemaVersion"), QStringLiteral("1.1")},
        {QStringLiteral("routes"),
         QJsonObject{
             {module + QStringLiteral("ToUpstream"),
              QStringLiteral("FROM /messages/modules/%1/outputs/* INTO $upstream").arg(module)}}},
        {QStringLiteral("storeAndForwardConfiguration"),
         QJsonObject{{QStringLiteral("timeToLiveSecs"), 7200}}}};
    return {{QStringLiteral("$schema-template"), QStringLiteral("4.0.0")},
            {QStringLiteral("modulesContent"),
             QJsonObject{{QStringLiteral("$edgeAgent"),
                          QJsonObject{{QStringLiteral("properties.desired"), agentDesired}}},
                         {QStringLiteral("$edgeHub"),
                          QJsonObject{{QStringLiteral("properties.desired"), hubDesired}}}}}};
}

} // namespace mlwb::oci
