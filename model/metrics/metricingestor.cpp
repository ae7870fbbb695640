#include "metrics/metricingestor.h"

#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QUuid>
#include <sqlite3.h>

namespace mlwb {

namespace {

QString key(Id runId, const QString &name)
{
    return QString::number(runId) + QLatin1Char('\n') + name;
}

bool bindText(sqlite3_stmt *s, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text(s, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT)
           == SQLITE_OK;
}

MetricSeries::Kind seriesKind(MetricRecord::Kind kind)
{
    switch (kind) {
    case MetricRecord::Kind::String:
        return MetricSeries::Kind::String;
    case MetricRecord::Kind::List:
        return MetricSeries::Kind::List;
    case MetricRecord::Kind::Row:
        return MetricSeries::Kind::Row;
    case MetricRecord::Kind::Table:
        return MetricSeries::Kind::Table;
    case MetricRecord::Kind::Image:
        return MetricSeries::Kind::Image;
    default:
        return MetricSeries::Kind::Scalar;
    }
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

MetricIngestor::MetricIngestor(const Workspace &workspace, Id runId)
    : m_database(workspace.database())
    , m_runId(runId)
    , m_blocks(m_database)
{
    const QVariant handle = m_database.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(handle.data());
}

MetricIngestor::~MetricIngestor()
{
    for (sqlite3_stmt *s : {m_insertValue, m_findSeries, m_insertSeries, m_updateSeries})
        sqlite3_finalize(s);
}

bool MetricIngestor::exec(const char *sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
    sqlite3_free(message);
    return sql::fail(error, QObject::tr("Storing metrics failed: %1").arg(text));
}

bool MetricIngestor::step(sqlite3_stmt *statement, QString *error)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    return sql::fail(
        error,
        QObject::tr("Storing metrics failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
}

bool MetricIngestor::prepareStatements(QString *error)
{
    if (m_insertValue)
        return true;
    if (!m_db)
        return sql::fail(error, QObject::tr("The workspace connection is not SQLite."));
    struct {
        sqlite3_stmt **statement;
        const char *sql;
    } const statements[] = {
        {&m_insertValue, "INSERT INTO metric_values(series_id, seq, step, time, value) "
                         "VALUES (?, ?, ?, ?, ?)"},
        {&m_findSeries, "SELECT id, kind, count, last_value, min_value, max_value, last_step, "
                        "last_time FROM metric_series WHERE run_id = ? AND name = ?"},
        {&m_insertSeries, "INSERT INTO metric_series(run_id, name, kind) VALUES (?, ?, ?)"},
        {&m_updateSeries, "UPDATE metric_series SET count = ?, last_value = ?, min_value = ?, "
                          "max_value = ?, last_step = ?, last_time = ? WHERE id = ?"},
    };
    for (const auto &s : statements) {
        if (sqlite3_prepare_v2(m_db, s.sql, -1, s.statement, nullptr) != SQLITE_OK)
            return sql::fail(error, QString::fromUtf8(sqlite3_errmsg(m_db)));
    }
    QSqlQuery q(m_database);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT r.experiment_id, r.uid, i.malformed_lines FROM runs r "
                                     "LEFT JOIN run_ingest i ON i.run_id = r.id WHERE r.id = ?"),
                      error))
        return false;
    q.addBindValue(m_runId);
    if (!sql::exec(q, error))
        return false;
    if (!q.next())
        return sql::fail(error, QObject::tr("Run %1 is not in the workspace.").arg(m_runId));
    m_experimentId = q.value(0).toLongLong();
    m_runUid = q.value(1).toString();
    m_malformed = q.value(2).toLongLong();
    return true;
}

qint64 MetricIngestor::storedOffset(QString *error)
{
    QSqlQuery q(m_database);
    if (!sql::prepare(q, QStringLiteral("SELECT metrics_offset FROM run_ingest WHERE run_id = ?"),
                      error))
        return -1;
    q.addBindValue(m_runId);
    if (!sql::exec(q, error))
        return -1;
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool MetricIngestor::ingest(const QList<MetricTail::Line> &lines, qint64 nextOffset, QString *error)
{
    if (!prepareStatements(error) || !exec("BEGIN IMMEDIATE", error))
        return false;
    const qint64 pointsBefore = m_pointsStored;
    bool ok = true;
    for (const MetricTail::Line &line : lines) {
        if (!(ok = ingestLine(line, error)))
            break;
    }
    m_line = nullptr;
    ok = ok && m_blocks.flush(error) && flushSeries(error);
    if (ok) {
        QSqlQuery q(m_database);
        ok = sql::prepare(q,
                          QStringLiteral("INSERT INTO run_ingest(run_id, metrics_offset, "
                                         "malformed_lines) VALUES (?, ?, ?) ON CONFLICT(run_id) "
                                         "DO UPDATE SET metrics_offset = excluded.metrics_offset, "
                                         "malformed_lines = excluded.malformed_lines"),
                          error);
        q.addBindValue(m_runId);
        q.addBindValue(nextOffset);
        q.addBindValue(m_malformed);
        ok = ok && sql::exec(q, error);
    }
    if (ok && exec("COMMIT", error))
        return true;
    QString ignored;
    exec("ROLLBACK", &ignored);
    // What we cached about series may be ahead of what is stored now.
    m_series.clear();
    m_children.clear();
    m_blocks.reset();
    m_pointsStored = pointsBefore;
    return false;
}

bool MetricIngestor::ingestLine(const MetricTail::Line &line, QString *error)
{
    if (!line.ok()) {
        if (!line.fileNote) // a note about the file is no malformed line
            ++m_malformed;
        return addDiagnostic(line, line.error, error);
    }
    m_line = &line;
    const MetricRecord &r = line.record;
    const Id runId = runFor(r.run, r.kind == MetricRecord::Kind::Child ? r.text : QString(), error);
    if (runId == 0)
        return false;
    switch (r.kind) {
    case MetricRecord::Kind::Scalar:
        return addPoint(runId, r, error);
    case MetricRecord::Kind::Scalars:
        return addPoints(runId, r, error);
    case MetricRecord::Kind::String:
    case MetricRecord::Kind::Image:
        return addValue(runId, r, seriesKind(r.kind), r.text, error);
    case MetricRecord::Kind::List:
    case MetricRecord::Kind::Row:
    case MetricRecord::Kind::Table: {
        const QJsonDocument doc =
            r.json.isArray() ? QJsonDocument(r.json.toArray()) : QJsonDocument(r.json.toObject());
        return addValue(runId, r, seriesKind(r.kind),
                        QString::fromUtf8(doc.toJson(QJsonDocument::Compact)), error);
    }
    case MetricRecord::Kind::Tag:
        return Runs(m_database).setTag(runId, r.name, r.text, error);
    case MetricRecord::Kind::Child:
        return true; // runFor() created it
    case MetricRecord::Kind::Status: {
        bool known = false;
        const RunStatus status = statusFromName(r.text, &known);
        if (!known || !isFinal(status) || runId == m_runId)
            return addDiagnostic(line,
                                 QObject::tr("A status line may only end a child run "
                                             "(Completed, Failed or Canceled)."),
                                 error);
        return Runs(m_database).finish(runId, status, -1, QString(), error);
    }
    }
    return true;
}

MetricIngestor::Series *MetricIngestor::series(Id runId, const QString &name,
                                               MetricSeries::Kind kind, QString *error)
{
    const QString k = key(runId, name);
    auto it = m_series.find(k);
    if (it != m_series.end())
        return &it.value();
    Series s;
    sqlite3_bind_int64(m_findSeries, 1, runId);
    bindText(m_findSeries, 2, name);
    if (sqlite3_step(m_findSeries) == SQLITE_ROW) {
        s.id = sqlite3_column_int64(m_findSeries, 0);
        s.kind = metricKindFromName(QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_findSeries, 1))));
        s.count = sqlite3_column_int64(m_findSeries, 2);
        s.hasNumbers = sqlite3_column_type(m_findSeries, 3) != SQLITE_NULL;
        s.last = sqlite3_column_double(m_findSeries, 3);
        s.min = sqlite3_column_double(m_findSeries, 4);
        s.max = sqlite3_column_double(m_findSeries, 5);
        s.lastStep = sqlite3_column_type(m_findSeries, 6) == SQLITE_NULL
                         ? -1
                         : sqlite3_column_int64(m_findSeries, 6);
        s.lastTime = sqlite3_column_double(m_findSeries, 7);
        sqlite3_reset(m_findSeries);
    } else {
        sqlite3_reset(m_findSeries);
        sqlite3_bind_int64(m_insertSeries, 1, runId);
        bindText(m_insertSeries, 2, name);
        bindText(m_insertSeries, 3, kindName(kind));
        if (!step(m_insertSeries, error))
            return nullptr;
        s.id = sqlite3_last_insert_rowid(m_db);
        s.kind = kind;
    }
    return &m_series.insert(k, s).value();
}

