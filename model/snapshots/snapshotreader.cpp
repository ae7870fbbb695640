#include "snapshots/snapshotreader.h"

#include "snapshots/snapshotwriter.h"
#include "snapshots/streamhash.h"
#include "snapshots/zipdirectory.h"
#include "store/storagemedium.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <memory>

namespace mlwb {

namespace {

constexpr qint64 ReadChunk = 1024 * 1024;

using ReadPtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

QString entryPath(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    const char *local = archive_entry_pathname(entry);
    return local ? QFile::decodeName(local) : QString();
}

QString entryLink(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_symlink_utf8(entry))
        return QString::fromUtf8(utf8);
    const char *local = archive_entry_symlink(entry);
    return local ? QFile::decodeName(local) : QString();
}

SnapshotReader::Entry toEntry(archive_entry *entry)
{
    SnapshotReader::Entry e;
    e.path = entryPath(entry);
    while (e.path.endsWith(u'/'))
        e.path.chop(1);
    const mode_t type = archive_entry_filetype(entry);
    e.isDir = type == AE_IFDIR;
    e.isSymlink = type == AE_IFLNK;
    e.isSpecial = type != AE_IFREG && !e.isDir && !e.isSymlink;
    if (e.isSymlink)
        e.symlinkTarget = entryLink(entry);
    e.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
    e.executable = (archive_entry_perm(entry) & 0100) != 0;
    e.modified = archive_entry_mtime(entry);
    return e;
}

// A zip with no entries is just its end record; libarchive does not recognise it.
bool isEmptyZip(const QString &path)
{
    QFile file(path);
    if (file.size() < 22 || file.size() > 22 + 0xffff || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(12);
    return head.startsWith(QByteArrayView("PK\x05\x06")) && head.mid(8, 4) == QByteArray(4, '\0');
}

bool isInside(const QString &path, const QString &root)
{
    return path == root || path.startsWith(root + u'/');
}

// Removes what a failed expansion wrote, but never the folder's previous content
// (there was none: the target had to be empty).
void removeContents(const QString &dir)
{
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden
                                                          | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &info : entries) {
        if (info.isDir() && !info.isSymLink())
            QDir(info.filePath()).removeRecursively();
        else
            QFile::remove(info.filePath());
    }
}

// libarchive turns a name's backslashes into slashes when it has no slash;
// the central directory's name is the true one, this only checks the order.
bool sameName(QString libarchiveName, QString stored)
{
    for (QString *name : {&libarchiveName, &stored}) {
        name->replace(u'\\', u'/');
        while (name->endsWith(u'/'))
            name->chop(1);
    }
    return libarchiveName == stored;
}

// Zips already checked in this process, so browsing a snapshot reads it once.
// A zip counts as the one checked while its central directory is unchanged;
// altered data behind an unchanged directory fails its CRC when read.
QMutex verifiedLock;
QHash<QString, QByteArray> verifiedZips;

QByteArray fingerprintOf(const QString &path)
{
    ZipDirectory directory;
    QString ignored;
    return directory.read(path, &ignored) ? directory.fingerprint() : QByteArray();
}

bool alreadyVerified(const QString &path, const QByteArray &fingerprint)
{
    QMutexLocker lock(&verifiedLock);
    const auto it = verifiedZips.constFind(path);
    return !fingerprint.isEmpty() && it != verifiedZips.constEnd() && *it == fingerprint;
}

void rememberVerified(const QString &path, const QByteArray &fingerprint)
{
    QMutexLocker lock(&verifiedLock);
    if (!fingerprint.isEmpty())
        verifiedZips.insert(path, fingerprint);
}

} // namespace

// The files of a snapshot as SnapshotWriter saw them, to recompute its id.
struct SnapshotReader::Manifest {
    QList<SnapshotWriter::File> files;

