#include "seriesloader.h"

#include "sqlerror.h"
#include "workspace.h"

#include <QObject>
#include <QSqlDriver>
#include <QVariant>
#include <limits>
#include <sqlite3.h>

namespace mlwb {

SeriesLoader::SeriesLoader(const Workspace &workspace)
    : m_database(workspace.database())
{
    const QVariant handle = m_database.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(handle.data());
}

SeriesLoader::~SeriesLoader()
{
    sqlite3_finalize(m_select);
}

bool SeriesLoader::prepare(QString *error) const
{
    if (m_select)
        return true;
    if (!m_db)
        return sql::fail(error, QObject::tr("The workspace database is not open."));
    const char *text = "SELECT step, time, value FROM metric_points "
                       "WHERE series_id = ? AND seq >= ? AND seq < ? ORDER BY seq";
    if (sqlite3_prepare_v2(m_db, text, -1, &m_select, nullptr) != SQLITE_OK)
        return sql::fail(error, QString::fromUtf8(sqlite3_errmsg(m_db)));
    return true;
}

bool SeriesLoader::fetch(Id seriesId, qint64 fromSeq, qint64 toSeq, SeriesArrays *out,
                         QString *error) const
{
    if (!prepare(error))
        return false;
    sqlite3_reset(m_select);
    sqlite3_bind_int64(m_select, 1, seriesId);
    sqlite3_bind_int64(m_select, 2, fromSeq);
    sqlite3_bind_int64(m_select, 3, toSeq < 0 ? std::numeric_limits<qint64>::max() : toSeq);
    int rc;
    while ((rc = sqlite3_step(m_select)) == SQLITE_ROW) {
        out->step.append(double(sqlite3_column_int64(m_select, 0)));
        out->time.append(sqlite3_column_double(m_select, 1));
        // NaN is stored as NULL.
        out->value.append(sqlite3_column_type(m_select, 2) == SQLITE_NULL
                              ? qQNaN()
                              : sqlite3_column_double(m_select, 2));
    }
    sqlite3_reset(m_select);
    if (rc != SQLITE_DONE)
        return sql::fail(error, QObject::tr("Reading metric points failed: %1")
                                    .arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
    return true;
}

const SeriesArrays *SeriesLoader::series(Id seriesId, QString *error)
{
    bool grew = false;
    if (!refresh(seriesId, &grew, error))
        return nullptr;
    return &m_cache[seriesId];
}

bool SeriesLoader::refresh(Id seriesId, bool *grew, QString *error)
{
    SeriesArrays &arrays = m_cache[seriesId];
    const qsizetype before = arrays.size();
    if (!fetch(seriesId, before, -1, &arrays, error))
        return false;
    if (grew)
        *grew = arrays.size() > before;
    return true;
}

const SeriesArrays *SeriesLoader::cached(Id seriesId) const
{
    const auto it = m_cache.find(seriesId);
    return it == m_cache.end() ? nullptr : &it->second;
}

void SeriesLoader::forget(Id seriesId)
{
    m_cache.erase(seriesId);
}

} // namespace mlwb
