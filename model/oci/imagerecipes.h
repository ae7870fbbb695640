#pragma once

#include "store/types.h"

#include <QJsonObject>
#include <QString>

namespace mlwb::oci {

class ImageStore;

/// Writes a Dockerfile and its build context into `dir` that build the same
/// image with `docker build` / `podman build`: the base's layers added as
/// they are (ADD unpacks them), the models, the app and the scoring server
/// as plain files under models/, app/ and server/ (so they can be read and
/// edited), then the same env, port, labels and entrypoint.
bool writeDockerContext(const ImageStore &store, const Image &image, const QString &dir,
                        QString *error);

/// An Azure IoT Edge deployment manifest (deployment.template.json) running
/// the image as a module: the edge runtime modules, the image's module
/// with its port bound on the device and its environment, and a route.
QJsonObject iotEdgeManifest(const Image &image, const QJsonObject &config);

/// Reads an image's config (the OCI config JSON) from the store.
bool readImageConfig(const ImageStore &store, const Image &image, QJsonObject *config,
                     QJsonObject *manifest, QString *error);

} // namespace mlwb::oci