    void add(const Entry &entry, const QByteArray &sha256)
    {
        if (entry.isDir)
            return; // the writer keeps no folders
        SnapshotWriter::File file;
        file.path = entry.path;
        file.executable = entry.executable;
        file.symlinkTarget = entry.symlinkTarget;
        // A device or pipe was never written by SnapshotWriter: it cannot match.
        file.sha256 = entry.isSpecial ? QString() : QString::fromLatin1(sha256.toHex());
        files.append(file);
    }
    void addLink(const Entry &entry)
    {
        add(entry,
            QCryptographicHash::hash(entry.symlinkTarget.toUtf8(), QCryptographicHash::Sha256));
    }
};

SnapshotReader::SnapshotReader(const QString &zipPath)
    : m_zipPath(zipPath)
{}

QString SnapshotReader::damaged(archive *zip) const
{
    const char *message = archive_error_string(zip);
    return tr("Snapshot %1 is damaged: %2")
        .arg(m_zipPath, message ? QString::fromLocal8Bit(message) : tr("unreadable zip data"));
}

bool SnapshotReader::visit(const Visitor &visitor, QString *error) const
{
    if (!QFileInfo(m_zipPath).isFile()) {
        *error = tr("Snapshot %1 does not exist").arg(m_zipPath);
        return false;
    }
    if (isEmptyZip(m_zipPath))
        return true;
    ZipDirectory directory;
    if (!directory.read(m_zipPath, error))
        return false;
    ReadPtr zip(archive_read_new(), &archive_read_free);
    // Snapshots are files, so read them through the central directory: a
    // truncated zip then fails up front instead of half-way through.
    archive_read_support_format_zip_seekable(zip.get());
    if (archive_read_open_filename(zip.get(), QFile::encodeName(m_zipPath).constData(), ReadChunk)
        != ARCHIVE_OK) {
        *error = damaged(zip.get());
        return false;
    }
    const QList<QString> &names = directory.names();
    for (qsizetype index = 0;; ++index) {
        archive_entry *header = nullptr;
        const int r = archive_read_next_header(zip.get(), &header);
        if (r == ARCHIVE_EOF && index == names.size())
            return true;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN && r != ARCHIVE_EOF) {
            *error = damaged(zip.get());
            return false;
        }
        Entry entry = r == ARCHIVE_EOF ? Entry() : toEntry(header);
        if (r == ARCHIVE_EOF || index >= names.size() || !sameName(entry.path, names[index])) {
            *error = tr("Snapshot %1 is damaged: its entries disagree with its central directory")
                         .arg(m_zipPath);
            return false;
        }
        entry.path = names[index];
        while (entry.path.endsWith(u'/'))
            entry.path.chop(1);
        if (entry.path.isEmpty()) {
            *error = tr("Snapshot %1 is damaged: an entry has no usable name").arg(m_zipPath);
            return false;
        }
        const Step step = visitor(zip.get(), entry, error);
        if (step != Step::Continue)
            return step == Step::Stop;
    }
}

QString SnapshotReader::expectedId() const
{
    static const QRegularExpression digestName(QStringLiteral("^[0-9a-f]{64}\\.zip$"));
    const QString name = QFileInfo(m_zipPath).fileName();
    return digestName.match(name).hasMatch() ? name.left(64) : QString();
}

bool SnapshotReader::checkManifest(const Manifest &manifest, QString *error) const
{
    const QString expected = expectedId();
    const QString actual = SnapshotWriter::manifestId(manifest.files);
    if (expected.isEmpty() || actual == expected)
        return true;
    *error = tr("Snapshot %1 does not match its name: expected sha256 %2, found %3. It was "
                "replaced or altered; restore it from a copy, or submit the run again.")
                 .arg(m_zipPath, expected, actual);
    return false;
}

bool SnapshotReader::verify(QString *error) const
{
    if (expectedId().isEmpty())
        return true;
    const QByteArray fingerprint = fingerprintOf(m_zipPath);
    if (alreadyVerified(m_zipPath, fingerprint))
        return true;
    Manifest manifest;
    const bool read = visit(
        [&](archive *zip, const Entry &entry, QString *err) {
            QByteArray sha256;
            if (entry.isSymlink)
                manifest.addLink(entry);
            else if (hashData(zip, {}, &sha256, err))
                manifest.add(entry, sha256);
            else
                return Step::Fail;
            return Step::Continue;
        },
        error);
    if (!read || !checkManifest(manifest, error))
        return false;
    rememberVerified(m_zipPath, fingerprint);
    return true;
}

