#include "snapshots/snapshotwriter.h"

#include "snapshots/ignorerules.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSemaphore>
#include <QSet>
#include <QTemporaryFile>
#include <QThreadPool>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <memory>

namespace mlwb {

struct SnapshotWriter::PackState {
    archive *zip = nullptr;
    QByteArray buffer;
    qint64 done = 0;
    qint64 total = 0;
    QThreadPool hasher; // one thread: sha256 of a chunk runs while libarchive deflates it
};

namespace {

// Large reads keep syscalls off the profile; 4 MiB also suits libarchive.
constexpr qint64 ReadChunk = 4 * 1024 * 1024;
constexpr int LargestNamed = 5;
// Below this a chunk is hashed inline: handing it over would cost more than it saves.
constexpr qint64 ParallelHashMin = 32 * 1024;

using WritePtr = std::unique_ptr<archive, decltype(&archive_write_free)>;
using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

QString archiveError(archive *a)
{
    const char *message = archive_error_string(a);
    return message ? QString::fromLocal8Bit(message) : QStringLiteral("unknown error");
}

// Content that is already compressed: deflating it again costs time, saves nothing.
bool isCompressedFormat(const QString &path)
{
    static const QSet<QString> suffixes = {
        QStringLiteral("zip"),  QStringLiteral("gz"),   QStringLiteral("tgz"),
        QStringLiteral("bz2"),  QStringLiteral("xz"),   QStringLiteral("zst"),
        QStringLiteral("lz4"),  QStringLiteral("7z"),   QStringLiteral("rar"),
        QStringLiteral("jar"),  QStringLiteral("whl"),  QStringLiteral("png"),
        QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("gif"),
        QStringLiteral("webp"), QStringLiteral("mp3"),  QStringLiteral("mp4"),
        QStringLiteral("mkv"),  QStringLiteral("mov"),  QStringLiteral("webm"),
        QStringLiteral("ogg"),  QStringLiteral("flac"), QStringLiteral("pt"),
        QStringLiteral("pth"),  QStringLiteral("npz"),  QStringLiteral("parquet"),
    };
    const qsizetype dot = path.lastIndexOf(u'.');
    return dot > path.lastIndexOf(u'/') && suffixes.contains(path.mid(dot + 1).toLower());
}

// Random-looking bytes (order-0 entropy near 8 bits) will not deflate.
bool looksIncompressible(const char *data, qint64 size)
{
    if (size < 4096)
        return false;
    size = qMin<qint64>(size, 64 * 1024);
    std::array<quint32, 256> counts{};
    for (qint64 i = 0; i < size; ++i)
        ++counts[static_cast<uchar>(data[i])];
    double bits = 0;
    for (const quint32 count : counts) {
        if (count == 0)
            continue;
        const double p = double(count) / double(size);
        bits -= p * std::log2(p);
    }
    return bits > 7.5;
}

QByteArray modeOf(const SnapshotWriter::File &file)
{
    if (!file.symlinkTarget.isEmpty())
        return QByteArrayLiteral("120000");
    return file.executable ? QByteArrayLiteral("100755") : QByteArrayLiteral("100644");
}

QString readLink(const QString &path, bool *ok)
{
    std::error_code ec;
    const std::filesystem::path target =
        std::filesystem::read_symlink(QFile::encodeName(path).toStdString(), ec);
    *ok = !ec;
    return QFile::decodeName(QByteArray::fromStdString(target.string()));
}

} // namespace

SnapshotWriter::SnapshotWriter() = default;

SnapshotWriter::SnapshotWriter(const Options &options)
    : m_options(options)
{}

QString SnapshotWriter::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 bytes").arg(bytes);
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    QString number = QLocale(QLocale::English).toString(value, 'f', 1);
    if (number.endsWith(QStringView(u".0")))
        number.chop(2);
    return number + u' ' + QLatin1String(units[unit]);
}

