#include "oci/archiveimport.h"

#include "oci/blobwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace mlwb::oci {

namespace {

constexpr qint64 chunkSize = 256 * 1024;
constexpr qint64 smallFileLimit = 4 * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

QString canceledMessage()
{
    return tr("The build was canceled.");
}

struct ArchiveCloser {
    void operator()(archive *a) const { archive_read_free(a); }
};

QString normalized(const char *name)
{
    QString path = QString::fromUtf8(name);
    while (path.startsWith(QLatin1String("./")))
        path = path.mid(2);
    return path;
}

// Streams the current entry's data into the staging folder.
bool stageEntry(archive *a, const QString &archivePath, const QString &name, qint64 size,
                const QString &expected, const QString &stagingDir, QString *digest,
                const CancelCheck &canceled, QString *error)
{
    const QString what = expected.isEmpty() ? tr("File %1 in %2").arg(name, archivePath)
                                            : tr("Blob %1 in %2").arg(expected, archivePath);
    BlobWriter writer(stagingDir, what);
    if (!writer.open(error))
        return false;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buffer.data(), size_t(buffer.size()));
        if (n < 0) {
            *error = tr("%1 is truncated or unreadable: %2")
                         .arg(what, QString::fromUtf8(archive_error_string(a)));
            return false;
        }
        if (n == 0)
            break;
        if (!writer.write(buffer.constData(), n, error))
            return false;
        if (canceled && canceled()) {
            *error = canceledMessage();
            return false;
        }
    }
    return writer.finish(expected, size, digest, error);
}

bool readSmall(archive *a, const QString &archivePath, const QString &name, qint64 size,
               QByteArray *bytes, QString *error)
{
    bytes->resize(size);
    qint64 done = 0;
    while (done < size) {
        const la_ssize_t n = archive_read_data(a, bytes->data() + done, size_t(size - done));
        if (n <= 0) {
            *error = tr("File %1 in %2 is truncated or unreadable: %3")
                         .arg(name, archivePath,
                              n < 0 ? QString::fromUtf8(archive_error_string(a))
                                    : tr("the archive ends early"));
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace

bool importArchive(const QString &path, const QString &stagingDir, ArchiveContents *contents,
                   const CancelCheck &canceled, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = tr("There is no archive at %1.").arg(path);
        return false;
    }
    std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
    archive_read_support_format_tar(a.get());
    archive_read_support_filter_all(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(path).constData(), 256 * 1024)
        != ARCHIVE_OK) {
        *error =
            tr("Cannot read %1: %2").arg(path, QString::fromUtf8(archive_error_string(a.get())));
        return false;
    }
    static const QRegularExpression blobName(QStringLiteral("^blobs/sha256/([0-9a-f]{64})$"));
    archive_entry *entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN) {
            *error = tr("%1 is truncated or not an image archive: %2")
                         .arg(path, QString::fromUtf8(archive_error_string(a.get())));
            return false;
        }
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        const QString name = normalized(archive_entry_pathname(entry));
        const qint64 size = archive_entry_size(entry);
        const QRegularExpressionMatch blob = blobName.match(name);
        QString digest;
        if (blob.hasMatch()) {
            const QString expected = QStringLiteral("sha256:") + blob.captured(1);
            if (!stageEntry(a.get(), path, name, size, expected, stagingDir, &digest, canceled,
                            error))
                return false;
            contents->digestByName.insert(name, digest);
            // Small blobs (manifests, configs) are kept for parsing too.
            if (size <= smallFileLimit) {
                QFile staged(stagingDir + QStringLiteral("/blobs/sha256/") + blob.captured(1));
                if (staged.open(QIODevice::ReadOnly))
                    contents->smallFiles.insert(name, staged.readAll());
            }
        } else if (size <= smallFileLimit && !name.endsWith(QLatin1String(".tar"))) {
            QByteArray bytes;
            if (!readSmall(a.get(), path, name, size, &bytes, error))
                return false;
            contents->smallFiles.insert(name, bytes);
        } else {
            if (!stageEntry(a.get(), path, name, size, QString(), stagingDir, &digest, canceled,
                            error))
                return false;
            contents->digestByName.insert(name, digest);
        }
    }
    return true;
}

bool importLayoutBlob(const QString &layoutDir, const Descriptor &descriptor,
                      const QString &stagingDir, const CancelCheck &canceled, QString *error)
{
    QFile file(layoutDir + QStringLiteral("/blobs/sha256/") + descriptor.hex());
    const QString what = tr("Blob %1 in %2").arg(descriptor.digest, layoutDir);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 is missing: %2").arg(what, file.errorString());
        return false;
    }
    BlobWriter writer(stagingDir, what);
    if (!writer.open(error))
        return false;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = tr("Cannot read %1: %2").arg(what, file.errorString());
            return false;
        }
        if (n == 0)
            break;
        if (!writer.write(buffer.constData(), n, error))
            return false;
        if (canceled && canceled()) {
            *error = canceledMessage();
            return false;
        }
    }
    QString digest;
    return writer.finish(descriptor.digest, descriptor.size, &digest, error);
}

} // namespace mlwb::oci
