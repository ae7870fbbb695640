// `mlwb endpoint ...`: endpoints (Azure ML v2 managed online endpoints), one
// stable URL in front of deployments with a traffic split between them.
#include "commandcontext.h"
#include "servicecommands.h"
#include "serving/endpointdeployer.h"
#include "serving/endpointmetrics.h"
#include "serving/endpointsupervisor.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "store/endpoints.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>

namespace mlwb {

namespace {

QString baseUrl(const Endpoint &e)
{
    return EndpointDeployer::baseUrl(e);
}

QJsonObject toJson(const Workspace &ws, const Endpoint &e, bool withCounters)
{
    const bool running = EndpointSupervisor::runningPid(ws, e.name) > 0;
    QJsonObject traffic;
    for (const TrafficShare &share : e.traffic)
        traffic.insert(share.deployment, share.weight);
    QJsonObject record{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("name"), e.name},
        {QStringLiteral("state"), running ? QStringLiteral("Running") : QStringLiteral("Stopped")},
        {QStringLiteral("scoring_uri"), QString(baseUrl(e) + QStringLiteral("/score"))},
        {QStringLiteral("port"), e.port},
        {QStringLiteral("auth"), e.auth},
        {QStringLiteral("traffic"), traffic},
        {QStringLiteral("split"), EndpointDeployer::splitText(e.traffic)},
        {QStringLiteral("created_at"), CliOutput::time(e.createdAt)},
        {QStringLiteral("updated_at"), CliOutput::time(e.updatedAt)}};
    if (!withCounters)
        return record;
    QHash<QString, EndpointCounters> counters;
    QHash<QString, int> weights;
    QJsonObject deployments;
    // Every deployment in the split, with what the running proxy counted.
    for (const TrafficShare &share : e.traffic)
        counters.insert(share.deployment, EndpointCounters());
    if (!running || EndpointDeployer::liveMetrics(e, &counters, &weights)) {
        for (auto it = counters.cbegin(); it != counters.cend(); ++it) {
            const EndpointCounters &c = it.value();
            const double mean = c.requests ? c.latencySeconds * 1000 / c.requests : 0;
            deployments.insert(it.key(), QJsonObject{{QStringLiteral("requests"), c.requests},
                                                     {QStringLiteral("errors"), c.errors},
                                                     {QStringLiteral("mean_latency_ms"),
                                                      qRound(mean * 100) / 100.0}});
        }
    }
    record.insert(QStringLiteral("deployments"), deployments);
    return record;
}

// The verbs on one endpoint: the workspace opened and NAME found once.
using EndpointVerb = int (*)(CommandContext &, const Workspace &, const Endpoint &);
std::function<int(CommandContext &)> onEndpoint(EndpointVerb verb)
{
    return [verb](CommandContext &context) {
        const auto ws = context.openWorkspace();
        if (!ws)
            return int(ExitFailure);
        QString error;
        const auto e = Endpoints(*ws).find(context.argument(0), &error);
        if (!e)
            return context.fail(error);
        return verb(context, *ws, *e);
    };
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    if (!ws->isReadOnly())
        EndpointSupervisor::reattach(*ws, &error); // proxies that died come back
    error.clear();
    const QList<Endpoint> endpoints = Endpoints(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Endpoint &e : endpoints)
        rows.append(toJson(*ws, e, false));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("state"), Cli::tr("state")},
                           {QStringLiteral("scoring_uri"), Cli::tr("scoring uri")},
                           {QStringLiteral("auth"), Cli::tr("auth")},
                           {QStringLiteral("split"), Cli::tr("traffic")}},
                          rows);
    return ExitSuccess;
}

int show(CommandContext &context, const Workspace &ws, const Endpoint &e)
{
    context.output().show({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("state"), Cli::tr("state")},
                           {QStringLiteral("scoring_uri"), Cli::tr("scoring uri")},
                           {QStringLiteral("auth"), Cli::tr("auth")},
                           {QStringLiteral("split"), Cli::tr("traffic")},
                           {QStringLiteral("deployments"), Cli::tr("requests")},
                           {QStringLiteral("created_at"), Cli::tr("created at")},
                           {QStringLiteral("updated_at"), Cli::tr("updated at")}},
                          toJson(ws, e, true));
    return ExitSuccess;
}

