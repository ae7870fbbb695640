// `mlwb service ...` (also `mlwb deployment ...`): web services serving
// model versions with a scoring script, supervised local processes.
#include "commandcontext.h"
#include "runs/runending.h"
#include "servicecommands.h"
#include "serving/deployer.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentsupervisor.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "serving/servingconfig.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

namespace mlwb {

VerbSpec serviceMetricsVerb(); // servicemetricscommands.cpp

namespace {

const int defaultWaitSeconds = 180;

QJsonObject toJson(const Workspace &ws, const Deployment &d)
{
    const auto image = d.imageId > 0 ? Images(ws).find(d.imageId) : std::nullopt;
    const QJsonValue imageName = image ? QJsonValue(image->name + QLatin1Char(':') + image->tag)
                                       : QJsonValue(QJsonValue::Null);
    const auto target = d.targetId > 0 ? ComputeTargets(ws).find(d.targetId) : std::nullopt;
    // Served here, as a process or a container (older image records have no mode).
    const bool process = d.imageId == 0 || d.config.contains(QStringLiteral("mode"));
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("status"), d.status},
            {QStringLiteral("message"), CliOutput::text(d.message)},
            {QStringLiteral("scoring_uri"), CliOutput::text(d.url)},
            {QStringLiteral("swagger_uri"),
             process ? QJsonValue(QStringLiteral("http://127.0.0.1:%1/swagger.json").arg(d.port))
                     : QJsonValue()},
            {QStringLiteral("mode"),
             d.config.value(QStringLiteral("mode")).toString(QStringLiteral("image"))},
            {QStringLiteral("mode_reason"),
             process ? QJsonValue(Deployer::modeReason(d)) : QJsonValue()},
            {QStringLiteral("target"), target ? QJsonValue(target->name) : QJsonValue()},
            {QStringLiteral("port"), d.port},
            {QStringLiteral("auth"), d.auth},
            {QStringLiteral("models"), QJsonArray::fromStringList(Deployer::modelRefs(ws, d))},
            {QStringLiteral("scoring_script"), CliOutput::text(d.scoringScript)},
            {QStringLiteral("python"), d.config.value(QStringLiteral("python"))},
            {QStringLiteral("image"), imageName},
            {QStringLiteral("restart_count"), d.restartCount},
            {QStringLiteral("log"), process ? QJsonValue(Deployer::logPath(ws, d)) : QJsonValue()},
            {QStringLiteral("created_at"), CliOutput::time(d.createdAt)},
            {QStringLiteral("updated_at"), CliOutput::time(d.updatedAt)}};
}

QList<Column> showFields()
{
    return {{QStringLiteral("name"), Cli::tr("name")},
            {QStringLiteral("status"), Cli::tr("status")},
            {QStringLiteral("message"), Cli::tr("message")},
            {QStringLiteral("scoring_uri"), Cli::tr("scoring uri")},
            {QStringLiteral("swagger_uri"), Cli::tr("swagger uri")},
            {QStringLiteral("mode"), Cli::tr("mode")},
            {QStringLiteral("mode_reason"), Cli::tr("why this mode")},
            {QStringLiteral("target"), Cli::tr("target")},
            {QStringLiteral("auth"), Cli::tr("auth")},
            {QStringLiteral("models"), Cli::tr("models")},
            {QStringLiteral("scoring_script"), Cli::tr("scoring script")},
            {QStringLiteral("python"), Cli::tr("python")},
            {QStringLiteral("image"), Cli::tr("image")},
            {QStringLiteral("restart_count"), Cli::tr("restarts")},
            {QStringLiteral("log"), Cli::tr("log")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("updated_at"), Cli::tr("updated at")}};
}

