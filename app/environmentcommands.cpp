// `mlwb environment ...`: software environments runs and images use.
#include "commandcontext.h"
#include "store/environments.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Environment &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("name"), e.name},
            {QStringLiteral("latest_version"), e.latestVersion},
            {QStringLiteral("created_at"), CliOutput::time(e.createdAt)}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Environment> environments = Environments(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Environment &e : environments)
        rows.append(toJson(e));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("latest_version"), Cli::tr("latest version")},
                           {QStringLiteral("created_at"), Cli::tr("created at")}},
                          rows);
    return ExitSuccess;
}

} // namespace

void registerEnvironmentCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("environment");
    registry.addNoun(noun, Cli::tr("Software environments: interpreter, packages, base image."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the environments with their latest version."),
                            {},
                            {},
                            list});
}

} // namespace mlwb
