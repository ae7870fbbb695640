#include "snapshots/streamhash.h"

#include <openssl/evp.h>

namespace mlwb {

StreamHash::StreamHash()
    : m_context(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

StreamHash::~StreamHash()
{
    EVP_MD_CTX_free(m_context);
}

void StreamHash::add(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_context, data, size_t(size));
}

QByteArray StreamHash::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context, reinterpret_cast<unsigned char *>(digest.data()), &size);
    digest.resize(size);
    return digest;
}

} // namespace mlwb
