// `mlwb run ...`: submit, watch, inspect and stop runs.
#include "commandcontext.h"
#include "metrics/metrics.h"
#include "runs/runconfig.h"
#include "runs/rundeletion.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runreason.h"
#include "runs/runsubmitter.h"
#include "runs/runsupervisor.h"
#include "runs/supervisornote.h"
#include "snapshots/snapshotreader.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QThread>
#include <algorithm>

namespace mlwb {

namespace {

QJsonObject toJson(const Run &r)
{
    QJsonObject tags;
    for (auto it = r.tags.cbegin(); it != r.tags.cend(); ++it)
        tags.insert(it.key(), it.value());
    return {{QStringLiteral("id"), r.uid},
            {QStringLiteral("experiment"), r.experimentName},
            {QStringLiteral("name"), CliOutput::text(r.displayName)},
            {QStringLiteral("status"), statusName(r.status)},
            {QStringLiteral("target"), CliOutput::text(r.targetName)},
            {QStringLiteral("script"), CliOutput::text(r.script)},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(r.arguments)},
            {QStringLiteral("command"), r.config.value(QStringLiteral("command"))},
            {QStringLiteral("created_at"), CliOutput::time(r.createdAt)},
            {QStringLiteral("started_at"), CliOutput::time(r.startedAt)},
            {QStringLiteral("ended_at"), CliOutput::time(r.endedAt)},
            {QStringLiteral("duration_seconds"),
             r.startedAt.isValid() ? QJsonValue(double(r.durationMs()) / 1000.0) : QJsonValue()},
            {QStringLiteral("exit_code"), r.exitCode >= 0 ? QJsonValue(r.exitCode) : QJsonValue()},
            {QStringLiteral("error"), CliOutput::text(RunReason::text(r.error))},
            {QStringLiteral("parent"), QJsonValue()},
            {QStringLiteral("tags"), tags}};
}

QList<Column> listColumns()
{
    return {{QStringLiteral("id"), Cli::tr("id")},
            {QStringLiteral("experiment"), Cli::tr("experiment")},
            {QStringLiteral("status"), Cli::tr("status")},
            {QStringLiteral("target"), Cli::tr("target")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("duration_seconds"), Cli::tr("seconds")},
            {QStringLiteral("name"), Cli::tr("name")}};
}

std::optional<Run> findRun(CommandContext &context, const Workspace &ws)
{
    QString error;
    auto run = Runs(ws).find(context.argument(0), &error);
    if (!run)
        context.fail(error);
    return run;
}

// The verbs that act on one run: the workspace is opened and RUN looked up
// here, once, with the same messages for all of them.
using RunVerb = int (*)(CommandContext &, const Workspace &, const Run &);
std::function<int(CommandContext &)> onRun(RunVerb verb)
{
    return [verb](CommandContext &context) {
        const auto ws = context.openWorkspace();
        if (!ws)
            return int(ExitFailure);
        const auto run = findRun(context, *ws);
        if (!run)
            return int(ExitFailure);
        return verb(context, *ws, *run);
    };
}

// The configuration a submit means: --config FILE, else SCRIPT [ARGS] in the
// current folder (with its mlwb.yaml, if any, for the defaults).
bool submitConfig(CommandContext &context, RunConfig *config, QString *error)
{
    const QStringList words = context.arguments();
    QString file = context.value(QStringLiteral("config"));
    if (file.isEmpty() && words.isEmpty() && QFile::exists(RunConfig::fileName()))
        file = RunConfig::fileName();
    if (!file.isEmpty()) {
        if (!RunConfig::load(file, config, error))
            return false;
    } else {
        config->code = QDir::currentPath();
    }
    if (!words.isEmpty())
        config->command = RunConfig::commandFor(context.value(QStringLiteral("python")),
                                                words.first(), words.mid(1));
    if (context.isSet(QStringLiteral("experiment")))
        config->experimentName = context.value(QStringLiteral("experiment"));
    if (context.isSet(QStringLiteral("target")))
        config->compute = context.value(QStringLiteral("target"));
    if (context.isSet(QStringLiteral("name")))
        config->displayName = context.value(QStringLiteral("name"));
    if (context.isSet(QStringLiteral("timeout")))
        config->timeoutSeconds = context.value(QStringLiteral("timeout")).toInt();
    const QStringList tags = context.values(QStringLiteral("tag"));
    for (const QString &tag : tags)
        config->tags.insert(tag.section(QLatin1Char('='), 0, 0), tag.section(QLatin1Char('='), 1));
    if (config->command.isEmpty())
        return sql::fail(error, Cli::tr("Name a script to run (mlwb run submit train.py) or a "
                                        "configuration (--config mlwb.yaml)."));
    return true;
}

// Copies new log bytes to `out` until the run is final and the log is drained.
int follow(CommandContext &context, const Workspace &ws, Id runId, bool untilEnd)
{
    QString error;
    auto run = Runs(ws).find(runId, &error);
    const RunFolder folder(ws.folder(Workspace::Folder::Runs), run->uid);
    qint64 offset = 0;
    while (true) {
        QFile log(folder.log());
        if (log.open(QIODevice::ReadOnly) && log.size() > offset) {
            log.seek(offset);
            const QByteArray chunk = log.read(1 << 20);
            offset += chunk.size();
            context.stream() << QString::fromUtf8(chunk);
            context.stream().flush();
            continue;
        }
        if (!untilEnd || isFinal(run->status))
            break;
        QThread::msleep(100);
        run = Runs(ws).find(runId, &error);
        if (!run)
            return context.fail(error);
    }
    return ExitSuccess;
}

int submit(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    RunConfig config;
    QString error;
    if (!ws->checkWritable(&error) || !submitConfig(context, &config, &error))
        return context.fail(error);
    RunSubmitter submitter(*ws);
    const auto run = submitter.submit(config, &error);
    if (!run)
        return context.fail(error);
    if (!submitter.leftOutSummary().isEmpty())
        context.note(submitter.leftOutSummary());
    if (!context.isSet(QStringLiteral("wait"))) {
        context.output().message(run->uid, toJson(*run));
        return ExitSuccess;
    }
    // --wait: the run id, then the log as it grows, then the run's exit code.
    if (context.output().format() == CliOutput::Format::Table)
        context.stream() << run->uid << Qt::endl;
    follow(context, *ws, run->id, true);
    const auto ended = Runs(*ws).find(run->id, &error);
    if (context.output().format() == CliOutput::Format::Json)
        context.output().show({}, toJson(*ended));
    else if (ended->status != RunStatus::Completed)
        context.note(Cli::tr("Run %1 %2: %3")
                         .arg(ended->uid, statusName(ended->status).toLower(),
                              RunReason::summary(ended->error)));
    if (ended->status == RunStatus::Completed)
        return ExitSuccess;
    return ended->exitCode > 0 ? ended->exitCode : ExitFailure;
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    if (!ws->isReadOnly()) // a supervisor could not write either
        RunLauncher::restartOrphans(*ws, &error);
    QList<Experiment> experiments;
    if (context.isSet(QStringLiteral("experiment"))) {
        const auto e = Experiments(*ws).find(context.value(QStringLiteral("experiment")), &error);
        if (!e)
            return context.fail(error);
        experiments << *e;
    } else {
        experiments = Experiments(*ws).list(&error);
    }
    const int limit = context.isSet(QStringLiteral("limit"))
                          ? context.value(QStringLiteral("limit")).toInt()
                          : 1000000;
    QList<Run> all;
    for (const Experiment &e : experiments)
        all += Runs(*ws).list(e.id, 0, 0, limit, &error);
    if (!error.isEmpty())
        return context.fail(error);
    // Newest first across experiments, as the help says.
    std::stable_sort(all.begin(), all.end(), [](const Run &a, const Run &b) {
        return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
    });
    QJsonArray rows;
    for (const Run &r : std::as_const(all))
        rows.append(toJson(r));
    context.output().list(listColumns(), rows);
    return ExitSuccess;
}

QJsonArray metricSummary(const Workspace &ws, Id runId)
{
    QJsonArray out;
    const QList<MetricSeries> series = Metrics(ws).series(runId);
    for (const MetricSeries &s : series) {
        auto number = [](double v) { return qIsNaN(v) ? QJsonValue() : QJsonValue(v); };
        out.append(QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("kind"), kindName(s.kind)},
                               {QStringLiteral("count"), s.count},
                               {QStringLiteral("last"), number(s.last)},
                               {QStringLiteral("min"), number(s.min)},
                               {QStringLiteral("max"), number(s.max)}});
    }
    return out;
}

