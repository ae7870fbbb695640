#pragma once

#include "snapshots/snapshotleftout.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

struct archive;
class QFile;
class QTemporaryFile;

namespace mlwb {

class IgnoreRules;

/// Packs a project folder into the zip a run executes from. Snapshots are
/// stored by content: the id is the sha256 of a manifest (sorted paths, file
/// modes and each file's sha256), the zip is `<destDir>/<id>.zip`, and packing
/// identical content again keeps the one already stored.
///
/// Files honour IgnoreRules::forProject(); `.git/` is never packed; empty
/// folders are not kept (as in git). Symbolic links are stored as links when
/// they are relative and resolve inside the project; any other link is
/// skipped with a note in Result::notes, and links are never followed.
/// Names are stored exactly, backslashes included, except a top-level name
/// ending in a backslash, which zip readers take for a folder: it is left out
/// and reported. Result::leftOut says what was left out and why.
class SnapshotWriter
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotWriter)

public:
    struct Options {
        qint64 maxTotalBytes = 300LL * 1024 * 1024;
        int maxFiles = 2000;
        // zlib level for compressible files: 1 packs text several times
        // faster than zip's default 6 for a few percent more bytes.
        int compressionLevel = 1;
    };

    struct File {
        QString path; // relative, '/'-separated
        qint64 size = 0;
        bool executable = false;
        QString symlinkTarget; // set for a stored symbolic link
        QString sha256;        // hex, of the content (or of the link target)
        bool compressed = false;
    };

    struct Result {
        QString sha256; // the snapshot id
        QString zipPath;
        int fileCount = 0;
        qint64 totalBytes = 0;
        QList<File> files;       // sorted by path
        QStringList notes;       // what was left out and why (besides ignore rules)
        SnapshotLeftOut leftOut; // the same with the ignored files, counted for the user
        bool reused = false;     // an identical snapshot was already stored
    };

    /// Called as bytes are packed; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    SnapshotWriter();
    explicit SnapshotWriter(const Options &options);

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Packs `projectDir` into `destDir` (made if missing). Refuses before
    /// writing anything when the project is over a limit, naming the largest
    /// files. On failure nothing is left in `destDir`.
    bool write(const QString &projectDir, const QString &destDir, Result *result,
               QString *error) const;

    /// Human-readable size, e.g. "412.3 MB", "300 MB", "12 bytes".
    static QString formatSize(qint64 bytes);

    /// The snapshot id of these files (any order): what a reader recomputes
    /// to check a zip against its name.
    static QString manifestId(QList<File> files);

private:
    bool scan(const QString &root, const QString &rel, const IgnoreRules &rules, Result *result,
              QString *error) const;
    void addSymlink(const QString &root, const QString &rel, Result *result) const;
    bool checkLimits(const Result &result, QString *error) const;
    struct PackState;
    bool writeZip(int fd, const QString &projectDir, Result *result, QString *error) const;
    bool packFile(PackState *state, const QString &path, File *file, QString *error) const;
    bool copyData(PackState *state, QFile *in, qint64 read, File *file, QString *error) const;
    static bool packSymlink(archive *zip, File *file, QString *error);
    static bool store(QTemporaryFile *temp, Result *result, QString *error);

    Options m_options;
    Progress m_progress;
};

} // namespace mlwb
