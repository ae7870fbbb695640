#pragma once

#include "registry/manifest.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace mlwb {

/// Files stored once by their sha256 under one folder (the workspace's
/// models/): blobs/<sha256>, each written to tmp/ and renamed into place, so a
/// blob that exists is complete. Copying in hashes in the same pass, a
/// buffer at a time: a large file is never held in memory.
class ContentStore
{
public:
    explicit ContentStore(const QString &root);

    /// Told the bytes of each buffer copied; returning false stops the copy.
    using Progress = std::function<bool(qint64 bytes)>;
    /// Copies the file at `path` in; sets entry->sha256 and entry->size.
    bool put(const QString &path, ManifestEntry *entry, QString *error,
             const Progress &progress = {}) const;
    /// Stores small bytes (a manifest); sets *sha256.
    bool putBytes(const QByteArray &bytes, QString *sha256, QString *error) const;
    bool contains(const QString &sha256) const;
    QString blobPath(const QString &sha256) const;
    /// Reads a small blob whole, checking its digest.
    bool readBytes(const QString &sha256, QByteArray *bytes, QString *error) const;
    /// Copies a blob to `target`, checking its digest as it is read.
    bool copyOut(const QString &sha256, const QString &target, QString *error) const;
    /// Every digest stored.
    QStringList digests() const;
    bool remove(const QString &sha256, QString *error) const;

private:
    bool moveIntoPlace(const QString &temporary, const QString &sha256, QString *error) const;
    QString m_root;
};

} // namespace mlwb