QJsonArray diagnostics(const Workspace &ws, Id runId)
{
    QJsonArray out;
    QSqlQuery q(ws.database());
    q.prepare(QStringLiteral("SELECT source, message, raw FROM run_diagnostics WHERE run_id = ? "
                             "ORDER BY id"));
    q.addBindValue(runId);
    if (q.exec())
        while (q.next())
            out.append(QJsonObject{{QStringLiteral("source"), q.value(0).toString()},
                                   {QStringLiteral("message"), q.value(1).toString()},
                                   {QStringLiteral("raw"), q.value(2).toString()}});
    return out;
}

int show(CommandContext &context, const Workspace &ws, const Run &run)
{
    QJsonObject record = toJson(run);
    QJsonObject properties;
    for (auto it = run.properties.cbegin(); it != run.properties.cend(); ++it)
        properties.insert(it.key(), it.value());
    record.insert(QStringLiteral("properties"), properties);
    record.insert(QStringLiteral("notes"), CliOutput::text(run.notes));
    // What the supervisor waits on (e.g. "waiting: disk full on …"), while the run goes.
    record.insert(QStringLiteral("supervisor"), CliOutput::text(SupervisorNote::of(ws, run)));
    record.insert(QStringLiteral("folder"),
                  RunFolder(ws.folder(Workspace::Folder::Runs), run.uid).root());
    record.insert(QStringLiteral("metrics"), metricSummary(ws, run.id));
    record.insert(QStringLiteral("diagnostics"), diagnostics(ws, run.id));
    QJsonArray children;
    const QList<Run> kids = Runs(ws).list(run.experimentId, run.id, 0, 100000);
    for (const Run &child : kids)
        children.append(child.uid);
    record.insert(QStringLiteral("children"), children);
    QList<Column> fields = listColumns();
    for (const char *key : {"script", "command", "started_at", "ended_at", "exit_code", "error",
                            "supervisor", "tags", "folder", "metrics", "diagnostics", "children"})
        fields << Column{QLatin1String(key),
                         QString::fromLatin1(key).replace(QLatin1Char('_'), QLatin1Char(' '))};
    context.output().show(fields, record);
    return ExitSuccess;
}

