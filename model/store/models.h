#pragma once

#include "store/types.h"
#include "store/versionedassets.h"

#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace mlwb {

class Workspace;

/// The model registry: named models, each with numbered versions (1, 2, ...)
/// whose files live content-addressed under the workspace's models folder.
/// Version numbers are assigned by the store, under the write lock, so two
/// programs registering the same model at once never get the same number.
class Models
{
public:
    explicit Models(const Workspace &workspace);

    /// All models by name, each with its latest version number.
    QList<Model> list(QString *error = nullptr) const;
    std::optional<Model> find(const QString &name, QString *error = nullptr) const;
    /// The versions of one model, newest first.
    QList<ModelVersion> versions(Id modelId, QString *error = nullptr) const;
    /// One version of a model; version 0 means the latest.
    std::optional<ModelVersion> findVersion(const QString &name, int version,
                                            QString *error = nullptr) const;
    /// The version NAME, NAME:VERSION or NAME@ALIAS means.
    std::optional<ModelVersion> find(const AssetRef &ref, QString *error = nullptr) const;
    /// Registers v->modelName's next version (creating the model name on first
    /// use) from the model's counter, so a number is never reused while the
    /// name exists; sets v->id, v->modelId, v->version, v->createdBy (when
    /// empty) and v->createdAt.
    /// `beforeCommit` runs under the write lock just before the commit (the
    /// registry checks there that the version's files are still stored).
    bool registerVersion(ModelVersion *v, QString *error,
                         const std::function<bool(QString *)> &beforeCommit = {});
    /// Deletes one version (version > 0) or the whole model (version 0).
    /// Refuses versions an image is built from. Removing the last version
    /// removes the model name too. The files under models/ are not touched.
    bool remove(const QString &name, int version, QString *error);
    /// Changes a version's description (the version page edits it).
    bool setDescription(const QString &name, int version, const QString &description,
                        QString *error);
    /// Replaces a version's free-form properties (the version page edits them).
    bool setProperties(const QString &name, int version, const QMap<QString, QString> &properties,
                       QString *error);
    /// The number the next registration of `name` will get (1 for a new name).
    int nextVersion(const QString &name, QString *error = nullptr) const;
    /// Aliases, tags and the alias history: the rules every asset shares.
    VersionedAssets &assets() { return m_assets; }
    const VersionedAssets &assets() const { return m_assets; }

private:
    bool setVersionColumn(const QString &name, int version, const char *column,
                          const QVariant &value, QString *error);
    QSqlDatabase m_db;
    VersionedAssets m_assets;
};

} // namespace mlwb