// The verbs on one deployment: the workspace opened and NAME found once.
using DeploymentVerb = int (*)(CommandContext &, const Workspace &, const Deployment &);
std::function<int(CommandContext &)> onDeployment(DeploymentVerb verb)
{
    return [verb](CommandContext &context) {
        const auto ws = context.openWorkspace();
        if (!ws)
            return int(ExitFailure);
        QString error;
        const auto d = Deployments(*ws).find(context.argument(0), &error);
        if (!d)
            return context.fail(error);
        return verb(context, *ws, *d);
    };
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    if (!ws->isReadOnly())
        Deployer::reattach(*ws, &error); // supervisors that died come back
    const QList<Deployment> deployments = Deployments(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Deployment &d : deployments)
        rows.append(toJson(*ws, d));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("status"), Cli::tr("status")},
                           {QStringLiteral("models"), Cli::tr("models")},
                           {QStringLiteral("image"), Cli::tr("image")},
                           {QStringLiteral("scoring_uri"), Cli::tr("scoring uri")},
                           {QStringLiteral("restart_count"), Cli::tr("restarts")},
                           {QStringLiteral("updated_at"), Cli::tr("updated at")}},
                          rows);
    return ExitSuccess;
}

int show(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    context.output().show(showFields(), toJson(ws, d));
    return ExitSuccess;
}

bool fillRequest(CommandContext &context, const Workspace &ws, DeployRequest *request,
                 QString *error)
{
    request->name = context.argument(0);
    if (context.isSet(QStringLiteral("image"))) {
        const QString text = context.value(QStringLiteral("image"));
        const int colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = Cli::tr("'%1' is not NAME:VERSION of an image.").arg(text);
            return false;
        }
        request->image = Images(ws).find(text.left(colon), text.mid(colon + 1), error);
        if (!request->image)
            return false;
        if (context.isSet(QStringLiteral("model"))
            || context.isSet(QStringLiteral("scoring-script"))) {
            *error = Cli::tr("Serve either an image (--image) or models with a scoring script, "
                             "not both.");
            return false;
        }
    }
    if (!request->image) {
        request->scoringScript = context.value(QStringLiteral("scoring-script"));
        if (request->scoringScript.isEmpty()) {
            *error = Cli::tr("Say what to serve: --image NAME:VERSION, or --model NAME:VERSION "
                             "(repeatable) and --scoring-script FILE.");
            return false;
        }
        request->scoringScript = QDir::current().absoluteFilePath(request->scoringScript);
    }
    const QStringList models = context.values(QStringLiteral("model"));
    for (const QString &text : models) {
        AssetRef ref;
        std::optional<ModelVersion> v;
        if (AssetRef::parse(text, &ref, error))
            v = Models(ws).find(ref, error);
        if (!v)
            return false;
        request->models << *v;
    }
    if (context.isSet(QStringLiteral("environment"))) {
        AssetRef ref;
        if (AssetRef::parse(context.value(QStringLiteral("environment")), &ref, error))
            request->environment = Environments(ws).find(ref, error);
        if (!request->environment)
            return false;
    }
    if (context.isSet(QStringLiteral("target")))
        request->target = context.value(QStringLiteral("target"));
    bool ok = true;
    if (context.isSet(QStringLiteral("port")))
        request->port = context.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || request->port < 0 || request->port > 65535) {
        *error = Cli::tr("'%1' is not a port.").arg(context.value(QStringLiteral("port")));
        return false;
    }
    if (context.isSet(QStringLiteral("auth")))
        request->auth = context.value(QStringLiteral("auth"));
    if (context.isSet(QStringLiteral("max-request-bytes")))
        request->maxRequestBytes = context.value(QStringLiteral("max-request-bytes")).toLongLong();
    const QStringList variables = context.values(QStringLiteral("env"));
    for (const QString &pair : variables) {
        if (!pair.contains(QLatin1Char('='))) {
            *error = Cli::tr("'%1' is not KEY=VALUE.").arg(pair);
            return false;
        }
        request->environmentVariables.insert(pair.section(QLatin1Char('='), 0, 0),
                                             pair.section(QLatin1Char('='), 1));
    }
    return true;
}

