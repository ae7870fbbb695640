#pragma once

#include "oci/baseimage.h"
#include "oci/registryauth.h"

#include <QString>
#include <functional>

namespace mlwb {

class Workspace;

/// Where an image from the workspace's store goes.
struct PushRequest {
    QString image;       // NAME:VERSION in the workspace's image store
    QString destination; // REGISTRY/REPO:TAG, e.g. 127.0.0.1:5000/team/iris:1
    bool tlsVerify = true;
    oci::RegistryCredentials credentials; // typed in; empty: the login files
};

/// What a push did, for the task panel and the CLI.
struct PushResult {
    int blobsSent = 0;
    int blobsSkipped = 0; // already in the registry (HEAD) or mounted
    qint64 bytesSent = 0;
    QString manifestDigest;
};

/// Pushes an image to any OCI registry (distribution API v2). Blocks; call
/// it from a worker thread in the GUI. Progress is one line per blob.
bool pushImage(const Workspace &workspace, const PushRequest &request,
               const oci::CancelCheck &canceled,
               const std::function<void(const QString &)> &progress, PushResult *result,
               QString *error);

} // namespace mlwb