int create(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    if (!ws->checkWritable(&error))
        return context.fail(error);
    Endpoint e;
    e.name = context.argument(0);
    if (context.isSet(QStringLiteral("auth")))
        e.auth = context.value(QStringLiteral("auth"));
    bool ok = true;
    const int wanted = context.isSet(QStringLiteral("port"))
                           ? context.value(QStringLiteral("port")).toInt(&ok)
                           : 0;
    if (!ok)
        return context.fail(
            Cli::tr("'%1' is not a port.").arg(context.value(QStringLiteral("port"))));
    if (!EndpointDeployer::create(*ws, &e, wanted, &error))
        return context.fail(error);
    context.output().message(Cli::tr("Endpoint %1 listens at %2; give it deployments with mlwb "
                                     "endpoint traffic %1 DEPLOYMENT=100.")
                                 .arg(e.name, baseUrl(e) + QStringLiteral("/score")),
                             toJson(*ws, e, false));
    return ExitSuccess;
}

int traffic(CommandContext &context, const Workspace &ws, const Endpoint &e)
{
    QList<TrafficShare> shares;
    QString error;
    const QStringList words = context.arguments().mid(1);
    if (words.isEmpty())
        return context.fail(Cli::tr("Say how to split the traffic, for example: mlwb endpoint "
                                    "traffic %1 blue=90 green=10.")
                                .arg(e.name));
    Endpoint now;
    if (!Endpoints::parseTraffic(words, &shares, &error)
        || !EndpointDeployer::setTraffic(ws, e.name, shares, &now, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("%1 now routes %2.").arg(e.name, EndpointDeployer::splitText(now.traffic)),
        toJson(ws, now, false));
    return ExitSuccess;
}

int keys(CommandContext &context, const Workspace &ws, const Endpoint &e)
{
    if (e.auth != QLatin1String("key"))
        return context.fail(
            Cli::tr("%1 does not use keys: it was created with --auth none.").arg(e.name));
    ServiceKeys keys(ws, EndpointSupervisor::keysName(e.name));
    return servicecommands::keys(context, keys, e.name);
}

int call(CommandContext &context, const Workspace &ws, const Endpoint &e)
{
    QByteArray body;
    QString error;
    if (!context.isSet(QStringLiteral("data")))
        return context.fail(Cli::tr("Say what to send: --data JSON or --data @FILE."));
    if (!servicecommands::requestBody(context, &body, &error))
        return context.fail(error);
    QString key;
    const QString which = context.isSet(QStringLiteral("key"))
                              ? context.value(QStringLiteral("key"))
                              : QStringLiteral("primary");
    if (e.auth == QLatin1String("key") && which != QLatin1String("none")) {
        QString primary, secondary;
        if (!ServiceKeys(ws, EndpointSupervisor::keysName(e.name))
                 .read(&primary, &secondary, &error))
            return context.fail(error);
        key = which == QLatin1String("secondary") ? secondary : primary;
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    if (context.isSet(QStringLiteral("deployment")))
        headers.append({QByteArrayLiteral("azureml-model-deployment"),
                        context.value(QStringLiteral("deployment")).toUtf8()});
    // A proxy that died (a kill, a reboot) comes back first.
    if (EndpointSupervisor::runningPid(ws, e.name) <= 0 && !ws.isReadOnly()
        && !EndpointSupervisor::start(ws, e.name, &error))
        return context.fail(error);
    const QString url = baseUrl(e) + QStringLiteral("/score");
    ScoringClient client;
    const ScoringResponse r = client.post(url, body, key, 60000, headers);
    if (r.status == 0)
        return context.fail(
            Cli::tr("Endpoint %1 did not answer at %2: %3").arg(e.name, url, r.error));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parse);
    const QJsonValue response =
        parse.error == QJsonParseError::NoError
            ? (doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()))
            : QJsonValue(QString::fromUtf8(r.body));
    const QString deployment = QString::fromUtf8(r.deployment);
    const QJsonObject record{{QStringLiteral("status"), r.status},
                             {QStringLiteral("deployment"), CliOutput::text(deployment)},
                             {QStringLiteral("latency_ms"), qRound(r.latencyMs * 100) / 100.0},
                             {QStringLiteral("response"), response}};
    if (context.output().format() == CliOutput::Format::Json)
        context.output().show({}, record);
    else
        context.stream() << QString::fromUtf8(r.body).trimmed() << Qt::endl
                         << Cli::tr("status %1 from %2, %3 ms")
                                .arg(r.status)
                                .arg(deployment.isEmpty() ? Cli::tr("the endpoint") : deployment)
                                .arg(r.latencyMs, 0, 'f', 1)
                         << Qt::endl;
    return r.status / 100 == 2 ? ExitSuccess : ExitFailure;
}