bool SnapshotWriter::scan(const QString &root, const QString &rel, const IgnoreRules &rules,
                          Result *result, QString *error) const
{
    const QDir dir(rel.isEmpty() ? root : root + u'/' + rel);
    if (!dir.isReadable()) {
        *error = tr("Cannot read the folder %1").arg(dir.path());
        return false;
    }
    const QFileInfoList entries = dir.entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        const QString path = rel.isEmpty() ? info.fileName() : rel + u'/' + info.fileName();
        const bool isDir = info.isDir() && !info.isSymLink();
        QString source;
        if (rules.isIgnored(path, isDir, &source)) {
            if (!source.isEmpty()) // .git/ goes unsaid
                result->leftOut.addIgnored(source, isDir);
            continue;
        }
        if (!isDir && path.endsWith(u'\\') && !path.contains(u'/')) {
            result->notes.append(tr("Skipped %1: a top-level name ending in a backslash reads "
                                    "back as a folder")
                                     .arg(path));
            result->leftOut.addUnstorable(path);
        } else if (info.isSymLink()) {
            addSymlink(root, path, result);
        } else if (isDir) {
            if (!scan(root, path, rules, result, error))
                return false;
        } else if (info.isFile()) {
            File file;
            file.path = path;
            file.size = info.size();
            file.executable = info.permissions().testFlag(QFileDevice::ExeOwner);
            result->totalBytes += file.size;
            result->files.append(file);
        } else {
            result->notes.append(tr("Skipped %1: not a file, folder or link").arg(path));
            result->leftOut.addSpecial(path);
        }
    }
    return true;
}

// Links stay links (never followed); only relative ones that stay inside the
// project are kept, so an expanded snapshot cannot reach outside its folder.
void SnapshotWriter::addSymlink(const QString &root, const QString &rel, Result *result) const
{
    bool ok = false;
    const QString target = readLink(root + u'/' + rel, &ok);
    const qsizetype slash = rel.lastIndexOf(u'/');
    const QString lexical = QDir::cleanPath(slash < 0 ? target : rel.left(slash) + u'/' + target);
    bool outside = !ok || target.isEmpty() || QDir::isAbsolutePath(target)
                   || lexical == QStringView(u"..") || lexical.startsWith(QStringView(u"../"));
    if (!outside) {
        // Also resolve it for real: an inner link may lead back out.
        const QString real = QFileInfo(root + u'/' + rel).canonicalFilePath();
        const QString realRoot = QFileInfo(root).canonicalFilePath();
        outside = !real.isEmpty() && real != realRoot && !real.startsWith(realRoot + u'/');
    }
    if (outside) {
        result->notes.append(tr("Skipped the link %1 -> %2: only links inside the project are kept")
                                 .arg(rel, target));
        result->leftOut.addOutsideLink(rel, target);
        return;
    }
    File file;
    file.path = rel;
    file.symlinkTarget = target;
    result->files.append(file);
}

bool SnapshotWriter::checkLimits(const Result &result, QString *error) const
{
    if (result.files.size() <= m_options.maxFiles && result.totalBytes <= m_options.maxTotalBytes)
        return true;
    QList<File> largest = result.files;
    const int named = int(qMin<qsizetype>(LargestNamed, largest.size()));
    std::partial_sort(largest.begin(), largest.begin() + named, largest.end(),
                      [](const File &a, const File &b) {
                          return a.size != b.size ? a.size > b.size : a.path < b.path;
                      });
    QStringList names;
    for (int i = 0; i < named; ++i)
        names.append(largest[i].path + QStringLiteral(" (") + formatSize(largest[i].size) + u')');
    const QLocale english(QLocale::English);
    *error = tr("The snapshot would be %1 in %2 files, over the limit of %3 or %4 files. "
                "Largest: %5. Add them to .amlignore.")
                 .arg(formatSize(result.totalBytes), english.toString(result.files.size()),
                      formatSize(m_options.maxTotalBytes), english.toString(m_options.maxFiles),
                      names.join(QStringLiteral(", ")));
    return false;
}