int logs(CommandContext &context, const Workspace &ws, const Run &run)
{
    return follow(context, ws, run.id, context.isSet(QStringLiteral("follow")));
}

int metrics(CommandContext &context, const Workspace &ws, const Run &run)
{
    const QString only = context.value(QStringLiteral("name"));
    QString error;
    QJsonArray rows;
    const bool csv = context.value(QStringLiteral("as")) == QLatin1String("csv");
    if (csv)
        context.stream() << "name,step,time,value\n";
    const QList<MetricSeries> series = Metrics(ws).series(run.id, &error);
    for (const MetricSeries &s : series) {
        if (!only.isEmpty() && s.name != only)
            continue;
        QVector<MetricPoint> points;
        QList<Metrics::Value> values;
        if (s.kind == MetricSeries::Kind::Scalar
            && !Metrics(ws).points(s.id, 0, -1, &points, &error))
            return context.fail(error);
        if (s.kind != MetricSeries::Kind::Scalar && !Metrics(ws).values(s.id, &values, &error))
            return context.fail(error);
        for (const MetricPoint &p : points) {
            if (csv)
                context.stream() << s.name << ',' << p.step << ','
                                 << QString::number(p.time, 'f', 3) << ','
                                 << QString::number(p.value, 'g', QLocale::FloatingPointShortest)
                                 << '\n';
            else
                rows.append(
                    QJsonObject{{QStringLiteral("name"), s.name},
                                {QStringLiteral("step"), p.step},
                                {QStringLiteral("time"), p.time},
                                {QStringLiteral("value"),
                                 qIsFinite(p.value) ? QJsonValue(p.value)
                                                    : QJsonValue(QString::number(p.value))}});
        }
        for (const Metrics::Value &v : values) {
            if (csv)
                context.stream() << s.name << ',' << v.step << ','
                                 << QString::number(v.time, 'f', 3) << ",\""
                                 << QString(v.value).replace(QLatin1Char('"'),
                                                             QLatin1String("\"\""))
                                 << "\"\n";
            else
                rows.append(QJsonObject{{QStringLiteral("name"), s.name},
                                        {QStringLiteral("step"), v.step},
                                        {QStringLiteral("time"), v.time},
                                        {QStringLiteral("value"), v.value}});
        }
    }
    if (!csv)
        context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                               {QStringLiteral("step"), Cli::tr("step")},
                               {QStringLiteral("time"), Cli::tr("time")},
                               {QStringLiteral("value"), Cli::tr("value")}},
                              rows);
    return ExitSuccess;
}

int cancel(CommandContext &context, const Workspace &ws, const Run &run)
{
    QString error;
    if (!RunLauncher::cancel(ws, run.id, &error))
        return context.fail(error);
    context.output().message(Cli::tr("Canceling run %1.").arg(run.uid), toJson(run));
    return ExitSuccess;
}

