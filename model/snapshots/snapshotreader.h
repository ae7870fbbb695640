#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>

struct archive;

namespace mlwb {

/// Reads a snapshot zip made by SnapshotWriter (or any zip): lists its
/// entries, reads one file for the read-only viewer, and expands it into a
/// folder for a run. Expanding is safe against hostile archives: absolute
/// paths, `..` components and links leading outside the folder are refused
/// before anything is written. A damaged archive is an error, never a partial
/// success. A zip named `<sha256>.zip` is a stored snapshot: every read checks
/// its content against that name (the manifest id SnapshotWriter computes)
/// and refuses a zip that was swapped or altered. Names are taken exactly as
/// stored: a backslash is an ordinary character.
class SnapshotReader
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotReader)

public:
    struct Entry {
        QString path; // as stored, '/'-separated; folders end without '/'
        qint64 size = 0;
        bool isDir = false;
        bool isSymlink = false;
        bool isSpecial = false; // a device, pipe or socket: never expanded
        bool executable = false;
        QString symlinkTarget;
        qint64 modified = 0; // seconds since the epoch
    };

    explicit SnapshotReader(const QString &zipPath);

    QString zipPath() const { return m_zipPath; }

    /// Checks the zip's content against the sha256 in its name; passes for a
    /// zip with any other name. A pass is remembered in this process for as
    /// long as the zip's central directory stays the same.
    bool verify(QString *error) const;

    /// All entries in archive order.
    bool entries(QList<Entry> *entries, QString *error) const;

    /// The bytes of the file at `path`; refuses folders, links and files
    /// larger than `maxBytes`.
    bool readFile(const QString &path, QByteArray *data, QString *error,
                  qint64 maxBytes = 64 * 1024 * 1024) const;

    /// Expands the whole snapshot into `targetDir`, which must be empty or
    /// not exist yet. On failure whatever was written is removed again.
    bool extractTo(const QString &targetDir, QString *error) const;

private:
    enum class Step { Continue, Stop, Fail };
    using Visitor = std::function<Step(archive *, const Entry &, QString *error)>;

    struct Manifest;

    bool visit(const Visitor &visitor, QString *error) const;
    bool listEntries(QList<Entry> *entries, QString *error) const;
    QString expectedId() const;
    bool checkManifest(const Manifest &manifest, QString *error) const;
    bool checkSafe(const Entry &entry, QString *error) const;
    bool readData(archive *zip, const Entry &entry, QByteArray *data, QString *error) const;
    /// Streams the current entry's bytes to `sink` (may be empty) and sets
    /// *sha256 to their digest.
    using Sink = std::function<bool(const char *data, qint64 size, QString *error)>;
    bool hashData(archive *zip, const Sink &sink, QByteArray *sha256, QString *error) const;
    bool extractFile(archive *zip, const Entry &entry, const QString &root, Manifest *manifest,
                     QString *error) const;
    bool extractAll(const QString &root, QString *error) const;
    bool createLinks(const QList<Entry> &links, const QString &root, QString *error) const;
    QString damaged(archive *zip) const;

    QString m_zipPath;
};

} // namespace mlwb
