#include "oci/baseimage.h"

#include "oci/archiveimport.h"
#include "oci/blobwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

bool parseObject(const QByteArray &bytes, const QString &what, QJsonObject *out, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (!doc.isObject()) {
        *error = tr("%1 is not valid JSON: %2").arg(what, parse.errorString());
        return false;
    }
    *out = doc.object();
    return true;
}

bool readStaged(const QString &stagingDir, const Descriptor &d, QByteArray *bytes, QString *error)
{
    QFile file(stagingDir + QStringLiteral("/blobs/sha256/") + d.hex());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Blob %1 is missing from the base image.").arg(d.digest);
        return false;
    }
    *bytes = file.readAll();
    return true;
}

// Ensures a blob is staged: copied from a layout folder, or checked to be in
// what an archive brought.
using StageBlob = std::function<bool(const Descriptor &, QString *)>;

// The one manifest an OCI index names (the only one, when there is one).
bool pickManifest(const QJsonObject &index, const QString &source, Descriptor *out, QString *error)
{
    const QJsonArray manifests = index.value(QStringLiteral("manifests")).toArray();
    if (manifests.size() != 1) {
        QStringList refs;
        for (const QJsonValue &m : manifests)
            refs << m.toObject()
                        .value(QStringLiteral("annotations"))
                        .toObject()
                        .value(refNameAnnotation)
                        .toString();
        *error = manifests.isEmpty()
                     ? tr("%1 holds no image.").arg(source)
                     : tr("%1 holds %2 images (%3); export the one to build on by itself.")
                           .arg(source)
                           .arg(manifests.size())
                           .arg(refs.join(QStringLiteral(", ")));
        return false;
    }
    if (!Descriptor::fromJson(manifests.first().toObject(), out, error))
        return false;
    if (out->mediaType == media::index) {
        *error = tr("%1 holds a multi-platform index; save a single platform's image (podman "
                    "save --format oci-archive IMAGE).")
                     .arg(source);
        return false;
    }
    return true;
}

bool resolveOci(const QJsonObject &index, const QString &source, const QString &stagingDir,
                const StageBlob &stage, BaseImage *out, QString *error)
{
    Descriptor manifestDescriptor;
    if (!pickManifest(index, source, &manifestDescriptor, error)
        || !stage(manifestDescriptor, error))
        return false;
    QByteArray bytes;
    QJsonObject manifest;
    if (!readStaged(stagingDir, manifestDescriptor, &bytes, error)
        || !parseObject(bytes, tr("The manifest of %1").arg(source), &manifest, error))
        return false;
    Descriptor config;
    if (!Descriptor::fromJson(manifest.value(QStringLiteral("config")).toObject(), &config, error)
        || !stage(config, error) || !readStaged(stagingDir, config, &bytes, error)
        || !parseObject(bytes, tr("The config of %1").arg(source), &out->config, error))
        return false;
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    for (const QJsonValue &value : layers) {
        Descriptor layer;
        if (!Descriptor::fromJson(value.toObject(), &layer, error) || !stage(layer, error))
            return false;
        layer.mediaType = ociLayerType(layer.mediaType);
        layer.annotations = {};
        out->layers << layer;
    }
    return true;
}

