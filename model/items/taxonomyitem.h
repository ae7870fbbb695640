#pragma once

#include "store/types.h"

#include <QIcon>
#include <QList>
#include <QString>

namespace mlwb {

/// What a node of the workspace taxonomy stands for.
enum class NodeKind {
    Workspace,
    Group,
    ComputeTarget,
    Datastore,
    Experiment,
    Run,
    Model,
    ModelVersion,
    Environment,
    EnvironmentVersion,
    Image,
    Deployment,
    Pipeline,
    PipelineStep,
    ImageName, // the versions (NodeKind::Image) of one image name
    Endpoint   // listed with the deployments it routes to
};

/// The groups under an open workspace, in the order the tree shows them.
enum class Group {
    ComputeTargets,
    Datastores,
    Experiments,
    Models,
    Environments,
    Images,
    Deployments,
    Pipelines
};
constexpr int groupCount = 8;

/// One node's payload as the store describes it: what the taxonomy model
/// shows and compares to find out what changed.
struct TaxonomyItem {
    NodeKind kind = NodeKind::Workspace;
    Id id = 0;      // the row id; for group nodes the Group
    Id ownerId = 0; // runs: experiment; versions: model/environment/image name; steps: pipeline
    QString name;   // the name shown, without counts or details
    QString detail; // runs: duration; versions: framework or python; targets: kind, runs
    QString status; // runs, images, deployments; targets: their kind ("ssh", "local")
    QString toolTip;
    QString path;       // workspace nodes: the folder
    int childCount = 0; // children known without loading them
    QStringList badges; // model and environment versions: their aliases

    /// Identifies the node among its siblings across reloads.
    QString key() const
    {
        if (kind == NodeKind::Workspace)
            return path;
        // Endpoints share the Deployments group with deployments, whose ids overlap theirs.
        return kind == NodeKind::Endpoint ? QStringLiteral("endpoint:%1").arg(id)
                                          : QString::number(id);
    }
    bool operator==(const TaxonomyItem &o) const
    {
        return kind == o.kind && id == o.id && ownerId == o.ownerId && name == o.name
               && detail == o.detail && status == o.status && toolTip == o.toolTip && path == o.path
               && childCount == o.childCount && badges == o.badges;
    }
    bool operator!=(const TaxonomyItem &o) const { return !(*this == o); }
};

/// "Experiments": a group's name as the tree shows it.
QString groupLabel(Group group);
/// The icon (under :/icons, without ".svg") that stands for an item.
QString iconName(const TaxonomyItem &item);
/// The icon of iconName(), loaded once.
QIcon itemIcon(const TaxonomyItem &item);
/// What the tree shows: "Experiments (3)", "train-lr0.1 · 2m 05s", "mnist",
/// "gpu-box · ssh · 2 running, 1 queued".
QString displayText(const TaxonomyItem &item);
/// Kinds of node that never have children.
bool isLeafKind(NodeKind kind);
/// The groups whose contents a change topic (see schema::topics()) touches.
QList<Group> groupsForTopic(const QString &topic);

} // namespace mlwb
