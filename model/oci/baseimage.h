#pragma once

#include "oci/descriptor.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>

namespace mlwb::oci {

/// Returns true when the user asked to stop.
using CancelCheck = std::function<bool()>;

/// A base image read from disk: its config and layers, the layers' blobs
/// staged (verified) in a build's staging folder, and what was learned
/// about it without running anything.
struct BaseImage {
    QString reference; // as given: oci-archive:PATH, docker-archive:PATH or oci:DIR
    QJsonObject config;
    QList<Descriptor> layers; // OCI media types; blobs staged by digest
    QString os;
    QString architecture;
    qint64 size = 0;       // the layers' bytes as stored
    QString pythonVersion; // "3.11", from usr/lib/python3.X in the layers; empty: none seen
    /// Python packages installed in the base (normalized name -> version),
    /// from their dist-info / egg-info folders in dist-packages or site-packages.
    QMap<QString, QString> pythonPackages;
    /// Debian's python3 (usr/lib/python3/dist-packages in the layers): it
    /// reads usr/local/lib/python3.X/dist-packages, not site-packages.
    bool debianPython = false;
};

/// Reads base images from an OCI archive (`podman save --format
/// oci-archive`), a docker-archive (`docker save`, `podman save`) or an OCI
/// layout folder. Everything is streamed with libarchive, never a whole blob
/// in memory, and every blob's sha256 is checked against its name or
/// descriptor; a mismatch or a truncated blob is an error naming the blob.
class BaseImageReader
{
public:
    /// Reads `reference` and stages its blobs under `stagingDir`/blobs/sha256.
    static bool read(const QString &reference, const QString &stagingDir, BaseImage *out,
                     const CancelCheck &canceled, QString *error);
    /// Splits "KIND:PATH"; false with the accepted forms for anything else.
    static bool parseReference(const QString &reference, QString *kind, QString *path,
                               QString *error);
};

/// What Python the staged layers hold, read from their file names without
/// running anything: the highest "3.X" of usr/lib/python3.X (or usr/local/lib)
/// folders, empty when there is none, and the installed packages (a later
/// layer's whiteout removes one).
bool scanPython(const QString &stagingDir, const QList<Descriptor> &layers, QString *version,
                QMap<QString, QString> *packages, QString *error, bool *debianPython = nullptr);

/// A package name as pip compares them (PEP 503): lower case, runs of "-_." as "-".
QString normalizedPackageName(const QString &name);

} // namespace mlwb::oci