bool SnapshotWriter::write(const QString &projectDir, const QString &destDir, Result *result,
                           QString *error) const
{
    *result = Result();
    const QFileInfo project(projectDir);
    if (!project.isDir()) {
        *error = tr("The project folder %1 does not exist").arg(projectDir);
        return false;
    }
    const QString root = project.absoluteFilePath();
    if (!scan(root, QString(), IgnoreRules::forProject(root), result, error))
        return false;
    std::sort(result->files.begin(), result->files.end(),
              [](const File &a, const File &b) { return a.path < b.path; });
    result->fileCount = int(result->files.size());
    if (!checkLimits(*result, error))
        return false;
    if (!QDir().mkpath(destDir)) {
        *error = tr("Cannot create the snapshot folder %1").arg(destDir);
        return false;
    }
    QTemporaryFile temp(QDir(destDir).filePath(QStringLiteral(".snapshot-XXXXXX.part")));
    if (!temp.open()) {
        *error = tr("Cannot create a file in %1: %2").arg(destDir, temp.errorString());
        return false;
    }
    if (!writeZip(temp.handle(), root, result, error))
        return false;
    result->sha256 = manifestId(result->files);
    result->zipPath = QDir(destDir).absoluteFilePath(result->sha256 + QStringLiteral(".zip"));
    return store(&temp, result, error);
}

bool SnapshotWriter::writeZip(int fd, const QString &projectDir, Result *result,
                              QString *error) const
{
    WritePtr zip(archive_write_new(), &archive_write_free);
    const QByteArray level = QByteArray::number(qBound(0, m_options.compressionLevel, 9));
    if (archive_write_set_format_zip(zip.get()) != ARCHIVE_OK
        || archive_write_set_format_option(zip.get(), "zip", "compression-level", level.constData())
               != ARCHIVE_OK
        || archive_write_set_bytes_per_block(zip.get(), int(ReadChunk)) != ARCHIVE_OK
        || archive_write_set_bytes_in_last_block(zip.get(), 1) != ARCHIVE_OK
        || archive_write_open_fd(zip.get(), fd) != ARCHIVE_OK) {
        *error = tr("Cannot start the snapshot zip: %1").arg(archiveError(zip.get()));
        return false;
    }
    PackState state;
    state.hasher.setMaxThreadCount(1);
    state.zip = zip.get();
    state.buffer.resize(ReadChunk);
    state.total = result->totalBytes;
    if (m_progress && !m_progress(0, state.total)) {
        *error = tr("The snapshot was cancelled");
        return false;
    }
    for (File &file : result->files) {
        const bool ok = file.symlinkTarget.isEmpty()
                            ? packFile(&state, projectDir + u'/' + file.path, &file, error)
                            : packSymlink(zip.get(), &file, error);
        if (!ok)
            return false;
    }
    if (archive_write_close(zip.get()) != ARCHIVE_OK) {
        *error = tr("Cannot finish the snapshot zip: %1").arg(archiveError(zip.get()));
        return false;
    }
    return true;
}

// Reads the file once: each chunk feeds both the sha256 and the zip.
bool SnapshotWriter::packFile(PackState *state, const QString &path, File *file,
                              QString *error) const
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        *error = tr("Cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    const qint64 first = in.read(state->buffer.data(), qMin<qint64>(ReadChunk, file->size));
    // The first chunk decides: the zip header must name the method up front.
    file->compressed = m_options.compressionLevel > 0 && !isCompressedFormat(file->path)
                       && !looksIncompressible(state->buffer.constData(), first);
    if (file->compressed)
        archive_write_zip_set_compression_deflate(state->zip);
    else
        archive_write_zip_set_compression_store(state->zip);
    EntryPtr entry(archive_entry_new(), &archive_entry_free);
    archive_entry_set_pathname_utf8(entry.get(), file->path.toUtf8().constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), file->executable ? 0755 : 0644);
    archive_entry_set_size(entry.get(), file->size);
    archive_entry_set_mtime(entry.get(),
                            in.fileTime(QFileDevice::FileModificationTime).toSecsSinceEpoch(), 0);
    if (archive_write_header(state->zip, entry.get()) != ARCHIVE_OK) {
        *error = tr("Cannot add %1 to the snapshot: %2").arg(path, archiveError(state->zip));
        return false;
    }
    return copyData(state, &in, first, file, error);
}

