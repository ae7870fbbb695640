#pragma once

#include "oci/baseimage.h"
#include "oci/imageresources.h"
#include "store/types.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace mlwb {

class Workspace;

/// What an image is built from.
struct ImageBuildRequest {
    QString name;
    QStringList models;    // NAME[:VERSION|@ALIAS], one or more
    QString scoringScript; // a .py file with init() and run(raw_data)
    QString sourceDir;     // optional: copied under /var/azureml-app
    QString environment;   // optional: NAME[:VERSION|@ALIAS]
    QString wheelFolder;   // optional: wheels installed as a layer, as pip install --target
    bool installMissingAtStart = false; // the environment's packages the image lacks: pip
                                        // installs them when the server first starts
    QString base;                       // oci-archive:PATH, docker-archive:PATH or oci:DIR
    QString sampleInput;                // optional JSON files: the OpenAPI document's schema
    QString sampleOutput;               // and examples are inferred from them
    int port = 5001;
    oci::ImageResources resources;               // --cpu, --memory: labels a deployment reads
    QMap<QString, QString> environmentVariables; // --env: in the config's Env
    QMap<QString, QString> labels;
};

/// Builds an OCI image without any container daemon: reads and verifies
/// the base, adds reproducible layers (the models under
/// /var/azureml-app/azureml-models/NAME/VERSION, the scoring script and
/// sources under /var/azureml-app, the scoring server), writes config and
/// manifest, and registers the image as the next NAME:VERSION in the
/// workspace's image store. Everything is staged first: a build that fails
/// or is canceled leaves no image row and no blob behind.
class ImageBuilder
{
public:
    explicit ImageBuilder(const Workspace &workspace);

    void setCancelCheck(oci::CancelCheck canceled) { m_canceled = std::move(canceled); }
    /// Called with a line of progress per step and layer.
    void setProgress(std::function<void(const QString &)> progress)
    {
        m_progress = std::move(progress);
    }

    bool build(const ImageBuildRequest &request, Image *out, QString *error);

    /// Reads a base image into a scratch folder and says what it is.
    static bool inspectBase(const Workspace &workspace, const QString &reference,
                            oci::BaseImage *out, QString *error);

private:
    void progress(const QString &line) const;

    const Workspace &m_workspace;
    oci::CancelCheck m_canceled;
    std::function<void(const QString &)> m_progress;
};

/// Checks that a scoring script defines init() and run(); false with what is missing.
bool checkScoringScript(const QString &path, QString *error);
/// Names a user may set in an image's Env: a shell name, and none the
/// scoring server sets itself (AZUREML_MODEL_DIR, MLWB_*).
bool checkEnvironmentVariable(const QString &name, QString *error);
/// A sample request or answer must be a readable JSON file.
bool checkSampleJson(const QString &path, QString *error);

} // namespace mlwb
