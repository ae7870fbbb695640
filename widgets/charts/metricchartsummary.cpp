// MetricChartView: lines held as per-block summaries (LodSeries) instead of
// their points, so a chart left open on long runs stays within its memory.
// The picture is the same: LodSeries decimates exactly as the points would,
// reading back from the store the few blocks that straddle a pixel column.
#include "charts/metricchartline.h"

#include "metrics/pointblocks.h"
#include "metrics/seriesloader.h"

#include <QtGlobal>

namespace mlwb {

int MetricChartView::summarizedLines() const
{
    int n = 0;
    for (const auto &line : m_lines)
        n += line->lod ? 1 : 0;
    return n;
}

// Summaries serve exact min/max columns over steps; smoothing, time and
// metric axes, outlier clipping and the aggregate work on every point.
bool MetricChartView::summarizable() const
{
    return m_options.xMode == XAxisMode::Step && m_options.smoothing <= 0
           && !m_options.ignoreOutliers && !m_aggregate;
}

// While the tab holds more points than its budget, its longest lines (this
// panel's) give up their points for summaries.
void MetricChartView::summarizeOverBudget()
{
    if (!summarizable())
        return;
    while (m_loader->heldBytes() > m_loader->memoryBudget()) {
        Line *longest = nullptr;
        for (const auto &line : m_lines)
            if (!line->lod && !line->unordered && line->seriesId
                && (!longest || line->curve.size() > longest->curve.size()))
                longest = line.get();
        if (!longest || !longest->curve.size() || !summarize(longest))
            return;
    }
}

bool MetricChartView::summarize(Line *line)
{
    const SeriesArrays *a = m_loader->cached(line->seriesId);
    if (!a)
        return false;
    auto lod = std::make_unique<LodSeries>(pointblocks::blockSize, 16);
    lod->append(a->step.constData(), a->value.constData(), a->size());
    if (!lod->isOrdered()) {
        line->unordered = true;
        return true; // keeps its points
    }
    const Id id = line->seriesId;
    SeriesLoader *loader = m_loader;
    lod->setSource([loader, id](qsizetype b, LodSeries::Points *out) {
        QString error;
        if (loader->readBlock(id, b, pointblocks::blockSize, out, &error))
            return true;
        qWarning("metric chart: reading points of series %lld failed: %s", qlonglong(id),
                 qPrintable(error));
        return false;
    });
    line->curve.setSource(nullptr, nullptr, 0);
    line->curve.build(m_options.xMode, m_unit, m_options.smoothing);
    line->lod = std::move(lod);
    m_loader->forget(line->seriesId);
    ++line->generation;
    return true;
}

bool MetricChartView::growSummary(Line *line, bool *grew, QString *error)
{
    SeriesArrays fresh;
    if (!m_loader->fetch(line->seriesId, line->lod->size(), -1, &fresh, error))
        return false;
    *grew = fresh.size() > 0;
    if (!*grew)
        return true;
    line->lod->append(fresh.step.constData(), fresh.value.constData(), fresh.size());
    if (!line->lod->isOrdered()) { // back to every point
        line->lod.reset();
        line->unordered = true;
        return m_loader->series(line->seriesId, error) != nullptr;
    }
    return true;
}

void MetricChartView::decimateSummary(Line *line, double x0, double x1, int width)
{
    QList<QPointF> points;
    // A failed read (warned about) keeps what the line showed.
    if (line->lod->extremesPerPixel(x0, x1, width, &points))
        line->mainPoints = points;
}

} // namespace mlwb
