// `mlwb datastore ...`: named folders that hold data.
#include "commandcontext.h"
#include "store/datastores.h"
#include "store/workspace.h"

#include <QDir>

namespace mlwb {

namespace {

QJsonObject toJson(const Datastores &stores, const Datastore &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("kind"), d.kind},
            {QStringLiteral("path"), d.path},
            {QStringLiteral("absolute_path"), QDir::toNativeSeparators(stores.absolutePath(d))},
            {QStringLiteral("is_default"), d.isDefault},
            {QStringLiteral("created_at"), CliOutput::time(d.createdAt)}};
}

QList<Column> columns()
{
    return {{QStringLiteral("name"), Cli::tr("name")},
            {QStringLiteral("kind"), Cli::tr("kind")},
            {QStringLiteral("is_default"), Cli::tr("default")},
            {QStringLiteral("absolute_path"), Cli::tr("path")}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    const Datastores stores(*ws);
    QString error;
    const QList<Datastore> all = stores.list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Datastore &d : all)
        rows.append(toJson(stores, d));
    context.output().list(columns(), rows);
    return ExitSuccess;
}

// A folder given on the command line means one relative to the current
// folder; inside the workspace it is stored relative to it, so the
// workspace can be copied elsewhere with its datastores.
QString storedPath(const Workspace &ws, const QString &given)
{
    const QString absolute = QDir::cleanPath(QDir::current().absoluteFilePath(given));
    const QString relative = QDir(ws.path()).relativeFilePath(absolute);
    return relative.startsWith(QLatin1String("..")) ? absolute : relative;
}

int add(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    Datastores stores(*ws);
    Datastore store;
    store.name = context.argument(0);
    store.path = storedPath(*ws, context.argument(1));
    QString error;
    if (!stores.add(&store, &error))
        return context.fail(error);
    context.output().show(QList<Column>{{QStringLiteral("id"), Cli::tr("id")}} + columns(),
                          toJson(stores, store));
    return ExitSuccess;
}

int remove(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    Datastores stores(*ws);
    QString error;
    const auto store = stores.find(context.argument(0), &error);
    if (!store || !stores.remove(store->name, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Removed the datastore '%1'; its files were left in place.").arg(store->name),
        toJson(stores, *store));
    return ExitSuccess;
}

} // namespace

void registerDatastoreCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("datastore");
    const ArgumentSpec name{QStringLiteral("NAME"), Cli::tr("The datastore's name.")};
    ArgumentSpec existing = name;
    existing.kind = ValueKind::Datastore;
    registry.addNoun(noun, Cli::tr("Datastores: named folders that hold data."));
    registry.addVerb(noun, {QStringLiteral("list"), Cli::tr("List the datastores."), {}, {}, list});
    registry.addVerb(noun, {QStringLiteral("add"),
                            Cli::tr("Register an existing folder as a datastore."),
                            {name, {QStringLiteral("PATH"), Cli::tr("The folder.")}},
                            {},
                            add});
    registry.addVerb(noun, {QStringLiteral("remove"),
                            Cli::tr("Unregister a datastore; its files are not touched."),
                            {existing},
                            {},
                            remove});
}

} // namespace mlwb
