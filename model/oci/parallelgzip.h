#pragma once

#include "snapshots/streamhash.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <deque>
#include <future>

namespace mlwb::oci {

/// A gzip stream compressed on all cores: the input is cut into fixed
/// blocks, each deflated on its own thread into an independent gzip member,
/// and the members are written in order (concatenated members are one valid
/// gzip file). The cut points depend only on the input, so the output is
/// the same on any machine with the same zlib. Hashes both sides in the same
/// pass: the uncompressed stream (a layer's diff_id) and the compressed one
/// (its digest).
class ParallelGzip
{
public:
    explicit ParallelGzip(QIODevice *out, int level = 6);
    ParallelGzip(const ParallelGzip &) = delete;
    ParallelGzip &operator=(const ParallelGzip &) = delete;
    ~ParallelGzip();

    bool add(const char *data, qint64 size, QString *error);
    bool finish(QString *error);

    QString uncompressedDigest() const { return m_diffId; }
    QString compressedDigest() const { return m_digest; }
    qint64 uncompressedSize() const { return m_inSize; }
    qint64 compressedSize() const { return m_outSize; }

private:
    bool submitBlock(QString *error);
    bool writeOldest(QString *error);

    QIODevice *m_out;
    int m_level;
    int m_maxInFlight;
    QByteArray m_block;
    std::deque<std::future<QByteArray>> m_pending;
    StreamHash m_inHash;
    StreamHash m_outHash;
    qint64 m_inSize = 0;
    qint64 m_outSize = 0;
    QString m_diffId;
    QString m_digest;
};

} // namespace mlwb::oci