bool SnapshotReader::entries(QList<Entry> *entries, QString *error) const
{
    entries->clear();
    return verify(error) && listEntries(entries, error);
}

bool SnapshotReader::listEntries(QList<Entry> *entries, QString *error) const
{
    entries->clear();
    return visit(
        [entries](archive *, const Entry &entry, QString *) {
            entries->append(entry);
            return Step::Continue;
        },
        error);
}

bool SnapshotReader::hashData(archive *zip, const Sink &sink, QByteArray *sha256,
                              QString *error) const
{
    StreamHash hash;
    QByteArray chunk(ReadChunk, Qt::Uninitialized);
    char *buffer = chunk.data();
    for (;;) {
        const la_ssize_t n = archive_read_data(zip, buffer, size_t(ReadChunk));
        if (n < 0) {
            *error = damaged(zip);
            return false;
        }
        if (n == 0)
            break;
        hash.add(buffer, n);
        if (sink && !sink(buffer, n, error))
            return false;
    }
    *sha256 = hash.result();
    return true;
}

bool SnapshotReader::readData(archive *zip, const Entry &entry, QByteArray *data,
                              QString *error) const
{
    data->clear();
    data->reserve(entry.size);
    QByteArray buffer(ReadChunk, Qt::Uninitialized);
    for (;;) {
        const la_ssize_t n = archive_read_data(zip, buffer.data(), size_t(buffer.size()));
        if (n == 0)
            return true;
        if (n < 0) {
            *error = damaged(zip);
            return false;
        }
        data->append(buffer.constData(), n);
    }
}

bool SnapshotReader::readFile(const QString &path, QByteArray *data, QString *error,
                              qint64 maxBytes) const
{
    if (!verify(error))
        return false;
    bool found = false;
    const bool ok = visit(
        [&](archive *zip, const Entry &entry, QString *err) {
            if (entry.path != path)
                return Step::Continue;
            found = true;
            if (entry.isDir || entry.isSymlink) {
                *err = tr("%1 in snapshot %2 is not a file").arg(path, m_zipPath);
                return Step::Fail;
            }
            if (entry.size > maxBytes) {
                *err = tr("%1 in snapshot %2 is too large to read (%3 bytes)")
                           .arg(path, m_zipPath)
                           .arg(entry.size);
                return Step::Fail;
            }
            return readData(zip, entry, data, err) ? Step::Stop : Step::Fail;
        },
        error);
    if (ok && !found) {
        *error = tr("Snapshot %1 has no file %2").arg(m_zipPath, path);
        return false;
    }
    return ok;
}

// Refuses names and link targets that would land outside the target folder.
bool SnapshotReader::checkSafe(const Entry &entry, QString *error) const
{
    const QString unsafe = tr("Snapshot %1 has an unsafe entry %2: %3").arg(m_zipPath, entry.path);
    if (entry.path.startsWith(u'/') || QDir::isAbsolutePath(entry.path)) {
        *error = unsafe.arg(tr("absolute paths are not allowed"));
        return false;
    }
    const QStringList parts = entry.path.split(u'/');
    if (parts.contains(QStringLiteral(".."))) {
        *error = unsafe.arg(tr("'..' is not allowed in a path"));
        return false;
    }
    if (entry.isSpecial) {
        *error = unsafe.arg(tr("devices, pipes and sockets are not allowed"));
        return false;
    }
    if (entry.isSymlink) {
        const qsizetype slash = entry.path.lastIndexOf(u'/');
        const QString target = entry.symlinkTarget;
        const QString lexical =
            QDir::cleanPath(slash < 0 ? target : entry.path.left(slash) + u'/' + target);
        if (target.isEmpty() || QDir::isAbsolutePath(target) || lexical == QStringView(u"..")
            || lexical.startsWith(QStringView(u"../"))) {
            *error = unsafe.arg(tr("the link points outside the snapshot (%1)").arg(target));
            return false;
        }
    }
    return true;
}

