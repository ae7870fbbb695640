#pragma once

#include "store/types.h"

#include <QSqlDatabase>
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
    /// Registers v->modelName's next version (creating the model name on first
    /// use); sets v->id, v->modelId, v->version and v->createdAt.
    bool registerVersion(ModelVersion *v, QString *error);
    /// Deletes one version (version > 0) or the whole model (version 0).
    /// Refuses versions an image is built from. Removing the last version
    /// removes the model name too. The files under models/ are not touched.
    bool remove(const QString &name, int version, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