int deploy(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    DeployRequest request;
    QString error;
    if (!ws->checkWritable(&error) || !fillRequest(context, *ws, &request, &error))
        return context.fail(error);
    Deployment d;
    if (!Deployer::deploy(*ws, request, &d, &error))
        return context.fail(error);
    context.note(Cli::tr("Deploying %1: %2.").arg(d.name, Deployer::modeReason(d)));
    if (context.isSet(QStringLiteral("no-wait"))) {
        context.output().message(d.name, toJson(*ws, d));
        return ExitSuccess;
    }
    const int seconds = context.isSet(QStringLiteral("timeout"))
                            ? context.value(QStringLiteral("timeout")).toInt()
                            : defaultWaitSeconds;
    const auto settled = Deployer::waitUntilSettled(*ws, d.id, seconds * 1000, &error);
    if (!settled)
        return context.fail(error);
    const QJsonObject record = toJson(*ws, *settled);
    if (settled->status == QLatin1String("Healthy")) {
        context.output().message(Cli::tr("%1 is Healthy: %2").arg(d.name, settled->url), record);
        return ExitSuccess;
    }
    if (context.output().format() == CliOutput::Format::Json)
        context.output().show({}, record);
    context.note(Cli::tr("%1 is %2: %3")
                     .arg(d.name, settled->status,
                          settled->message.isEmpty()
                              ? Cli::tr("not healthy after %1 s").arg(seconds)
                              : settled->message));
    return ExitFailure;
}

int keys(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    if (d.auth != QLatin1String("key"))
        return context.fail(
            Cli::tr("%1 does not use keys: it was deployed with --auth none.").arg(d.name));
    ServiceKeys keys(ws, d.name);
    return servicecommands::keys(context, keys, d.name);
}

int call(CommandContext &context, const Workspace &ws, const Deployment &d)
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
    if (d.auth == QLatin1String("key") && which != QLatin1String("none")) {
        QString primary, secondary;
        if (!ServiceKeys(ws, d.name).read(&primary, &secondary, &error))
            return context.fail(error);
        key = which == QLatin1String("secondary") ? secondary : primary;
    }
    if (d.url.isEmpty())
        return context.fail(Cli::tr("%1 has no scoring URI yet (it is %2).").arg(d.name, d.status));
    ScoringClient client;
    const ScoringResponse r = client.post(d.url, body, key, 60000);
    if (r.status == 0)
        return context.fail(Cli::tr("%1 did not answer at %2: %3").arg(d.name, d.url, r.error));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parse);
    const QJsonValue response =
        parse.error == QJsonParseError::NoError
            ? (doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()))
            : QJsonValue(QString::fromUtf8(r.body));
    const QJsonObject record{{QStringLiteral("status"), r.status},
                             {QStringLiteral("latency_ms"), qRound(r.latencyMs * 100) / 100.0},
                             {QStringLiteral("response"), response}};
    if (context.output().format() == CliOutput::Format::Json)
        context.output().show({}, record);
    else
        context.stream() << QString::fromUtf8(r.body).trimmed() << Qt::endl
                         << Cli::tr("status %1, %2 ms").arg(r.status).arg(r.latencyMs, 0, 'f', 1)
                         << Qt::endl;
    return r.status / 100 == 2 ? ExitSuccess : ExitFailure;
}

int logs(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    const QString path = Deployer::logPath(ws, d);
    const bool follow = context.isSet(QStringLiteral("follow"));
    qint64 offset = 0;
    QString error;
    while (true) {
        QFile log(path);
        if (log.open(QIODevice::ReadOnly) && log.size() > offset) {
            log.seek(offset);
            const QByteArray chunk = log.read(1 << 20);
            offset += chunk.size();
            context.stream() << QString::fromUtf8(chunk);
            context.stream().flush();
            continue;
        }
        if (!follow)
            return ExitSuccess;
        const auto now = Deployments(ws).find(d.id, &error);
        if (!now || now->status == QLatin1String("Stopped")
            || now->status == QLatin1String("Failed"))
            return ExitSuccess; // drained above: nothing more will come
        QThread::msleep(200);
    }
}

