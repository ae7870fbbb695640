#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <functional>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace mlwb {

/// Numeric metric points live in metric_blocks: each row holds up to
/// blockSize consecutive points (by seq) of one series as three packed
/// little-endian arrays: int64 steps, float64 times (seconds since the
/// epoch) and float64 values (NaN stays NaN). Reading a million points is
/// then about a thousand blob copies instead of a million row decodes, and
/// storing a batch rewrites one row instead of inserting a row per point.
namespace pointblocks {
constexpr qsizetype blockSize = 1024;

/// The sqlite3 handle behind a Qt SQLite connection (null if it is not one).
sqlite3 *handle(const QSqlDatabase &db);
} // namespace pointblocks

/// One decoded slice of a block: count points, arrays in seq order.
struct PointSlice {
    const qint64 *step;
    const double *time;
    const double *value;
    qsizetype count;
};

/// Reads points of a series in seq order, one slice per block.
class PointBlockReader
{
public:
    explicit PointBlockReader(const QSqlDatabase &db);
    ~PointBlockReader();
    PointBlockReader(const PointBlockReader &) = delete;
    PointBlockReader &operator=(const PointBlockReader &) = delete;

    /// Calls visit for the points with fromSeq <= seq < toSeq (toSeq < 0: to
    /// the end). Slices point into buffers reused by the next slice.
    bool read(Id seriesId, qint64 fromSeq, qint64 toSeq,
              const std::function<void(const PointSlice &)> &visit, QString *error);
    /// The block starting at firstSeq, steps and values only (what a chart
    /// rereads); *found false when no block starts there.
    bool readBlock(Id seriesId, qint64 firstSeq, std::vector<qint64> *steps,
                   std::vector<double> *values, bool *found, QString *error);
    /// Opens a read transaction when none is open (true: this call did), so
    /// that many reads take the store's locks once; endRead() closes it.
    bool beginRead();
    void endRead();
    /// One past the last stored seq of the series (0: none); -1 on error.
    qint64 storedEnd(Id seriesId, QString *error);

private:
    QSqlDatabase m_database; // keeps the connection alive
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_select = nullptr;
    sqlite3_stmt *m_block = nullptr;
    sqlite3_stmt *m_end = nullptr;
    std::vector<qint64> m_step;
    std::vector<double> m_time, m_value;
};

/// Appends points to series' blocks. Points are buffered per series and
/// written by flush() (and whenever a block fills), inside the caller's
/// transaction; after a rollback call reset() so nothing cached outlives it.
class PointBlockWriter
{
public:
    explicit PointBlockWriter(const QSqlDatabase &db);
    ~PointBlockWriter();
    PointBlockWriter(const PointBlockWriter &) = delete;
    PointBlockWriter &operator=(const PointBlockWriter &) = delete;

    /// Adds the point numbered seq; seq must continue the series (its
    /// stored count on first use, then one more each call).
    bool append(Id seriesId, qint64 seq, qint64 step, double time, double value, QString *error);
    /// Writes every block that changed since the last flush.
    bool flush(QString *error);
    /// Forgets the buffered blocks (their rows are reread when needed).
    void reset() { m_open.clear(); }

private:
    struct Open {
        qint64 firstSeq = 0;
        std::vector<qint64> step;
        std::vector<double> time, value;
        bool dirty = false;
    };
    bool prepare(QString *error);
    Open *openFor(Id seriesId, qint64 seq, QString *error);
    bool write(Id seriesId, Open &block, QString *error);

    QSqlDatabase m_database;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_last = nullptr;
    sqlite3_stmt *m_upsert = nullptr;
    std::unordered_map<Id, Open> m_open;
};

} // namespace mlwb
