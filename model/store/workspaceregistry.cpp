#include "store/workspaceregistry.h"

#include "store/defaultworkspace.h"
#include "store/sqlerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace mlwb {

namespace {

QString normalized(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

bool read(QStringList *out, QString *error)
{
    QFile file(WorkspaceRegistry::filePath());
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly))
        return sql::fail(error,
                         QObject::tr("Could not read %1: %2")
                             .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return sql::fail(
            error, QObject::tr("%1 is damaged (%2); it will be rewritten.")
                       .arg(QDir::toNativeSeparators(file.fileName()), parseError.errorString()));
    const QJsonArray array = doc.object().value(QLatin1String("workspaces")).toArray();
    for (const QJsonValue &v : array) {
        const QString path = v.toString();
        if (!path.isEmpty() && !out->contains(path))
            out->append(path);
    }
    return true;
}

bool write(const QStringList &paths, QString *error)
{
    QSaveFile file(WorkspaceRegistry::filePath());
    QJsonObject root;
    root.insert(QLatin1String("workspaces"), QJsonArray::fromStringList(paths));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0
        || !file.commit())
        return sql::fail(error,
                         QObject::tr("Could not write %1: %2")
                             .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    return true;
}

template <typename Edit> bool update(Edit edit, QString *error)
{
    const QString path = WorkspaceRegistry::filePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000))
        return sql::fail(error, QObject::tr("The workspace list is locked by another program."));
    QStringList paths;
    QString ignored; // a damaged list is replaced rather than blocking every command
    read(&paths, &ignored);
    edit(paths);
    return write(paths, error);
}

} // namespace

QString WorkspaceRegistry::filePath()
{
    const QString overridden = qEnvironmentVariable("MLWB_REGISTRY");
    if (!overridden.isEmpty())
        return overridden;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("mlwb/workspaces.json"));
}

QStringList WorkspaceRegistry::list(QString *error)
{
    QStringList paths;
    read(&paths, error);
    return paths;
}

bool WorkspaceRegistry::touch(const QString &path, QString *error)
{
    const QString clean = normalized(path);
    return update(
        [&](QStringList &paths) {
            paths.removeAll(clean);
            paths.prepend(clean);
        },
        error);
}

bool WorkspaceRegistry::remove(const QString &path, QString *error)
{
    const QString clean = normalized(path);
    return update([&](QStringList &paths) { paths.removeAll(clean); }, error);
}

} // namespace mlwb
