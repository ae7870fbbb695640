#include "window/itemproperties.h"

#include "runs/durationtext.h"
#include "runs/runreason.h"
#include "runs/runstatustext.h"

#include "items/taxonomyloader.h"
#include "items/taxonomymodel.h"
#include "serving/deployer.h"
#include "serving/deploymentpage.h"
#include "serving/endpointdeployer.h"
#include "store/computetargets.h"
#include "store/datastores.h"
#include "store/deployments.h"
#include "store/endpoints.h"
#include "store/environments.h"
#include "store/experiments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/pipelines.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QModelIndex>

namespace mlwb {

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString json(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

void addMap(const QString &prefix, const QMap<QString, QString> &map,
            QList<ItemProperties::Field> *out)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out->append({prefix.arg(it.key()), it.value()});
}

// Tags as one field, a "key=value" line each: the properties panel draws them as chips.
void addTags(const QMap<QString, QString> &tags, QList<ItemProperties::Field> *out)
{
    QStringList lines;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        lines << it.key() + u'=' + it.value();
    out->append({ItemProperties::tr("Tags"), lines.join(u'\n')});
}

void addObject(const QString &prefix, const QJsonObject &object, QList<ItemProperties::Field> *out)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        out->append({prefix.arg(it.key()), json(it.value())});
}

QString ids(const QList<Id> &list)
{
    QStringList out;
    for (Id id : list)
        out << QString::number(id);
    return out.join(QStringLiteral(", "));
}

bool missing(QString *error, const QString &message)
{
    if (error && error->isEmpty())
        *error = message;
    return false;
}

} // namespace

bool ItemProperties::describe(const Workspace *ws, const QModelIndex &index, QList<Field> *out,
                              QString *error)
{
    const auto kind = NodeKind(index.data(TaxonomyModel::NodeKindRole).toInt());
    const qint64 id = index.data(TaxonomyModel::IdRole).toLongLong();
    const QString name = index.data(TaxonomyModel::NameRole).toString();
    if (kind == NodeKind::Workspace)
        return workspace(ws, index, out);
    if (!ws)
        return false;
    switch (kind) {
    case NodeKind::Workspace:
        break;
    case NodeKind::Group:
        out->append({tr("Group"), name});
        out->append({tr("Items"), QString::number(index.data(TaxonomyModel::CountRole).toInt())});
        return true;
    case NodeKind::ComputeTarget:
        return target(*ws, id, out, error);
    case NodeKind::Datastore:
        return datastore(*ws, name, out, error);
    case NodeKind::Experiment:
        return experiment(*ws, id, out, error);
    case NodeKind::Run:
        return run(*ws, id, out, error);
    case NodeKind::Model:
        return model(*ws, index, out, error);
    case NodeKind::ModelVersion:
        return modelVersion(*ws, index, out, error);
    case NodeKind::Environment:
    case NodeKind::EnvironmentVersion:
        return environment(*ws, index, out, error);
    case NodeKind::Image:
        return image(*ws, id, out, error);
    case NodeKind::ImageName:
        out->append({tr("Image"), name});
        out->append(
            {tr("Versions"), QString::number(index.data(TaxonomyModel::CountRole).toInt())});
        return true;
    case NodeKind::Deployment:
        return deployment(*ws, name, out, error);
    case NodeKind::Endpoint:
        return endpoint(*ws, name, out, error);
    case NodeKind::Pipeline:
    case NodeKind::PipelineStep:
        return pipeline(*ws, index, out, error);
    }
    return false;
}

