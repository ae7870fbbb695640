#pragma once

#include "oci/baseimage.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mlwb::oci {

/// One file of a layer: where it goes in the image and where its bytes come
/// from (a file on disk, or bytes in memory).
struct LayerFile {
    QString path;       // inside the image, without a leading '/', e.g. "var/azureml-app/score.py"
    QString sourceFile; // read in chunks when set
    QByteArray bytes;   // used when sourceFile is empty
    bool executable = false;
    QString expectedSha256; // hex; when set, the source is checked as it is read
};

/// A finished layer: its blob (staged by digest) and the diff_id for the config.
struct LayerResult {
    QString digest;  // of the tar.gz
    QString diffId;  // of the tar
    qint64 size = 0; // of the tar.gz
    qint64 uncompressedSize = 0;
};

/// Writes a reproducible layer: a tar.gz with libarchive where entries are
/// sorted, parent folders listed, every time fixed at 0, owner and group 0
/// and no extended attributes from the host, so the same files always give
/// the same digests. Compressed on all cores and hashed in the same pass.
class LayerWriter
{
public:
    static bool write(QList<LayerFile> files, const QString &stagingDir, const QString &what,
                      LayerResult *out, const CancelCheck &canceled, QString *error);
};

} // namespace mlwb::oci