bool SnapshotReader::extractFile(archive *zip, const Entry &entry, const QString &root,
                                 Manifest *manifest, QString *error) const
{
    const QString path = root + u'/' + entry.path;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder for %1").arg(path);
        return false;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    QByteArray sha256;
    const auto write = [&out, &path](const char *data, qint64 size, QString *err) {
        QString reason;
        if (storage::writeAll(out, data, size, &reason))
            return true;
        *err = tr("Cannot write %1: %2").arg(path, reason);
        return false;
    };
    if (!hashData(zip, write, &sha256, error))
        return false;
    if (entry.executable)
        out.setPermissions(out.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                           | QFileDevice::ExeOther);
    out.setFileTime(QDateTime::fromSecsSinceEpoch(entry.modified),
                    QFileDevice::FileModificationTime);
    manifest->add(entry, sha256);
    return true;
}

// Expands and recomputes the snapshot id in the same pass: a swapped zip is
// found without reading it twice.
bool SnapshotReader::extractAll(const QString &root, QString *error) const
{
    QList<Entry> links;
    Manifest manifest;
    const bool ok = visit(
        [&](archive *zip, const Entry &entry, QString *err) {
            if (!checkSafe(entry, err))
                return Step::Fail;
            if (entry.isSymlink) {
                links.append(entry); // made last, so no file is written through one
                manifest.addLink(entry);
                return Step::Continue;
            }
            if (entry.isDir) {
                if (QDir().mkpath(root + u'/' + entry.path))
                    return Step::Continue;
                *err = tr("Cannot create the folder %1/%2").arg(root, entry.path);
                return Step::Fail;
            }
            return extractFile(zip, entry, root, &manifest, err) ? Step::Continue : Step::Fail;
        },
        error);
    return ok && checkManifest(manifest, error) && createLinks(links, root, error);
}

bool SnapshotReader::createLinks(const QList<Entry> &links, const QString &root,
                                 QString *error) const
{
    for (const Entry &link : links) {
        const QString path = root + u'/' + link.path;
        std::error_code ec;
        QDir().mkpath(QFileInfo(path).absolutePath());
        std::filesystem::create_symlink(QFile::encodeName(link.symlinkTarget).toStdString(),
                                        QFile::encodeName(path).toStdString(), ec);
        if (ec) {
            // e.g. a file entry made a folder where the link should be
            *error = tr("Cannot expand snapshot %1: the link %2 cannot be made (%3)")
                         .arg(m_zipPath, link.path, QString::fromLocal8Bit(ec.message().c_str()));
            return false;
        }
    }
    // Links through other links can still lead out; resolve each for real.
    for (const Entry &link : links) {
        const QString real = QFileInfo(root + u'/' + link.path).canonicalFilePath();
        if (!real.isEmpty() && !isInside(real, root)) {
            *error =
                tr("Snapshot %1 has an unsafe entry %2: the link points outside the snapshot (%3)")
                    .arg(m_zipPath, link.path, link.symlinkTarget);
            return false;
        }
    }
    return true;
}

bool SnapshotReader::extractTo(const QString &targetDir, QString *error) const
{
    QDir target(targetDir);
    if (target.exists()
        && !target.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        *error = tr("Cannot expand snapshot %1 into %2: the folder is not empty")
                     .arg(m_zipPath, targetDir);
        return false;
    }
    QList<Entry> all;
    if (!listEntries(&all, error))
        return false;
    for (const Entry &entry : all) {
        if (!checkSafe(entry, error))
            return false; // refused before anything is written
    }
    if (!QDir().mkpath(targetDir)) {
        *error = tr("Cannot create the folder %1").arg(targetDir);
        return false;
    }
    const QString root = QFileInfo(targetDir).canonicalFilePath();
    const QByteArray fingerprint = fingerprintOf(m_zipPath);
    if (extractAll(root, error)) {
        if (!expectedId().isEmpty())
            rememberVerified(m_zipPath, fingerprint);
        return true;
    }
    removeContents(root);
    return false;
}

} // namespace mlwb
