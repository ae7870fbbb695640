#pragma once

#include "registry/manifest.h"
#include "store/types.h"

#include <QMap>
#include <QStringList>
#include <functional>
#include <optional>

namespace mlwb {

class Workspace;

/// What to register: a file or folder on disk, or one under a run's outputs/.
struct RegisterRequest {
    QString name;
    QString path; // on disk; with `run`: "outputs/REL"
    QString run;  // a run id (or unique prefix); empty: upload from disk
    QString description;
    QString framework; // empty: guessed from the files
    QMap<QString, QString> tags;
    QMap<QString, QString> properties;
    QStringList aliases;
    QString environment; // NAME[:VERSION|@ALIAS]; empty: the run's, if any
};

/// Where a version came from: a run (with its snapshot), or a path on disk.
struct Lineage {
    QString runUid; // empty: uploaded
    QString experiment;
    QString snapshotSha256;
    QString outputPath;   // "outputs/REL" for a run
    QString uploadedFrom; // the absolute path, for an upload
    QString environment;  // "NAME:VERSION", empty when none is recorded
};

/// The model registry's work over the store: files into the content store
/// (workspace models/), a manifest per version, the version row with its
/// lineage, and blobs removed once no version refers to them. Models (the
/// table class) keeps the index; this class keeps the files in step with it.
class ModelRegistry
{
public:
    explicit ModelRegistry(const Workspace &workspace);

    /// Copies the files in, then registers the next version; sets *out. On
    /// failure the blobs it stored that no version refers to are removed.
    bool registerModel(const RegisterRequest &request, ModelVersion *out, QString *error);
    /// The files of a version.
    std::optional<Manifest> files(const ModelVersion &version, QString *error) const;
    Lineage lineage(const ModelVersion &version, QString *error) const;
    /// Writes a version's files under `dir` (made if missing), checking each digest.
    bool download(const ModelVersion &version, const QString &dir, QString *error) const;
    /// Deletes a version (0: the whole model), then the blobs nothing refers to.
    bool remove(const QString &name, int version, QString *error);
    /// Removes blobs no version refers to; under the write lock, so a
    /// registration that reuses a blob cannot lose it. Sets *removed.
    bool collectGarbage(int *removed, QString *error);

private:
    bool registerFiles(const RegisterRequest &request, ModelVersion *out, bool *copied,
                       QString *error);
    bool resolveSource(const RegisterRequest &request, QString *root, QStringList *paths, Id *runId,
                       QString *source, QString *error) const;
    bool storeFiles(const QString &root, const QStringList &paths, Manifest *manifest,
                    QString *manifestDigest, QString *error) const;
    bool blobsPresent(const Manifest &manifest, const QString &manifestDigest,
                      QString *error) const;
    bool resolveEnvironment(const RegisterRequest &request, Id runId, Id *versionId,
                            QString *error) const;

    const Workspace &m_workspace;
};

} // namespace mlwb
