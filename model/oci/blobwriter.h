#pragma once

#include "snapshots/streamhash.h"

#include <QFile>
#include <QString>

namespace mlwb::oci {

/// Streams one blob into a staging folder's blobs/sha256/, hashing as it
/// writes; the file gets its digest as name only when finished, so a blob
/// under its name is always complete.
class BlobWriter
{
public:
    /// `stagingDir` holds blobs/sha256/; `what` names the blob in errors.
    BlobWriter(const QString &stagingDir, const QString &what);
    ~BlobWriter();

    bool open(QString *error);
    bool write(const char *data, qint64 size, QString *error);
    /// Closes and names the file by its digest; when `expected` is given
    /// ("sha256:HEX"), a different digest or size (-1: any) is an error naming the blob.
    bool finish(const QString &expected, qint64 expectedSize, QString *digest, QString *error);
    qint64 size() const { return m_size; }

private:
    QString m_stagingDir;
    QString m_what;
    QFile m_file;
    StreamHash m_hash;
    qint64 m_size = 0;
    bool m_done = false;
};

/// Writes all of `data`, retrying after a short write so that a full disk
/// is reported as such (a short write alone carries no error).
bool writeFully(QIODevice *device, const char *data, qint64 size);

/// "sha256:" and the hex of a raw digest.
QString sha256Digest(const QByteArray &raw);
/// The digest of small bytes.
QString sha256Of(const QByteArray &bytes);

} // namespace mlwb::oci
