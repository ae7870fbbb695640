#include "oci/imageexport.h"

#include "oci/blobwriter.h"
#include "oci/imagestore.h"
#include "snapshots/streamhash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryFile>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace mlwb::oci {

namespace {

constexpr qint64 chunkSize = 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

using Archive = std::unique_ptr<archive, decltype(&archive_write_free)>;

la_ssize_t toFile(archive *, void *client, const void *buffer, size_t length)
{
    auto *file = static_cast<QSaveFile *>(client);
    return writeFully(file, static_cast<const char *>(buffer), qint64(length)) ? la_ssize_t(length)
                                                                               : -1;
}

bool header(archive *a, const QString &name, qint64 size, QString *error)
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(),
                                                                    archive_entry_free);
    archive_entry_set_pathname(e.get(), name.toUtf8().constData());
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_size(e.get(), size);
    archive_entry_set_mtime(e.get(), 0, 0);
    if (archive_write_header(a, e.get()) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(a));
        return false;
    }
    return true;
}

bool addBytes(archive *a, const QString &name, const QByteArray &bytes, QString *error)
{
    if (!header(a, name, bytes.size(), error))
        return false;
    if (archive_write_data(a, bytes.constData(), size_t(bytes.size())) < 0) {
        *error = QString::fromUtf8(archive_error_string(a));
        return false;
    }
    return true;
}

// Streams a file into the archive; checks its sha256 when `digest` is given.
bool addFile(archive *a, const QString &name, const QString &path, const QString &digest,
             QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    if (!header(a, name, in.size(), error))
        return false;
    StreamHash hash;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 n;
    while ((n = in.read(buffer.data(), chunkSize)) > 0) {
        hash.add(buffer.constData(), n);
        if (archive_write_data(a, buffer.constData(), size_t(n)) < 0) {
            *error = QString::fromUtf8(archive_error_string(a));
            return false;
        }
    }
    if (!digest.isEmpty() && sha256Digest(hash.result()) != digest) {
        *error = tr("Blob %1 in the image store is damaged: its content does not match its digest.")
                     .arg(digest);
        return false;
    }
    return true;
}

// A gzip layer decompressed into `out` (docker-archive layers are plain tars).
bool gunzip(const QString &path, QFile *out, QString *error)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> r(archive_read_new(), archive_read_free);
    archive_read_support_filter_all(r.get());
    archive_read_support_format_raw(r.get());
    archive_entry *entry = nullptr;
    if (archive_read_open_filename(r.get(), QFile::encodeName(path).constData(), chunkSize)
            != ARCHIVE_OK
        || archive_read_next_header(r.get(), &entry) != ARCHIVE_OK) {
        *error = tr("Cannot read layer %1: %2")
                     .arg(path, QString::fromUtf8(archive_error_string(r.get())));
        return false;
    }
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    la_ssize_t n;
    while ((n = archive_read_data(r.get(), buffer.data(), size_t(buffer.size()))) > 0)
        if (out->write(buffer.constData(), n) != n) {
            *error = tr("Cannot write %1: %2").arg(out->fileName(), out->errorString());
            return false;
        }
    if (n < 0) {
        *error = tr("Layer %1 is damaged: %2")
                     .arg(path, QString::fromUtf8(archive_error_string(r.get())));
        return false;
    }
    return out->flush();
}

bool writeOci(archive *a, const ImageStore &store, const Descriptor &manifest, const QString &ref,
              const QStringList &blobs, QString *error)
{
    Descriptor named = manifest;
    named.annotations = {{refNameAnnotation, ref}};
    const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), media::index},
                            {QStringLiteral("manifests"), QJsonArray{named.toJson()}}};
    if (!addBytes(a, QStringLiteral("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", error)
        || !addBytes(a, QStringLiteral("index.json"),
                     QJsonDocument(index).toJson(QJsonDocument::Compact), error))
        return false;
    for (const QString &digest : blobs)
        if (!addFile(a, QStringLiteral("blobs/sha256/") + digest.mid(7), store.blobPath(digest),
                     digest, error))
            return false;
    return true;
}

bool writeDocker(archive *a, const ImageStore &store, const Descriptor &manifestDescriptor,
                 const QString &ref, QString *error)
{
    QByteArray bytes;
    if (!store.readBlob(manifestDescriptor, &bytes, error))
        return false;
    const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
    Descriptor config;
    if (!Descriptor::fromJson(manifest.value(QStringLiteral("config")).toObject(), &config, error)
        || !store.readBlob(config, &bytes, error))
        return false;
    const QJsonArray diffIds = QJsonDocument::fromJson(bytes)
                                   .object()
                                   .value(QStringLiteral("rootfs"))
                                   .toObject()
                                   .value(QStringLiteral("diff_ids"))
                                   .toArray();
    const QString configName = config.hex() + QStringLiteral(".json");
    if (!addBytes(a, configName, bytes, error))
        return false;
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    QJsonArray layerNames;
    for (int i = 0; i < layers.size(); ++i) {
        Descriptor layer;
        if (!Descriptor::fromJson(layers.at(i).toObject(), &layer, error))
            return false;
        const QString name = diffIds.at(i).toString().mid(7) + QStringLiteral("/layer.tar");
        layerNames.append(name);
        if (layer.mediaType == media::layerTar) {
            if (!addFile(a, name, store.blobPath(layer.digest), layer.digest, error))
                return false;
            continue;
        }
        QTemporaryFile plain(QDir::tempPath() + QStringLiteral("/mlwb-layer-XXXXXX"));
        if (!plain.open() || !gunzip(store.blobPath(layer.digest), &plain, error)
            || !addFile(a, name, plain.fileName(), diffIds.at(i).toString(), error))
            return false;
    }
    const QJsonArray list{QJsonObject{{QStringLiteral("Config"), configName},
                                      {QStringLiteral("RepoTags"), QJsonArray{ref}},
                                      {QStringLiteral("Layers"), layerNames}}};
    return addBytes(a, QStringLiteral("manifest.json"),
                    QJsonDocument(list).toJson(QJsonDocument::Compact), error);
}

} // namespace

bool ImageExport::write(const ImageStore &store, const QString &ref, Format format,
                        const QString &target, QString *error)
{
    const auto manifest = store.find(ref, error);
    if (!manifest)
        return false;
    QStringList blobs;
    if (!store.blobsOf(*manifest, &blobs, error))
        return false;
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = tr("Cannot write %1: %2").arg(target, file.errorString());
        return false;
    }
    Archive a(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(a.get());
    if (archive_write_open2(a.get(), &file, nullptr, toFile, nullptr, nullptr) != ARCHIVE_OK) {
        *error = QString::fromUtf8(archive_error_string(a.get()));
        return false;
    }
    const bool ok = format == Format::OciArchive
                        ? writeOci(a.get(), store, *manifest, ref, blobs, error)
                        : writeDocker(a.get(), store, *manifest, ref, error);
    if (!ok)
        return false;
    if (archive_write_close(a.get()) != ARCHIVE_OK || !file.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(target, file.error() != QFileDevice::NoError
                                      ? file.errorString()
                                      : QString::fromUtf8(archive_error_string(a.get())));
        return false;
    }
    return true;
}

} // namespace mlwb::oci
