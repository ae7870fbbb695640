#include "registry/modelstorecheck.h"

#include "registry/contentstore.h"
#include "registry/manifest.h"
#include "store/rows.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSet>

namespace mlwb::modelstorecheck {

namespace {

struct VersionRow {
    QString ref;
    QString sha256;
};

} // namespace

bool check(const Workspace &workspace, QStringList *problems, QString *error)
{
    const QString root = workspace.folder(Workspace::Folder::Models);
    const ContentStore store(root);
    QString queryError;
    const QList<VersionRow> rows = sql::selectAll(
        workspace.database(),
        QStringLiteral("SELECT m.name || ':' || v.version, v.sha256 FROM model_versions v "
                       "JOIN models m ON m.id = v.model_id ORDER BY m.name, v.version"),
        {},
        [](const QSqlQuery &q) {
            return VersionRow{q.value(0).toString(), q.value(1).toString()};
        },
        &queryError);
    if (!queryError.isEmpty()) {
        if (error)
            *error = queryError;
        return false;
    }
    QSet<QString> referenced;
    for (const VersionRow &row : rows) {
        referenced.insert(row.sha256);
        QByteArray json;
        QString why;
        std::optional<Manifest> manifest;
        if (store.readBytes(row.sha256, &json, &why))
            manifest = Manifest::fromJson(json, &why);
        if (!manifest) {
            *problems << QObject::tr("model %1: its manifest %2 cannot be read (%3)")
                             .arg(row.ref, row.sha256, why);
            continue;
        }
        for (const ManifestEntry &e : manifest->entries) {
            referenced.insert(e.sha256);
            if (!store.contains(e.sha256))
                *problems << QObject::tr("model %1: file %2 (%3) is missing from %4")
                                 .arg(row.ref, e.path, e.sha256, QDir::toNativeSeparators(root));
        }
    }
    const QStringList stored = store.digests();
    for (const QString &digest : stored)
        if (!referenced.contains(digest))
            *problems << QObject::tr("%1 is stored but no model version refers to it (an orphan)")
                             .arg(QDir::toNativeSeparators(store.blobPath(digest)));
    // Partial copies: only old ones, a registration may be writing the new.
    const QFileInfoList partial =
        QDir(root + QStringLiteral("/tmp")).entryInfoList(QDir::Files | QDir::Hidden);
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &file : partial)
        if (file.lastModified() < hourAgo)
            *problems << QObject::tr("%1 is a partial copy left by a registration that did "
                                     "not finish")
                             .arg(QDir::toNativeSeparators(file.absoluteFilePath()));
    return true;
}

} // namespace mlwb::modelstorecheck
