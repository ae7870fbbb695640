#include "metrics/pointblocks.h"

#include "store/sqlerror.h"

#include <QObject>
#include <QSqlDriver>
#include <QVariant>
#include <QtEndian>
#include <limits>
#include <sqlite3.h>

namespace mlwb {

namespace {

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

bool prepareOnce(sqlite3 *db, sqlite3_stmt **statement, const char *text, QString *error)
{
    if (*statement)
        return true;
    if (!db)
        return sql::fail(error, QObject::tr("The workspace database is not open."));
    if (sqlite3_prepare_v3(db, text, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr)
        != SQLITE_OK)
        return sql::fail(error, sqliteError(db));
    return true;
}

template <typename T> bool decode(sqlite3_stmt *s, int column, qsizetype count, std::vector<T> *out)
{
    const void *blob = sqlite3_column_blob(s, column);
    if (sqlite3_column_bytes(s, column) != count * qsizetype(sizeof(T)) || (count && !blob))
        return false;
    out->resize(size_t(count));
    qFromLittleEndian<T>(blob, count, out->data());
    return true;
}

template <typename T> QByteArray encode(const std::vector<T> &values)
{
    QByteArray bytes(qsizetype(values.size() * sizeof(T)), Qt::Uninitialized);
    qToLittleEndian<T>(values.data(), qsizetype(values.size()), bytes.data());
    return bytes;
}

} // namespace

sqlite3 *pointblocks::handle(const QSqlDatabase &db)
{
    const QVariant h = db.driver() ? db.driver()->handle() : QVariant();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(h.data());
    return nullptr;
}

PointBlockReader::PointBlockReader(const QSqlDatabase &db)
    : m_database(db)
    , m_db(pointblocks::handle(db))
{}

PointBlockReader::~PointBlockReader()
{
    sqlite3_finalize(m_select);
    sqlite3_finalize(m_block);
    sqlite3_finalize(m_end);
}

qint64 PointBlockReader::storedEnd(Id seriesId, QString *error)
{
    if (!prepareOnce(m_db, &m_end,
                     "SELECT first_seq + count FROM metric_blocks WHERE series_id = ? "
                     "ORDER BY first_seq DESC LIMIT 1",
                     error))
        return -1;
    sqlite3_bind_int64(m_end, 1, seriesId);
    const int rc = sqlite3_step(m_end);
    const qint64 end = rc == SQLITE_ROW ? sqlite3_column_int64(m_end, 0) : 0;
    sqlite3_reset(m_end);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sql::fail(error, QObject::tr("Reading metric points failed: %1").arg(sqliteError(m_db)));
        return -1;
    }
    return end;
}

bool PointBlockReader::read(Id seriesId, qint64 fromSeq, qint64 toSeq,
                            const std::function<void(const PointSlice &)> &visit, QString *error)
{
    // The block holding fromSeq is the last one starting at or before it.
    const char *text = "SELECT first_seq, count, steps, times, vals FROM metric_blocks "
                       "WHERE series_id = ?1 AND first_seq >= coalesce((SELECT max(first_seq) "
                       "FROM metric_blocks WHERE series_id = ?1 AND first_seq <= ?2), 0) "
                       "AND first_seq < ?3 ORDER BY first_seq";
    if (!prepareOnce(m_db, &m_select, text, error))
        return false;
    if (toSeq < 0)
        toSeq = std::numeric_limits<qint64>::max();
    sqlite3_bind_int64(m_select, 1, seriesId);
    sqlite3_bind_int64(m_select, 2, fromSeq);
    sqlite3_bind_int64(m_select, 3, toSeq);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(m_select)) == SQLITE_ROW) {
        const qint64 first = sqlite3_column_int64(m_select, 0);
        const qint64 count = sqlite3_column_int64(m_select, 1);
        ok = count >= 0 && decode(m_select, 2, count, &m_step)
             && decode(m_select, 3, count, &m_time) && decode(m_select, 4, count, &m_value);
        if (!ok)
            break;
        const qint64 begin = std::max<qint64>(0, fromSeq - first);
        const qint64 end = std::min<qint64>(count, toSeq - first);
        if (end > begin)
            visit({m_step.data() + begin, m_time.data() + begin, m_value.data() + begin,
                   qsizetype(end - begin)});
    }
    sqlite3_reset(m_select);
    if (!ok)
        return sql::fail(error, QObject::tr("Metric series %1 has a damaged block of points; run "
                                            "'mlwb workspace check'.")
                                    .arg(seriesId));
    if (rc != SQLITE_DONE)
        return sql::fail(error,
                         QObject::tr("Reading metric points failed: %1").arg(sqliteError(m_db)));
    return true;
}

bool PointBlockReader::readBlock(Id seriesId, qint64 firstSeq, std::vector<qint64> *steps,
                                 std::vector<double> *values, bool *found, QString *error)
{
    // One row by its key, two of the three blobs: about half a range read.
    if (!prepareOnce(m_db, &m_block,
                     "SELECT count, steps, vals FROM metric_blocks "
                     "WHERE series_id = ?1 AND first_seq = ?2",
                     error))
        return false;
    sqlite3_bind_int64(m_block, 1, seriesId);
    sqlite3_bind_int64(m_block, 2, firstSeq);
    const int rc = sqlite3_step(m_block);
    *found = rc == SQLITE_ROW;
    bool ok = true;
    if (*found) {
        const qint64 count = sqlite3_column_int64(m_block, 0);
        ok = count >= 0 && decode(m_block, 1, count, steps) && decode(m_block, 2, count, values);
    }
    sqlite3_reset(m_block);
    if (!ok)
        return sql::fail(error, QObject::tr("Metric series %1 has a damaged block of points; run "
                                            "'mlwb workspace check'.")
                                    .arg(seriesId));
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql::fail(error,
                         QObject::tr("Reading metric points failed: %1").arg(sqliteError(m_db)));
    return true;
}

