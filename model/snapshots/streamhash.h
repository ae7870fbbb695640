#pragma once

#include <QByteArray>

#include <memory>

struct evp_md_ctx_st;

namespace mlwb {

/// An incremental sha256 for checking snapshots and storing model files.
/// OpenSSL's, which uses the CPU's SHA instructions: several times faster
/// than QCryptographicHash, so checking a zip while expanding it costs
/// little next to inflating it.
class StreamHash
{
public:
    StreamHash();
    StreamHash(const StreamHash &) = delete;
    StreamHash &operator=(const StreamHash &) = delete;
    ~StreamHash();

    void add(const char *data, qint64 size);
    /// The digest (raw bytes).
    QByteArray result();

private:
    evp_md_ctx_st *m_context;
};

} // namespace mlwb
