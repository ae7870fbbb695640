#include "registry/modelregistry.h"

#include "registry/contentstore.h"
#include "registry/frameworkguess.h"
#include "registry/openfiles.h"
#include "runs/environmentcapture.h"
#include "runs/runfolder.h"
#include "store/environments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QObject>
#include <QSet>
#include <QSqlQuery>

namespace mlwb {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A file, or every file under a folder, as paths relative to its parent
// folder, so a version keeps the name it was registered under.
bool listFiles(const QString &path, QString *root, QStringList *paths, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(error, QObject::tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
    *root = info.absolutePath();
    paths->clear();
    if (info.isFile()) {
        *paths << info.fileName();
        return true;
    }
    const QDir parent(*root);
    QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        *paths << parent.relativeFilePath(it.next());
    paths->sort();
    if (paths->isEmpty())
        return fail(error, QObject::tr("%1 holds no files.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace

ModelRegistry::ModelRegistry(const Workspace &workspace)
    : m_workspace(workspace)
{}

bool ModelRegistry::resolveSource(const RegisterRequest &request, QString *root, QStringList *paths,
                                  Id *runId, QString *source, QString *error) const
{
    if (request.run.isEmpty()) {
        *runId = 0;
        *source = QFileInfo(request.path).absoluteFilePath();
        return listFiles(*source, root, paths, error);
    }
    const auto run = Runs(m_workspace).find(request.run, error);
    if (!run)
        return false;
    const QString rel = QDir::cleanPath(request.path);
    if (rel != QLatin1String("outputs") && !rel.startsWith(QLatin1String("outputs/")))
        return fail(error, QObject::tr("'%1' is not under the run's outputs/: use --path "
                                       "outputs/FILE_OR_FOLDER.")
                               .arg(request.path));
    const RunFolder folder(m_workspace.folder(Workspace::Folder::Runs), run->uid);
    const bool final = isFinal(run->status);
    // A running script writes in code/outputs; they are collected when it ends.
    QString path = QDir(folder.root()).filePath(rel);
    if (!final && !QFileInfo::exists(path))
        path = QDir(folder.code()).filePath(rel);
    *runId = run->id;
    *source = rel;
    if (!listFiles(path, root, paths, error))
        return false;
    if (final)
        return true;
    QStringList absolute;
    for (const QString &p : std::as_const(*paths))
        absolute << QDir(*root).filePath(p);
    const QStringList open = openfiles::openAnywhere(absolute);
    if (open.isEmpty())
        return true;
    return fail(
        error, QObject::tr("Run %1 is still %2 and %3 is still open; register it when the "
                           "run has finished or the file is closed.")
                   .arg(run->uid, statusName(run->status), QDir::toNativeSeparators(open.first())));
}

bool ModelRegistry::storeFiles(const QString &root, const QStringList &paths, Manifest *manifest,
                               QString *manifestDigest, QString *error) const
{
    const ContentStore store(m_workspace.folder(Workspace::Folder::Models));
    manifest->entries.clear();
    qint64 total = 0, done = 0;
    for (const QString &path : paths)
        total += QFileInfo(QDir(root).filePath(path)).size();
    ContentStore::Progress progress;
    if (m_progress)
        progress = [&](qint64 bytes) { return m_progress(done += bytes, total); };
    for (const QString &path : paths) {
        ManifestEntry entry;
        entry.path = path;
        if (!store.put(QDir(root).filePath(path), &entry, error, progress))
            return false;
        manifest->entries << entry;
    }
    manifest->sort();
    return store.putBytes(manifest->toJson(), manifestDigest, error);
}

bool ModelRegistry::blobsPresent(const Manifest &manifest, const QString &manifestDigest,
                                 QString *error) const
{
    const ContentStore store(m_workspace.folder(Workspace::Folder::Models));
    bool present = store.contains(manifestDigest);
    for (const ManifestEntry &e : manifest.entries)
        present = present && store.contains(e.sha256);
    return present
           || fail(error, QObject::tr("Stored model files were removed while registering."));
}

bool ModelRegistry::resolveEnvironment(const RegisterRequest &request, Id runId, Id *versionId,
                                       QString *error) const
{
    *versionId = 0;
    const Environments environments(m_workspace);
    if (!request.environment.isEmpty()) {
        AssetRef ref;
        if (!AssetRef::parse(request.environment, &ref, error))
            return false;
        const auto v = environments.find(ref, error);
        if (!v)
            return false;
        *versionId = v->id;
        return true;
    }
    if (runId == 0)
        return true;
    // Registered by the running script while its environment is being read.
    if (const auto run = Runs(m_workspace).find(runId))
        environmentcapture::waitForLocal(
            RunFolder(m_workspace.folder(Workspace::Folder::Runs), run->uid)
                .environmentPendingFile());
    QString queryError; // a run that recorded no environment is fine
    if (const auto v = environments.forRun(runId, &queryError))
        *versionId = v->id;
    return queryError.isEmpty() || fail(error, queryError);
}

bool ModelRegistry::registerModel(const RegisterRequest &request, ModelVersion *out, QString *error)
{
    bool copied = false;
    if (registerFiles(request, out, &copied, error))
        return true;
    // Blobs copied for a version that never came: collected under the write
    // lock, so blobs another registration is about to commit are kept (its
    // own check would notice otherwise and copy them again).
    int removed = 0;
    QString ignored;
    if (copied)
        collectGarbage(&removed, &ignored);
    return false;
}

bool ModelRegistry::registerFiles(const RegisterRequest &request, ModelVersion *out, bool *copied,
                                  QString *error)
{
    Models models(m_workspace);
    if (!models.assets().checkName(request.name, error))
        return false;
    for (const QString &alias : request.aliases)
        if (!VersionedAssets::checkAlias(alias, error))
            return false;
    if (!request.framework.isEmpty() && !framework::known().contains(request.framework))
        return fail(error,
                    QObject::tr("'%1' is not a framework the registry knows: use %2.")
                        .arg(request.framework, framework::known().join(QLatin1String(", "))));
    QString root, source;
    QStringList paths;
    Id runId = 0;
    if (!resolveSource(request, &root, &paths, &runId, &source, error))
        return false;
    ModelVersion v;
    if (!resolveEnvironment(request, runId, &v.environmentVersionId, error))
        return false;
    v.modelName = request.name;
    v.runId = runId;
    v.source = source;
    v.description = request.description;
    v.tags = request.tags;
    v.properties = request.properties;
    v.framework = request.framework.isEmpty() ? framework::guess(root, paths) : request.framework;
    // A collection between copying and registering may take a reused blob:
    // the check under the write lock notices, and one more copy puts it back.
    bool registered = false;
    for (int attempt = 0; attempt < 2 && !registered; ++attempt) {
        Manifest manifest;
        *copied = true;
        if (!storeFiles(root, paths, &manifest, &v.sha256, error))
            return false;
        v.size = manifest.totalSize();
        registered = models.registerVersion(
            &v, error, [&](QString *e) { return blobsPresent(manifest, v.sha256, e); });
    }
    if (!registered)
        return false;
    for (const QString &alias : request.aliases)
        if (!models.assets().setAlias(v.modelName, v.version, alias, error))
            return false;
    *out = *models.findVersion(v.modelName, v.version, error);
    return true;
}

std::optional<Manifest> ModelRegistry::files(const ModelVersion &version, QString *error) const
{
    const ContentStore store(m_workspace.folder(Workspace::Folder::Models));
    QByteArray json;
    if (!store.readBytes(version.sha256, &json, error))
        return std::nullopt;
    return Manifest::fromJson(json, error);
}

Lineage ModelRegistry::lineage(const ModelVersion &version, QString *error) const
{
    Lineage out;
    if (version.environmentVersionId != 0) {
        if (const auto e =
                Environments(m_workspace).versionById(version.environmentVersionId, error))
            out.environment = e->environmentName + QLatin1Char(':') + QString::number(e->version);
    }
    if (version.runId == 0) {
        out.uploadedFrom = version.source;
        return out;
    }
    const auto run = Runs(m_workspace).find(version.runId, error);
    if (!run)
        return out;
    out.runUid = run->uid;
    out.experiment = run->experimentName;
    out.outputPath = version.source;
    QSqlQuery q(m_workspace.database());
    if (sql::prepare(q, QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"), error)) {
        q.addBindValue(run->snapshotId);
        if (sql::exec(q, error) && q.next())
            out.snapshotSha256 = q.value(0).toString();
    }
    return out;
}

bool ModelRegistry::download(const ModelVersion &version, const QString &dir, QString *error) const
{
    const auto manifest = files(version, error);
    if (!manifest)
        return false;
    const ContentStore store(m_workspace.folder(Workspace::Folder::Models));
    for (const ManifestEntry &e : manifest->entries) {
        const QString target = QDir(dir).filePath(e.path);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return fail(error, QObject::tr("Cannot create the folder for %1.")
                                   .arg(QDir::toNativeSeparators(target)));
        if (!store.copyOut(e.sha256, target, error))
            return false;
    }
    return true;
}

bool ModelRegistry::remove(const QString &name, int version, QString *error)
{
    int removed = 0;
    return Models(m_workspace).remove(name, version, error) && collectGarbage(&removed, error);
}

bool ModelRegistry::collectGarbage(int *removed, QString *error)
{
    *removed = 0;
    const QSqlDatabase db = m_workspace.database();
    WriteTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery q(db);
    if (!sql::prepare(q, QStringLiteral("SELECT DISTINCT sha256 FROM model_versions"), error)
        || !sql::exec(q, error))
        return false;
    const ContentStore store(m_workspace.folder(Workspace::Folder::Models));
    QSet<QString> referenced;
    while (q.next()) {
        ModelVersion v;
        v.sha256 = q.value(0).toString();
        referenced.insert(v.sha256);
        // A manifest that cannot be read would make its files look unused.
        const auto manifest = files(v, error);
        if (!manifest)
            return false;
        for (const ManifestEntry &e : manifest->entries)
            referenced.insert(e.sha256);
    }
    const QStringList stored = store.digests();
    for (const QString &digest : stored) {
        if (referenced.contains(digest))
            continue;
        if (!store.remove(digest, error))
            return false;
        ++*removed;
    }
    // Partial copies of a registration that was killed; a live one's are
    // newer than an hour (it writes them as it goes).
    const QString partial = m_workspace.folder(Workspace::Folder::Models) + QStringLiteral("/tmp");
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QFileInfoList leftovers = QDir(partial).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : leftovers)
        if (file.lastModified() < hourAgo && QFile::remove(file.absoluteFilePath()))
            ++*removed;
    return transaction.commit(error);
}

} // namespace mlwb
