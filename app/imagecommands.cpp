// `mlwb image ...`: container images built from models and an environment.
#include "commandcontext.h"
#include "store/images.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Image &i)
{
    QJsonArray modelVersions;
    for (Id id : i.modelVersionIds)
        modelVersions.append(id);
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("tag"), i.tag},
            {QStringLiteral("status"), i.status},
            {QStringLiteral("digest"), CliOutput::text(i.digest)},
            {QStringLiteral("size"), i.size},
            {QStringLiteral("environment_version_id"), CliOutput::id(i.environmentVersionId)},
            {QStringLiteral("model_version_ids"), modelVersions},
            {QStringLiteral("created_at"), CliOutput::time(i.createdAt)}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Image> images = Images(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Image &i : images)
        rows.append(toJson(i));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("tag"), Cli::tr("tag")},
                           {QStringLiteral("status"), Cli::tr("status")},
                           {QStringLiteral("size"), Cli::tr("size")},
                           {QStringLiteral("created_at"), Cli::tr("created at")},
                           {QStringLiteral("digest"), Cli::tr("digest")}},
                          rows);
    return ExitSuccess;
}

} // namespace

void registerImageCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("image");
    registry.addNoun(noun, Cli::tr("Container images built from models and an environment."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the images with their build status."),
                            {},
                            {},
                            list});
}

} // namespace mlwb
