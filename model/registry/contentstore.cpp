#include "registry/contentstore.h"

#include "snapshots/streamhash.h"
#include "store/storagemedium.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>
#include <QTemporaryFile>
#include <cstdio>

namespace mlwb {

namespace {

constexpr qint64 chunkSize = 4 << 20;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Streams `from` into `to` (when given), hashing every byte once.
bool copyHashing(QFile &from, QFileDevice *to, QString *sha256, qint64 *size, QString *error,
                 const ContentStore::Progress &progress = {})
{
    StreamHash hash;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = from.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(error,
                        QObject::tr("Cannot read %1: %2")
                            .arg(QDir::toNativeSeparators(from.fileName()), from.errorString()));
        if (n == 0)
            break;
        hash.add(buffer.constData(), n);
        if (to && to->write(buffer.constData(), n) != n)
            return fail(error,
                        QObject::tr("Cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(to->fileName()), to->errorString()));
        total += n;
        if (progress && !progress(n))
            return fail(error, QObject::tr("Copying %1 was canceled.")
                                   .arg(QDir::toNativeSeparators(from.fileName())));
    }
    *sha256 = QString::fromLatin1(hash.result().toHex());
    *size = total;
    return true;
}

} // namespace

ContentStore::ContentStore(const QString &root)
    : m_root(root)
{}

QString ContentStore::blobPath(const QString &sha256) const
{
    return m_root + QStringLiteral("/blobs/") + sha256;
}

bool ContentStore::contains(const QString &sha256) const
{
    return QFileInfo::exists(blobPath(sha256));
}

bool ContentStore::moveIntoPlace(const QString &temporary, const QString &sha256,
                                 QString *error) const
{
    const QString target = blobPath(sha256);
    if (QFileInfo::exists(target)) { // identical content is stored once
        QFile::remove(temporary);
        return true;
    }
    // rename(2) is atomic: a blob is either absent or complete.
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData())
        != 0) {
        QFile::remove(temporary);
        return fail(
            error,
            QObject::tr("Cannot store %1 in the workspace.").arg(QDir::toNativeSeparators(target)));
    }
    return true;
}

bool ContentStore::put(const QString &path, ManifestEntry *entry, QString *error,
                       const Progress &progress) const
{
    QFile from(path);
    if (!from.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("Cannot read %1: %2")
                               .arg(QDir::toNativeSeparators(path), from.errorString()));
    if (!QDir().mkpath(m_root + QStringLiteral("/tmp"))
        || !QDir().mkpath(m_root + QStringLiteral("/blobs")))
        return fail(error, QObject::tr("Cannot create the model store in %1.")
                               .arg(QDir::toNativeSeparators(m_root)));
    QTemporaryFile to(m_root + QStringLiteral("/tmp/blob-XXXXXX"));
    if (!to.open())
        return fail(error, QObject::tr("Cannot write in %1: %2")
                               .arg(QDir::toNativeSeparators(m_root), to.errorString()));
    if (!copyHashing(from, &to, &entry->sha256, &entry->size, error, progress))
        return false;
    to.close();
    to.setAutoRemove(false);
    return moveIntoPlace(to.fileName(), entry->sha256, error);
}

bool ContentStore::putBytes(const QByteArray &bytes, QString *sha256, QString *error) const
{
    *sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (contains(*sha256))
        return true;
    QDir().mkpath(m_root + QStringLiteral("/blobs"));
    QSaveFile file(blobPath(*sha256));
    QString reason;
    if (!file.open(QIODevice::WriteOnly))
        reason = file.errorString();
    else if (storage::writeAll(file, bytes, &reason) && file.commit())
        return true;
    return fail(error, QObject::tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(file.fileName()),
                                reason.isEmpty() ? file.errorString() : reason));
}

bool ContentStore::readBytes(const QString &sha256, QByteArray *bytes, QString *error) const
{
    QFile file(blobPath(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("The workspace is missing stored file %1.").arg(sha256));
    *bytes = file.readAll();
    if (QString::fromLatin1(QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex())
        != sha256)
        return fail(error, QObject::tr("Stored file %1 is damaged.").arg(sha256));
    return true;
}

bool ContentStore::copyOut(const QString &sha256, const QString &target, QString *error) const
{
    QFile from(blobPath(sha256));
    if (!from.open(QIODevice::ReadOnly))
        return fail(error, QObject::tr("The workspace is missing stored file %1.").arg(sha256));
    QSaveFile to(target);
    if (!to.open(QIODevice::WriteOnly))
        return fail(error, QObject::tr("Cannot write %1: %2")
                               .arg(QDir::toNativeSeparators(target), to.errorString()));
    QString actual;
    qint64 size = 0;
    if (!copyHashing(from, &to, &actual, &size, error))
        return false;
    // Not committed: a damaged blob never becomes a file the user trusts.
    if (actual != sha256)
        return fail(error, QObject::tr("Stored file %1 is damaged.").arg(sha256));
    return to.commit()
           || fail(error, QObject::tr("Cannot write %1: %2")
                              .arg(QDir::toNativeSeparators(target), to.errorString()));
}

QStringList ContentStore::digests() const
{
    return QDir(m_root + QStringLiteral("/blobs")).entryList(QDir::Files);
}

bool ContentStore::remove(const QString &sha256, QString *error) const
{
    return QFile::remove(blobPath(sha256)) || !contains(sha256)
           || fail(error, QObject::tr("Cannot remove stored file %1.").arg(sha256));
}

} // namespace mlwb
