#include "oci/blobwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QUuid>

namespace mlwb::oci {

QString sha256Digest(const QByteArray &raw)
{
    return QStringLiteral("sha256:") + QString::fromLatin1(raw.toHex());
}

QString sha256Of(const QByteArray &bytes)
{
    StreamHash hash;
    hash.add(bytes.constData(), bytes.size());
    return sha256Digest(hash.result());
}

bool writeFully(QIODevice *device, const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 n = device->write(data, size);
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

BlobWriter::BlobWriter(const QString &stagingDir, const QString &what)
    : m_stagingDir(stagingDir)
    , m_what(what)
{}

BlobWriter::~BlobWriter()
{
    if (!m_done && !m_file.fileName().isEmpty()) {
        m_file.close();
        m_file.remove();
    }
}

bool BlobWriter::open(QString *error)
{
    const QString dir = m_stagingDir + QStringLiteral("/blobs/sha256");
    if (!QDir().mkpath(dir)) {
        *error = QCoreApplication::translate("oci", "Cannot create %1.").arg(dir);
        return false;
    }
    m_file.setFileName(dir + QStringLiteral("/.partial-")
                       + QUuid::createUuid().toString(QUuid::Id128));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = QCoreApplication::translate("oci", "Cannot write %1: %2")
                     .arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

bool BlobWriter::write(const char *data, qint64 size, QString *error)
{
    m_hash.add(data, size);
    m_size += size;
    if (!writeFully(&m_file, data, size)) {
        *error = QCoreApplication::translate("oci", "Cannot write %1: %2")
                     .arg(m_what, m_file.errorString());
        return false;
    }
    return true;
}

bool BlobWriter::finish(const QString &expected, qint64 expectedSize, QString *digest,
                        QString *error)
{
    if (!m_file.flush()) {
        *error = QCoreApplication::translate("oci", "Cannot write %1: %2")
                     .arg(m_what, m_file.errorString());
        return false;
    }
    m_file.close();
    *digest = sha256Digest(m_hash.result());
    if (expectedSize >= 0 && m_size != expectedSize) {
        *error =
            QCoreApplication::translate("oci", "%1 is truncated or damaged: %2 bytes where its "
                                               "descriptor says %3.")
                .arg(m_what)
                .arg(m_size)
                .arg(expectedSize);
        return false;
    }
    if (!expected.isEmpty() && *digest != expected) {
        *error = QCoreApplication::translate("oci", "%1 does not match its digest: expected %2, "
                                                    "got %3.")
                     .arg(m_what, expected, *digest);
        return false;
    }
    const QString target = m_stagingDir + QStringLiteral("/blobs/sha256/") + digest->mid(7);
    QFile::remove(target); // the same blob twice in one archive
    if (!m_file.rename(target)) {
        *error = QCoreApplication::translate("oci", "Cannot store %1: %2")
                     .arg(m_what, m_file.errorString());
        return false;
    }
    m_done = true;
    return true;
}

} // namespace mlwb::oci
