#include "oci/imagestore.h"

#include "oci/blobwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

QJsonObject emptyIndex()
{
    return {{QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), media::index},
            {QStringLiteral("manifests"), QJsonArray()}};
}

QString refOf(const QJsonObject &descriptor)
{
    return descriptor.value(QStringLiteral("annotations"))
        .toObject()
        .value(refNameAnnotation)
        .toString();
}

} // namespace

ImageStore::ImageStore(const QString &root)
    : m_root(root)
{}

QString ImageStore::stagingRoot() const
{
    return m_root + QStringLiteral("/tmp");
}

QString ImageStore::blobPath(const QString &digest) const
{
    return m_root + QStringLiteral("/blobs/sha256/") + digest.mid(7);
}

bool ImageStore::hasBlob(const QString &digest) const
{
    return isSha256Digest(digest) && QFile::exists(blobPath(digest));
}

bool ImageStore::readBlob(const Descriptor &descriptor, QByteArray *bytes, QString *error) const
{
    QFile file(blobPath(descriptor.digest));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Blob %1 is missing from the image store %2.").arg(descriptor.digest, m_root);
        return false;
    }
    if (file.size() != descriptor.size || file.size() > 64 * 1024 * 1024) {
        *error = tr("Blob %1 has %2 bytes where %3 were expected.")
                     .arg(descriptor.digest)
                     .arg(file.size())
                     .arg(descriptor.size);
        return false;
    }
    *bytes = file.readAll();
    if (sha256Of(*bytes) != descriptor.digest) {
        *error = tr("Blob %1 in the image store is damaged: its content does not match its digest.")
                     .arg(descriptor.digest);
        return false;
    }
    return true;
}

bool ImageStore::ensureLayout(QString *error) const
{
    if (!QDir().mkpath(m_root + QStringLiteral("/blobs/sha256")) || !QDir().mkpath(stagingRoot())) {
        *error = tr("Cannot create the image store in %1.").arg(m_root);
        return false;
    }
    const QString layout = m_root + QStringLiteral("/oci-layout");
    if (QFile::exists(layout))
        return true;
    QSaveFile file(layout);
    if (!file.open(QIODevice::WriteOnly) || file.write("{\"imageLayoutVersion\":\"1.0.0\"}") < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(layout, file.errorString());
        return false;
    }
    return true;
}

bool ImageStore::readIndex(QJsonObject *index, QString *error) const
{
    QFile file(m_root + QStringLiteral("/index.json"));
    if (!file.exists()) {
        *index = emptyIndex();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!doc.isObject()) {
        *error = tr("%1 is not an OCI index: %2").arg(file.fileName(), parse.errorString());
        return false;
    }
    *index = doc.object();
    return true;
}

