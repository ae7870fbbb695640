#pragma once

#include "metrics/metrictail.h"
#include "metrics/pointblocks.h"
#include "store/types.h"

#include <QHash>
#include <QSqlDatabase>

struct sqlite3;
struct sqlite3_stmt;

namespace mlwb {

class Workspace;

/// Writes the lines read from one run's metrics.jsonl into the store. Each
/// batch is one transaction that also stores the file offset it reached, so
/// a restart resumes exactly where the last commit ended: no point lost,
/// none stored twice. Malformed lines and values that do not fit their
/// series become run diagnostics (with the line number and the raw
/// line), never silence.
/// The hot path uses SQLite's C API on the workspace's own connection.
class MetricIngestor
{
public:
    MetricIngestor(const Workspace &workspace, Id runId);
    ~MetricIngestor();
    MetricIngestor(const MetricIngestor &) = delete;
    MetricIngestor &operator=(const MetricIngestor &) = delete;

    /// The offset the last committed batch reached (0 for a new run).
    qint64 storedOffset(QString *error);
    /// Stores `lines` and the new offset in one transaction.
    bool ingest(const QList<MetricTail::Line> &lines, qint64 nextOffset, QString *error);
    qint64 pointsStored() const { return m_pointsStored; }

private:
    struct Series {
        Id id = 0;
        MetricSeries::Kind kind = MetricSeries::Kind::Scalar;
        qint64 count = 0;
        double last = 0, min = 0, max = 0;
        qint64 lastStep = -1;
        double lastTime = 0;
        bool hasNumbers = false;
        bool dirty = false;
    };

    bool prepareStatements(QString *error);
    bool ingestLine(const MetricTail::Line &line, QString *error);
    bool addPoint(Id runId, const MetricRecord &r, QString *error);
    bool addPoints(Id runId, const MetricRecord &r, QString *error);
    bool addNumber(Series *s, qint64 step, double time, double value, QString *error);
    bool addValue(Id runId, const MetricRecord &r, MetricSeries::Kind kind, const QString &value,
                  QString *error);
    Series *series(Id runId, const QString &name, MetricSeries::Kind kind, QString *error);
    Id runFor(const QString &childName, const QString &displayName, QString *error);
    bool addDiagnostic(const MetricTail::Line &line, const QString &message, QString *error);
    bool flushSeries(QString *error);
    bool step(sqlite3_stmt *statement, QString *error);
    bool exec(const char *sql, QString *error);

    QSqlDatabase m_database; // keeps the connection alive
    sqlite3 *m_db = nullptr;
    Id m_runId;
    Id m_experimentId = 0;
    QString m_runUid;
    const MetricTail::Line *m_line = nullptr; // the line being stored
    QHash<QString, Series> m_series;          // key: run id + '\n' + name
    QHash<QString, Id> m_children;
    qint64 m_malformed = 0;
    qint64 m_pointsStored = 0;
    PointBlockWriter m_blocks;
    sqlite3_stmt *m_insertValue = nullptr;
    sqlite3_stmt *m_findSeries = nullptr;
    sqlite3_stmt *m_insertSeries = nullptr;
    sqlite3_stmt *m_updateSeries = nullptr;
};

} // namespace mlwb
