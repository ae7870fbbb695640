#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Web services serving an image. The store keeps each deployment's record
/// and last known status; starting and probing the service is done elsewhere.
class Deployments
{
public:
    explicit Deployments(const Workspace &workspace);

    /// All deployments by name.
    QList<Deployment> list(QString *error = nullptr) const;
    std::optional<Deployment> find(const QString &name, QString *error = nullptr) const;
    /// Records a new deployment of deployment->imageId; sets its id,
    /// createdAt and updatedAt. An empty status becomes "Transitioning".
    /// Names are unique, case-insensitively.
    bool create(Deployment *deployment, QString *error);
    /// Records a status (Transitioning, Healthy, Unhealthy, Stopped, Failed)
    /// and the service's URL; bumps updated_at.
    bool setStatus(Id id, const QString &status, const QString &url, QString *error);
    /// Deletes a deployment record.
    bool remove(const QString &name, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