bool SnapshotWriter::copyData(PackState *state, QFile *in, qint64 read, File *file,
                              QString *error) const
{
    char *buffer = state->buffer.data();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSemaphore hashed;
    qint64 written = 0;
    while (read > 0) {
        const bool parallel = read >= ParallelHashMin;
        if (parallel)
            state->hasher.start([&hash, &hashed, buffer, read] {
                hash.addData(QByteArrayView(buffer, read));
                hashed.release();
            });
        else
            hash.addData(QByteArrayView(buffer, read));
        const la_ssize_t added = archive_write_data(state->zip, buffer, size_t(read));
        if (parallel)
            hashed.acquire(); // the buffer is reused and the hash must be complete
        if (added != read) {
            *error = tr("Cannot add %1 to the snapshot: %2")
                         .arg(in->fileName(), archiveError(state->zip));
            return false;
        }
        written += read;
        state->done += read;
        if (m_progress && !m_progress(state->done, state->total)) {
            *error = tr("The snapshot was cancelled");
            return false;
        }
        read = in->read(buffer, qMin<qint64>(ReadChunk, file->size - written));
    }
    if (read < 0) {
        *error = tr("Cannot read %1: %2").arg(in->fileName(), in->errorString());
        return false;
    }
    if (written != file->size || in->read(buffer, 1) != 0) {
        *error = tr("%1 changed while the snapshot was being taken; try again").arg(in->fileName());
        return false;
    }
    file->sha256 = QString::fromLatin1(hash.result().toHex());
    return true;
}

bool SnapshotWriter::packSymlink(archive *zip, File *file, QString *error)
{
    const QByteArray target = file->symlinkTarget.toUtf8();
    EntryPtr entry(archive_entry_new(), &archive_entry_free);
    archive_entry_set_pathname_utf8(entry.get(), file->path.toUtf8().constData());
    archive_entry_set_filetype(entry.get(), AE_IFLNK);
    archive_entry_set_perm(entry.get(), 0777);
    archive_entry_set_symlink_utf8(entry.get(), target.constData());
    if (archive_write_header(zip, entry.get()) != ARCHIVE_OK) {
        *error =
            tr("Cannot add the link %1 to the snapshot: %2").arg(file->path, archiveError(zip));
        return false;
    }
    file->sha256 =
        QString::fromLatin1(QCryptographicHash::hash(target, QCryptographicHash::Sha256).toHex());
    return true;
}

// The id covers paths, modes and content, not timestamps: touching a file
// does not make a new snapshot.
QString SnapshotWriter::manifestId(QList<File> files)
{
    std::sort(files.begin(), files.end(),
              [](const File &a, const File &b) { return a.path < b.path; });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const File &file : files) {
        hash.addData(modeOf(file));
        hash.addData(QByteArrayView(" "));
        hash.addData(file.sha256.toLatin1());
        hash.addData(QByteArrayView(" "));
        hash.addData(file.path.toUtf8());
        hash.addData(QByteArrayView("\0", 1)); // cannot occur in a path
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool SnapshotWriter::store(QTemporaryFile *temp, Result *result, QString *error)
{
    if (QFile::exists(result->zipPath)) {
        result->reused = true; // the temporary file removes itself
        return true;
    }
    temp->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                         | QFileDevice::ReadOther);
    if (temp->rename(result->zipPath)) {
        temp->setAutoRemove(false);
        return true;
    }
    if (QFile::exists(result->zipPath)) {
        result->reused = true; // another writer stored the same snapshot meanwhile
        return true;
    }
    *error = tr("Cannot store the snapshot as %1: %2").arg(result->zipPath, temp->errorString());
    return false;
}

} // namespace mlwb
