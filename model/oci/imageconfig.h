#pragma once

#include "oci/descriptor.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mlwb::oci {

/// Where things go inside an image, as Azure ML images lay them out.
namespace paths {
inline const QString app = QStringLiteral("/var/azureml-app");
inline const QString models = QStringLiteral("/var/azureml-app/azureml-models");
inline const QString server = QStringLiteral("/var/azureml-app/mlwb_score_server.py");
} // namespace paths

/// A layer added on top of the base, for the config's history and diff_ids.
struct AddedLayer {
    QString role; // models, app, server
    Descriptor descriptor;
    QString diffId;
    QString comment;
};

/// What the config says about how the image runs.
struct RunSettings {
    QString scoringScript; // absolute path inside the image
    QString modelDir;      // AZUREML_MODEL_DIR
    int port = 5001;
    QMap<QString, QString> labels;
    QMap<QString, QString> env; // more variables for the server (sample files)
};

/// The image config: the base's, with our layers appended to rootfs and
/// history, the scoring server as entrypoint (the base's Cmd dropped, it
/// would become the server's arguments), its env, port and labels. Times are
/// fixed so the same inputs give the same digest.
QJsonObject imageConfig(const QJsonObject &baseConfig, const QList<AddedLayer> &layers,
                        const RunSettings &run);

/// The OCI manifest over a config and the base's plus our layers.
QJsonObject imageManifest(const Descriptor &config, const QList<Descriptor> &layers);

} // namespace mlwb::oci
