#include "oci/parallelgzip.h"

#include "oci/blobwriter.h"

#include <QCoreApplication>
#include <QThread>
#include <zlib.h>

namespace mlwb::oci {

namespace {

constexpr int blockSize = 1024 * 1024;

// One gzip member: zlib's header with mtime 0, so it is reproducible.
QByteArray deflateBlock(const QByteArray &input, int level)
{
    z_stream z{};
    deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(input.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    z.avail_in = uInt(input.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int status = deflate(&z, Z_FINISH);
    out.resize(status == Z_STREAM_END ? int(z.total_out) : 0);
    deflateEnd(&z);
    return out;
}

} // namespace

ParallelGzip::ParallelGzip(QIODevice *out, int level)
    : m_out(out)
    , m_level(level)
    , m_maxInFlight(std::max(2, QThread::idealThreadCount() * 2))
{
    m_block.reserve(blockSize);
}

ParallelGzip::~ParallelGzip()
{
    for (auto &f : m_pending)
        f.wait();
}

bool ParallelGzip::add(const char *data, qint64 size, QString *error)
{
    m_inHash.add(data, size);
    m_inSize += size;
    while (size > 0) {
        const qint64 take = std::min<qint64>(size, blockSize - m_block.size());
        m_block.append(data, int(take));
        data += take;
        size -= take;
        if (m_block.size() == blockSize && !submitBlock(error))
            return false;
    }
    return true;
}

bool ParallelGzip::submitBlock(QString *error)
{
    if (int(m_pending.size()) >= m_maxInFlight && !writeOldest(error))
        return false;
    m_pending.push_back(std::async(std::launch::async, deflateBlock, m_block, m_level));
    m_block = QByteArray();
    m_block.reserve(blockSize);
    return true;
}

bool ParallelGzip::writeOldest(QString *error)
{
    const QByteArray member = m_pending.front().get();
    m_pending.pop_front();
    if (member.isEmpty()) {
        *error = QCoreApplication::translate("oci", "Compressing a layer failed (zlib).");
        return false;
    }
    m_outHash.add(member.constData(), member.size());
    m_outSize += member.size();
    if (!writeFully(m_out, member.constData(), member.size())) {
        *error = QCoreApplication::translate("oci", "Cannot write a layer: %1")
                     .arg(m_out->errorString());
        return false;
    }
    return true;
}

bool ParallelGzip::finish(QString *error)
{
    // The last, partial block; an empty stream still gets one member.
    if ((!m_block.isEmpty() || m_inSize == 0) && !submitBlock(error))
        return false;
    while (!m_pending.empty())
        if (!writeOldest(error))
            return false;
    m_diffId = sha256Digest(m_inHash.result());
    m_digest = sha256Digest(m_outHash.result());
    return true;
}

} // namespace mlwb::oci
