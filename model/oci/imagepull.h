#pragma once

#include "oci/registryauth.h"

#include "oci/baseimage.h"

#include <QString>
#include <functional>

namespace mlwb {

class Workspace;

/// What a pull stored.
struct PullResult {
    QString layout;         // the OCI layout folder the image is in
    QString manifestDigest; // of the single-platform manifest stored
    int blobsFetched = 0;
    int blobsReused = 0; // already in the previous pull of the same reference
    qint64 bytesFetched = 0;
};

/// Pulls REGISTRY/REPO:TAG (or @sha256:...) into the workspace's base
/// cache, WORKSPACE/bases/REGISTRY/REPO/TAG, an OCI layout that a build
/// reads like `oci:DIR`. Handles OCI and Docker schema 2 manifests, and an
/// index by picking linux and this machine's architecture. Every blob's
/// digest is checked while it downloads; the layout is replaced only when
/// the whole image arrived, so a failed pull leaves the previous one (or
/// nothing). Blocks; call it from a worker thread in the GUI. Typed
/// `credentials` are used instead of the login files when given.
bool pullImage(const Workspace &workspace, const QString &reference, bool tlsVerify,
               const oci::CancelCheck &canceled,
               const std::function<void(const QString &)> &progress, PullResult *result,
               QString *error, const oci::RegistryCredentials &credentials = {});

/// The folder `pullImage` stores `reference` in (it may not exist yet).
QString pulledBasePath(const Workspace &workspace, const QString &reference);

/// For a build: `oci:DIR` of the cached copy of a registry base, pulled
/// first when there is none yet. A base pulled once is used offline;
/// `mlwb image pull` refreshes it.
bool resolveRegistryBase(const Workspace &workspace, const QString &reference, bool tlsVerify,
                         const oci::CancelCheck &canceled,
                         const std::function<void(const QString &)> &progress, QString *local,
                         QString *error);

} // namespace mlwb
