// `mlwb workspace ...`: create, show, list and check workspaces.
#include "commandcontext.h"
#include "registry/modelstorecheck.h"
#include "snapshots/snapshotreader.h"
#include "store/defaultworkspace.h"
#include "store/sqlerror.h"
#include "store/storagemedium.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"

#include <QDir>
#include <QFile>
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
bool runCheck(const QSqlDatabase &db, const QString &pragma, QJsonArray *problems, QString *error)
{
    QSqlQuery query(db);
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
bool checkPoints(const QSqlDatabase &db, QJsonArray *problems, QString *error)
{
    QSqlQuery query(db);
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

QJsonObject problem(const QString &check, const QString &message)
{
    return {{QStringLiteral("check"), check}, {QStringLiteral("message"), message}};
}

// Every check runs; one that cannot even run (a page too damaged to read)
// is a problem of its own, so the report is never cut short.
void collectProblems(const QSqlDatabase &db, QJsonArray *problems)
{
    for (const QString &pragma :
         {QStringLiteral("integrity_check"), QStringLiteral("foreign_key_check")}) {
        QString error;
        if (!runCheck(db, pragma, problems, &error))
            problems->append(problem(pragma, Cli::tr("the check could not finish: %1").arg(error)));
    }
    QString error;
    if (!checkPoints(db, problems, &error))
        problems->append(problem(QStringLiteral("metric_points"),
                                 Cli::tr("the check could not finish: %1").arg(error)));
}

// A database too damaged to open as a workspace is still checked, read-only.
bool checkUnopened(const QString &path, QJsonArray *problems)
{
    QFile header(QDir(path).filePath(QStringLiteral("workspace.db")));
    if (!header.open(QIODevice::ReadOnly) || header.read(16) != QByteArray("SQLite format 3", 16))
        return false; // not SQLite at all: nothing to check
    const QString connection = QStringLiteral("mlwb-check");
    bool ran = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        QString error;
        const QString file = QDir(path).filePath(QStringLiteral("workspace.db"));
        if (storage::openReadOnly(db, file, QString(), &error)) {
            QStringList found;
            storage::integrityProblems(db, true, &found);
            for (const QString &message : std::as_const(found))
                problems->append(problem(QStringLiteral("integrity_check"), message));
            ran = true;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ran && !problems->isEmpty();
}

void report(CommandContext &context, const QString &path, const QJsonArray &problems)
{
    const QString native = QDir::toNativeSeparators(path);
    bool damaged = false;
    for (const QJsonValue &p : problems)
        damaged = damaged || p[QStringLiteral("check")] == QLatin1String("integrity_check");
    const QString hint =
        damaged ? Cli::tr("The database is damaged. It was left untouched: restore the "
                          "workspace folder from a copy (backup), or copy out what still "
                          "reads with mlwb run metrics --as csv.")
                : QString();
    QJsonObject record{{QStringLiteral("path"), native},
                       {QStringLiteral("ok"), problems.isEmpty()},
                       {QStringLiteral("problems"), problems}};
    if (!hint.isEmpty())
        record.insert(QStringLiteral("hint"), hint);
    if (context.output().format() == CliOutput::Format::Json) {
        context.output().show({}, record);
    } else if (problems.isEmpty()) {
        context.output().message(Cli::tr("%1: no problems found.").arg(native), record);
    } else {
        context.output().list({{QStringLiteral("check"), Cli::tr("check")},
                               {QStringLiteral("message"), Cli::tr("problem")}},
                              problems);
    }
    if (problems.isEmpty())
        return;
    context.note(Cli::tr("%n problem(s) found in %1.", nullptr, int(problems.size())).arg(native));
    if (!hint.isEmpty())
        context.note(hint);
}

int check(CommandContext &context)
{
    const QString path = context.workspacePath();
    QString error;
    QJsonArray problems;
    const auto ws = defaults::openOrCreate(path, &error);
    if (ws) {
        collectProblems(ws->database(), &problems);
        if (!checkSnapshots(*ws, &problems, &error))
            problems.append(problem(QStringLiteral("snapshots"),
                                    Cli::tr("the check could not finish: %1").arg(error)));
        QStringList models;
        if (!modelstorecheck::check(*ws, &models, &error))
            models << Cli::tr("the check could not finish: %1").arg(error);
        for (const QString &message : std::as_const(models))
            problems.append(problem(QStringLiteral("models"), message));
    } else if (!Workspace::exists(path) || !checkUnopened(path, &problems))
        return context.fail(error);
    if (ws && ws->isReadOnly())
        context.note(Cli::tr("%1, so it was opened read-only; changes are refused.")
                         .arg(ws->readOnlyReason()));
    report(context, ws ? ws->path() : path, problems);
    return problems.isEmpty() ? ExitSuccess : ExitFailure;
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
                            Cli::tr("Check the workspace database for damage; exits with 1 "
                                    "when it finds any."),
                            {},
                            {},
                            check});
}

} // namespace mlwb
