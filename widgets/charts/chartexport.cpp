// MetricChartView::saveImage: the panel with a legend of its runs as PNG or SVG.
#include "charts/chartlegend.h"
#include "charts/metricchartline.h"

#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QImage>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>

namespace mlwb {

QList<ChartRun> MetricChartView::runs() const
{
    QList<ChartRun> out;
    for (const auto &line : m_lines)
        if (line->visible)
            out << line->run;
    return out;
}

bool MetricChartView::saveImage(const QString &path, const QSize &size, QString *error)
{
    const QList<ChartRun> legendRuns = runs();
    const int legend = ChartLegend::height(legendRuns, size.width(), font());
    const QSize chartSize(size.width(), std::max(50, size.height() - legend));
    const QSize old = this->size();
    resize(chartSize);
    // A hidden view (the CLI's, a panel on a hidden tab) gets no resize
    // event: size the chart itself and lay it out now, twice, because the
    // axis labels of the redrawn range can change the plot area.
    chart()->resize(chartSize);
    for (int pass = 0; pass < 2; ++pass) {
        if (chart()->layout())
            chart()->layout()->activate();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        redraw();
    }
    const QRect chartRect(QPoint(0, 0), chartSize);
    const QRect legendRect(0, chartSize.height(), size.width(), legend);
    auto draw = [&](QPainter *painter) {
        scene()->render(painter, chartRect, chart()->geometry());
        if (legend)
            ChartLegend::paint(painter, legendRect, legendRuns, font());
    };
    bool ok = true;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(metrics().join(QStringLiteral(", ")));
        QPainter painter;
        ok = painter.begin(&svg);
        if (ok)
            draw(&painter);
    } else {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        // As on screen at rest (not the plain frames shown while points
        // stream in): smooth lines unless there are too many to afford it.
        painter.setRenderHint(QPainter::Antialiasing, smoothAtRest());
        draw(&painter);
        painter.end();
        ok = image.save(path);
    }
    resize(old);
    chart()->resize(old);
    if (!ok && error)
        *error = tr("Cannot write the chart to %1.").arg(path);
    return ok;
}

} // namespace mlwb
