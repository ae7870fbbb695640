#include "snapshots/zipdirectory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

#include <algorithm>

namespace mlwb {

namespace {

constexpr qint64 EndRecordSize = 22;
constexpr qint64 MaxComment = 0xffff;
constexpr qint64 Zip64LocatorSize = 20;
constexpr qint64 Zip64EndSize = 56;
constexpr qint64 EntryHeaderSize = 46;
constexpr quint16 Utf8NameFlag = 0x0800;

quint16 u16(const QByteArray &data, qint64 at)
{
    return qFromLittleEndian<quint16>(data.constData() + at);
}

quint32 u32(const QByteArray &data, qint64 at)
{
    return qFromLittleEndian<quint32>(data.constData() + at);
}

quint64 u64(const QByteArray &data, qint64 at)
{
    return qFromLittleEndian<quint64>(data.constData() + at);
}

QByteArray readAt(QFile *file, qint64 offset, qint64 size)
{
    if (offset < 0 || size < 0 || offset + size > file->size() || !file->seek(offset))
        return QByteArray();
    QByteArray data = file->read(size);
    return data.size() == size ? data : QByteArray();
}

// The zip64 extra field holds the sizes and the offset that did not fit in 32 bits.
qint64 zip64Offset(const QByteArray &extra, bool sizesToo, bool compressedToo)
{
    for (qint64 at = 0; at + 4 <= extra.size();) {
        const quint16 id = u16(extra, at);
        const quint16 size = u16(extra, at + 2);
        if (id == 1) {
            const qint64 skip = (sizesToo ? 8 : 0) + (compressedToo ? 8 : 0);
            return skip + 8 <= size && at + 4 + size <= extra.size()
                       ? qint64(u64(extra, at + 4 + skip))
                       : -1;
        }
        at += 4 + size;
    }
    return -1;
}

} // namespace

bool ZipDirectory::read(const QString &zipPath, QString *error)
{
    m_zipPath = zipPath;
    m_names.clear();
    m_fingerprint.clear();
    const QString damaged = tr("Snapshot %1 is damaged: %2").arg(zipPath);
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read snapshot %1: %2").arg(zipPath, file.errorString());
        return false;
    }
    const qint64 tailSize = qMin(file.size(), EndRecordSize + MaxComment);
    const qint64 tailStart = file.size() - tailSize;
    const QByteArray tail = readAt(&file, tailStart, tailSize);
    qint64 end = tail.lastIndexOf(QByteArrayView("PK\x05\x06"));
    while (end >= 0 && end + EndRecordSize + u16(tail, end + 20) != tail.size())
        end = end > 0 ? tail.lastIndexOf(QByteArrayView("PK\x05\x06"), end - 1) : -1;
    if (end < 0) {
        *error = damaged.arg(tr("no central directory (truncated?)"));
        return false;
    }
    qint64 count = u16(tail, end + 10);
    qint64 size = u32(tail, end + 12);
    qint64 offset = u32(tail, end + 16);
    if (count == 0xffff || size == 0xffffffff || offset == 0xffffffff) {
        const QByteArray locator =
            readAt(&file, tailStart + end - Zip64LocatorSize, Zip64LocatorSize);
        const QByteArray record = locator.startsWith(QByteArrayView("PK\x06\x07"))
                                      ? readAt(&file, qint64(u64(locator, 8)), Zip64EndSize)
                                      : QByteArray();
        if (!record.startsWith(QByteArrayView("PK\x06\x06"))) {
            *error = damaged.arg(tr("its zip64 directory record is missing"));
            return false;
        }
        count = qint64(u64(record, 32));
        size = qint64(u64(record, 40));
        offset = qint64(u64(record, 48));
    }
    const QByteArray directory = readAt(&file, offset, size);
    QList<Record> records;
    if (directory.size() != size || count > size / EntryHeaderSize
        || !parse(directory, count, &records)) {
        *error = damaged.arg(tr("its central directory is unreadable"));
        return false;
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const Record &a, const Record &b) { return a.offset < b.offset; });
    for (const Record &record : std::as_const(records))
        m_names.append(record.name);
    m_fingerprint = QCryptographicHash::hash(directory, QCryptographicHash::Sha256);
    return true;
}

bool ZipDirectory::parse(const QByteArray &directory, qint64 count, QList<Record> *records) const
{
    qint64 at = 0;
    for (qint64 i = 0; i < count; ++i) {
        if (at + EntryHeaderSize > directory.size()
            || !directory.mid(at, 4).startsWith(QByteArrayView("PK\x01\x02")))
            return false;
        const qint64 nameSize = u16(directory, at + 28);
        const qint64 extraSize = u16(directory, at + 30);
        const qint64 next = at + EntryHeaderSize + nameSize + extraSize + u16(directory, at + 32);
        if (next > directory.size())
            return false;
        Record record;
        const QByteArray name = directory.mid(at + EntryHeaderSize, nameSize);
        // Unflagged names are decoded like the rest of the file system's names.
        record.name = (u16(directory, at + 8) & Utf8NameFlag) ? QString::fromUtf8(name)
                                                              : QFile::decodeName(name);
        record.offset = u32(directory, at + 42);
        if (record.offset == 0xffffffff) {
            const QByteArray extra = directory.mid(at + EntryHeaderSize + nameSize, extraSize);
            record.offset = zip64Offset(extra, u32(directory, at + 24) == 0xffffffff,
                                        u32(directory, at + 20) == 0xffffffff);
        }
        records->append(record);
        at = next;
    }
    return true;
}

} // namespace mlwb
