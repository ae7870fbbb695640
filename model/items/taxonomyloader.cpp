#include "items/taxonomyloader.h"

#include "runs/durationtext.h"

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
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QObject>
#include <QSqlQuery>

#include <algorithm>

namespace mlwb {

namespace {

TaxonomyItem item(NodeKind kind, Id id, const QString &name)
{
    TaxonomyItem i;
    i.kind = kind;
    i.id = id;
    i.name = name;
    return i;
}

QString localTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

TaxonomyLoader::TaxonomyLoader(const Workspace &workspace)
    : m_workspace(workspace)
{}

bool TaxonomyLoader::counts(QHash<Group, int> *out, QString *error) const
{
    // One round trip for all eight groups: cheap enough to run on every change.
    QSqlQuery q(m_workspace.database());
    if (!sql::prepare(
            q,
            QStringLiteral("SELECT (SELECT count(*) FROM compute_targets), "
                           "(SELECT count(*) FROM datastores), (SELECT count(*) FROM experiments), "
                           "(SELECT count(*) FROM models), (SELECT count(*) FROM environments), "
                           "(SELECT count(DISTINCT name) FROM images), (SELECT count(*) FROM "
                           "deployments) + (SELECT count(*) FROM endpoints), "
                           "(SELECT count(*) FROM pipelines)"),
            error)
        || !sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, QObject::tr("Could not count the workspace's items."));
    for (int g = 0; g < groupCount; ++g)
        out->insert(static_cast<Group>(g), q.value(g).toInt());
    return true;
}

bool TaxonomyLoader::groupItems(Group group, std::vector<TaxonomyItem> *out, QString *error) const
{
    switch (group) {
    case Group::ComputeTargets:
        return targets(out, error);
    case Group::Datastores:
        return datastores(out, error);
    case Group::Experiments:
        return experiments(out, error);
    case Group::Models:
        return models(out, error);
    case Group::Environments:
        return environments(out, error);
    case Group::Images:
        return images(out, error);
    case Group::Deployments:
        return deployments(out, error);
    case Group::Pipelines:
        return pipelines(out, error);
    }
    return false;
}

bool TaxonomyLoader::targets(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<ComputeTarget> list = ComputeTargets(m_workspace).list(&message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    QHash<Id, TargetRunCounts> inFlight;
    if (!targetRunCounts(&inFlight, error))
        return false;
    for (const ComputeTarget &t : list) {
        TaxonomyItem i = item(NodeKind::ComputeTarget, t.id, t.name);
        i.status = kindName(t.kind);
        // "ssh · 2 running, 1 queued"; `local` needs no kind after its name.
        QStringList details;
        if (t.kind != ComputeTarget::Kind::Local)
            details << i.status;
        const QString runs = formatRunCounts(inFlight.value(t.id));
        if (!runs.isEmpty())
            details << runs;
        i.detail = details.join(QStringLiteral(" \u00b7 "));
        const QString host = t.config.value(QLatin1String("host")).toString();
        i.toolTip =
            host.isEmpty() ? QObject::tr("This computer") : QObject::tr("SSH: %1").arg(host);
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::datastores(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    Datastores stores(m_workspace);
    const QList<Datastore> list = stores.list(&message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    for (const Datastore &d : list) {
        TaxonomyItem i = item(NodeKind::Datastore, d.id, d.name);
        i.detail = d.isDefault ? QObject::tr("default") : QString();
        i.toolTip = QDir::toNativeSeparators(stores.absolutePath(d));
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::experiments(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Experiment> list = Experiments(m_workspace).list(&message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    for (const Experiment &e : list) {
        TaxonomyItem i = item(NodeKind::Experiment, e.id, e.name);
        i.childCount = e.runCount;
        i.toolTip = e.description;
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::runs(Id experimentId, Id parentId, int offset, int limit,
                          std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Run> list = Runs(m_workspace).list(experimentId, parentId, offset, limit, &message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    // Child counts for the whole experiment in one grouped query (index-backed).
    QHash<Id, int> children;
    if (!list.isEmpty()
        && !countBy(QStringLiteral("SELECT parent_id, count(*) FROM runs WHERE experiment_id = ? "
                                   "AND parent_id IS NOT NULL GROUP BY parent_id"),
                    experimentId, &children, error))
        return false;
    for (const Run &r : list) {
        TaxonomyItem i = item(NodeKind::Run, r.id, r.displayName.isEmpty() ? r.uid : r.displayName);
        i.ownerId = r.experimentId;
        i.status = statusName(r.status);
        i.detail = r.startedAt.isValid() ? durationText(r.durationMs()) : QString();
        i.childCount = children.value(r.id);
        i.toolTip = QObject::tr("%1\n%2, created %3").arg(r.uid, i.status, localTime(r.createdAt));
        out->push_back(i);
    }
    return true;
}

int TaxonomyLoader::runCount(Id experimentId, Id parentId, QString *error) const
{
    return Runs(m_workspace).count(experimentId, parentId, error);
}

bool TaxonomyLoader::models(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Model> list = Models(m_workspace).list(&message);
    QHash<Id, int> versions;
    if (!message.isEmpty()
        || !countBy(QStringLiteral("SELECT model_id, count(*) FROM model_versions "
                                   "WHERE ? GROUP BY model_id"),
                    1, &versions, &message))
        return sql::fail(error, message);
    for (const Model &m : list) {
        TaxonomyItem i = item(NodeKind::Model, m.id, m.name);
        i.childCount = versions.value(m.id);
        i.detail = QObject::tr("v%1").arg(m.latestVersion);
        i.toolTip = m.description;
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::environments(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Environment> list = Environments(m_workspace).list(&message);
    QHash<Id, int> versions;
    if (!message.isEmpty()
        || !countBy(QStringLiteral("SELECT environment_id, count(*) FROM environment_versions "
                                   "WHERE ? GROUP BY environment_id"),
                    1, &versions, &message))
        return sql::fail(error, message);
    for (const Environment &e : list) {
        TaxonomyItem i = item(NodeKind::Environment, e.id, e.name);
        i.childCount = versions.value(e.id);
        i.detail = QObject::tr("v%1").arg(e.latestVersion);
        out->push_back(i);
    }
    return true;
}

// One node per image name (its id: the name's oldest image), versions under it.
bool TaxonomyLoader::images(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Image> list = Images(m_workspace).list(&message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    for (const Image &im : list) {
        auto it = std::find_if(out->begin(), out->end(),
                               [&im](const TaxonomyItem &i) { return i.name == im.name; });
        if (it == out->end()) {
            out->push_back(item(NodeKind::ImageName, im.id, im.name));
            it = out->end() - 1;
        }
        it->id = std::min(it->id, im.id);
        ++it->childCount;
        const int version = im.version > 0 ? im.version : im.tag.toInt();
        if (it->detail.isEmpty() || version > it->detail.mid(1).toInt())
            it->detail = QObject::tr("v%1").arg(version);
    }
    return true;
}

namespace {

// What an image was built from, for its tooltip.
QString imageInputs(const Image &im)
{
    const QJsonObject in = im.inputs;
    QStringList models;
    for (const QJsonValue &m : in.value(QStringLiteral("models")).toArray())
        models << m.toString();
    const QString environment = in.value(QStringLiteral("environment")).toString();
    return QObject::tr("Models: %1\nEnvironment: %2\nBase: %3\nDigest: %4")
        .arg(models.join(QStringLiteral(", ")),
             environment.isEmpty() ? QObject::tr("none") : environment,
             in.value(QStringLiteral("base"))
                 .toObject()
                 .value(QStringLiteral("reference"))
                 .toString(),
             im.digest);
}

} // namespace

bool TaxonomyLoader::imageVersions(const TaxonomyItem &parent, std::vector<TaxonomyItem> *out,
                                   QString *error) const
{
    QString message;
    QList<Image> list = Images(m_workspace).list(&message);
    if (!message.isEmpty())
        return sql::fail(error, message);
    // Newest first, as model versions are.
    std::sort(list.begin(), list.end(), [](const Image &a, const Image &b) { return a.id > b.id; });
    for (const Image &im : std::as_const(list)) {
        if (im.name != parent.name)
            continue;
        TaxonomyItem i = item(NodeKind::Image, im.id, QObject::tr("Version %1").arg(im.tag));
        i.ownerId = parent.id;
        i.status = im.status;
        i.toolTip = imageInputs(im);
        out->push_back(i);
    }
    return true;
}

// Endpoints first, each with its split, then the deployments they route to.
bool TaxonomyLoader::deployments(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message, endpointMessage;
    const QList<Endpoint> endpoints = Endpoints(m_workspace).list(&endpointMessage);
    const QList<Deployment> list = Deployments(m_workspace).list(&message);
    if (!message.isEmpty() || !endpointMessage.isEmpty())
        return sql::fail(error, message.isEmpty() ? endpointMessage : message);
    for (const Endpoint &e : endpoints) {
        TaxonomyItem i = item(NodeKind::Endpoint, e.id, e.name);
        i.detail = EndpointDeployer::splitText(e.traffic);
        i.toolTip = EndpointDeployer::baseUrl(e) + QStringLiteral("/score");
        out->push_back(i);
    }
    for (const Deployment &d : list) {
        TaxonomyItem i = item(NodeKind::Deployment, d.id, d.name);
        i.status = d.status;
        i.toolTip = d.url;
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::pipelines(std::vector<TaxonomyItem> *out, QString *error) const
{
    QString message;
    const QList<Pipeline> list = Pipelines(m_workspace).list(&message);
    QHash<Id, int> steps;
    if (!message.isEmpty()
        || !countBy(QStringLiteral("SELECT pipeline_id, count(*) FROM pipeline_steps "
                                   "WHERE ? GROUP BY pipeline_id"),
                    1, &steps, &message))
        return sql::fail(error, message);
    for (const Pipeline &p : list) {
        TaxonomyItem i = item(NodeKind::Pipeline, p.id, p.name);
        i.childCount = steps.value(p.id);
        i.toolTip = p.description;
        out->push_back(i);
    }
    return true;
}

bool TaxonomyLoader::children(const TaxonomyItem &parent, std::vector<TaxonomyItem> *out,
                              QString *error) const
{
    QString message;
    if (parent.kind == NodeKind::Model) {
        const QList<ModelVersion> list = Models(m_workspace).versions(parent.id, &message);
        for (const ModelVersion &v : list) {
            TaxonomyItem i =
                item(NodeKind::ModelVersion, v.id, QObject::tr("Version %1").arg(v.version));
            i.ownerId = parent.id;
            i.detail = v.framework;
            i.toolTip = v.description;
            i.badges = v.aliases;
            out->push_back(i);
        }
    } else if (parent.kind == NodeKind::Environment) {
        const QList<EnvironmentVersion> list =
            Environments(m_workspace).versions(parent.id, &message);
        for (const EnvironmentVersion &v : list) {
            TaxonomyItem i =
                item(NodeKind::EnvironmentVersion, v.id, QObject::tr("Version %1").arg(v.version));
            i.ownerId = parent.id;
            i.detail = v.python;
            i.toolTip = v.packages.join(QLatin1Char('\n'));
            i.badges = v.aliases;
            out->push_back(i);
        }
    } else if (parent.kind == NodeKind::ImageName) {
        return imageVersions(parent, out, error);
    } else if (parent.kind == NodeKind::Pipeline) {
        const std::optional<Pipeline> p = Pipelines(m_workspace).find(parent.name, &message);
        for (const PipelineStep &s : p ? p->steps : QList<PipelineStep>()) {
            TaxonomyItem i = item(NodeKind::PipelineStep, s.id, s.name);
            i.ownerId = parent.id;
            i.detail = s.script;
            out->push_back(i);
        }
    }
    return message.isEmpty() || sql::fail(error, message);
}

bool TaxonomyLoader::countBy(const QString &text, const QVariant &bound, QHash<Id, int> *out,
                             QString *error) const
{
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    if (!sql::prepare(q, text, error))
        return false;
    q.addBindValue(bound);
    if (!sql::exec(q, error))
        return false;
    while (q.next())
        out->insert(q.value(0).toLongLong(), q.value(1).toInt());
    return true;
}

bool TaxonomyLoader::targetRunCounts(QHash<Id, TargetRunCounts> *out, QString *error) const
{
    QSqlQuery q(m_workspace.database());
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT target_id, status, count(*) FROM runs WHERE "
                                     "target_id IS NOT NULL AND status IN ('Queued', 'Preparing', "
                                     "'Running', 'Finalizing') GROUP BY target_id, status"),
                      error)
        || !sql::exec(q, error))
        return false;
    while (q.next()) {
        TargetRunCounts &c = (*out)[q.value(0).toLongLong()];
        if (q.value(1).toString() == QLatin1String("Queued"))
            c.queued += q.value(2).toInt();
        else
            c.running += q.value(2).toInt();
    }
    return true;
}

QString TaxonomyLoader::formatRunCounts(const TargetRunCounts &counts)
{
    QStringList parts;
    if (counts.running > 0)
        parts << QObject::tr("%n running", nullptr, counts.running);
    if (counts.queued > 0)
        parts << QObject::tr("%n queued", nullptr, counts.queued);
    return parts.join(QStringLiteral(", "));
}

} // namespace mlwb