int download(CommandContext &context, const Workspace &ws, const Run &run)
{
    const QString target = context.argument(1);
    QString error;
    if (context.isSet(QStringLiteral("snapshot"))) {
        QSqlQuery q(ws.database());
        q.prepare(QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"));
        q.addBindValue(run.snapshotId);
        if (!q.exec() || !q.next())
            return context.fail(Cli::tr("Run %1 has no snapshot.").arg(run.uid));
        const QString zip = QDir(ws.folder(Workspace::Folder::Snapshots))
                                .filePath(q.value(0).toString() + QStringLiteral(".zip"));
        if (!SnapshotReader(zip).extractTo(target, &error))
            return context.fail(error);
    } else if (context.isSet(QStringLiteral("outputs"))) {
        const QString outputs = RunFolder(ws.folder(Workspace::Folder::Runs), run.uid).outputs();
        if (!QFileInfo(outputs).isDir())
            return context.fail(Cli::tr("Run %1 has no outputs (yet).").arg(run.uid));
        if (QFileInfo::exists(target) && !QDir(target).isEmpty())
            return context.fail(Cli::tr("%1 is not empty.").arg(QDir::toNativeSeparators(target)));
        QDirIterator it(outputs, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString dest = QDir(target).filePath(QDir(outputs).relativeFilePath(source));
            if (!QDir().mkpath(QFileInfo(dest).absolutePath()) || !QFile::copy(source, dest))
                return context.fail(
                    Cli::tr("Could not write %1.").arg(QDir::toNativeSeparators(dest)));
        }
    } else {
        return context.fail(Cli::tr("Say what to download: --outputs or --snapshot."));
    }
    context.output().message(Cli::tr("Downloaded to %1.").arg(QDir::toNativeSeparators(target)),
                             {{QStringLiteral("path"), QDir(target).absolutePath()}});
    return ExitSuccess;
}

int remove(CommandContext &context, const Workspace &ws, const Run &run)
{
    QString error;
    RunDeletion deletion(ws);
    const RunFiles files = deletion.count({run});
    if (!deletion.remove(run, &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Deleted run %1 and its %n file(s).", nullptr, int(files.files)).arg(run.uid),
        toJson(run));
    return ExitSuccess;
}

int rename(CommandContext &context, const Workspace &ws, const Run &run)
{
    QString error;
    Runs runs(ws);
    if (!runs.rename(run.id, context.argument(1), &error))
        return context.fail(error);
    const std::optional<Run> renamed = runs.find(run.id, &error);
    if (!renamed)
        return context.fail(error);
    context.output().message(
        Cli::tr("Run %1 is now named '%2'.").arg(run.uid, renamed->displayName), toJson(*renamed));
    return ExitSuccess;
}

int tag(CommandContext &context, const Workspace &ws, const Run &run)
{
    Runs runs(ws);
    QString error;
    const QStringList pairs = context.arguments().mid(1);
    for (const QString &pair : pairs) {
        if (!pair.contains(QLatin1Char('=')))
            return context.fail(Cli::tr("'%1' is not KEY=VALUE.").arg(pair));
        if (!runs.setTag(run.id, pair.section(QLatin1Char('='), 0, 0),
                         pair.section(QLatin1Char('='), 1), &error))
            return context.fail(error);
    }
    const QStringList removed = context.values(QStringLiteral("remove"));
    for (const QString &key : removed)
        if (!runs.removeTag(run.id, key, &error))
            return context.fail(error);
    context.output().show(
        {{QStringLiteral("id"), Cli::tr("id")}, {QStringLiteral("tags"), Cli::tr("tags")}},
        toJson(*runs.find(run.id)));
    return ExitSuccess;
}

int supervise(CommandContext &context, const Workspace &ws, const Run &run)
{
    QString error;
    if (!RunSupervisor(ws, run.id).exec(&error))
        return context.fail(error);
    return ExitSuccess;
}

} // namespace

void registerRunCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("run");
    const ArgumentSpec runArg{QStringLiteral("RUN"),
                              Cli::tr("A run id, a unique start of one, or a run's name.")};
    registry.addNoun(noun, Cli::tr("Runs: submit scripts, follow them, read their results."));
    registry.addVerb(
        noun,
        {QStringLiteral("submit"),
         Cli::tr("Submit a script (or a run configuration) as a new run."),
         {{QStringLiteral("SCRIPT [ARGS...]"),
           Cli::tr("The script and its arguments; put -- before arguments that start with a dash."),
           true, true}},
         {{QStringLiteral("experiment"), QStringLiteral("NAME"),
           Cli::tr(
               "The experiment (made if new; default: from the configuration, else 'default')."),
           QChar(), ValueKind::Experiment},
          {QStringLiteral("target"), QStringLiteral("NAME"),
           Cli::tr("The compute target (default: local)."), QChar(), ValueKind::ComputeTarget},
          {QStringLiteral("config"), QStringLiteral("FILE"),
           Cli::tr("A run configuration (YAML); default: ./mlwb.yaml when no script is named."),
           QChar()},
          {QStringLiteral("name"), QStringLiteral("TEXT"), Cli::tr("A display name for the run."),
           QChar()},
          {QStringLiteral("python"), QStringLiteral("PATH"),
           Cli::tr("The interpreter to run the script with (default: python3)."), QChar()},
          {QStringLiteral("timeout"), QStringLiteral("SECONDS"),
           Cli::tr("Stop the run after this long."), QChar()},
          {QStringLiteral("tag"), QStringLiteral("KEY=VALUE"),
           Cli::tr("A tag for the run (repeatable)."), QChar()},
          {QStringLiteral("wait"), QString(),
           Cli::tr("Stream the log and exit with the run's exit code."), QChar()}},
         submit});
    registry.addVerb(noun,
                     {QStringLiteral("list"),
                      Cli::tr("List runs, newest first."),
                      {},
                      {{QStringLiteral("experiment"), QStringLiteral("NAME"),
                        Cli::tr("Only this experiment's runs."), QChar(), ValueKind::Experiment},
                       {QStringLiteral("limit"), QStringLiteral("N"),
                        Cli::tr("At most N runs per experiment."), QChar()}},
                      list});
    registry.addVerb(noun, {QStringLiteral("show"),
                            Cli::tr("Show a run: status, times, tags, metrics, diagnostics."),
                            {runArg},
                            {},
                            onRun(show)});
    registry.addVerb(noun, {QStringLiteral("logs"),
                            Cli::tr("Print a run's log (stdout and stderr)."),
                            {runArg},
                            {{QStringLiteral("follow"), QString(),
                              Cli::tr("Keep printing until the run ends."), QLatin1Char('f')}},
                            onRun(logs)});
    registry.addVerb(noun, {QStringLiteral("metrics"),
                            Cli::tr("Print every metric point of a run."),
                            {runArg},
                            {{QStringLiteral("name"), QStringLiteral("NAME"),
                              Cli::tr("Only this metric."), QChar()},
                             {QStringLiteral("as"), QStringLiteral("csv"),
                              Cli::tr("Write CSV instead of a table or JSON."), QChar()}},
                            onRun(metrics)});
    registry.addVerb(noun, {QStringLiteral("cancel"),
                            Cli::tr("Stop a run (SIGTERM, then SIGKILL after 5 s)."),
                            {runArg},
                            {},
                            onRun(cancel)});
    registry.addVerb(noun, {QStringLiteral("download"),
                            Cli::tr("Copy a run's outputs or snapshot into a folder."),
                            {runArg, {QStringLiteral("DIR"), Cli::tr("An empty or new folder.")}},
                            {{QStringLiteral("outputs"), QString(),
                              Cli::tr("The files the run wrote under outputs/."), QChar()},
                             {QStringLiteral("snapshot"), QString(),
                              Cli::tr("The project files the run ran from."), QChar()}},
                            onRun(download)});
    registry.addVerb(
        noun, {QStringLiteral("tag"),
               Cli::tr("Set (or remove) tags of a run."),
               {runArg, {QStringLiteral("KEY=VALUE..."), Cli::tr("Tags to set."), true, true}},
               {{QStringLiteral("remove"), QStringLiteral("KEY"),
                 Cli::tr("A tag to remove (repeatable)."), QChar()}},
               onRun(tag)});
    registry.addVerb(noun, {QStringLiteral("delete"),
                            Cli::tr("Delete a finished run with its metrics and its files."),
                            {runArg},
                            {},
                            onRun(remove)});
    registry.addVerb(noun, {QStringLiteral("rename"),
                            Cli::tr("Give a run a new display name (unique in its experiment)."),
                            {runArg, {QStringLiteral("NAME"), Cli::tr("The new name.")}},
                            {},
                            onRun(rename)});
    VerbSpec supervisor{QStringLiteral("supervise"),
                        Cli::tr("Watch a run to its end (started by mlwb itself)."),
                        {runArg},
                        {},
                        onRun(supervise)};
    supervisor.hidden = true;
    registry.addVerb(noun, supervisor);
}

} // namespace mlwb
