#include "store/defaultworkspace.h"

#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QStandardPaths>

namespace mlwb::defaults {

namespace {

bool sameContent(const QString &a, const QString &b)
{
    QFile fa(a), fb(b);
    if (fa.size() != fb.size() || !fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly))
        return false;
    return fa.readAll() == fb.readAll();
}

// Copies every file under a resource folder to `target`, keeping the tree.
// Existing files are only replaced when `overwrite` (the user may have edited them).
bool copyResourceTree(const QString &resourceDir, const QString &target, bool overwrite,
                      QString *error)
{
    QDirIterator it(resourceDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(resourceDir.size() + 1);
        const QString destination = QDir(target).filePath(relative);
        if (QFileInfo::exists(destination)) {
            if (!overwrite || sameContent(source, destination))
                continue;
        }
        // Write beside, then rename: a script starting meanwhile sees the old
        // file or the new one, never half of one.
        const QString partial = destination + QStringLiteral(".part");
        QFile::remove(partial);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath())
            || !QFile::copy(source, partial)) {
            return sql::fail(
                error,
                QObject::tr("Could not write %1.").arg(QDir::toNativeSeparators(destination)));
        }
        QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                           | QFile::ReadOther);
        QFile::remove(destination);
        if (!QFile::rename(partial, destination)) {
            return sql::fail(
                error,
                QObject::tr("Could not write %1.").arg(QDir::toNativeSeparators(destination)));
        }
    }
    return true;
}

} // namespace

QString defaultWorkspacePath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("mlwb/workspace"));
}

QString resolveWorkspacePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnvironment = qEnvironmentVariable("MLWB_WORKSPACE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return defaultWorkspacePath();
}

std::unique_ptr<Workspace> openOrCreate(const QString &path, QString *error)
{
    const bool isDefault = QDir(path).absolutePath() == QDir(defaultWorkspacePath()).absolutePath();
    if (isDefault && !Workspace::exists(path) && !QFileInfo::exists(path)) {
        auto ws = Workspace::create(path, error);
        if (ws && !installSampleProject(*ws, error))
            return nullptr;
        return ws;
    }
    return Workspace::open(path, error);
}

bool installSampleProject(const Workspace &workspace, QString *error)
{
    const QString target =
        QDir(workspace.folder(Workspace::Folder::Projects)).filePath(QStringLiteral("sample"));
    return copyResourceTree(QStringLiteral(":/sample"), target, false, error);
}

QString pythonHelperFolder(const Workspace &workspace, QString *error)
{
    // Versioned, so a newer app never runs scripts against an older helper.
    const QString folder =
        QDir(workspace.folder(Workspace::Folder::Python)).filePath(QStringLiteral(MLWB_VERSION));
    if (!copyResourceTree(QStringLiteral(":/python"), folder, true, error))
        return {};
    return folder;
}

} // namespace mlwb::defaults
