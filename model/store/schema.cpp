#include "store/schema.h"

#include "metrics/pointblocks.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace mlwb::schema {

namespace {

// Version 1: every concept of the workspace.
const char *const version1 = R"SQL(
CREATE TABLE workspace_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE compute_targets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL CHECK(kind IN ('local', 'ssh')),
  config TEXT NOT NULL DEFAULT '{}',
  max_concurrent INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE datastores(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL DEFAULT 'folder',
  path TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE experiments(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE TABLE snapshots(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  file_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE pipelines(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE TABLE pipeline_steps(
  id INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  script TEXT NOT NULL,
  arguments TEXT NOT NULL DEFAULT '[]',
  target_id INTEGER REFERENCES compute_targets(id) ON DELETE SET NULL,
  depends_on TEXT NOT NULL DEFAULT '[]',
  UNIQUE(pipeline_id, name));
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  pipeline_id INTEGER REFERENCES pipelines(id) ON DELETE SET NULL,
  display_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK(status IN ('Queued', 'Preparing', 'Running', 'Finalizing',
                                        'Completed', 'Failed', 'Canceled')),
  target_id INTEGER REFERENCES compute_targets(id) ON DELETE SET NULL,
  snapshot_id INTEGER REFERENCES snapshots(id),
  script TEXT NOT NULL DEFAULT '',
  arguments TEXT NOT NULL DEFAULT '[]',
  config TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  exit_code INTEGER,
  error TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '');
CREATE INDEX runs_by_experiment ON runs(experiment_id, parent_id, created_at);
CREATE INDEX runs_by_parent ON runs(parent_id);
CREATE INDEX runs_by_status ON runs(status);
CREATE TABLE run_tags(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(run_id, key)) WITHOUT ROWID;
CREATE TABLE run_properties(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(run_id, key)) WITHOUT ROWID;
CREATE TABLE metric_series(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('scalar', 'string', 'list', 'row', 'table', 'image')),
  count INTEGER NOT NULL DEFAULT 0,
  last_value REAL, min_value REAL, max_value REAL,
  last_step INTEGER, last_time REAL,
  UNIQUE(run_id, name));
-- Numeric points; seq numbers a series' points 0..count-1 in arrival order.
-- NaN is stored as NULL (SQLite has no NaN), infinities as they are.
CREATE TABLE metric_points(
  series_id INTEGER NOT NULL REFERENCES metric_series(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  step INTEGER NOT NULL,
  time REAL NOT NULL,
  value REAL,
  PRIMARY KEY(series_id, seq)) WITHOUT ROWID;
-- Strings, lists, rows, tables (as JSON) and images (a path in the run folder).
CREATE TABLE metric_values(
  series_id INTEGER NOT NULL REFERENCES metric_series(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  step INTEGER NOT NULL,
  time REAL NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(series_id, seq)) WITHOUT ROWID;
CREATE TABLE models(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE TABLE model_versions(
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  framework TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  UNIQUE(model_id, version));
CREATE TABLE environments(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at INTEGER NOT NULL);
CREATE TABLE environment_versions(
  id INTEGER PRIMARY KEY,
  environment_id INTEGER NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  python TEXT NOT NULL DEFAULT 'python3',
  packages TEXT NOT NULL DEFAULT '[]',
  base_image TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE(environment_id, version));
CREATE TABLE images(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  tag TEXT NOT NULL,
  digest TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK(status IN ('Building', 'Succeeded', 'Failed')),
  environment_version_id INTEGER REFERENCES environment_versions(id) ON DELETE SET NULL,
  size INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  UNIQUE(name, tag));
CREATE TABLE image_models(
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE RESTRICT,
  PRIMARY KEY(image_id, model_version_id)) WITHOUT ROWID;
CREATE TABLE deployments(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK(status IN ('Transitioning', 'Healthy', 'Unhealthy', 'Stopped',
                                        'Failed')),
  url TEXT NOT NULL DEFAULT '',
  config TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE tasks(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('Pending', 'Running', 'Succeeded', 'Failed', 'Canceled')),
  progress REAL NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
)SQL";

// Version 2: change revisions so other processes see what changed, run
// ingest bookkeeping (offsets stored with the rows they cover), diagnostics.
const char *const version2 = R"SQL(
CREATE TABLE revisions(topic TEXT PRIMARY KEY, value INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE run_ingest(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  metrics_offset INTEGER NOT NULL DEFAULT 0,
  log_offset INTEGER NOT NULL DEFAULT 0,
  malformed_lines INTEGER NOT NULL DEFAULT 0,
  supervisor_pid INTEGER,
  process_group INTEGER,
  heartbeat INTEGER,
  cancel_requested INTEGER NOT NULL DEFAULT 0);
CREATE TABLE run_diagnostics(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  file_offset INTEGER,
  message TEXT NOT NULL,
  raw TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE INDEX run_diagnostics_by_run ON run_diagnostics(run_id);
CREATE TABLE saved_views(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  spec TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
)SQL";

// Version 3: numeric points move into packed blocks (see pointblocks.h);
// convertPointsToBlocks() carries the old rows over.
const char *const version3 = R"SQL(
CREATE TABLE metric_blocks(
  series_id INTEGER NOT NULL REFERENCES metric_series(id) ON DELETE CASCADE,
  first_seq INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK(count > 0),
  steps BLOB NOT NULL,
  times BLOB NOT NULL,
  vals BLOB NOT NULL,
  PRIMARY KEY(series_id, first_seq));
)SQL";

// Version 4: versioned assets share one set of rules (see versionedassets.h):
// a per-name counter so a deleted number is never handed out again, aliases
// with their history, properties, and who registered a version and from what.
const char *const version4 = R"SQL(
ALTER TABLE models ADD COLUMN last_version INTEGER NOT NULL DEFAULT 0;
UPDATE models SET last_version = (SELECT coalesce(max(v.version), 0) FROM model_versions v
  WHERE v.model_id = models.id);
ALTER TABLE environments ADD COLUMN last_version INTEGER NOT NULL DEFAULT 0;
UPDATE environments SET last_version = (SELECT coalesce(max(v.version), 0)
  FROM environment_versions v WHERE v.environment_id = environments.id);
ALTER TABLE model_versions ADD COLUMN properties TEXT NOT NULL DEFAULT '{}';
ALTER TABLE model_versions ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE model_versions ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE environment_versions ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
ALTER TABLE environment_versions ADD COLUMN properties TEXT NOT NULL DEFAULT '{}';
ALTER TABLE environment_versions ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
CREATE TABLE model_aliases(
  owner_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
  alias TEXT NOT NULL COLLATE NOCASE,
  version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY(owner_id, alias)) WITHOUT ROWID;
CREATE TABLE environment_aliases(
  owner_id INTEGER NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  alias TEXT NOT NULL COLLATE NOCASE,
  version_id INTEGER NOT NULL REFERENCES environment_versions(id) ON DELETE CASCADE,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY(owner_id, alias)) WITHOUT ROWID;
-- Every alias set, moved or removed; versions are numbers (0: none), kept
-- after the version itself is deleted.
CREATE TABLE alias_history(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL COLLATE NOCASE,
  alias TEXT NOT NULL COLLATE NOCASE,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  changed_at INTEGER NOT NULL);
CREATE INDEX alias_history_by_name ON alias_history(kind, name);
)SQL";

// Version 5: environments keep the spec they were made from (conda YAML or
// pip requirements) and its normalized digest, so an identical spec is not
// versioned twice; a model version and a run record their environment; a
// name deleted with its last version leaves its counter behind, so a number
// is never handed out again even then.
const char *const version5 = R"SQL(
ALTER TABLE environment_versions ADD COLUMN spec TEXT NOT NULL DEFAULT '';
ALTER TABLE environment_versions ADD COLUMN spec_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE environment_versions ADD COLUMN spec_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX environment_versions_by_spec ON environment_versions(environment_id, spec_sha256);
ALTER TABLE model_versions ADD COLUMN environment_version_id INTEGER
  REFERENCES environment_versions(id) ON DELETE SET NULL;
CREATE TABLE run_environments(
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  environment_version_id INTEGER NOT NULL REFERENCES environment_versions(id) ON DELETE CASCADE);
CREATE TABLE retired_counters(
  kind TEXT NOT NULL,
  name TEXT NOT NULL COLLATE NOCASE,
  last_version INTEGER NOT NULL,
  PRIMARY KEY(kind, name)) WITHOUT ROWID;
)SQL";

// Version 6: images are versioned assets (NAME:VERSION from a per-name counter
// that never hands a number out twice) and remember what they were built from.
const char *const version6 = R"SQL(
CREATE TABLE image_names(
  name TEXT PRIMARY KEY,
  last_version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
ALTER TABLE images ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN inputs TEXT NOT NULL DEFAULT '{}';
)SQL";

// Version 7: a deployment serves an image, or model versions plus a scoring
// script (and an environment) without an image, on a compute target, with a
// port, an auth mode and its supervisor's counters. image_id becomes optional,
// so the table is rebuilt. deployment_process is the supervisor's own
// bookkeeping (pids, heartbeat): no revision bump on every beat.
const char *const version7 = R"SQL(
CREATE TABLE deployments_v7(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  image_id INTEGER REFERENCES images(id) ON DELETE RESTRICT,
  scoring_script TEXT NOT NULL DEFAULT '',
  environment_version_id INTEGER REFERENCES environment_versions(id) ON DELETE RESTRICT,
  target_id INTEGER REFERENCES compute_targets(id) ON DELETE RESTRICT,
  port INTEGER NOT NULL DEFAULT 0,
  auth TEXT NOT NULL DEFAULT 'none' CHECK(auth IN ('none', 'key')),
  status TEXT NOT NULL CHECK(status IN ('Transitioning', 'Healthy', 'Unhealthy', 'Stopped',
                                        'Failed')),
  url TEXT NOT NULL DEFAULT '',
  config TEXT NOT NULL DEFAULT '{}',
  restart_count INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  desired TEXT NOT NULL DEFAULT 'running' CHECK(desired IN ('running', 'stopped')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK(image_id IS NOT NULL OR scoring_script <> ''));
INSERT INTO deployments_v7(id, name, image_id, status, url, config, created_at, updated_at)
  SELECT id, name, image_id, status, url, config, created_at, updated_at FROM deployments;
DROP TABLE deployments;
ALTER TABLE deployments_v7 RENAME TO deployments;
CREATE TABLE deployment_models(
  deployment_id INTEGER NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id) ON DELETE RESTRICT,
  PRIMARY KEY(deployment_id, model_version_id)) WITHOUT ROWID;
CREATE TABLE deployment_process(
  deployment_id INTEGER PRIMARY KEY REFERENCES deployments(id) ON DELETE CASCADE,
  supervisor_pid INTEGER,
  heartbeat INTEGER,
  server_pid INTEGER,
  server_started INTEGER);
)SQL";

// Version 8: endpoints (Azure ML v2 managed online endpoints): one stable
// port in front of deployments, with each deployment's share of the traffic.
// A deployment in a split cannot be deleted from under it.
const char *const version8 = R"SQL(
CREATE TABLE endpoints(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  port INTEGER NOT NULL DEFAULT 0,
  auth TEXT NOT NULL DEFAULT 'key' CHECK(auth IN ('none', 'key')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE endpoint_traffic(
  endpoint_id INTEGER NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  deployment_id INTEGER NOT NULL REFERENCES deployments(id) ON DELETE RESTRICT,
  weight INTEGER NOT NULL CHECK(weight BETWEEN 0 AND 100),
  PRIMARY KEY(endpoint_id, deployment_id)) WITHOUT ROWID;
)SQL";

struct TopicTable {
    const char *topic;
    const char *table;
};

// Which table's changes bump which topic.
const TopicTable topicTables[] = {
    {"compute", "compute_targets"},
    {"datastores", "datastores"},
    {"experiments", "experiments"},
    {"runs", "runs"},
    {"runs", "run_tags"},
    {"runs", "run_properties"},
    {"metrics", "metric_series"},
    {"models", "models"},
    {"models", "model_versions"},
    {"environments", "environments"},
    {"environments", "environment_versions"},
    {"images", "images"},
    {"deployments", "deployments"},
    {"pipelines", "pipelines"},
    {"pipelines", "pipeline_steps"},
    {"tasks", "tasks"},
    {"diagnostics", "run_diagnostics"},
    {"views", "saved_views"},
};

QStringList splitStatements(const char *script)
{
    // Comments first: they may contain ';'.
    QStringList lines;
    const QStringList raw = QString::fromUtf8(script).split(QLatin1Char('\n'));
    for (const QString &line : raw)
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines << line;
    QStringList out;
    const QStringList parts = lines.join(QLatin1Char('\n')).split(QLatin1Char(';'));
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

// Triggers that bump `topic`'s revision on every change to `table`.
QStringList bumpTriggers(const TopicTable &t)
{
    QStringList out;
    const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
    for (const char *event : events) {
        out << QStringLiteral("CREATE TRIGGER %1_%2_bump AFTER %3 ON %1 BEGIN "
                              "UPDATE revisions SET value = value + 1 WHERE topic = '%4'; END")
                   .arg(QLatin1String(t.table), QString::fromLatin1(event).toLower(),
                        QLatin1String(event), QLatin1String(t.topic));
    }
    return out;
}

QStringList version2Statements()
{
    QStringList out = splitStatements(version2);
    for (const QString &topic : topics())
        out << QStringLiteral("INSERT INTO revisions(topic, value) VALUES ('%1', 0)").arg(topic);
    for (const TopicTable &t : topicTables)
        out << bumpTriggers(t);
    return out;
}

QStringList version4Statements()
{
    return splitStatements(version4) + bumpTriggers({"models", "model_aliases"})
           + bumpTriggers({"environments", "environment_aliases"});
}

QStringList version7Statements()
{
    // The old table's triggers went with it.
    return splitStatements(version7) + bumpTriggers({"deployments", "deployments"})
           + bumpTriggers({"deployments", "deployment_models"});
}

QStringList statementsFor(int version)
{
    switch (version) {
    case 1:
        return splitStatements(version1);
    case 2:
        return version2Statements();
    case 3:
        return splitStatements(version3);
    case 4:
        return version4Statements();
    case 5:
        return splitStatements(version5) + bumpTriggers({"runs", "run_environments"});
    case 6:
        return splitStatements(version6);
    case 7:
        return version7Statements();
    case 8: // endpoints change with the deployments they route to: one topic
        return splitStatements(version8) + bumpTriggers({"deployments", "endpoints"})
               + bumpTriggers({"deployments", "endpoint_traffic"});
    }
    return {};
}

bool convertPointsToBlocks(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT series_id, step, time, value FROM metric_points "
                                     "ORDER BY series_id, seq"),
                      error)
        || !sql::exec(q, error))
        return false;
    PointBlockWriter writer(db);
    Id series = 0;
    qint64 seq = 0;
    while (q.next()) {
        const Id id = q.value(0).toLongLong();
        seq = id == series ? seq + 1 : 0;
        series = id;
        const QVariant value = q.value(3);
        if (!writer.append(id, seq, q.value(1).toLongLong(), q.value(2).toDouble(),
                           value.isNull() ? qQNaN() : value.toDouble(), error))
            return false;
    }
    q.finish();
    // Counts follow what was carried over (they matched unless a crash left them behind).
    return writer.flush(error)
           && sql::exec(db,
                        QStringLiteral("UPDATE metric_series SET count = (SELECT coalesce(sum("
                                       "count), 0) FROM metric_blocks b WHERE b.series_id = "
                                       "metric_series.id) WHERE kind = 'scalar'"),
                        error)
           && sql::exec(db, QStringLiteral("DROP TABLE metric_points"), error);
}

bool apply(const QSqlDatabase &db, int version, QString *error)
{
    WriteTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    // Another process may have upgraded while we waited for the write lock.
    const int now = currentVersion(db, error);
    if (now < 0)
        return false;
    if (now >= version)
        return transaction.commit(error);
    const QStringList statements = statementsFor(version);
    for (const QString &statement : statements) {
        if (!sql::exec(db, statement, error))
            return sql::fail(error, QObject::tr("Upgrading the workspace to schema %1 failed: %2")
                                        .arg(version)
                                        .arg(*error));
    }
    if (version == 3 && !convertPointsToBlocks(db, error))
        return sql::fail(error, QObject::tr("Upgrading the workspace to schema %1 failed: %2")
                                    .arg(version)
                                    .arg(*error));
    const QString stamp = QStringLiteral("PRAGMA user_version = %1").arg(version);
    const QString appId = QStringLiteral("PRAGMA application_id = %1").arg(applicationId);
    return sql::exec(db, appId, error) && sql::exec(db, stamp, error) && transaction.commit(error);
}

} // namespace

int latestVersion()
{
    return 8;
}

QStringList topics()
{
    return {
        QStringLiteral("compute"),      QStringLiteral("datastores"), QStringLiteral("experiments"),
        QStringLiteral("runs"),         QStringLiteral("metrics"),    QStringLiteral("models"),
        QStringLiteral("environments"), QStringLiteral("images"),     QStringLiteral("deployments"),
        QStringLiteral("pipelines"),    QStringLiteral("tasks"),      QStringLiteral("diagnostics"),
        QStringLiteral("views")};
}

int currentVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        sql::exec(query, error);
        return -1;
    }
    return query.value(0).toInt();
}

bool migrate(const QSqlDatabase &db, QString *error, int target)
{
    if (target < 0)
        target = latestVersion();
    int version = currentVersion(db, error);
    if (version < 0)
        return false;
    for (int next = version + 1; next <= target; ++next) {
        if (!apply(db, next, error))
            return false;
    }
    return true;
}

} // namespace mlwb::schema
