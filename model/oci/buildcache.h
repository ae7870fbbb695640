#pragma once

#include "oci/baseimage.h"
#include "oci/layerwriter.h"

#include <QJsonObject>
#include <optional>

namespace mlwb::oci {

class ImageStore;

/// What earlier builds already made, so a rebuild with unchanged inputs
/// does no work: layers by a key over their files' paths, modes and
/// contents, and bases read from an archive or layout by its path, size and
/// modification time. An entry counts only while its blobs are in the image
/// store (they were verified when they went in). A cache file lost or
/// damaged only costs time.
class BuildCache
{
public:
    explicit BuildCache(const ImageStore &store);

    std::optional<LayerResult> layer(const QByteArray &key) const;
    void rememberLayer(const QByteArray &key, const LayerResult &layer);
    /// The base as read before, when the file has not changed since.
    std::optional<BaseImage> base(const QString &reference) const;
    void rememberBase(const BaseImage &base);
    /// Writes what was remembered.
    void save();

    /// The key of a layer: sha256 over each file's path, mode and content
    /// digest (the registry's for model files, hashed here for the rest).
    static QByteArray layerKey(const QList<LayerFile> &files);

private:
    /// Size and modification time of the file a base reference reads.
    static QJsonObject fileStamp(const QString &reference);
    const ImageStore &m_store;
    QJsonObject m_cache;
};

} // namespace mlwb::oci