bool MetricIngestor::addPoint(Id runId, const MetricRecord &r, QString *error)
{
    Series *s = series(runId, r.name, MetricSeries::Kind::Scalar, error);
    if (!s)
        return false;
    if (s->kind != MetricSeries::Kind::Scalar)
        return addValue(runId, r, s->kind, QString::number(r.number, 'g', 17), error);
    return addNumber(s, r.step, r.time > 0 ? r.time : nowSeconds(), r.number, error);
}

bool MetricIngestor::addPoints(Id runId, const MetricRecord &r, QString *error)
{
    Series *s = series(runId, r.name, MetricSeries::Kind::Scalar, error);
    if (!s)
        return false;
    const double defaultTime = r.time > 0 ? r.time : nowSeconds();
    const bool steps = !r.steps.isEmpty(), times = !r.times.isEmpty();
    MetricRecord one; // only for a series that holds other kinds of values
    one.run = r.run;
    one.name = r.name;
    for (qsizetype i = 0; i < r.numbers.size(); ++i) {
        const qint64 step = steps ? r.steps.at(i) : -1;
        const double time = times && r.times.at(i) > 0 ? r.times.at(i) : defaultTime;
        if (s->kind == MetricSeries::Kind::Scalar) {
            if (!addNumber(s, step, time, r.numbers.at(i), error))
                return false;
            continue;
        }
        one.step = step;
        one.time = time;
        if (!addValue(runId, one, s->kind, QString::number(r.numbers.at(i), 'g', 17), error))
            return false;
    }
    return true;
}