// docker save's manifest.json: [{"Config": "HEX.json", "Layers": ["HEX/layer.tar", ...]}].
bool resolveDocker(const ArchiveContents &contents, const QString &source, BaseImage *out,
                   QString *error)
{
    const QJsonArray list =
        QJsonDocument::fromJson(contents.smallFiles.value(QStringLiteral("manifest.json"))).array();
    if (list.size() != 1) {
        *error = tr("%1 holds %2 images; save the one to build on by itself.")
                     .arg(source)
                     .arg(list.size());
        return false;
    }
    const QJsonObject entry = list.first().toObject();
    const QString configName = entry.value(QStringLiteral("Config")).toString();
    if (!contents.smallFiles.contains(configName)) {
        *error =
            tr("The config %1 named by manifest.json is missing from %2.").arg(configName, source);
        return false;
    }
    const QByteArray configBytes = contents.smallFiles.value(configName);
    static const QRegularExpression hexName(QStringLiteral("([0-9a-f]{64})(\\.json)?$"));
    const QRegularExpressionMatch match = hexName.match(configName);
    if (match.hasMatch()
        && sha256Of(configBytes) != QStringLiteral("sha256:") + match.captured(1)) {
        *error = tr("The config %1 in %2 does not match its digest.").arg(configName, source);
        return false;
    }
    if (!parseObject(configBytes, tr("The config of %1").arg(source), &out->config, error))
        return false;
    const QJsonArray diffIds = out->config.value(QStringLiteral("rootfs"))
                                   .toObject()
                                   .value(QStringLiteral("diff_ids"))
                                   .toArray();
    const QJsonArray layers = entry.value(QStringLiteral("Layers")).toArray();
    if (diffIds.size() != layers.size()) {
        *error = tr("%1 lists %2 layers but its config has %3.")
                     .arg(source)
                     .arg(layers.size())
                     .arg(diffIds.size());
        return false;
    }
    for (int i = 0; i < layers.size(); ++i) {
        const QString name = layers.at(i).toString();
        const QString expected = diffIds.at(i).toString();
        if (!contents.digestByName.contains(name)) {
            *error = tr("Layer %1 named by manifest.json is missing from %2.").arg(name, source);
            return false;
        }
        const QString digest = contents.digestByName.value(name);
        if (digest != expected) {
            *error = tr("Layer %1 in %2 does not match its digest: expected %3, got %4.")
                         .arg(name, source, expected, digest);
            return false;
        }
        Descriptor layer{media::layerTar, digest, 0, {}};
        out->layers << layer;
    }
    return true;
}

} // namespace

bool BaseImageReader::parseReference(const QString &reference, QString *kind, QString *path,
                                     QString *error)
{
    const QStringList kinds{QStringLiteral("oci-archive"), QStringLiteral("docker-archive"),
                            QStringLiteral("oci")};
    const int colon = reference.indexOf(QLatin1Char(':'));
    *kind = reference.left(colon);
    *path = reference.mid(colon + 1);
    if (colon <= 0 || !kinds.contains(*kind) || path->isEmpty()) {
        *error = tr("'%1' is not a base image this build can read: use oci-archive:PATH, "
                    "docker-archive:PATH or oci:DIR.")
                     .arg(reference);
        return false;
    }
    return true;
}

bool BaseImageReader::read(const QString &reference, const QString &stagingDir, BaseImage *out,
                           const CancelCheck &canceled, QString *error)
{
    QString kind, path;
    if (!parseReference(reference, &kind, &path, error))
        return false;
    path = QFileInfo(path).absoluteFilePath();
    out->reference = reference;
    if (kind == QLatin1String("oci")) {
        QFile indexFile(path + QStringLiteral("/index.json"));
        QJsonObject index;
        if (!indexFile.open(QIODevice::ReadOnly)) {
            *error = tr("%1 is not an OCI layout: %2").arg(path, indexFile.errorString());
            return false;
        }
        const StageBlob stage = [&](const Descriptor &d, QString *e) {
            return importLayoutBlob(path, d, stagingDir, canceled, e);
        };
        if (!parseObject(indexFile.readAll(), indexFile.fileName(), &index, error)
            || !resolveOci(index, path, stagingDir, stage, out, error))
            return false;
    } else {
        ArchiveContents contents;
        if (!importArchive(path, stagingDir, &contents, canceled, error))
            return false;
        const StageBlob present = [&](const Descriptor &d, QString *e) {
            QFileInfo staged(stagingDir + QStringLiteral("/blobs/sha256/") + d.hex());
            if (!staged.exists()) {
                *e = tr("Blob %1 is missing from %2 (the archive may be truncated).")
                         .arg(d.digest, path);
                return false;
            }
            if (staged.size() != d.size) {
                *e = tr("Blob %1 in %2 has %3 bytes where its descriptor says %4.")
                         .arg(d.digest, path)
                         .arg(staged.size())
                         .arg(d.size);
                return false;
            }
            return true;
        };
        QJsonObject index;
        if (contents.smallFiles.contains(QStringLiteral("index.json"))) {
            if (!parseObject(contents.smallFiles.value(QStringLiteral("index.json")),
                             tr("index.json in %1").arg(path), &index, error)
                || !resolveOci(index, path, stagingDir, present, out, error))
                return false;
        } else if (contents.smallFiles.contains(QStringLiteral("manifest.json"))) {
            if (!resolveDocker(contents, path, out, error))
                return false;
            for (Descriptor &layer : out->layers)
                layer.size =
                    QFileInfo(stagingDir + QStringLiteral("/blobs/sha256/") + layer.hex()).size();
        } else {
            *error = tr("%1 is neither an OCI archive nor a docker-archive: it has no index.json "
                        "or manifest.json.")
                         .arg(path);
            return false;
        }
    }
    out->os = out->config.value(QStringLiteral("os")).toString();
    out->architecture = out->config.value(QStringLiteral("architecture")).toString();
    out->size = 0;
    for (const Descriptor &layer : std::as_const(out->layers))
        out->size += layer.size;
    return scanPython(stagingDir, out->layers, &out->pythonVersion, &out->pythonPackages, error,
                      &out->debianPython);
}

