#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Where data lives: named folders, the default one inside the workspace.
class Datastores
{
public:
    explicit Datastores(const Workspace &workspace);

    QList<Datastore> list(QString *error = nullptr) const;
    std::optional<Datastore> find(const QString &name, QString *error = nullptr) const;
    /// Registers a folder (absolute, or relative to the workspace); sets store->id.
    bool add(Datastore *store, QString *error);
    /// Unregisters a datastore; the default one stays. Files are not touched.
    bool remove(const QString &name, QString *error);
    /// The folder a datastore points at, resolved against the workspace.
    QString absolutePath(const Datastore &store) const;

private:
    QSqlDatabase m_db;
    QString m_workspacePath;
};

} // namespace mlwb