bool ItemProperties::workspace(const Workspace *ws, const QModelIndex &index, QList<Field> *out)
{
    const QString path = index.data(TaxonomyModel::WorkspacePathRole).toString();
    out->append({tr("Name"), index.data(TaxonomyModel::NameRole).toString()});
    out->append({tr("Folder"), QDir::toNativeSeparators(path)});
    if (ws && index.data(TaxonomyModel::IsOpenWorkspaceRole).toBool()) {
        out->append({tr("State"), tr("Open", "state of a workspace: it is open")});
        out->append({tr("Database"), QDir::toNativeSeparators(ws->databasePath())});
        out->append({tr("Schema version"), QString::number(ws->schemaVersion())});
    } else {
        out->append({tr("State"), Workspace::exists(path) ? tr("Not open (double-click to open)")
                                                          : tr("Missing")});
    }
    return true;
}

bool ItemProperties::target(const Workspace &ws, qint64 id, QList<Field> *out, QString *error)
{
    const auto t = ComputeTargets(ws).find(id, error);
    if (!t)
        return missing(error, tr("This compute target no longer exists."));
    out->append({tr("Name"), t->name});
    out->append({tr("Id"), QString::number(t->id)});
    out->append({tr("Kind"), kindName(t->kind)});
    out->append({tr("Max concurrent runs"), t->maxConcurrent > 0 ? QString::number(t->maxConcurrent)
                                            : t->kind == ComputeTarget::Kind::Local
                                                ? tr("one per core")
                                                : tr("no limit")});
    out->append({tr("Created"), time(t->createdAt)});
    addObject(tr("Config: %1"), t->config, out);
    return true;
}

bool ItemProperties::datastore(const Workspace &ws, const QString &name, QList<Field> *out,
                               QString *error)
{
    Datastores stores(ws);
    const auto d = stores.find(name, error);
    if (!d)
        return missing(error, tr("This datastore no longer exists."));
    out->append({tr("Name"), d->name});
    out->append({tr("Id"), QString::number(d->id)});
    out->append({tr("Kind"), d->kind});
    out->append({tr("Path"), QDir::toNativeSeparators(stores.absolutePath(*d))});
    out->append({tr("Default"), d->isDefault ? tr("yes") : tr("no")});
    out->append({tr("Created"), time(d->createdAt)});
    return true;
}

bool ItemProperties::experiment(const Workspace &ws, qint64 id, QList<Field> *out, QString *error)
{
    const auto e = Experiments(ws).find(id, error);
    if (!e)
        return missing(error, tr("This experiment no longer exists."));
    out->append({tr("Name"), e->name});
    out->append({tr("Id"), QString::number(e->id)});
    out->append({tr("Description"), e->description});
    out->append({tr("Runs"), QString::number(e->runCount)});
    out->append({tr("Created"), time(e->createdAt)});
    return true;
}

bool ItemProperties::run(const Workspace &ws, qint64 id, QList<Field> *out, QString *error)
{
    const auto r = Runs(ws).find(id, error);
    if (!r)
        return missing(error, tr("This run no longer exists."));
    out->append({tr("Name"), r->displayName.isEmpty() ? r->uid : r->displayName});
    out->append({tr("Run id"), r->uid});
    out->append({tr("Id"), QString::number(r->id)});
    out->append({tr("Experiment"), r->experimentName});
    out->append({tr("Parent run"), r->parentId > 0 ? QString::number(r->parentId) : QString()});
    out->append({tr("Status"), statusText(r->status)});
    out->append({tr("Compute target"), r->targetName});
    out->append({tr("Script"), r->script});
    out->append({tr("Arguments"), r->arguments.join(QLatin1Char(' '))});
    out->append({tr("Created"), time(r->createdAt)});
    out->append({tr("Started"), time(r->startedAt)});
    out->append({tr("Ended"), time(r->endedAt)});
    out->append(
        {tr("Duration"), r->startedAt.isValid() ? durationText(r->durationMs()) : QString()});
    out->append({tr("Exit code"), r->exitCode >= 0 ? QString::number(r->exitCode) : QString()});
    out->append({tr("Error"), RunReason::text(r->error)});
    out->append({tr("Notes"), r->notes});
    out->append({tr("Snapshot"), r->snapshotId > 0 ? QString::number(r->snapshotId) : QString()});
    addTags(r->tags, out);
    addMap(tr("Property: %1"), r->properties, out);
    addObject(tr("Config: %1"), r->config, out);
    return true;
}