QString normalizedPackageName(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[-_.]+"));
    return name.toLower().replace(separators, QStringLiteral("-"));
}

bool scanPython(const QString &stagingDir, const QList<Descriptor> &layers, QString *version,
                QMap<QString, QString> *packages, QString *error, bool *debianPython)
{
    static const QRegularExpression debianDir(
        QStringLiteral("^(?:\\./)?usr/lib/python3/dist-packages(?:/|$)"));
    static const QRegularExpression pythonDir(
        QStringLiteral("^(?:\\./)?usr/(?:local/)?lib/python3\\.(\\d+)(?:/|$)"));
    // .../dist-packages/NAME-VERSION.dist-info (or .egg-info), possibly as a whiteout.
    static const QRegularExpression packageDir(QStringLiteral(
        "^(?:\\./)?usr/(?:local/)?lib/python3(?:\\.\\d+)?/(?:dist|site)-packages/(\\.wh\\.)?"
        "([A-Za-z0-9_.]+?)-([0-9][^-/]*?)(?:-py[0-9.]+)?\\.(?:dist|egg)-info(?:/|$)"));
    int best = -1;
    for (const Descriptor &layer : layers) {
        std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(),
                                                                 archive_read_free);
        archive_read_support_format_tar(a.get());
        archive_read_support_filter_all(a.get());
        const QByteArray path =
            QFile::encodeName(stagingDir + QStringLiteral("/blobs/sha256/") + layer.hex());
        if (archive_read_open_filename(a.get(), path.constData(), 256 * 1024) != ARCHIVE_OK) {
            *error = tr("Cannot read layer %1: %2")
                         .arg(layer.digest, QString::fromUtf8(archive_error_string(a.get())));
            return false;
        }
        archive_entry *entry = nullptr;
        int status;
        while ((status = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK
               || status == ARCHIVE_WARN) {
            const QString name = QString::fromUtf8(archive_entry_pathname(entry));
            const QRegularExpressionMatch m = pythonDir.match(name);
            if (m.hasMatch())
                best = std::max(best, m.captured(1).toInt());
            if (debianPython && debianDir.match(name).hasMatch())
                *debianPython = true;
            const QRegularExpressionMatch p = packageDir.match(name);
            if (!p.hasMatch())
                continue;
            const QString package = normalizedPackageName(p.captured(2));
            if (p.capturedLength(1) > 0)
                packages->remove(package);
            else
                packages->insert(package, p.captured(3));
        }
        if (status != ARCHIVE_EOF) {
            *error = tr("Layer %1 is not a readable tar: %2")
                         .arg(layer.digest, QString::fromUtf8(archive_error_string(a.get())));
            return false;
        }
    }
    *version = best < 0 ? QString() : QStringLiteral("3.%1").arg(best);
    return true;
}

} // namespace mlwb::oci
