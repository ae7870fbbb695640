// `mlwb model ...`: the model registry.
#include "commandcontext.h"
#include "modelversionref.h"
#include "registry/modelregistry.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QDir>

namespace mlwb {

std::optional<ModelVersion> findModelVersion(CommandContext &context, const Workspace &ws,
                                             const QString &text)
{
    AssetRef ref;
    QString error;
    std::optional<ModelVersion> found;
    if (AssetRef::parse(text, &ref, &error))
        found = Models(ws).find(ref, &error);
    if (!found)
        context.fail(error);
    return found;
}

namespace {

QJsonObject toJson(const Model &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("description"), CliOutput::text(m.description)},
            {QStringLiteral("latest_version"), m.latestVersion},
            {QStringLiteral("created_at"), CliOutput::time(m.createdAt)}};
}

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonObject toJson(const ModelVersion &v, const Lineage &lineage)
{
    const QJsonObject source =
        lineage.runUid.isEmpty()
            ? QJsonObject{{QStringLiteral("uploaded_from"), lineage.uploadedFrom}}
            : QJsonObject{{QStringLiteral("run"), lineage.runUid},
                          {QStringLiteral("experiment"), lineage.experiment},
                          {QStringLiteral("path"), lineage.outputPath},
                          {QStringLiteral("snapshot"), CliOutput::text(lineage.snapshotSha256)}};
    return {{QStringLiteral("name"), v.modelName},
            {QStringLiteral("version"), v.version},
            {QStringLiteral("ref"),
             QString(v.modelName + QLatin1Char(':') + QString::number(v.version))},
            {QStringLiteral("framework"), CliOutput::text(v.framework)},
            {QStringLiteral("description"), CliOutput::text(v.description)},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(v.aliases)},
            {QStringLiteral("tags"), toJson(v.tags)},
            {QStringLiteral("properties"), toJson(v.properties)},
            {QStringLiteral("sha256"), v.sha256},
            {QStringLiteral("size"), v.size},
            {QStringLiteral("created_by"), CliOutput::text(v.createdBy)},
            {QStringLiteral("created_at"), CliOutput::time(v.createdAt)},
            {QStringLiteral("environment"), CliOutput::text(lineage.environment)},
            {QStringLiteral("lineage"), source}};
}

QList<Column> versionFields()
{
    return {{QStringLiteral("ref"), Cli::tr("version")},
            {QStringLiteral("framework"), Cli::tr("framework")},
            {QStringLiteral("aliases"), Cli::tr("aliases")},
            {QStringLiteral("description"), Cli::tr("description")},
            {QStringLiteral("tags"), Cli::tr("tags")},
            {QStringLiteral("properties"), Cli::tr("properties")},
            {QStringLiteral("size"), Cli::tr("size")},
            {QStringLiteral("sha256"), Cli::tr("sha256")},
            {QStringLiteral("created_by"), Cli::tr("created by")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("environment"), Cli::tr("environment")},
            {QStringLiteral("lineage"), Cli::tr("lineage")},
            {QStringLiteral("files"), Cli::tr("files")}};
}

// KEY=VALUE words into a map; false (after reporting) on a word without '='.
bool keyValues(CommandContext &context, const QStringList &pairs, QMap<QString, QString> *out)
{
    for (const QString &pair : pairs) {
        if (!pair.contains(QLatin1Char('='))) {
            context.fail(Cli::tr("'%1' is not KEY=VALUE.").arg(pair));
            return false;
        }
        out->insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    }
    return true;
}

// The verbs on one version: the workspace is opened and NAME[:VERSION|@ALIAS]
// resolved here, once, with the same messages for all of them.
using VersionVerb = int (*)(CommandContext &, const Workspace &, const ModelVersion &);
std::function<int(CommandContext &)> onVersion(VersionVerb verb)
{
    return [verb](CommandContext &context) {
        const auto ws = context.openWorkspace();
        if (!ws)
            return int(ExitFailure);
        const auto v = findModelVersion(context, *ws, context.argument(0));
        if (!v)
            return int(ExitFailure);
        return verb(context, *ws, *v);
    };
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Model> models = Models(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Model &m : models)
        rows.append(toJson(m));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("latest_version"), Cli::tr("latest version")},
                           {QStringLiteral("created_at"), Cli::tr("created at")},
                           {QStringLiteral("description"), Cli::tr("description")}},
                          rows);
    return ExitSuccess;
}

