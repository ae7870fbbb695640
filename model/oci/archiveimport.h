#pragma once

#include "oci/baseimage.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace mlwb::oci {

/// What streaming an image archive into a staging folder found: small JSON
/// files by name (index.json, manifest.json, a docker config) and the
/// digest of every other file, which now sits in the staging folder.
struct ArchiveContents {
    QMap<QString, QByteArray> smallFiles;
    QMap<QString, QString> digestByName;
};

/// Streams every file of a tar archive (of an OCI layout or a docker-archive)
/// into `stagingDir`/blobs/sha256. Files named blobs/sha256/HEX must match
/// HEX; a truncated archive is an error naming the file it cut.
bool importArchive(const QString &path, const QString &stagingDir, ArchiveContents *contents,
                   const CancelCheck &canceled, QString *error);

/// Copies one blob of an OCI layout folder into the staging folder, checking
/// its size and digest against `descriptor`.
bool importLayoutBlob(const QString &layoutDir, const Descriptor &descriptor,
                      const QString &stagingDir, const CancelCheck &canceled, QString *error);

} // namespace mlwb::oci
