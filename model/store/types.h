#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtNumeric>

// Domain types of an Azure-ML-style workspace. Plain values: what the store
// reads and writes, what the CLI prints and the item models show.
namespace mlwb {

using Id = qint64;

/// Where a run executes: the built-in local computer or an attached VM.
struct ComputeTarget {
    enum class Kind { Local, Ssh };
    Id id = 0;
    QString name;
    Kind kind = Kind::Local;
    QJsonObject config;    // ssh: host, port, user, identity, jump, workdir, python, keepRunFolders
    int maxConcurrent = 0; // 0: the number of cores of the target
    QDateTime createdAt;
};
QString kindName(ComputeTarget::Kind kind);

/// A place data lives; the default one is a folder in the workspace.
struct Datastore {
    Id id = 0;
    QString name;
    QString kind; // "folder"
    QString path;
    bool isDefault = false;
    QDateTime createdAt;
};

/// A named group of runs.
struct Experiment {
    Id id = 0;
    QString name;
    QString description;
    QDateTime createdAt;
    int runCount = 0;
};

enum class RunStatus { Queued, Preparing, Running, Finalizing, Completed, Failed, Canceled };
QString statusName(RunStatus status); // "Completed"
RunStatus statusFromName(const QString &name, bool *ok = nullptr);
bool isFinal(RunStatus status);

/// One execution of a script; child runs have a parent.
struct Run {
    Id id = 0;
    QString uid; // stable, user-visible run id, e.g. "mnist_1700000000_3f2a"
    Id experimentId = 0;
    QString experimentName;
    Id parentId = 0; // 0: a top-level run
    QString displayName;
    RunStatus status = RunStatus::Queued;
    Id targetId = 0;
    QString targetName;
    Id snapshotId = 0;
    QString script;
    QStringList arguments;
    QJsonObject config; // the run configuration it was submitted with
    QDateTime createdAt, startedAt, endedAt;
    int exitCode = -1;
    QString error;
    QString notes;
    QMap<QString, QString> tags;
    QMap<QString, QString> properties;
    qint64 durationMs() const;
};

/// A named metric of one run; its points are stored by kind.
struct MetricSeries {
    enum class Kind { Scalar, String, List, Row, Table, Image };
    Id id = 0;
    Id runId = 0;
    QString name;
    Kind kind = Kind::Scalar;
    qint64 count = 0;
    // Scalars only: a summary kept up to date by ingest (NaN when unknown).
    double last = qQNaN(), min = qQNaN(), max = qQNaN();
    qint64 lastStep = -1;
    double lastTime = 0;
};
QString kindName(MetricSeries::Kind kind);
MetricSeries::Kind metricKindFromName(const QString &name, bool *ok = nullptr);

/// One numeric point; time is seconds since the epoch.
struct MetricPoint {
    qint64 step = 0;
    double time = 0;
    double value = 0;
};

/// A registered model name; its versions hold the files.
struct Model {
    Id id = 0;
    QString name;
    QString description;
    QDateTime createdAt;
    int latestVersion = 0;
};

struct ModelVersion {
    Id id = 0;
    Id modelId = 0;
    QString modelName;
    int version = 0;
    Id runId = 0;
    QString sha256; // content address under models/
    qint64 size = 0;
    QString framework;
    QString description;
    QMap<QString, QString> tags;
    QMap<QString, QString> properties; // set once, at registration
    QString createdBy;
    QString source;      // lineage when not from a run: "uploaded from PATH"
    QStringList aliases; // sorted
    QDateTime createdAt;
    Id environmentVersionId = 0; // 0: none recorded
};

/// A named software environment (interpreter, packages, base image).
struct Environment {
    Id id = 0;
    QString name;
    QDateTime createdAt;
    int latestVersion = 0;
};

struct EnvironmentVersion {
    Id id = 0;
    Id environmentId = 0;
    int version = 0;
    QString python; // interpreter or version
    QStringList packages;
    QString baseImage;
    QMap<QString, QString> tags;
    QMap<QString, QString> properties;
    QString createdBy;
    QStringList aliases; // sorted
    QDateTime createdAt;
    QString environmentName;
    QString spec;       // the conda YAML or requirements.txt it was made from
    QString specKind;   // "conda" or "pip"; empty for one made without a spec
    QString specSha256; // of the normalized spec: identical specs share a version
};

/// A container image built from models and an environment.
struct Image {
    Id id = 0;
    QString name;
    QString tag;
    QString digest; // sha256 of the OCI manifest
    QString status; // Building, Succeeded, Failed
    Id environmentVersionId = 0;
    QList<Id> modelVersionIds;
    qint64 size = 0;
    QDateTime createdAt;
    int version = 0;    // NAME:VERSION for built images (tag is the number); 0: none
    QJsonObject inputs; // what it was built from (models, script, base, environment, layers)
};

/// A running (or stopped) web service serving an image.
struct Deployment {
    Id id = 0;
    QString name;
    Id imageId = 0;              // an image, or else:
    QList<Id> modelVersionIds;   // model versions
    QString scoringScript;       // plus a scoring script (its copy in the deployment folder)
    Id environmentVersionId = 0; // and optionally an environment (its interpreter)
    Id targetId = 0;             // 0: this computer
    int port = 0;
    QString auth = QStringLiteral("none"); // none or key
    QString status;                        // Transitioning, Healthy, Unhealthy, Stopped, Failed
    QString url;
    QJsonObject config;
    int restartCount = 0;                        // servers restarted after a crash
    QString message;                             // why it is Failed or Unhealthy
    QString desired = QStringLiteral("running"); // running or stopped: what its supervisor aims for
    QDateTime createdAt, updatedAt;
};

/// An ordered set of steps, each a script on a target.
struct PipelineStep {
    Id id = 0;
    Id pipelineId = 0;
    int position = 0;
    QString name;
    QString script;
    QStringList arguments;
    Id targetId = 0;
    QStringList dependsOn;
};

struct Pipeline {
    Id id = 0;
    QString name;
    QString description;
    QDateTime createdAt;
    QList<PipelineStep> steps;
};

/// A long-running operation shown in the tasks panel.
struct Task {
    enum class State { Pending, Running, Succeeded, Failed, Canceled };
    Id id = 0;
    QString kind; // "snapshot", "finalize", "image-build", ...
    QString title;
    State state = State::Pending;
    double progress = 0; // 0..1, negative: unknown
    QString message;
    Id runId = 0;
    bool cancelRequested = false;
    QDateTime createdAt, updatedAt;
};
QString stateName(Task::State state);
Task::State taskStateFromName(const QString &name);

} // namespace mlwb
