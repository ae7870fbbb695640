#pragma once

#include "oci/descriptor.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mlwb::oci {

/// What ImageStore::publish changed, so a registration that fails after it
/// can be undone: the blobs it moved in and the index it replaced.
struct Placement {
    QStringList addedBlobs;
    QByteArray previousIndex;
    bool indexWritten = false;
};

/// The workspace's image store: one OCI image layout (oci-layout,
/// index.json, blobs/sha256/) under WORKSPACE/images, so blobs shared by
/// images are stored once and any OCI tool can read the folder. Images are
/// named in index.json by the ref-name annotation "NAME:VERSION". Builds
/// stage their blobs under tmp/ and publish them in one step. Callers hold
/// the workspace's write lock around publish and remove.
class ImageStore
{
public:
    explicit ImageStore(const QString &root);

    QString root() const { return m_root; }
    /// Where builds make their staging folders (same file system as the blobs).
    QString stagingRoot() const;
    QString blobPath(const QString &digest) const;
    bool hasBlob(const QString &digest) const;
    /// Reads a small blob (manifest, config) whole, checking digest and size.
    bool readBlob(const Descriptor &descriptor, QByteArray *bytes, QString *error) const;

    /// The manifests listed in index.json.
    bool manifests(QList<Descriptor> *out, QString *error) const;
    /// The manifest named `ref` ("NAME:VERSION").
    std::optional<Descriptor> find(const QString &ref, QString *error) const;

    /// Moves the blobs staged under `stagingDir`/blobs/sha256 into place
    /// (ones already stored are left) and lists `manifest` as `ref`.
    bool publish(const QString &stagingDir, Descriptor manifest, const QString &ref,
                 Placement *placed, QString *error);
    /// Takes back what a publish did.
    void undo(const Placement &placed);
    /// Drops `ref` from index.json and the blobs no other image uses.
    bool remove(const QString &ref, QString *error);
    /// Removes blobs no listed manifest refers to, and stale staging folders' leftovers are
    /// left to their owners. Sets *removed when given.
    bool collectGarbage(int *removed, QString *error);

    /// The digests a manifest refers to (config and layers) plus its own.
    bool blobsOf(const Descriptor &manifest, QStringList *digests, QString *error) const;

private:
    bool ensureLayout(QString *error) const;
    bool readIndex(QJsonObject *index, QString *error) const;
    bool writeIndex(const QJsonObject &index, QString *error) const;
    QString m_root;
};

} // namespace mlwb::oci
