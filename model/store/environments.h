#pragma once

#include "store/types.h"
#include "store/versionedassets.h"

#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Named software environments (interpreter, packages, base image), each with
/// numbered versions (1, 2, ...). A version never changes once created; a
/// changed environment is a new version, numbered under the write lock so two
/// programs creating versions at once never get the same number.
class Environments
{
public:
    explicit Environments(const Workspace &workspace);

    /// All environments by name, each with its latest version number.
    QList<Environment> list(QString *error = nullptr) const;
    std::optional<Environment> find(const QString &name, QString *error = nullptr) const;
    /// The versions of one environment, newest first.
    QList<EnvironmentVersion> versions(Id environmentId, QString *error = nullptr) const;
    /// One version of an environment; version 0 means the latest.
    std::optional<EnvironmentVersion> findVersion(const QString &name, int version,
                                                  QString *error = nullptr) const;
    /// The version NAME, NAME:VERSION or NAME@ALIAS means.
    std::optional<EnvironmentVersion> find(const AssetRef &ref, QString *error = nullptr) const;
    /// Creates the next version of `name` (and the name on first use) from
    /// its counter; sets v->id, v->environmentId, v->version, v->createdBy
    /// (when empty) and v->createdAt. An empty v->python becomes "python3".
    bool createVersion(const QString &name, EnvironmentVersion *v, QString *error);
    /// createVersion(), except that a version of `name` whose spec_sha256
    /// equals v->specSha256 (when set) is returned in *v instead of making a
    /// new one; *existed says which happened.
    bool createVersion(const QString &name, EnvironmentVersion *v, bool *existed, QString *error);
    /// One version by its row id.
    std::optional<EnvironmentVersion> versionById(Id versionId, QString *error = nullptr) const;
    /// The environment a run was submitted with (or captured at its start).
    bool setForRun(Id runId, Id versionId, QString *error);
    std::optional<EnvironmentVersion> forRun(Id runId, QString *error = nullptr) const;
    /// Deletes one version (0: all of them); refuses versions an image or a
    /// model version uses.
    bool remove(const QString &name, int version, QString *error);
    /// Aliases, tags and the alias history: the rules every asset shares.
    VersionedAssets &assets() { return m_assets; }
    const VersionedAssets &assets() const { return m_assets; }

private:
    bool insertVersion(const QString &name, EnvironmentVersion *v, QString *error);

    QSqlDatabase m_db;
    VersionedAssets m_assets;
};

} // namespace mlwb
