#include "parallelcoordinates.h"

#include "chartlegend.h"
#include "runstablemodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <cmath>

namespace mlwb {

namespace {
constexpr int sideMargin = 60;
constexpr int topMargin = 52;    // the axis title and its max label
constexpr int bottomMargin = 28; // the min label

QString shortKey(const QString &key)
{
    if (key.startsWith(QLatin1String("params.")))
        return key.mid(7);
    if (key.startsWith(QLatin1String("metrics.")))
        return key.mid(8);
    return key;
}
} // namespace

ParallelCoordinates::ParallelCoordinates(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parallelCoordinates"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

QStringList ParallelCoordinates::defaultColumns(const RunsTableModel &model,
                                                const QList<ChartRun> &runs)
{
    QStringList out;
    for (const QString &key : model.columnKeys()) {
        const bool param = key.startsWith(QLatin1String("params."));
        const bool metric = key.startsWith(QLatin1String("metrics."))
                            && !key.endsWith(QLatin1String(".min"))
                            && !key.endsWith(QLatin1String(".max"));
        if (!param && !metric)
            continue;
        const int column = model.columnOf(key);
        for (const ChartRun &run : runs) {
            const int row = model.rowOf(run.runId);
            if (row >= 0 && model.index(row, column).data(RunsTableModel::SortRole).isValid()) {
                out << key;
                break;
            }
        }
    }
    return out;
}

void ParallelCoordinates::setData(const RunsTableModel &model, const QList<ChartRun> &runs,
                                  const QStringList &columnKeys)
{
    m_runs = runs;
    m_axes.clear();
    for (const QString &key : columnKeys) {
        const int column = model.columnOf(key);
        if (column < 0)
            continue;
        Axis axis;
        axis.key = key;
        QList<QVariant> cells;
        bool numeric = true;
        for (const ChartRun &run : runs) {
            const int row = model.rowOf(run.runId);
            const QVariant v =
                row < 0 ? QVariant() : model.index(row, column).data(RunsTableModel::SortRole);
            bool ok = true;
            if (v.isValid() && !v.toString().isEmpty())
                v.toString().toDouble(&ok);
            numeric = numeric && ok;
            cells << v;
        }
        if (!numeric) {
            QSet<QString> names;
            for (const QVariant &v : std::as_const(cells))
                if (v.isValid() && !v.toString().isEmpty())
                    names.insert(v.toString());
            axis.categories = QStringList(names.cbegin(), names.cend());
            std::sort(axis.categories.begin(), axis.categories.end());
        }
        axis.min = qInf();
        axis.max = -qInf();
        for (const QVariant &v : std::as_const(cells)) {
            double d = qQNaN();
            if (v.isValid() && !v.toString().isEmpty())
                d = numeric ? v.toString().toDouble()
                            : double(axis.categories.indexOf(v.toString()));
            axis.values << d;
            if (std::isfinite(d)) {
                axis.min = std::min(axis.min, d);
                axis.max = std::max(axis.max, d);
            }
        }
        if (!std::isfinite(axis.min))
            axis.min = axis.max = 0;
        m_axes << axis;
    }
    update();
}

QStringList ParallelCoordinates::axisKeys() const
{
    QStringList out;
    for (const Axis &axis : m_axes)
        out << axis.key;
    return out;
}

double ParallelCoordinates::normalized(int axis, int run) const
{
    const Axis &a = m_axes.at(axis);
    const double v = a.values.value(run, qQNaN());
    if (!std::isfinite(v))
        return qQNaN();
    return a.max > a.min ? (v - a.min) / (a.max - a.min) : 0.5;
}

QString ParallelCoordinates::label(const Axis &axis, double value) const
{
    if (!axis.categories.isEmpty())
        return axis.categories.value(int(value));
    return QString::number(value, 'g', 4);
}

QString ParallelCoordinates::maxLabel(int axis) const
{
    return label(m_axes.at(axis), m_axes.at(axis).max);
}

QString ParallelCoordinates::minLabel(int axis) const
{
    return label(m_axes.at(axis), m_axes.at(axis).min);
}

void ParallelCoordinates::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    if (m_axes.isEmpty() || m_runs.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter,
                   tr("Select runs with parameters or metrics to compare them here."));
        return;
    }
    // The runs' colours and names along the bottom.
    const int legend = ChartLegend::height(m_runs, width(), font());
    ChartLegend::paint(&p, QRect(0, height() - legend, width(), legend), m_runs, font());
    const int top = topMargin, bottom = height() - bottomMargin - legend;
    const int n = int(m_axes.size());
    const double span = width() - 2 * sideMargin;
    auto xOf = [&](int i) { return n == 1 ? width() / 2.0 : sideMargin + span * i / (n - 1); };
    auto yOf = [&](double t) { return bottom - t * (bottom - top); };
    // Lines first, axes and their labels on top.
    for (int r = 0; r < m_runs.size(); ++r) {
        QPainterPath path;
        bool open = false;
        for (int i = 0; i < n; ++i) {
            const double t = normalized(i, r);
            if (!std::isfinite(t)) {
                open = false;
                continue;
            }
            const QPointF at(xOf(i), yOf(t));
            if (open)
                path.lineTo(at);
            else
                path.moveTo(at);
            open = true;
            path.addEllipse(at, 2.5, 2.5);
            path.moveTo(at);
        }
        p.setPen(QPen(m_runs.at(r).color, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    const QColor text = palette().color(QPalette::Text);
    for (int i = 0; i < n; ++i) {
        const double x = xOf(i);
        p.setPen(QPen(text, 1));
        p.drawLine(QPointF(x, top), QPointF(x, bottom));
        const int w = int(span / std::max(1, n - 1)) - 4;
        auto centred = [&](int y, const QString &s, bool bold) {
            QFont f = font();
            f.setBold(bold);
            p.setFont(f);
            const QString elided = QFontMetrics(f).elidedText(s, Qt::ElideMiddle, std::max(w, 60));
            p.drawText(QRectF(x - 100, y, 200, fm.height()), Qt::AlignHCenter | Qt::AlignVCenter,
                       elided);
        };
        centred(top - 2 * fm.height() - 10, shortKey(m_axes.at(i).key), true);
        centred(top - fm.height() - 6, maxLabel(i), false);
        centred(bottom + 4, minLabel(i), false);
    }
}

} // namespace mlwb