bool ImageStore::writeIndex(const QJsonObject &index, QString *error) const
{
    QSaveFile file(m_root + QStringLiteral("/index.json"));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(index).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool ImageStore::manifests(QList<Descriptor> *out, QString *error) const
{
    QJsonObject index;
    if (!readIndex(&index, error))
        return false;
    out->clear();
    const QJsonArray list = index.value(QStringLiteral("manifests")).toArray();
    for (const QJsonValue &value : list) {
        Descriptor d;
        if (!Descriptor::fromJson(value.toObject(), &d, error))
            return false;
        out->append(d);
    }
    return true;
}

std::optional<Descriptor> ImageStore::find(const QString &ref, QString *error) const
{
    QList<Descriptor> all;
    if (!manifests(&all, error))
        return std::nullopt;
    for (const Descriptor &d : std::as_const(all))
        if (d.annotations.value(refNameAnnotation).toString() == ref)
            return d;
    *error = tr("Image %1 is not in the image store %2.").arg(ref, m_root);
    return std::nullopt;
}

bool ImageStore::publish(const QString &stagingDir, Descriptor manifest, const QString &ref,
                         Placement *placed, QString *error)
{
    if (!ensureLayout(error))
        return false;
    // Only what the manifest refers to: a base's own manifest and config stay behind.
    const QString staged = stagingDir + QStringLiteral("/blobs/sha256/");
    QFile manifestFile(staged + manifest.hex());
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        *error = tr("The manifest %1 was not staged.").arg(manifest.digest);
        return false;
    }
    const QJsonObject object = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QStringList digests{manifest.digest, object.value(QStringLiteral("config"))
                                             .toObject()
                                             .value(QStringLiteral("digest"))
                                             .toString()};
    const QJsonArray layers = object.value(QStringLiteral("layers")).toArray();
    for (const QJsonValue &layer : layers)
        digests << layer.toObject().value(QStringLiteral("digest")).toString();
    for (const QString &digest : std::as_const(digests)) {
        const QString target = blobPath(digest);
        if (QFile::exists(target))
            continue; // stored once
        if (!QFile::rename(staged + digest.mid(7), target)) {
            *error = tr("Cannot move blob %1 into the image store %2.").arg(digest, m_root);
            return false;
        }
        placed->addedBlobs << target;
    }
    QJsonObject index;
    if (!readIndex(&index, error))
        return false;
    QFile previous(m_root + QStringLiteral("/index.json"));
    if (previous.open(QIODevice::ReadOnly))
        placed->previousIndex = previous.readAll();
    QJsonArray list;
    const QJsonArray old = index.value(QStringLiteral("manifests")).toArray();
    for (const QJsonValue &value : old)
        if (refOf(value.toObject()) != ref)
            list.append(value);
    manifest.annotations.insert(refNameAnnotation, ref);
    list.append(manifest.toJson());
    index.insert(QStringLiteral("manifests"), list);
    if (!writeIndex(index, error))
        return false;
    placed->indexWritten = true;
    return true;
}

void ImageStore::undo(const Placement &placed)
{
    if (placed.indexWritten) {
        QSaveFile file(m_root + QStringLiteral("/index.json"));
        if (placed.previousIndex.isEmpty())
            QFile::remove(file.fileName());
        else if (file.open(QIODevice::WriteOnly) && file.write(placed.previousIndex) >= 0)
            file.commit();
    }
    for (const QString &path : placed.addedBlobs)
        QFile::remove(path);
}

bool ImageStore::blobsOf(const Descriptor &manifest, QStringList *digests, QString *error) const
{
    QByteArray bytes;
    if (!readBlob(manifest, &bytes, error))
        return false;
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    digests->append(manifest.digest);
    digests->append(object.value(QStringLiteral("config"))
                        .toObject()
                        .value(QStringLiteral("digest"))
                        .toString());
    const QJsonArray layers = object.value(QStringLiteral("layers")).toArray();
    for (const QJsonValue &layer : layers)
        digests->append(layer.toObject().value(QStringLiteral("digest")).toString());
    return true;
}

bool ImageStore::remove(const QString &ref, QString *error)
{
    QJsonObject index;
    if (!readIndex(&index, error))
        return false;
    QJsonArray list;
    const QJsonArray old = index.value(QStringLiteral("manifests")).toArray();
    for (const QJsonValue &value : old)
        if (refOf(value.toObject()) != ref)
            list.append(value);
    index.insert(QStringLiteral("manifests"), list);
    return writeIndex(index, error) && collectGarbage(nullptr, error);
}

bool ImageStore::collectGarbage(int *removed, QString *error)
{
    QList<Descriptor> all;
    if (!manifests(&all, error))
        return false;
    QStringList used;
    for (const Descriptor &d : std::as_const(all))
        if (!blobsOf(d, &used, error))
            return false;
    const QSet<QString> keep(used.cbegin(), used.cend());
    const QDir blobs(m_root + QStringLiteral("/blobs/sha256"));
    const QStringList names = blobs.entryList(QDir::Files);
    int count = 0;
    for (const QString &name : names) {
        if (keep.contains(QStringLiteral("sha256:") + name))
            continue;
        if (!QFile::remove(blobs.filePath(name))) {
            *error = tr("Cannot remove unused blob sha256:%1 from %2.").arg(name, m_root);
            return false;
        }
        ++count;
    }
    if (removed)
        *removed = count;
    return true;
}

} // namespace mlwb::oci