int registerModel(CommandContext &context)
{
    RegisterRequest request;
    request.name = context.argument(0);
    request.path = context.value(QStringLiteral("path"));
    request.run = context.value(QStringLiteral("run"));
    request.description = context.value(QStringLiteral("description"));
    request.framework = context.value(QStringLiteral("framework"));
    request.aliases = context.values(QStringLiteral("alias"));
    request.environment = context.value(QStringLiteral("environment"));
    if (request.path.isEmpty())
        return context.fail(Cli::tr("Say what to register with --path FILE_OR_FOLDER, or --run "
                                    "RUN --path outputs/REL."));
    if (!keyValues(context, context.values(QStringLiteral("tag")), &request.tags)
        || !keyValues(context, context.values(QStringLiteral("property")), &request.properties))
        return ExitFailure;
    if (request.run.isEmpty())
        request.path = QDir::current().absoluteFilePath(request.path);
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    ModelRegistry registry(*ws);
    ModelVersion v;
    QString error;
    if (!registry.registerModel(request, &v, &error))
        return context.fail(error);
    context.output().message(v.modelName + QLatin1Char(':') + QString::number(v.version),
                             toJson(v, registry.lineage(v, &error)));
    return ExitSuccess;
}

int show(CommandContext &context, const Workspace &ws, const ModelVersion &v)
{
    ModelRegistry registry(ws);
    QString error;
    QJsonObject record = toJson(v, registry.lineage(v, &error));
    const auto manifest = registry.files(v, &error);
    if (!manifest)
        return context.fail(error);
    // A table shows each file on its own line; JSON keeps its fields.
    const bool table = context.output().format() == CliOutput::Format::Table;
    QJsonArray files;
    QJsonObject fileLines;
    for (const ManifestEntry &e : manifest->entries) {
        files.append(QJsonObject{{QStringLiteral("path"), e.path},
                                 {QStringLiteral("size"), e.size},
                                 {QStringLiteral("sha256"), e.sha256}});
        fileLines.insert(e.path, Cli::tr("%1 bytes, sha256 %2").arg(e.size).arg(e.sha256));
    }
    record.insert(QStringLiteral("files"), table ? QJsonValue(fileLines) : QJsonValue(files));
    context.output().show(versionFields(), record);
    return ExitSuccess;
}

int download(CommandContext &context, const Workspace &ws, const ModelVersion &v)
{
    const QString dir = QDir::current().absoluteFilePath(context.argument(1));
    QString error;
    if (!ModelRegistry(ws).download(v, dir, &error))
        return context.fail(error);
    context.output().message(Cli::tr("Downloaded %1:%2 to %3.")
                                 .arg(v.modelName)
                                 .arg(v.version)
                                 .arg(QDir::toNativeSeparators(dir)),
                             {{QStringLiteral("name"), v.modelName},
                              {QStringLiteral("version"), v.version},
                              {QStringLiteral("path"), dir}});
    return ExitSuccess;
}

int alias(CommandContext &context, const Workspace &ws, const ModelVersion &v)
{
    const QString name = context.argument(1);
    const bool remove = context.isSet(QStringLiteral("remove"));
    Models models(ws);
    QString error;
    const bool ok = remove ? models.assets().removeAlias(v.modelName, name, &error)
                           : models.assets().setAlias(v.modelName, v.version, name, &error);
    if (!ok)
        return context.fail(error);
    const QString ref = v.modelName + QLatin1Char(':') + QString::number(v.version);
    context.output().message(remove ? Cli::tr("Removed alias %1 of %2.").arg(name, v.modelName)
                                    : Cli::tr("%1@%2 is %3.").arg(v.modelName, name, ref),
                             {{QStringLiteral("name"), v.modelName},
                              {QStringLiteral("alias"), name},
                              {QStringLiteral("version"), remove ? QJsonValue() : v.version}});
    return ExitSuccess;
}

int tag(CommandContext &context, const Workspace &ws, const ModelVersion &v)
{
    QMap<QString, QString> set;
    if (!keyValues(context, context.arguments().mid(1), &set))
        return ExitFailure;
    Models models(ws);
    QString error;
    if (!models.assets().updateTags(v.modelName, v.version, set,
                                    context.values(QStringLiteral("remove")), &error))
        return context.fail(error);
    const auto updated = models.findVersion(v.modelName, v.version, &error);
    if (!updated)
        return context.fail(error);
    context.output().show(
        {{QStringLiteral("ref"), Cli::tr("version")}, {QStringLiteral("tags"), Cli::tr("tags")}},
        toJson(*updated, Lineage()));
    return ExitSuccess;
}

