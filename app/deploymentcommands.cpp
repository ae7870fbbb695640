// `mlwb deployment ...`: web services serving an image.
#include "commandcontext.h"
#include "store/deployments.h"
#include "store/images.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Deployment &d, const std::optional<Image> &image)
{
    const QJsonValue imageName = image ? QJsonValue(image->name + QLatin1Char(':') + image->tag)
                                       : QJsonValue(QJsonValue::Null);
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("status"), d.status},
            {QStringLiteral("url"), CliOutput::text(d.url)},
            {QStringLiteral("image_id"), CliOutput::id(d.imageId)},
            {QStringLiteral("image"), imageName},
            {QStringLiteral("config"), d.config},
            {QStringLiteral("created_at"), CliOutput::time(d.createdAt)},
            {QStringLiteral("updated_at"), CliOutput::time(d.updatedAt)}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Deployment> deployments = Deployments(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    const Images images(*ws);
    QJsonArray rows;
    for (const Deployment &d : deployments)
        rows.append(toJson(d, images.find(d.imageId)));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("status"), Cli::tr("status")},
                           {QStringLiteral("image"), Cli::tr("image")},
                           {QStringLiteral("url"), Cli::tr("url")},
                           {QStringLiteral("updated_at"), Cli::tr("updated at")}},
                          rows);
    return ExitSuccess;
}

} // namespace

void registerDeploymentCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("deployment");
    registry.addNoun(noun, Cli::tr("Deployments: web services serving an image."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the deployments with their last known status."),
                            {},
                            {},
                            list});
}

} // namespace mlwb
