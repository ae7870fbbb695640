#include "charts/parallelcoordinates.h"

#include "charts/chartlegend.h"
#include "items/runstablemodel.h"
#include "window/appsettings.h"
#include "window/stickymenu.h"

#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <QToolButton>
#include <cmath>

namespace mlwb {

namespace {
constexpr int sideMargin = 60;
constexpr int topMargin = 52;    // the axis title and its max label
constexpr int bottomMargin = 28; // the min label
constexpr int buttonMargin = 4;  // around the Axes button, above the axis titles
const QString hiddenKey = QStringLiteral("parallelCoordinates/hiddenAxes");
const QString addedKey = QStringLiteral("parallelCoordinates/addedAxes");

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

QStringList toSortedList(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

} // namespace

ParallelCoordinates::ParallelCoordinates(QWidget *parent)
    : QWidget(parent)
    , m_axesButton(new QToolButton(this))
    , m_axesMenu(new StickyMenu(this))
{
    setObjectName(QStringLiteral("parallelCoordinates"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_axesButton->setObjectName(QStringLiteral("axes"));
    m_axesButton->setText(tr("Axes"));
    m_axesButton->setToolTip(tr("Choose the parameters and metrics to show as axes"));
    m_axesButton->setPopupMode(QToolButton::InstantPopup);
    m_axesButton->setMenu(m_axesMenu);
    m_axesButton->resize(m_axesButton->sizeHint());
    connect(m_axesMenu, &QMenu::aboutToShow, this, &ParallelCoordinates::fillAxesMenu);
    const QSettings settings = appSettings();
    m_hidden = toSet(settings.value(hiddenKey).toStringList());
    m_added = toSet(settings.value(addedKey).toStringList());
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

ParallelCoordinates::Axis ParallelCoordinates::makeAxis(const RunsTableModel &model,
                                                        const QList<ChartRun> &runs, int column)
{
    Axis axis;
    axis.key = model.columnKey(column);
    axis.menuText = model.columnName(column);
    const QString aggregate = model.columnAggregate(column);
    if (aggregate == u"min")
        axis.menuText = tr("%1 (min)").arg(axis.menuText);
    else if (aggregate == u"max")
        axis.menuText = tr("%1 (max)").arg(axis.menuText);
    else if (aggregate == u"last")
        axis.menuText = tr("%1 (last)").arg(axis.menuText);
    else if (model.columnGroup(column) == RunsTableModel::Group::Run)
        axis.menuText = model.headerData(column, Qt::Horizontal).toString();
    switch (model.columnGroup(column)) {
    case RunsTableModel::Group::Param:
        axis.section = tr("Parameters");
        break;
    case RunsTableModel::Group::Metric:
        axis.section = tr("Metrics");
        break;
    case RunsTableModel::Group::Tag:
        axis.section = tr("Tags");
        break;
    case RunsTableModel::Group::Run:
        axis.section = tr("Run");
        break;
    }
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
            d = numeric ? v.toString().toDouble() : double(axis.categories.indexOf(v.toString()));
        axis.values << d;
        if (std::isfinite(d)) {
            axis.min = std::min(axis.min, d);
            axis.max = std::max(axis.max, d);
        }
    }
    if (!std::isfinite(axis.min))
        axis.min = axis.max = 0;
    return axis;
}

void ParallelCoordinates::setData(const RunsTableModel &model, const QList<ChartRun> &runs,
                                  const QStringList &columnKeys)
{
    m_runs = runs;
    m_defaults = columnKeys;
    m_available.clear();
    // The menu lists parameters and metrics first: they are what gets compared.
    using Group = RunsTableModel::Group;
    QList<int> columns;
    for (Group group : {Group::Param, Group::Metric, Group::Tag, Group::Run})
        for (int column = 0; column < model.columnCount(); ++column)
            if (model.columnGroup(column) == group)
                columns << column;
    for (int column : std::as_const(columns)) {
        const QString key = model.columnKey(column);
        const bool offered = model.columnGroup(column) != Group::Run || key == u"duration";
        if (!offered && !columnKeys.contains(key))
            continue;
        Axis axis = makeAxis(model, runs, column);
        const bool any = std::any_of(axis.values.cbegin(), axis.values.cend(),
                                     [](double v) { return std::isfinite(v); });
        if (any || columnKeys.contains(key))
            m_available << std::move(axis);
    }
    pickAxes();
}

bool ParallelCoordinates::isShown(const QString &key) const
{
    return m_defaults.contains(key) ? !m_hidden.contains(key) : m_added.contains(key);
}

void ParallelCoordinates::pickAxes()
{
    m_axes.clear();
    for (const Axis &axis : std::as_const(m_available))
        if (isShown(axis.key))
            m_axes << axis;
    update();
}

QStringList ParallelCoordinates::availableAxes() const
{
    QStringList out;
    for (const Axis &axis : m_available)
        out << axis.key;
    return out;
}

void ParallelCoordinates::setAxisShown(const QString &key, bool shown)
{
    // A choice about a default axis is kept apart from one about an extra
    // axis, so both survive runs whose defaults differ.
    if (m_defaults.contains(key)) {
        if (shown)
            m_hidden.remove(key);
        else
            m_hidden.insert(key);
    } else if (shown) {
        m_added.insert(key);
    } else {
        m_added.remove(key);
    }
    saveChoice();
    pickAxes();
}

void ParallelCoordinates::resetAxes()
{
    m_hidden.clear();
    m_added.clear();
    saveChoice();
    pickAxes();
}

void ParallelCoordinates::saveChoice() const
{
    QSettings settings = appSettings();
    settings.setValue(hiddenKey, toSortedList(m_hidden));
    settings.setValue(addedKey, toSortedList(m_added));
}

void ParallelCoordinates::fillAxesMenu()
{
    m_axesMenu->clear();
    QString section;
    for (const Axis &axis : std::as_const(m_available)) {
        if (axis.section != section) {
            section = axis.section;
            m_axesMenu->addSection(section);
        }
        QAction *action = m_axesMenu->addAction(axis.menuText);
        action->setCheckable(true);
        action->setChecked(isShown(axis.key));
        action->setData(axis.key);
        const QString key = axis.key;
        connect(action, &QAction::toggled, this, [this, key](bool on) { setAxisShown(key, on); });
    }
    if (m_available.isEmpty())
        m_axesMenu->addAction(tr("The runs have no parameters or metrics"))->setEnabled(false);
    m_axesMenu->addSeparator();
    m_axesMenu->addAction(tr("Default Axes"), this, &ParallelCoordinates::resetAxes);
}

void ParallelCoordinates::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_axesButton->move(width() - m_axesButton->width() - buttonMargin, buttonMargin);
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

QStringList ParallelCoordinates::axisTitles() const
{
    // As the runs filter names them (params.lr, metrics.lr), the same on every axis.
    QStringList titles;
    for (const Axis &axis : m_axes)
        titles << axis.key;
    return titles;
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
                   m_runs.isEmpty() || m_available.isEmpty()
                       ? tr("Select runs with parameters or metrics to compare them here.")
                       : tr("Choose the axes to show with the Axes button."));
        return;
    }
    // The runs' colours and names along the bottom.
    const int legend = ChartLegend::height(m_runs, width(), font());
    ChartLegend::paint(&p, QRect(0, height() - legend, width(), legend), m_runs, font());
    const int top = topMargin + m_axesButton->height() + buttonMargin;
    const int bottom = height() - bottomMargin - legend;
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
    const QStringList titles = axisTitles();
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
        centred(top - 2 * fm.height() - 10, titles.at(i), true);
        centred(top - fm.height() - 6, maxLabel(i), false);
        centred(bottom + 4, minLabel(i), false);
    }
}

} // namespace mlwb
