// `mlwb pipeline ...`: ordered steps, each a script on a target.
#include "commandcontext.h"
#include "store/pipelines.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Pipeline &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("description"), CliOutput::text(p.description)},
            {QStringLiteral("created_at"), CliOutput::time(p.createdAt)}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Pipeline> pipelines = Pipelines(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Pipeline &p : pipelines)
        rows.append(toJson(p));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("created_at"), Cli::tr("created at")},
                           {QStringLiteral("description"), Cli::tr("description")}},
                          rows);
    return ExitSuccess;
}

} // namespace

void registerPipelineCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("pipeline");
    registry.addNoun(noun, Cli::tr("Pipelines: ordered steps, each a script on a target."));
    registry.addVerb(noun, {QStringLiteral("list"), Cli::tr("List the pipelines."), {}, {}, list});
}

} // namespace mlwb
