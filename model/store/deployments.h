#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Web services serving an image, or model versions with a scoring script.
/// The store keeps each deployment's record and last known status; starting
/// and probing the service is done by serving/.
class Deployments
{
public:
    explicit Deployments(const Workspace &workspace);

    /// All deployments by name.
    QList<Deployment> list(QString *error = nullptr) const;
    std::optional<Deployment> find(const QString &name, QString *error = nullptr) const;
    std::optional<Deployment> find(Id id, QString *error = nullptr) const;
    /// Records a new deployment of deployment->imageId, or of its model
    /// versions and scoring script; sets its id, createdAt and updatedAt.
    /// An empty status becomes "Transitioning". Names are unique,
    /// case-insensitively.
    bool create(Deployment *deployment, QString *error);
    /// Records a status (Transitioning, Healthy, Unhealthy, Stopped, Failed)
    /// and the service's URL; bumps updated_at.
    bool setStatus(Id id, const QString &status, const QString &url, QString *error);
    /// The same with the reason shown beside it (empty: none).
    bool setStatus(Id id, const QString &status, const QString &url, const QString &message,
                   QString *error);
    /// What the supervisor aims for: "running" or "stopped".
    bool setDesired(Id id, const QString &desired, QString *error);
    /// One more restart after a crash; `reset` starts the count again.
    bool countRestart(Id id, bool reset, QString *error);
    /// Deletes a deployment record.
    bool remove(const QString &name, QString *error);

private:
    std::optional<Deployment> findWhere(const QString &where, const QVariant &value,
                                        const QString &notFound, QString *error) const;
    bool update(Id id, const QString &assignments, const QVariantList &values, QString *error);

    QSqlDatabase m_db;
};

} // namespace mlwb