bool PointBlockReader::beginRead()
{
    return m_db && sqlite3_get_autocommit(m_db)
           && sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
}

void PointBlockReader::endRead()
{
    sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr); // read only: nothing to lose
}

PointBlockWriter::PointBlockWriter(const QSqlDatabase &db)
    : m_database(db)
    , m_db(pointblocks::handle(db))
{}

PointBlockWriter::~PointBlockWriter()
{
    sqlite3_finalize(m_last);
    sqlite3_finalize(m_upsert);
}

bool PointBlockWriter::prepare(QString *error)
{
    return prepareOnce(m_db, &m_last,
                       "SELECT first_seq, count, steps, times, vals FROM metric_blocks "
                       "WHERE series_id = ? ORDER BY first_seq DESC LIMIT 1",
                       error)
           && prepareOnce(m_db, &m_upsert,
                          "INSERT INTO metric_blocks(series_id, first_seq, count, steps, times, "
                          "vals) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(series_id, first_seq) DO "
                          "UPDATE SET count = excluded.count, steps = excluded.steps, "
                          "times = excluded.times, vals = excluded.vals",
                          error);
}

PointBlockWriter::Open *PointBlockWriter::openFor(Id seriesId, qint64 seq, QString *error)
{
    const auto it = m_open.find(seriesId);
    if (it != m_open.end())
        return &it->second;
    if (!prepare(error))
        return nullptr;
    // First use: continue the stored last block if it has room.
    Open block;
    block.firstSeq = seq;
    sqlite3_bind_int64(m_last, 1, seriesId);
    qint64 storedEnd = 0;
    bool ok = true;
    const int rc = sqlite3_step(m_last);
    if (rc == SQLITE_ROW) {
        const qint64 first = sqlite3_column_int64(m_last, 0);
        const qint64 count = sqlite3_column_int64(m_last, 1);
        storedEnd = first + count;
        if (count < pointblocks::blockSize) {
            block.firstSeq = first;
            ok = decode(m_last, 2, count, &block.step) && decode(m_last, 3, count, &block.time)
                 && decode(m_last, 4, count, &block.value);
        }
    }
    sqlite3_reset(m_last);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sql::fail(error, QObject::tr("Storing metrics failed: %1").arg(sqliteError(m_db)));
        return nullptr;
    }
    if (!ok || storedEnd != seq) {
        sql::fail(error, QObject::tr("Metric series %1 holds %2 stored points but its count says "
                                     "%3; run 'mlwb workspace check'.")
                             .arg(seriesId)
                             .arg(storedEnd)
                             .arg(seq));
        return nullptr;
    }
    return &m_open.emplace(seriesId, std::move(block)).first->second;
}

bool PointBlockWriter::append(Id seriesId, qint64 seq, qint64 step, double time, double value,
                              QString *error)
{
    Open *block = openFor(seriesId, seq, error);
    if (!block)
        return false;
    if (block->firstSeq + qint64(block->step.size()) != seq)
        return sql::fail(
            error,
            QObject::tr("Metric point %1 of series %2 is out of order.").arg(seq).arg(seriesId));
    block->step.push_back(step);
    block->time.push_back(time);
    block->value.push_back(value);
    block->dirty = true;
    if (qsizetype(block->step.size()) < pointblocks::blockSize)
        return true;
    // Full: store it and start the next one.
    if (!write(seriesId, *block, error))
        return false;
    block->firstSeq += qint64(block->step.size());
    block->step.clear();
    block->time.clear();
    block->value.clear();
    return true;
}

bool PointBlockWriter::write(Id seriesId, Open &block, QString *error)
{
    const QByteArray steps = encode(block.step), times = encode(block.time),
                     values = encode(block.value);
    sqlite3_bind_int64(m_upsert, 1, seriesId);
    sqlite3_bind_int64(m_upsert, 2, block.firstSeq);
    sqlite3_bind_int64(m_upsert, 3, qint64(block.step.size()));
    sqlite3_bind_blob(m_upsert, 4, steps.constData(), int(steps.size()), SQLITE_STATIC);
    sqlite3_bind_blob(m_upsert, 5, times.constData(), int(times.size()), SQLITE_STATIC);
    sqlite3_bind_blob(m_upsert, 6, values.constData(), int(values.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_upsert);
    sqlite3_reset(m_upsert);
    sqlite3_clear_bindings(m_upsert);
    if (rc != SQLITE_DONE)
        return sql::fail(error, QObject::tr("Storing metrics failed: %1").arg(sqliteError(m_db)));
    block.dirty = false;
    return true;
}

bool PointBlockWriter::flush(QString *error)
{
    for (auto &[seriesId, block] : m_open) {
        if (block.dirty && !block.step.empty() && !write(seriesId, block, error))
            return false;
    }
    return true;
}

} // namespace mlwb
