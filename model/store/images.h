#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace mlwb {

class Workspace;

/// Container images built from model versions and an environment version,
/// named like Docker images (`name:tag`). The store keeps the record and
/// the build status; the build itself is done elsewhere.
class Images
{
public:
    explicit Images(const Workspace &workspace);

    /// All images by name and tag, with their model version ids.
    QList<Image> list(QString *error = nullptr) const;
    std::optional<Image> find(const QString &name, const QString &tag,
                              QString *error = nullptr) const;
    std::optional<Image> find(Id id, QString *error = nullptr) const;
    /// Records a new image and the model versions it holds, in one
    /// transaction; sets image->id and image->createdAt. An empty status
    /// becomes "Building". Fails if `name:tag` is taken.
    bool create(Image *image, QString *error);
    /// Registers a built image as the next version of image->name (numbers
    /// are never reused; image->tag becomes the number). `place` runs inside
    /// the write transaction with that number, to put the image's files in
    /// place; when it fails nothing is registered.
    bool registerVersion(Image *image,
                         const std::function<bool(int version, QString *error)> &place,
                         QString *error);
    /// Docker's rules for an image name.
    static bool validName(const QString &name, QString *error);
    /// Records a build's outcome: "Building", "Succeeded" or "Failed".
    bool setStatus(Id id, const QString &status, const QString &digest, qint64 size,
                   QString *error);
    /// Deletes an image record. Refuses images a deployment serves.
    /// `beforeCommit` runs under the write lock once the row is gone (the
    /// image store drops the image's files there); when it fails, nothing is deleted.
    bool remove(const QString &name, const QString &tag, QString *error,
                const std::function<bool(const Image &, QString *)> &beforeCommit = {});

private:
    bool insert(Image *image, QString *error);
    std::optional<Image> findWhere(const QString &where, const QVariantList &values,
                                   QString *error) const;
    QSqlDatabase m_db;
};

} // namespace mlwb
