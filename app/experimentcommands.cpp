// `mlwb experiment ...`: named groups of runs.
#include "commandcontext.h"
#include "runs/rundeletion.h"
#include "store/experiments.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const Experiment &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("name"), e.name},
            {QStringLiteral("description"), CliOutput::text(e.description)},
            {QStringLiteral("run_count"), e.runCount},
            {QStringLiteral("created_at"), CliOutput::time(e.createdAt)}};
}

QList<Column> columns()
{
    return {{QStringLiteral("name"), Cli::tr("name")},
            {QStringLiteral("run_count"), Cli::tr("runs")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("description"), Cli::tr("description")}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Experiment> experiments = Experiments(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Experiment &e : experiments)
        rows.append(toJson(e));
    context.output().list(columns(), rows);
    return ExitSuccess;
}

int create(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    Experiment experiment;
    experiment.name = context.argument(0);
    experiment.description = context.value(QStringLiteral("description"));
    QString error;
    if (!Experiments(*ws).create(&experiment, &error))
        return context.fail(error);
    context.output().show(QList<Column>{{QStringLiteral("id"), Cli::tr("id")}} + columns(),
                          toJson(experiment));
    return ExitSuccess;
}

int remove(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    Experiments experiments(*ws);
    QString error;
    const auto experiment = experiments.find(context.argument(0), &error);
    RunFiles removed;
    if (!experiment || !RunDeletion(*ws).removeExperiment(experiment->name, &removed, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Deleted the experiment '%1' and its %n run(s).", nullptr, experiment->runCount)
            .arg(experiment->name),
        toJson(*experiment));
    return ExitSuccess;
}

} // namespace

void registerExperimentCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("experiment");
    const ArgumentSpec name{QStringLiteral("NAME"), Cli::tr("The experiment's name.")};
    ArgumentSpec existing = name;
    existing.kind = ValueKind::Experiment;
    registry.addNoun(noun, Cli::tr("Experiments: named groups of runs."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the experiments with their number of runs."),
                            {},
                            {},
                            list});
    registry.addVerb(noun, {QStringLiteral("create"),
                            Cli::tr("Create an experiment."),
                            {name},
                            {{QStringLiteral("description"), QStringLiteral("TEXT"),
                              Cli::tr("What the experiment is about."), QChar()}},
                            create});
    registry.addVerb(noun, {QStringLiteral("delete"),
                            Cli::tr("Delete an experiment with all its runs and their metrics."),
                            {existing},
                            {},
                            remove});
}

} // namespace mlwb
