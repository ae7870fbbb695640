// `mlwb model update` and `mlwb model compare`: the CLI twins of the model
// version page's edits and of comparing versions in the workbench.
#include "commandcontext.h"
#include "items/runstablemodel.h"
#include "modelversionref.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

namespace mlwb {

namespace {

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

int update(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    const auto v = findModelVersion(context, *ws, context.argument(0));
    if (!v)
        return ExitFailure;
    Models models(*ws);
    QString error;
    if (context.isSet(QStringLiteral("description"))
        && !models.setDescription(v->modelName, v->version,
                                  context.value(QStringLiteral("description")), &error))
        return context.fail(error);
    QMap<QString, QString> properties = v->properties;
    for (const QString &pair : context.values(QStringLiteral("property"))) {
        if (!pair.contains(QLatin1Char('=')))
            return context.fail(Cli::tr("'%1' is not KEY=VALUE.").arg(pair));
        properties.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    }
    for (const QString &key : context.values(QStringLiteral("remove-property")))
        properties.remove(key);
    if (properties != v->properties
        && !models.setProperties(v->modelName, v->version, properties, &error))
        return context.fail(error);
    const auto updated = models.findVersion(v->modelName, v->version, &error);
    if (!updated)
        return context.fail(error);
    context.output().show({{QStringLiteral("ref"), Cli::tr("version")},
                           {QStringLiteral("description"), Cli::tr("description")},
                           {QStringLiteral("properties"), Cli::tr("properties")}},
                          {{QStringLiteral("ref"), QString(updated->modelName + QLatin1Char(':')
                                                           + QString::number(updated->version))},
                           {QStringLiteral("description"), CliOutput::text(updated->description)},
                           {QStringLiteral("properties"), toJson(updated->properties)}});
    return ExitSuccess;
}

// One row per version: its source run's parameters and final metrics, the
// columns the workbench's comparison shows.
int compare(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QList<ModelVersion> versions;
    for (const QString &text : context.arguments()) {
        const auto v = findModelVersion(context, *ws, text);
        if (!v)
            return ExitFailure;
        if (!versions.isEmpty() && v->modelId != versions.first().modelId)
            return context.fail(Cli::tr("Versions of different models cannot be compared: %1 "
                                        "and %2.")
                                    .arg(versions.first().modelName, v->modelName));
        versions << *v;
    }
    if (versions.size() < 2)
        return context.fail(Cli::tr("Name two or more versions of one model to compare."));
    QList<Id> runIds{-1}; // none: an empty table, not every run
    for (const ModelVersion &v : std::as_const(versions))
        if (v.runId != 0)
            runIds << v.runId;
    RunsTableModel table(*ws);
    table.setRunIds(runIds);
    QString error;
    if (!table.reload(&error))
        return context.fail(error);
    QList<Column> columns{{QStringLiteral("ref"), Cli::tr("version")},
                          {QStringLiteral("run"), Cli::tr("run")}};
    QList<int> shown;
    for (int c = 0; c < table.columnCount(); ++c) {
        const auto group = table.columnGroup(c);
        if ((group == RunsTableModel::Group::Param || group == RunsTableModel::Group::Metric)
            && table.columnAggregate(c) != QLatin1String("min")
            && table.columnAggregate(c) != QLatin1String("max")) {
            shown << c;
            columns << Column{table.columnKey(c), table.columnKey(c)};
        }
    }
    QJsonArray rows;
    for (const ModelVersion &v : std::as_const(versions)) {
        QJsonObject row{{QStringLiteral("ref"),
                         QString(v.modelName + QLatin1Char(':') + QString::number(v.version))}};
        const int r = v.runId ? table.rowOf(v.runId) : -1;
        row.insert(QStringLiteral("run"),
                   r < 0 ? QJsonValue() : QJsonValue(table.index(r, 0).data().toString()));
        for (int c : std::as_const(shown)) {
            const QVariant value =
                r < 0 ? QVariant() : table.index(r, c).data(RunsTableModel::SortRole);
            row.insert(table.columnKey(c), QJsonValue::fromVariant(value));
        }
        rows.append(row);
    }
    context.output().list(columns, rows);
    return ExitSuccess;
}

} // namespace

void registerModelVersionCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("model");
    registry.addVerb(noun, {QStringLiteral("update"),
                            Cli::tr("Change a model version's description or properties."),
                            {{QStringLiteral("NAME[:VERSION|@ALIAS]"),
                              Cli::tr("A model: its latest version, a number or an alias.")}},
                            {{QStringLiteral("description"), QStringLiteral("TEXT"),
                              Cli::tr("The new description."), QChar()},
                             {QStringLiteral("property"), QStringLiteral("KEY=VALUE"),
                              Cli::tr("A property to set (repeatable)."), QChar()},
                             {QStringLiteral("remove-property"), QStringLiteral("KEY"),
                              Cli::tr("A property to remove (repeatable)."), QChar()}},
                            update});
    registry.addVerb(noun, {QStringLiteral("compare"),
                            Cli::tr("Compare versions of one model: their source runs' "
                                    "parameters and final metrics side by side."),
                            {{QStringLiteral("NAME:VERSION..."),
                              Cli::tr("Two or more versions of one model."), false, true}},
                            {},
                            compare});
}

} // namespace mlwb
