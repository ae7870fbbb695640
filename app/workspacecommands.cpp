// `mlwb workspace ...`: create, show, list and check workspaces.
#include "commandcontext.h"
#include "snapshots/snapshotreader.h"
#include "store/defaultworkspace.h"
#include "store/sqlerror.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"

#include <QDir>
#include <QSqlQuery>

namespace mlwb {

namespace {

// The tables `workspace show` counts; their names are the JSON keys.
const char *const countedTables[] = {"compute_targets", "datastores",     "experiments",  "runs",
                                     "models",          "model_versions", "environments", "images",
                                     "deployments",     "pipelines"};

bool scalar(const Workspace &ws, const QString &text, QVariant *value, QString *error)
{
    QSqlQuery query(ws.database());
    if (!sql::prepare(query, text, error) || !sql::exec(query, error))
        return false;
    *value = query.next() ? query.value(0) : QVariant();
    return true;
}

bool describe(const Workspace &ws, QJsonObject *record, QString *error)
{
    QVariant createdAt;
    if (!scalar(ws, QStringLiteral("SELECT value FROM workspace_info WHERE key = 'created_at'"),
                &createdAt, error))
        return false;
    QJsonObject counts;
    for (const char *table : countedTables) {
        QVariant count;
        if (!scalar(ws, QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table), &count,
                    error))
            return false;
        counts.insert(QLatin1String(table), count.toLongLong());
    }
    *record = QJsonObject{
        {QStringLiteral("path"), QDir::toNativeSeparators(ws.path())},
        {QStringLiteral("name"), ws.name()},
        {QStringLiteral("schema_version"), ws.schemaVersion()},
        {QStringLiteral("created_at"),
         CliOutput::time(createdAt.isNull() ? QDateTime() : sql::dateTime(createdAt.toLongLong()))},
        {QStringLiteral("counts"), counts},
    };
    return true;
}

QList<Column> showFields()
{
    return {{QStringLiteral("path"), Cli::tr("path")},
            {QStringLiteral("name"), Cli::tr("name")},
            {QStringLiteral("schema_version"), Cli::tr("schema version")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("counts"), Cli::tr("counts")}};
}

int create(CommandContext &context)
{
    const QString path = QDir::cleanPath(QDir(context.argument(0)).absolutePath());
    QString error;
    const auto ws = Workspace::create(path, &error);
    if (!ws || !defaults::installSampleProject(*ws, &error)
        || !WorkspaceRegistry::touch(ws->path(), &error))
        return context.fail(error);
    QJsonObject record;
    if (!describe(*ws, &record, &error))
        return context.fail(error);
    context.output().message(QDir::toNativeSeparators(ws->path()), record);
    return ExitSuccess;
}

int show(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QJsonObject record;
    QString error;
    if (!describe(*ws, &record, &error))
        return context.fail(error);
    context.output().show(showFields(), record);
    return ExitSuccess;
}

int list(CommandContext &context)
{
    QString error;
    const QStringList paths = WorkspaceRegistry::list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    const QString current = context.workspacePath();
    QJsonArray rows;
    for (const QString &path : paths) {
        rows.append(QJsonObject{
            {QStringLiteral("path"), QDir::toNativeSeparators(path)},
            {QStringLiteral("exists"), Workspace::exists(path)},
            {QStringLiteral("current"), QDir::cleanPath(QDir(path).absolutePath()) == current},
        });
    }
    context.output().list({{QStringLiteral("path"), Cli::tr("path")},
                           {QStringLiteral("exists"), Cli::tr("exists")},
                           {QStringLiteral("current"), Cli::tr("current")}},
                          rows);
    return ExitSuccess;
}

// Every row of a PRAGMA check that reports a problem, as text.
bool runCheck(const Workspace &ws, const QString &pragma, QJsonArray *problems, QString *error)
{
    QSqlQuery query(ws.database());
    if (!sql::prepare(query, QStringLiteral("PRAGMA ") + pragma, error) || !sql::exec(query, error))
        return false;
    while (query.next()) {
        QString message;
        if (pragma == QLatin1String("integrity_check")) {
            message = query.value(0).toString();
            if (message == QLatin1String("ok"))
                continue;
        } else {
            message = Cli::tr("row %1 of %2 refers to a missing row of %3")
                          .arg(query.value(1).toString(), query.value(0).toString(),
                               query.value(2).toString());
        }
        problems->append(
            QJsonObject{{QStringLiteral("check"), pragma}, {QStringLiteral("message"), message}});
    }
    return true;
}

// Metric point blocks that disagree with their series: damaged blobs, gaps,
// or a count that says otherwise.
bool checkPoints(const Workspace &ws, QJsonArray *problems, QString *error)
{
    QSqlQuery query(ws.database());
    const QString sql = QStringLiteral(
        "SELECT series_id, first_seq, 1 FROM metric_blocks WHERE length(steps) != count * 8 "
        "OR length(times) != count * 8 OR length(vals) != count * 8 "
        "UNION ALL SELECT series_id, first_seq, 2 FROM (SELECT series_id, first_seq, "
        "lag(first_seq + count, 1, 0) OVER (PARTITION BY series_id ORDER BY first_seq) AS "
        "expected FROM metric_blocks) WHERE first_seq != expected "
        "UNION ALL SELECT s.id, s.count, 3 FROM metric_series s WHERE s.kind = 'scalar' AND "
        "s.count != (SELECT coalesce(sum(b.count), 0) FROM metric_blocks b WHERE b.series_id = "
        "s.id)");
    if (!sql::prepare(query, sql, error) || !sql::exec(query, error))
        return false;
    while (query.next()) {
        const QString series = query.value(0).toString(), seq = query.value(1).toString();
        const int kind = query.value(2).toInt();
        const QString message =
            kind == 1
                ? Cli::tr("metric series %1: the block at point %2 is damaged").arg(series, seq)
            : kind == 2
                ? Cli::tr("metric series %1: points are missing before point %2").arg(series, seq)
                : Cli::tr("metric series %1: its count (%2) differs from its stored points")
                      .arg(series, seq);
        problems->append(QJsonObject{{QStringLiteral("check"), QStringLiteral("metric_points")},
                                     {QStringLiteral("message"), message}});
    }
    return true;
}

// Each stored snapshot zip against the sha256 in its name, and each recorded
// snapshot against a zip that is there at all.
bool checkSnapshots(const Workspace &ws, QJsonArray *problems, QString *error)
{
    const QDir folder(ws.folder(Workspace::Folder::Snapshots));
    const auto problem = [problems](const QString &message) {
        problems->append(QJsonObject{{QStringLiteral("check"), QStringLiteral("snapshots")},
                                     {QStringLiteral("message"), message}});
    };
    const QStringList zips = folder.entryList({QStringLiteral("*.zip")}, QDir::Files, QDir::Name);
    for (const QString &zip : zips) {
        QString message;
        if (!SnapshotReader(folder.filePath(zip)).verify(&message))
            problem(message);
    }
    QSqlQuery query(ws.database());
    if (!sql::prepare(query, QStringLiteral("SELECT sha256 FROM snapshots ORDER BY id"), error)
        || !sql::exec(query, error))
        return false;
    while (query.next()) {
        const QString zip = query.value(0).toString() + QStringLiteral(".zip");
        if (!zips.contains(zip))
            problem(Cli::tr("snapshot %1 is missing")
                        .arg(QDir::toNativeSeparators(folder.filePath(zip))));
    }
    return true;
}

int check(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QJsonArray problems;
    QString error;
    if (!runCheck(*ws, QStringLiteral("integrity_check"), &problems, &error)
        || !runCheck(*ws, QStringLiteral("foreign_key_check"), &problems, &error)
        || !checkPoints(*ws, &problems, &error) || !checkSnapshots(*ws, &problems, &error))
        return context.fail(error);
    const QJsonObject record{{QStringLiteral("path"), QDir::toNativeSeparators(ws->path())},
                             {QStringLiteral("ok"), problems.isEmpty()},
                             {QStringLiteral("problems"), problems}};
    if (context.output().format() == CliOutput::Format::Json) {
        context.output().show({}, record);
    } else if (problems.isEmpty()) {
        context.output().message(Cli::tr("%1: no problems found.").arg(ws->path()), record);
    } else {
        context.output().list({{QStringLiteral("check"), Cli::tr("check")},
                               {QStringLiteral("message"), Cli::tr("problem")}},
                              problems);
    }
    if (problems.isEmpty())
        return ExitSuccess;
    context.note(Cli::tr("%n problem(s) found in %1.", nullptr, int(problems.size()))
                     .arg(QDir::toNativeSeparators(ws->path())));
    return ExitFailure;
}

} // namespace

void registerWorkspaceCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("workspace");
    registry.addNoun(noun, Cli::tr("Workspace folders: create, inspect and check them."));
    registry.addVerb(noun, {QStringLiteral("create"),
                            Cli::tr("Create a workspace in a new or empty folder, with the "
                                    "sample project."),
                            {{QStringLiteral("DIR"), Cli::tr("The folder to create it in.")}},
                            {},
                            create});
    registry.addVerb(noun, {QStringLiteral("show"),
                            Cli::tr("Show the workspace: path, name, schema version and what it "
                                    "holds."),
                            {},
                            {},
                            show});
    registry.addVerb(
        noun,
        {QStringLiteral("list"), Cli::tr("List the workspaces this user knows."), {}, {}, list});
    registry.addVerb(noun, {QStringLiteral("check"),
                            Cli::tr("Check the workspace database and stored snapshots for "
                                    "damage; exits with 1 when it finds any."),
                            {},
                            {},
                            check});
}

} // namespace mlwb
