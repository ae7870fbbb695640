#pragma once

#include "metrics/lodseries.h"
#include "metrics/pointblocks.h"
#include "metrics/pointcolumn.h"
#include "store/types.h"

#include <unordered_map>

namespace mlwb {

class Workspace;

/// Every point of one numeric series as parallel arrays in arrival (seq)
/// order: what a chart decimates from. A stored NULL comes back as NaN.
struct SeriesArrays {
    PointColumn step;
    PointColumn time; // seconds since the epoch
    PointColumn value;
    qsizetype size() const { return value.size(); }
};

/// Reads metric points for charts, fast: whole blocks of packed points
/// (no QVariant per value, see pointblocks.h), and keeps each series it read so a live chart
/// only fetches the points that arrived since (seq >= what it holds).
/// Use from the thread that opened the workspace.
class SeriesLoader
{
public:
    explicit SeriesLoader(const Workspace &workspace);
    SeriesLoader(const SeriesLoader &) = delete;
    SeriesLoader &operator=(const SeriesLoader &) = delete;

    /// Appends the points with fromSeq <= seq < toSeq (toSeq < 0: to the end).
    bool fetch(Id seriesId, qint64 fromSeq, qint64 toSeq, SeriesArrays *out, QString *error) const;
    /// The cached points of a series, brought up to date first; null on error.
    /// The pointer stays valid until forget() or the loader's end.
    const SeriesArrays *series(Id seriesId, QString *error);
    /// Reads points stored since the last call; *grew says whether any came.
    bool refresh(Id seriesId, bool *grew, QString *error);
    /// The cached points without touching the store (null if never loaded).
    const SeriesArrays *cached(Id seriesId) const;
    /// Reads block b (points [b * blockSize, (b + 1) * blockSize)) of a series
    /// with x = step, as a LodSeries reads what it does not hold.
    bool readBlock(Id seriesId, qsizetype block, qsizetype blockSize, LodSeries::Points *out,
                   QString *error) const;
    /// While one lives, reads share one read transaction: rereading a
    /// thousand blocks then takes the store's locks once (a third faster).
    class ReadBatch
    {
    public:
        explicit ReadBatch(const SeriesLoader &loader)
            : m_reader(loader.m_reader)
            , m_began(m_reader.beginRead())
        {}
        ~ReadBatch()
        {
            if (m_began)
                m_reader.endRead();
        }
        ReadBatch(const ReadBatch &) = delete;
        ReadBatch &operator=(const ReadBatch &) = delete;

    private:
        PointBlockReader &m_reader;
        bool m_began;
    };
    void forget(Id seriesId);
    void clear() { m_cache.clear(); }
    /// Bytes the cached points take (what a chart tab holds beyond summaries).
    qsizetype heldBytes() const;
    /// Bytes of points a chart tab keeps for instant zooms before it holds
    /// its longest step-axis lines as per-block summaries, rereading the
    /// blocks it needs from the store: MLWB_CHART_MEMORY_MB, else 1.5 GiB
    /// (some 64 million points).
    qsizetype memoryBudget() const { return m_budget; }
    void setMemoryBudget(qsizetype bytes) { m_budget = bytes; }

private:
    mutable PointBlockReader m_reader;
    mutable std::vector<qint64> m_steps;          // a reread block's, reused
    std::unordered_map<Id, SeriesArrays> m_cache; // node-based: stable pointers
    qsizetype m_budget;
};

} // namespace mlwb