int remove(CommandContext &context, const Workspace &ws, const Endpoint &e)
{
    QString error;
    // The proxy sees its record go, closes the port and leaves.
    if (!EndpointDeployer::remove(ws, e.name, &error))
        return context.fail(error);
    context.output().message(Cli::tr("Deleted endpoint %1.").arg(e.name),
                             {{QStringLiteral("name"), e.name}});
    return ExitSuccess;
}

int supervise(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    if (!EndpointSupervisor(*ws, context.argument(0)).exec(&error))
        return context.fail(error);
    return ExitSuccess;
}

QList<VerbSpec> verbs()
{
    const ArgumentSpec name{QStringLiteral("NAME"), Cli::tr("The endpoint's name.")};
    VerbSpec supervisor{QStringLiteral("supervise"),
                        Cli::tr("Run an endpoint's proxy (started by mlwb itself)."),
                        {name},
                        {},
                        supervise};
    supervisor.hidden = true;
    return {
        {QStringLiteral("create"),
         Cli::tr("Create an endpoint: one stable scoring URI, served by its own proxy process."),
         {name},
         {{QStringLiteral("port"), QStringLiteral("PORT"),
           Cli::tr("The port on 127.0.0.1 (default: a free one, then kept)."), QChar()},
          {QStringLiteral("auth"), QStringLiteral("key|none"),
           Cli::tr("key: callers send Authorization: Bearer KEY (default key)."), QChar()}},
         create},
        {QStringLiteral("traffic"),
         Cli::tr("Split an endpoint's traffic between deployments, e.g. blue=90 green=10 (adding "
                 "up to 100); takes effect without dropping requests."),
         {name,
          {QStringLiteral("DEPLOYMENT=PERCENT"), Cli::tr("A deployment's share."), false, true}},
         {},
         onEndpoint(traffic)},
        {QStringLiteral("list"), Cli::tr("List the endpoints with their split."), {}, {}, list},
        {QStringLiteral("show"),
         Cli::tr("Show an endpoint: scoring URI, split, state and requests per deployment."),
         {name},
         {},
         onEndpoint(show)},
        {QStringLiteral("call"),
         Cli::tr("Send a scoring request to an endpoint; prints the response, the deployment "
                 "that answered, its status and latency."),
         {name},
         {{QStringLiteral("data"), QStringLiteral("JSON|@FILE"),
           Cli::tr("The request body, or @FILE for a file's contents."), QChar()},
          {QStringLiteral("deployment"), QStringLiteral("NAME"),
           Cli::tr("Send it to this deployment, whatever the split."), QChar()},
          {QStringLiteral("key"), QStringLiteral("primary|secondary|none"),
           Cli::tr("Which key to send (default primary)."), QChar()}},
         onEndpoint(call)},
        {QStringLiteral("keys"),
         Cli::tr("Show an endpoint's primary and secondary key, or regenerate one."),
         {name},
         {{QStringLiteral("regenerate"), QStringLiteral("primary|secondary"),
           Cli::tr("Replace this key; the other stays valid."), QChar()}},
         onEndpoint(keys)},
        {QStringLiteral("delete"),
         Cli::tr("Delete an endpoint and stop its proxy; its deployments stay."),
         {name},
         {},
         onEndpoint(remove)},
        supervisor,
    };
}

} // namespace

void registerEndpointCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("endpoint");
    registry.addNoun(noun, Cli::tr("Endpoints: one stable scoring URI in front of deployments, "
                                   "with a traffic split between them."));
    const QList<VerbSpec> all = verbs();
    for (const VerbSpec &verb : all)
        registry.addVerb(noun, verb);
}

} // namespace mlwb
