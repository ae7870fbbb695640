#include "metrics/seriesloader.h"

#include "store/workspace.h"

#include <algorithm>

namespace mlwb {

static qsizetype defaultBudget()
{
    bool ok = false;
    const int mb = qEnvironmentVariableIntValue("MLWB_CHART_MEMORY_MB", &ok);
    return qsizetype(ok && mb >= 0 ? mb : 1536) * 1024 * 1024;
}

SeriesLoader::SeriesLoader(const Workspace &workspace)
    : m_reader(workspace.database())
    , m_budget(defaultBudget())
{}

bool SeriesLoader::fetch(Id seriesId, qint64 fromSeq, qint64 toSeq, SeriesArrays *out,
                         QString *error) const
{
    // A first load makes room for all of them at once: no regrowing, no
    // copies. A live series grows a little per refresh: the arrays grow
    // geometrically by themselves, and asking the end first would cost a
    // second query per series per refresh (reserving exactly would copy the
    // whole series every time).
    if (out->size() == 0) {
        const qint64 end = m_reader.storedEnd(seriesId, error);
        if (end < 0)
            return false;
        const qint64 last = toSeq < 0 ? end : std::min(end, toSeq);
        if (last > fromSeq) {
            const qsizetype room = qsizetype(last - fromSeq);
            out->step.reserve(room);
            out->time.reserve(room);
            out->value.reserve(room);
        }
    }
    return m_reader.read(
        seriesId, fromSeq, toSeq,
        [out](const PointSlice &slice) {
            const qsizetype at = out->size();
            out->step.resize(at + slice.count);
            out->time.resize(at + slice.count);
            out->value.resize(at + slice.count);
            double *step = out->step.data() + at;
            for (qsizetype i = 0; i < slice.count; ++i)
                step[i] = double(slice.step[i]);
            std::copy_n(slice.time, slice.count, out->time.data() + at);
            std::copy_n(slice.value, slice.count, out->value.data() + at);
        },
        error);
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

bool SeriesLoader::readBlock(Id seriesId, qsizetype block, qsizetype blockSize,
                             LodSeries::Points *out, QString *error) const
{
    bool found = false;
    if (!m_reader.readBlock(seriesId, qint64(block * blockSize), &m_steps, &out->y, &found, error))
        return false;
    if (found && qsizetype(m_steps.size()) <= blockSize) { // blocks start at multiples of it
        out->x.resize(m_steps.size());
        std::copy(m_steps.begin(), m_steps.end(), out->x.begin());
        return true;
    }
    out->x.clear();
    out->y.clear();
    return m_reader.read(
        seriesId, block * blockSize, (block + 1) * blockSize,
        [out](const PointSlice &slice) {
            const size_t at = out->x.size();
            out->x.resize(at + size_t(slice.count));
            for (qsizetype i = 0; i < slice.count; ++i)
                out->x[at + size_t(i)] = double(slice.step[i]);
            out->y.insert(out->y.end(), slice.value, slice.value + slice.count);
        },
        error);
}

qsizetype SeriesLoader::heldBytes() const
{
    qsizetype bytes = 0;
    for (const auto &[id, a] : m_cache)
        bytes += (a.step.capacity() + a.time.capacity() + a.value.capacity()) * qsizetype(8);
    return bytes;
}

void SeriesLoader::forget(Id seriesId)
{
    m_cache.erase(seriesId);
}

} // namespace mlwb