bool MetricIngestor::addNumber(Series *s, qint64 step, double time, double value, QString *error)
{
    const qint64 stepValue = step >= 0 ? step : s->count;
    if (!m_blocks.append(s->id, s->count, stepValue, time, value, error))
        return false;
    ++s->count;
    ++m_pointsStored;
    s->lastStep = stepValue;
    s->lastTime = time;
    s->last = value;
    if (!qIsNaN(value)) {
        s->min = s->hasNumbers ? std::min(s->min, value) : value;
        s->max = s->hasNumbers ? std::max(s->max, value) : value;
        s->hasNumbers = true;
    }
    s->dirty = true;
    return true;
}

bool MetricIngestor::addValue(Id runId, const MetricRecord &r, MetricSeries::Kind kind,
                              const QString &value, QString *error)
{
    Series *s = series(runId, r.name, kind, error);
    if (!s)
        return false;
    if (s->kind == MetricSeries::Kind::Scalar && kind != MetricSeries::Kind::Scalar) {
        // A series keeps its first kind; a value of another kind is kept
        // as a diagnostic rather than dropped.
        Q_ASSERT(m_line);
        return addDiagnostic(*m_line,
                             QObject::tr("'%1' holds numbers; a %2 value was logged under "
                                         "the same name and kept here.")
                                 .arg(r.name, kindName(kind)),
                             error);
    }
    const qint64 stepValue = r.step >= 0 ? r.step : s->count;
    const double time = r.time > 0 ? r.time : nowSeconds();
    sqlite3_bind_int64(m_insertValue, 1, s->id);
    sqlite3_bind_int64(m_insertValue, 2, s->count);
    sqlite3_bind_int64(m_insertValue, 3, stepValue);
    sqlite3_bind_double(m_insertValue, 4, time);
    bindText(m_insertValue, 5, value);
    if (!step(m_insertValue, error))
        return false;
    ++s->count;
    s->lastStep = stepValue;
    s->lastTime = time;
    s->dirty = true;
    return true;
}

