#include "oci/layerwriter.h"

#include "oci/parallelgzip.h"
#include "snapshots/streamhash.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QUuid>

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

// libarchive hands the tar stream here; it goes on to the parallel gzip.
struct Sink {
    ParallelGzip *gzip = nullptr;
    QString error;
};

la_ssize_t writeCallback(archive *, void *client, const void *buffer, size_t length)
{
    auto *sink = static_cast<Sink *>(client);
    if (!sink->gzip->add(static_cast<const char *>(buffer), qint64(length), &sink->error))
        return -1;
    return la_ssize_t(length);
}

archive_entry *newEntry(const QByteArray &path, int type, int perm, qint64 size)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.constData());
    archive_entry_set_filetype(entry, unsigned(type));
    archive_entry_set_perm(entry, perm);
    archive_entry_set_size(entry, size);
    archive_entry_set_mtime(entry, 0, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    return entry;
}

bool writeFileData(archive *a, const LayerFile &file, const CancelCheck &canceled, QString *error)
{
    if (file.sourceFile.isEmpty()) {
        if (archive_write_data(a, file.bytes.constData(), size_t(file.bytes.size())) < 0) {
            *error = QString::fromUtf8(archive_error_string(a));
            return false;
        }
        return true;
    }
    QFile in(file.sourceFile);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(file.sourceFile, in.errorString());
        return false;
    }
    StreamHash hash;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 n;
    while ((n = in.read(buffer.data(), chunkSize)) > 0) {
        if (canceled && canceled()) {
            *error = tr("The build was canceled.");
            return false;
        }
        if (!file.expectedSha256.isEmpty())
            hash.add(buffer.constData(), n);
        if (archive_write_data(a, buffer.constData(), size_t(n)) < 0) {
            *error = QString::fromUtf8(archive_error_string(a));
            return false;
        }
    }
    if (n < 0) {
        *error = tr("Cannot read %1: %2").arg(file.sourceFile, in.errorString());
        return false;
    }
    if (!file.expectedSha256.isEmpty()
        && QString::fromLatin1(hash.result().toHex()) != file.expectedSha256) {
        *error = tr("%1 is damaged: its content does not match its sha256 %2.")
                     .arg(file.sourceFile, file.expectedSha256);
        return false;
    }
    return true;
}

// Files by path plus every parent folder, in byte order of the UTF-8 paths.
QMap<QByteArray, const LayerFile *> sortedEntries(const QList<LayerFile> &files)
{
    QMap<QByteArray, const LayerFile *> entries;
    for (const LayerFile &file : files) {
        const QByteArray path = file.path.toUtf8();
        entries.insert(path, &file);
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1))
            entries.insert(path.left(slash + 1), nullptr);
    }
    return entries;
}

bool writeTar(archive *a, const QList<LayerFile> &files, const CancelCheck &canceled,
              QString *error)
{
    const QMap<QByteArray, const LayerFile *> entries = sortedEntries(files);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        if (canceled && canceled()) {
            *error = tr("The build was canceled.");
            return false;
        }
        const LayerFile *file = it.value();
        qint64 size = 0;
        if (file)
            size = file->sourceFile.isEmpty() ? file->bytes.size()
                                              : QFileInfo(file->sourceFile).size();
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(
            file ? newEntry(it.key(), AE_IFREG, file->executable ? 0755 : 0644, size)
                 : newEntry(it.key(), AE_IFDIR, 0755, 0),
            archive_entry_free);
        if (archive_write_header(a, entry.get()) != ARCHIVE_OK) {
            *error = QString::fromUtf8(archive_error_string(a));
            return false;
        }
        if (file && !writeFileData(a, *file, canceled, error))
            return false;
    }
    return true;
}

} // namespace

bool LayerWriter::write(QList<LayerFile> files, const QString &stagingDir, const QString &what,
                        LayerResult *out, const CancelCheck &canceled, QString *error)
{
    const QString dir = stagingDir + QStringLiteral("/blobs/sha256");
    QDir().mkpath(dir);
    QFile file(dir + QStringLiteral("/.layer-") + QUuid::createUuid().toString(QUuid::Id128));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    ParallelGzip gzip(&file);
    Sink sink{&gzip, {}};
    std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(),
                                                              archive_write_free);
    archive_write_set_format_pax_restricted(a.get());
    bool ok =
        archive_write_open2(a.get(), &sink, nullptr, writeCallback, nullptr, nullptr) == ARCHIVE_OK;
    QString reason;
    ok = ok && writeTar(a.get(), files, canceled, &reason);
    ok = ok && archive_write_close(a.get()) == ARCHIVE_OK;
    if (ok)
        ok = gzip.finish(&reason);
    else if (reason.isEmpty())
        reason =
            sink.error.isEmpty() ? QString::fromUtf8(archive_error_string(a.get())) : sink.error;
    if (!sink.error.isEmpty())
        reason = sink.error;
    if (ok && !file.flush())
        reason = file.errorString(), ok = false;
    file.close();
    if (!ok) {
        file.remove();
        *error = tr("Writing the %1 layer failed: %2").arg(what, reason);
        return false;
    }
    out->digest = gzip.compressedDigest();
    out->diffId = gzip.uncompressedDigest();
    out->size = gzip.compressedSize();
    out->uncompressedSize = gzip.uncompressedSize();
    const QString target = dir + QLatin1Char('/') + out->digest.mid(7);
    QFile::remove(target);
    if (!file.rename(target)) {
        *error = tr("Cannot store the %1 layer: %2").arg(what, file.errorString());
        file.remove();
        return false;
    }
    return true;
}

} // namespace mlwb::oci