bool ItemProperties::model(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                           QString *error)
{
    const auto m = Models(ws).find(index.data(TaxonomyModel::NameRole).toString(), error);
    if (!m)
        return missing(error, tr("This model no longer exists."));
    out->append({tr("Name"), m->name});
    out->append({tr("Id"), QString::number(m->id)});
    out->append({tr("Description"), m->description});
    out->append({tr("Latest version"), QString::number(m->latestVersion)});
    out->append({tr("Created"), time(m->createdAt)});
    return true;
}

bool ItemProperties::modelVersion(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                                  QString *error)
{
    const qint64 id = index.data(TaxonomyModel::IdRole).toLongLong();
    const QList<ModelVersion> versions =
        Models(ws).versions(index.data(TaxonomyModel::OwnerIdRole).toLongLong(), error);
    for (const ModelVersion &v : versions) {
        if (v.id != id)
            continue;
        out->append({tr("Model"), index.parent().data(TaxonomyModel::NameRole).toString()});
        out->append({tr("Version"), QString::number(v.version)});
        out->append({tr("Id"), QString::number(v.id)});
        out->append({tr("Framework"), v.framework});
        out->append({tr("Description"), v.description});
        out->append({tr("Run"), v.runId > 0 ? QString::number(v.runId) : QString()});
        out->append({tr("Content sha256"), v.sha256});
        out->append({tr("Size"), QLocale().formattedDataSize(v.size)});
        out->append({tr("Created"), time(v.createdAt)});
        addTags(v.tags, out);
        return true;
    }
    return missing(error, tr("This model version no longer exists."));
}

bool ItemProperties::environment(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                                 QString *error)
{
    const bool isVersion =
        index.data(TaxonomyModel::NodeKindRole).toInt() == int(NodeKind::EnvironmentVersion);
    const QModelIndex envIndex = isVersion ? index.parent() : index;
    const auto e = Environments(ws).find(envIndex.data(TaxonomyModel::NameRole).toString(), error);
    if (!e)
        return missing(error, tr("This environment no longer exists."));
    out->append({tr("Environment"), e->name});
    out->append({tr("Latest version"), QString::number(e->latestVersion)});
    out->append({tr("Created"), time(e->createdAt)});
    const qint64 id = index.data(TaxonomyModel::IdRole).toLongLong();
    const QList<EnvironmentVersion> versions = Environments(ws).versions(e->id, error);
    for (const EnvironmentVersion &v : versions) {
        if ((isVersion && v.id == id) || (!isVersion && v.version == e->latestVersion)) {
            out->append({tr("Version"), QString::number(v.version)});
            out->append({tr("Version id"), QString::number(v.id)});
            out->append({tr("Python"), v.python});
            out->append({tr("Base image"), v.baseImage});
            out->append({tr("Packages"), v.packages.join(QStringLiteral(", "))});
            out->append({tr("Version created"), time(v.createdAt)});
        }
    }
    return true;
}

bool ItemProperties::image(const Workspace &ws, qint64 id, QList<Field> *out, QString *error)
{
    const auto im = Images(ws).find(id, error);
    if (!im)
        return missing(error, tr("This image no longer exists."));
    out->append({tr("Name"), im->name});
    out->append({tr("Version"), im->tag});
    out->append({tr("Id"), QString::number(im->id)});
    out->append({tr("Status"), im->status});
    out->append({tr("Digest"), im->digest});
    out->append({tr("Size"), QLocale().formattedDataSize(im->size)});
    // What it was built from, in the names the user gave them.
    QStringList models;
    for (const QJsonValue &m : im->inputs.value(QStringLiteral("models")).toArray())
        models << m.toString();
    const QString environment = im->inputs.value(QStringLiteral("environment")).toString();
    out->append({tr("Model versions"), models.join(QStringLiteral(", "))});
    out->append({tr("Environment"), environment.isEmpty() ? tr("none") : environment});
    out->append({tr("Base"), im->inputs.value(QStringLiteral("base"))
                                 .toObject()
                                 .value(QStringLiteral("reference"))
                                 .toString()});
    out->append({tr("Port"), QString::number(im->inputs.value(QStringLiteral("port")).toInt())});
    out->append({tr("Created"), time(im->createdAt)});
    return true;
}