int remove(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    AssetRef ref;
    QString error;
    if (!AssetRef::parse(context.argument(0), &ref, &error))
        return context.fail(error);
    if (ref.version == 0 && ref.alias.isEmpty())
        return context.fail(Cli::tr("Say which version to delete: %1:VERSION.").arg(ref.name));
    const auto v = findModelVersion(context, *ws, context.argument(0));
    if (!v)
        return ExitFailure;
    if (!ModelRegistry(*ws).remove(v->modelName, v->version, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Deleted %1:%2.").arg(v->modelName).arg(v->version),
        {{QStringLiteral("name"), v->modelName}, {QStringLiteral("version"), v->version}});
    return ExitSuccess;
}

} // namespace

void registerModelCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("model");
    const ArgumentSpec ref{QStringLiteral("NAME[:VERSION|@ALIAS]"),
                           Cli::tr("A model: its latest version, a number or an alias.")};
    const ArgumentSpec version{QStringLiteral("NAME:VERSION"), Cli::tr("One model version.")};
    registry.addNoun(noun, Cli::tr("Registered models and their versions."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the registered models with their latest version."),
                            {},
                            {},
                            list});
    registry.addVerb(
        noun,
        {QStringLiteral("register"),
         Cli::tr("Register a file or folder as the next version of a model; prints NAME:VERSION."),
         {{QStringLiteral("NAME"), Cli::tr("The model's name.")}},
         {{QStringLiteral("path"), QStringLiteral("PATH"),
           Cli::tr("A file or folder; with --run, outputs/FILE_OR_FOLDER of that run."), QChar()},
          {QStringLiteral("run"), QStringLiteral("RUN"), Cli::tr("The run the model comes from."),
           QChar()},
          {QStringLiteral("description"), QStringLiteral("TEXT"), Cli::tr("What it is."), QChar()},
          {QStringLiteral("tag"), QStringLiteral("KEY=VALUE"), Cli::tr("A tag (repeatable)."),
           QChar()},
          {QStringLiteral("property"), QStringLiteral("KEY=VALUE"),
           Cli::tr("A property (repeatable)."), QChar()},
          {QStringLiteral("alias"), QStringLiteral("ALIAS"),
           Cli::tr("Point this alias at the new version (repeatable)."), QChar()},
          {QStringLiteral("framework"), QStringLiteral("NAME"),
           Cli::tr("scikit-learn, pytorch, tensorflow, onnx, xgboost, lightgbm or custom; "
                   "guessed from the files when not given."),
           QChar()},
          {QStringLiteral("environment"), QStringLiteral("NAME:VERSION"),
           Cli::tr("The environment it runs in; by default the run's."), QChar()}},
         registerModel});
    registry.addVerb(noun, {QStringLiteral("show"),
                            Cli::tr("Show a model version: files, lineage, tags, aliases."),
                            {ref},
                            {},
                            onVersion(show)});
    registry.addVerb(noun, {QStringLiteral("download"),
                            Cli::tr("Copy a model version's files into a folder."),
                            {ref, {QStringLiteral("DIR"), Cli::tr("Where to put the files.")}},
                            {},
                            onVersion(download)});
    registry.addVerb(
        noun, {QStringLiteral("alias"),
               Cli::tr("Point an alias at a version (moving it), or remove it."),
               {version, {QStringLiteral("ALIAS"), Cli::tr("e.g. production.")}},
               {{QStringLiteral("remove"), QString(), Cli::tr("Remove the alias."), QChar()}},
               onVersion(alias)});
    registry.addVerb(noun,
                     {QStringLiteral("tag"),
                      Cli::tr("Set or remove tags of a model version."),
                      {ref, {QStringLiteral("KEY=VALUE..."), Cli::tr("Tags to set."), true, true}},
                      {{QStringLiteral("remove"), QStringLiteral("KEY"),
                        Cli::tr("A tag to remove (repeatable)."), QChar()}},
                      onVersion(tag)});
    registry.addVerb(noun, {QStringLiteral("delete"),
                            Cli::tr("Delete a model version; its files go once nothing uses them."),
                            {version},
                            {},
                            remove});
}

} // namespace mlwb
