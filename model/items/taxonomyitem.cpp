#include "items/taxonomyitem.h"

#include <QHash>
#include <QIcon>
#include <QObject>

namespace mlwb {

QString groupLabel(Group group)
{
    switch (group) {
    case Group::ComputeTargets:
        return QObject::tr("Compute targets");
    case Group::Datastores:
        return QObject::tr("Datastores");
    case Group::Experiments:
        return QObject::tr("Experiments");
    case Group::Models:
        return QObject::tr("Models");
    case Group::Environments:
        return QObject::tr("Environments");
    case Group::Images:
        return QObject::tr("Images");
    case Group::Deployments:
        return QObject::tr("Deployments");
    case Group::Pipelines:
        return QObject::tr("Pipelines");
    }
    return {};
}

// The icon file (under :/icons) a node shows.
QString iconName(const TaxonomyItem &item)
{
    static const char *const groupIcons[] = {"compute-local", "datastore",   "experiment",
                                             "model",         "environment", "image",
                                             "deployment",    "pipeline"};
    switch (item.kind) {
    case NodeKind::Workspace:
        return QStringLiteral("workspace");
    case NodeKind::Group:
        return QLatin1String(groupIcons[item.id]);
    case NodeKind::ComputeTarget:
        return item.status == QLatin1String("ssh") ? QStringLiteral("compute-ssh")
                                                   : QStringLiteral("compute-local");
    case NodeKind::Datastore:
        return QStringLiteral("datastore");
    case NodeKind::Experiment:
        return QStringLiteral("experiment");
    case NodeKind::Run:
        return QLatin1String("run-") + item.status.toLower();
    case NodeKind::Model:
    case NodeKind::ModelVersion:
        return QStringLiteral("model");
    case NodeKind::Environment:
    case NodeKind::EnvironmentVersion:
        return QStringLiteral("environment");
    case NodeKind::Image:
    case NodeKind::ImageName:
        return QStringLiteral("image");
    case NodeKind::Deployment:
    case NodeKind::Endpoint:
        return QStringLiteral("deployment");
    case NodeKind::Pipeline:
        return QStringLiteral("pipeline");
    case NodeKind::PipelineStep:
        return QStringLiteral("step");
    }
    return {};
}

// Which groups a change topic touches.
QList<Group> groupsForTopic(const QString &topic)
{
    static const QHash<QString, QList<Group>> map = {
        {QStringLiteral("compute"), {Group::ComputeTargets}},
        {QStringLiteral("datastores"), {Group::Datastores}},
        {QStringLiteral("experiments"), {Group::Experiments}},
        // Target nodes show their running and queued runs.
        {QStringLiteral("runs"), {Group::Experiments, Group::ComputeTargets}},
        {QStringLiteral("models"), {Group::Models}},
        {QStringLiteral("environments"), {Group::Environments}},
        {QStringLiteral("images"), {Group::Images}},
        {QStringLiteral("deployments"), {Group::Deployments}},
        {QStringLiteral("pipelines"), {Group::Pipelines}},
    };
    return map.value(topic);
}

QIcon itemIcon(const TaxonomyItem &item)
{
    static QHash<QString, QIcon> cache; // one QIcon per file, shared by every node
    const QString name = iconName(item);
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

QString displayText(const TaxonomyItem &item)
{
    if (item.kind == NodeKind::Group)
        return QObject::tr("%1 (%2)").arg(item.name).arg(item.childCount);
    const bool detailed = item.kind == NodeKind::Run || item.kind == NodeKind::ModelVersion
                          || item.kind == NodeKind::EnvironmentVersion
                          || item.kind == NodeKind::ComputeTarget;
    if (item.kind == NodeKind::Endpoint)
        return QObject::tr("%1 \u00b7 endpoint \u00b7 %2")
            .arg(item.name, item.detail.isEmpty() ? QObject::tr("no traffic") : item.detail);
    if (detailed && !item.detail.isEmpty())
        return QObject::tr("%1 \u00b7 %2").arg(item.name, item.detail);
    return item.name;
}

bool isLeafKind(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ComputeTarget:
    case NodeKind::Datastore:
    case NodeKind::ModelVersion:
    case NodeKind::EnvironmentVersion:
    case NodeKind::Image:
    case NodeKind::Deployment:
    case NodeKind::Endpoint:
    case NodeKind::PipelineStep:
        return true;
    default:
        return false;
    }
}

} // namespace mlwb
