// `mlwb model ...`: the model registry.
#include "commandcontext.h"
#include "store/models.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Model &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("description"), CliOutput::text(m.description)},
            {QStringLiteral("latest_version"), m.latestVersion},
            {QStringLiteral("created_at"), CliOutput::time(m.createdAt)}};
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

} // namespace

void registerModelCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("model");
    registry.addNoun(noun, Cli::tr("Registered models and their versions."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the registered models with their latest version."),
                            {},
                            {},
                            list});
}

} // namespace mlwb