bool MetricIngestor::flushSeries(QString *error)
{
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        Series &s = it.value();
        if (!s.dirty)
            continue;
        sqlite3_bind_int64(m_updateSeries, 1, s.count);
        for (int i = 0; i < 3; ++i) {
            const double v = i == 0 ? s.last : i == 1 ? s.min : s.max;
            if (!s.hasNumbers || qIsNaN(v))
                sqlite3_bind_null(m_updateSeries, 2 + i);
            else
                sqlite3_bind_double(m_updateSeries, 2 + i, v);
        }
        sqlite3_bind_int64(m_updateSeries, 5, s.lastStep);
        sqlite3_bind_double(m_updateSeries, 6, s.lastTime);
        sqlite3_bind_int64(m_updateSeries, 7, s.id);
        if (!step(m_updateSeries, error))
            return false;
        s.dirty = false;
    }
    return true;
}

Id MetricIngestor::runFor(const QString &childName, const QString &displayName, QString *error)
{
    if (childName.isEmpty())
        return m_runId;
    const auto it = m_children.constFind(childName);
    if (it != m_children.constEnd())
        return it.value();
    QSqlQuery q(m_database);
    if (!sql::prepare(q, QStringLiteral("SELECT id FROM runs WHERE parent_id = ? AND uid = ?"),
                      error))
        return 0;
    const QString uid = m_runUid + QLatin1Char('.') + childName;
    q.addBindValue(m_runId);
    q.addBindValue(uid);
    if (!sql::exec(q, error))
        return 0;
    Id id = 0;
    if (q.next()) {
        id = q.value(0).toLongLong();
    } else {
        // Child runs are Running from their first line until a status line ends them.
        if (!sql::prepare(
                q,
                QStringLiteral("INSERT INTO runs(uid, experiment_id, parent_id, display_name, "
                               "status, target_id, created_at, started_at) SELECT ?, "
                               "experiment_id, id, ?, 'Running', target_id, ?, ? FROM runs "
                               "WHERE id = ?"),
                error))
            return 0;
        const qint64 now = sql::now();
        q.addBindValue(uid);
        q.addBindValue(displayName.isEmpty() ? childName : displayName);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(m_runId);
        if (!sql::exec(q, error))
            return 0;
        id = q.lastInsertId().toLongLong();
    }
    m_children.insert(childName, id);
    return id;
}

bool MetricIngestor::addDiagnostic(const MetricTail::Line &line, const QString &message,
                                   QString *error)
{
    QSqlQuery q(m_database);
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO run_diagnostics(run_id, source, file_offset, "
                                     "message, raw, created_at) VALUES (?, 'metrics', ?, ?, ?, ?)"),
                      error))
        return false;
    q.addBindValue(m_runId);
    q.addBindValue(line.number > 0 || line.offset > 0 ? QVariant(line.offset) : QVariant());
    q.addBindValue(line.number > 0 ? QObject::tr("line %1: %2").arg(line.number).arg(message)
                                   : message);
    q.addBindValue(sql::text(line.raw()));
    q.addBindValue(sql::now());
    return sql::exec(q, error);
}

} // namespace mlwb