int stop(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    QString error;
    if (!Deployer::stop(ws, d.name, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Stopped %1.").arg(d.name),
        {{QStringLiteral("name"), d.name}, {QStringLiteral("status"), QStringLiteral("Stopped")}});
    return ExitSuccess;
}

int start(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    QString error;
    if (!Deployer::start(ws, d.name, &error))
        return context.fail(error);
    const auto settled = Deployer::waitUntilSettled(ws, d.id, defaultWaitSeconds * 1000, &error);
    if (!settled)
        return context.fail(error);
    if (settled->status != QLatin1String("Healthy"))
        return context.fail(Cli::tr("%1 is %2: %3").arg(d.name, settled->status, settled->message));
    context.output().message(Cli::tr("%1 is Healthy: %2").arg(d.name, settled->url),
                             toJson(ws, *settled));
    return ExitSuccess;
}

int remove(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    QString error, warning;
    if (!Deployer::remove(ws, d.name, &error, &warning))
        return context.fail(error);
    if (!warning.isEmpty())
        context.note(warning);
    context.output().message(Cli::tr("Deleted %1.").arg(d.name),
                             {{QStringLiteral("name"), d.name}});
    return ExitSuccess;
}

// What to serve instead: --image, or --model ... --scoring-script [--environment].
int update(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    DeployRequest what;
    QString error;
    if (!ws.checkWritable(&error) || !fillRequest(context, ws, &what, &error))
        return context.fail(error);
    const int seconds = context.isSet(QStringLiteral("timeout"))
                            ? context.value(QStringLiteral("timeout")).toInt()
                            : defaultWaitSeconds;
    Deployment updated;
    if (!Deployer::update(ws, d.name, what, seconds * 1000, &updated, &error))
        return context.fail(Cli::tr("%1 was not updated: %2").arg(d.name, error));
    const QJsonObject record = toJson(ws, updated);
    const QString served = updated.imageId > 0
                               ? record.value(QStringLiteral("image")).toString()
                               : Deployer::modelRefs(ws, updated).join(QStringLiteral(", "));
    context.output().message(Cli::tr("%1 now serves %2 at %3.").arg(d.name, served, updated.url),
                             record);
    return ExitSuccess;
}

int front(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    QString error;
    if (!DeploymentFront::serve(ws.path(), d.name, &error))
        return context.fail(error);
    return ExitSuccess;
}

int supervise(CommandContext &context, const Workspace &ws, const Deployment &d)
{
    QString error;
    if (!DeploymentSupervisor(ws, d.id).exec(&error))
        return context.fail(error);
    return ExitSuccess;
}

QList<VerbSpec> verbs()
{
    const ArgumentSpec name{QStringLiteral("NAME"), Cli::tr("The deployment's name.")};
    VerbSpec supervisor{QStringLiteral("supervise"),
                        Cli::tr("Watch a deployment's server (started by mlwb itself)."),
                        {name},
                        {},
                        onDeployment(supervise)};
    supervisor.hidden = true;
    VerbSpec holdPort{QStringLiteral("front"),
                      Cli::tr("Hold a deployment's port in front of its server (started by mlwb "
                              "itself)."),
                      {name},
                      {},
                      onDeployment(front)};
    holdPort.hidden = true;
    return {
        {QStringLiteral("deploy"),
         Cli::tr("Serve model versions with a scoring script as a web service; waits until it "
                 "is Healthy or Failed and prints its scoring URI."),
         {name},
         {{QStringLiteral("model"), QStringLiteral("NAME:VERSION"),
           Cli::tr("A model version to serve (repeatable)."), QChar(), ValueKind::ModelVersion},
          {QStringLiteral("scoring-script"), QStringLiteral("FILE"),
           Cli::tr("The script with init() and run(raw_data)."), QChar(), ValueKind::File},
          {QStringLiteral("environment"), QStringLiteral("NAME:VERSION"),
           Cli::tr("The environment whose Python runs it (default /usr/bin/python3)."), QChar()},
          {QStringLiteral("image"), QStringLiteral("NAME:VERSION"),
           Cli::tr("An image to serve: run with podman or docker where one works, else its "
                   "models and script as a process."),
           QChar()},
          {QStringLiteral("target"), QStringLiteral("TARGET"),
           Cli::tr("Where it runs (default local)."), QChar(), ValueKind::ComputeTarget},
          {QStringLiteral("port"), QStringLiteral("PORT"),
           Cli::tr("The port on 127.0.0.1 (default: a free one)."), QChar()},
          {QStringLiteral("auth"), QStringLiteral("none|key"),
           Cli::tr("key: callers send Authorization: Bearer KEY (default none)."), QChar()},
          {QStringLiteral("env"), QStringLiteral("KEY=VALUE"),
           Cli::tr("An environment variable of the server (repeatable)."), QChar()},
          {QStringLiteral("max-request-bytes"), QStringLiteral("BYTES"),
           Cli::tr("Larger request bodies get 413 (default 100 MiB)."), QChar()},
          {QStringLiteral("timeout"), QStringLiteral("SECONDS"),
           Cli::tr("How long to wait for Healthy (default 180)."), QChar()},
          {QStringLiteral("no-wait"), QString(), Cli::tr("Return once it is starting."), QChar()}},
         deploy},
        {QStringLiteral("list"),
         Cli::tr("List the deployments with their last known status."),
         {},
         {},
         list},
        {QStringLiteral("show"),
         Cli::tr("Show a deployment: status, scoring URI, what it serves, restarts."),
         {name},
         {},
         onDeployment(show)},
        {QStringLiteral("keys"),
         Cli::tr("Show a deployment's primary and secondary key, or regenerate one."),
         {name},
         {{QStringLiteral("regenerate"), QStringLiteral("primary|secondary"),
           Cli::tr("Replace this key; the other stays valid."), QChar()}},
         onDeployment(keys)},
        {QStringLiteral("call"),
         Cli::tr("Send a scoring request; prints the response, its status and latency."),
         {name},
         {{QStringLiteral("data"), QStringLiteral("JSON|@FILE"),
           Cli::tr("The request body, or @FILE for a file's contents."), QChar()},
          {QStringLiteral("key"), QStringLiteral("primary|secondary|none"),
           Cli::tr("Which key to send (default primary)."), QChar()}},
         onDeployment(call)},
        {QStringLiteral("logs"),
         Cli::tr("Print the scoring server's log."),
         {name},
         {{QStringLiteral("follow"), QString(),
           Cli::tr("Keep printing until the deployment stops."), QLatin1Char('f')}},
         onDeployment(logs)},
        {QStringLiteral("stop"),
         Cli::tr("Stop a deployment's server."),
         {name},
         {},
         onDeployment(stop)},
        {QStringLiteral("start"),
         Cli::tr("Start a stopped deployment again; waits until it is Healthy."),
         {name},
         {},
         onDeployment(start)},
        {QStringLiteral("delete"),
         Cli::tr("Stop a deployment and delete it, its folder and its keys."),
         {name},
         {},
         onDeployment(remove)},
        {QStringLiteral("update"),
         Cli::tr("Serve something else without dropping a request: starts the new server, "
                 "moves the traffic to it once it is healthy, then stops the old one. The "
                 "scoring URI stays; a new server that never gets healthy leaves the old one "
                 "serving."),
         {name},
         {{QStringLiteral("image"), QStringLiteral("NAME:VERSION"),
           Cli::tr("The image to serve now."), QChar()},
          {QStringLiteral("model"), QStringLiteral("NAME:VERSION"),
           Cli::tr("A model version to serve now (repeatable)."), QChar(), ValueKind::ModelVersion},
          {QStringLiteral("scoring-script"), QStringLiteral("FILE"),
           Cli::tr("The script with init() and run(raw_data)."), QChar(), ValueKind::File},
          {QStringLiteral("environment"), QStringLiteral("NAME:VERSION"),
           Cli::tr("The environment whose Python runs it (default /usr/bin/python3)."), QChar()},
          {QStringLiteral("timeout"), QStringLiteral("SECONDS"),
           Cli::tr("How long to wait for the new server (default 180)."), QChar()}},
         onDeployment(update)},
        serviceMetricsVerb(),
        supervisor,
        holdPort,
    };
}

} // namespace

void registerDeploymentCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("service");
    registry.addNoun(noun, Cli::tr("Web services: deploy models with a scoring script, call, "
                                   "watch and stop them."));
    const QList<VerbSpec> all = verbs();
    for (const VerbSpec &verb : all)
        registry.addVerb(noun, verb);
    // The older name: the same verbs, only `list` shown in help.
    const QString old = QStringLiteral("deployment");
    registry.addNoun(old, Cli::tr("Deployments: the same as mlwb service."));
    for (VerbSpec verb : all) {
        verb.hidden = verb.hidden || verb.name != QLatin1String("list");
        registry.addVerb(old, verb);
    }
}

} // namespace mlwb