bool ItemProperties::endpoint(const Workspace &ws, const QString &name, QList<Field> *out,
                              QString *error)
{
    const auto e = Endpoints(ws).find(name, error);
    if (!e)
        return missing(error, tr("This endpoint no longer exists."));
    out->append({tr("Name"), e->name});
    out->append({tr("URL"), EndpointDeployer::baseUrl(*e) + QStringLiteral("/score")});
    out->append({tr("Traffic"),
                 e->traffic.isEmpty() ? tr("none") : EndpointDeployer::splitText(e->traffic)});
    out->append({tr("Authentication"), e->auth == QLatin1String("key") ? tr("keys") : tr("none")});
    out->append({tr("Created"), time(e->createdAt)});
    out->append({tr("Updated"), time(e->updatedAt)});
    return true;
}

bool ItemProperties::deployment(const Workspace &ws, const QString &name, QList<Field> *out,
                                QString *error)
{
    const auto d = Deployments(ws).find(name, error);
    if (!d)
        return missing(error, tr("This deployment no longer exists."));
    out->append({tr("Name"), d->name});
    out->append({tr("Id"), QString::number(d->id)});
    out->append({tr("Status"), DeploymentPage::stateName(d->status)});
    out->append({tr("URL"), d->url});
    QString ignored;
    if (const auto image = d->imageId > 0 ? Images(ws).find(d->imageId, &ignored) : std::nullopt)
        out->append({tr("Image"), image->name + QLatin1Char(':') + image->tag});
    const QStringList models = Deployer::modelRefs(ws, *d);
    if (!models.isEmpty())
        out->append({tr("Models"), models.join(QStringLiteral(", "))});
    out->append({tr("Created"), time(d->createdAt)});
    out->append({tr("Updated"), time(d->updatedAt)});
    addObject(tr("Config: %1"), d->config, out);
    return true;
}

bool ItemProperties::pipeline(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                              QString *error)
{
    const bool isStep =
        index.data(TaxonomyModel::NodeKindRole).toInt() == int(NodeKind::PipelineStep);
    const QModelIndex pipeIndex = isStep ? index.parent() : index;
    const auto p = Pipelines(ws).find(pipeIndex.data(TaxonomyModel::NameRole).toString(), error);
    if (!p)
        return missing(error, tr("This pipeline no longer exists."));
    out->append({tr("Pipeline"), p->name});
    if (!isStep) {
        out->append({tr("Id"), QString::number(p->id)});
        out->append({tr("Description"), p->description});
        out->append({tr("Steps"), QString::number(p->steps.size())});
        out->append({tr("Created"), time(p->createdAt)});
        return true;
    }
    const qint64 id = index.data(TaxonomyModel::IdRole).toLongLong();
    for (const PipelineStep &s : p->steps) {
        if (s.id != id)
            continue;
        out->append({tr("Step"), s.name});
        out->append({tr("Id"), QString::number(s.id)});
        out->append({tr("Position"), QString::number(s.position)});
        out->append({tr("Script"), s.script});
        out->append({tr("Arguments"), s.arguments.join(QLatin1Char(' '))});
        out->append(
            {tr("Compute target"), s.targetId > 0 ? QString::number(s.targetId) : QString()});
        out->append({tr("Depends on"), s.dependsOn.join(QStringLiteral(", "))});
        return true;
    }
    return missing(error, tr("This pipeline step no longer exists."));
}

} // namespace mlwb
