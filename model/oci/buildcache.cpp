#include "oci/buildcache.h"

#include "oci/blobwriter.h"
#include "oci/imagestore.h"
#include "snapshots/streamhash.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>

namespace mlwb::oci {

namespace {

QString cachePath(const ImageStore &store)
{
    return store.root() + QStringLiteral("/build-cache.json");
}

QString fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    StreamHash hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n;
    while ((n = file.read(buffer.data(), buffer.size())) > 0)
        hash.add(buffer.constData(), n);
    return n < 0 ? QString() : sha256Digest(hash.result());
}

} // namespace

BuildCache::BuildCache(const ImageStore &store)
    : m_store(store)
{
    QFile file(cachePath(store));
    if (file.open(QIODevice::ReadOnly))
        m_cache = QJsonDocument::fromJson(file.readAll()).object();
    if (m_cache.value(QStringLiteral("format")).toInt() != 1)
        m_cache = {{QStringLiteral("format"), 1}}; // another layout: start over
}

QByteArray BuildCache::layerKey(const QList<LayerFile> &files)
{
    QList<const LayerFile *> sorted;
    for (const LayerFile &f : files)
        sorted << &f;
    std::sort(sorted.begin(), sorted.end(),
              [](const LayerFile *a, const LayerFile *b) { return a->path < b->path; });
    StreamHash hash;
    hash.add("mlwb-layer-v1\n", 14); // bump when LayerWriter's output changes
    for (const LayerFile *f : std::as_const(sorted)) {
        QString content = f->expectedSha256;
        if (content.isEmpty())
            content = f->sourceFile.isEmpty() ? sha256Of(f->bytes) : fileDigest(f->sourceFile);
        if (content.isEmpty())
            return QByteArray(); // unreadable: no key, the writer reports it
        const QByteArray line = (f->path + QLatin1Char('\t') + (f->executable ? u'x' : u'-')
                                 + QLatin1Char('\t') + content + QLatin1Char('\n'))
                                    .toUtf8();
        hash.add(line.constData(), line.size());
    }
    return hash.result().toHex();
}

std::optional<LayerResult> BuildCache::layer(const QByteArray &key) const
{
    if (key.isEmpty())
        return std::nullopt;
    const QJsonObject entry = m_cache.value(QStringLiteral("layers"))
                                  .toObject()
                                  .value(QString::fromLatin1(key))
                                  .toObject();
    LayerResult result;
    result.digest = entry.value(QStringLiteral("digest")).toString();
    result.diffId = entry.value(QStringLiteral("diff_id")).toString();
    result.size = entry.value(QStringLiteral("size")).toInteger();
    result.uncompressedSize = entry.value(QStringLiteral("uncompressed_size")).toInteger();
    if (!m_store.hasBlob(result.digest) || !isSha256Digest(result.diffId)
        || QFileInfo(m_store.blobPath(result.digest)).size() != result.size)
        return std::nullopt;
    return result;
}

void BuildCache::rememberLayer(const QByteArray &key, const LayerResult &layer)
{
    if (key.isEmpty())
        return;
    QJsonObject layers = m_cache.value(QStringLiteral("layers")).toObject();
    layers.insert(QString::fromLatin1(key),
                  QJsonObject{{QStringLiteral("digest"), layer.digest},
                              {QStringLiteral("diff_id"), layer.diffId},
                              {QStringLiteral("size"), layer.size},
                              {QStringLiteral("uncompressed_size"), layer.uncompressedSize}});
    m_cache.insert(QStringLiteral("layers"), layers);
}

QJsonObject BuildCache::fileStamp(const QString &reference)
{
    QString kind, path, error;
    if (!BaseImageReader::parseReference(reference, &kind, &path, &error))
        return {};
    // A layout folder changes through its index.json.
    const QFileInfo info(kind == QLatin1String("oci") ? path + QStringLiteral("/index.json")
                                                      : path);
    if (!info.exists())
        return {};
    return {{QStringLiteral("size"), info.size()},
            {QStringLiteral("mtime"), info.lastModified().toMSecsSinceEpoch()}};
}

std::optional<BaseImage> BuildCache::base(const QString &reference) const
{
    const QJsonObject stamp = fileStamp(reference);
    const QJsonObject entry =
        m_cache.value(QStringLiteral("bases")).toObject().value(reference).toObject();
    if (stamp.isEmpty() || entry.value(QStringLiteral("file")).toObject() != stamp
        || !entry.contains(QStringLiteral("debian_python"))) // older caches: read again
        return std::nullopt;
    BaseImage base;
    base.reference = reference;
    base.config = entry.value(QStringLiteral("config")).toObject();
    base.os = entry.value(QStringLiteral("os")).toString();
    base.architecture = entry.value(QStringLiteral("architecture")).toString();
    base.size = entry.value(QStringLiteral("size")).toInteger();
    base.pythonVersion = entry.value(QStringLiteral("python")).toString();
    base.debianPython = entry.value(QStringLiteral("debian_python")).toBool();
    const QJsonObject packages = entry.value(QStringLiteral("packages")).toObject();
    for (auto it = packages.begin(); it != packages.end(); ++it)
        base.pythonPackages.insert(it.key(), it.value().toString());
    const QJsonArray layers = entry.value(QStringLiteral("layers")).toArray();
    for (const QJsonValue &value : layers) {
        Descriptor d;
        QString error;
        if (!Descriptor::fromJson(value.toObject(), &d, &error) || !m_store.hasBlob(d.digest))
            return std::nullopt;
        base.layers << d;
    }
    return base;
}

void BuildCache::rememberBase(const BaseImage &base)
{
    const QJsonObject stamp = fileStamp(base.reference);
    if (stamp.isEmpty())
        return;
    QJsonArray layers;
    for (const Descriptor &d : base.layers)
        layers.append(d.toJson());
    QJsonObject packages;
    for (auto it = base.pythonPackages.cbegin(); it != base.pythonPackages.cend(); ++it)
        packages.insert(it.key(), it.value());
    QJsonObject bases = m_cache.value(QStringLiteral("bases")).toObject();
    bases.insert(base.reference, QJsonObject{{QStringLiteral("file"), stamp},
                                             {QStringLiteral("packages"), packages},
                                             {QStringLiteral("config"), base.config},
                                             {QStringLiteral("os"), base.os},
                                             {QStringLiteral("architecture"), base.architecture},
                                             {QStringLiteral("size"), base.size},
                                             {QStringLiteral("python"), base.pythonVersion},
                                             {QStringLiteral("debian_python"), base.debianPython},
                                             {QStringLiteral("layers"), layers}});
    m_cache.insert(QStringLiteral("bases"), bases);
}

void BuildCache::save()
{
    // Entries whose blobs were deleted with their images go too.
    QJsonObject layers = m_cache.value(QStringLiteral("layers")).toObject();
    const QStringList keys = layers.keys();
    for (const QString &key : keys)
        if (!m_store.hasBlob(
                layers.value(key).toObject().value(QStringLiteral("digest")).toString()))
            layers.remove(key);
    m_cache.insert(QStringLiteral("layers"), layers);
    QSaveFile file(cachePath(m_store));
    if (file.open(QIODevice::WriteOnly)
        && file.write(QJsonDocument(m_cache).toJson(QJsonDocument::Compact)) >= 0)
        file.commit();
}

} // namespace mlwb::oci
