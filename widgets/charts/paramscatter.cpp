#include "charts/paramscatter.h"

#include "items/runstablemodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScatterSeries>
#include <QSet>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

namespace mlwb {

namespace {
// A cell as a number; NaN when missing or text.
double numberAt(const RunsTableModel &model, Id runId, const QString &key)
{
    const int row = model.rowOf(runId), column = model.columnOf(key);
    if (row < 0 || column < 0)
        return qQNaN();
    const QVariant v = model.index(row, column).data(RunsTableModel::SortRole);
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return v.isValid() && ok ? d : qQNaN();
}
} // namespace

ParamScatter::ParamScatter(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("paramScatter"));
    m_x = new QComboBox;
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y = new QComboBox;
    m_y->setObjectName(QStringLiteral("scatterY"));
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignRight);
    m_view = new QChartView(chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("X parameter:")));
    row->addWidget(m_x);
    row->addWidget(new QLabel(tr("Y metric:")));
    row->addWidget(m_y);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    connect(m_x, &QComboBox::currentIndexChanged, this, &ParamScatter::rebuild);
    connect(m_x, &QComboBox::activated, this,
            [this] { m_chosenX = m_x->currentData().toString(); });
    connect(m_y, &QComboBox::currentIndexChanged, this, &ParamScatter::rebuild);
}

void ParamScatter::setData(const RunsTableModel *model, const QList<ChartRun> &runs)
{
    m_model = model;
    m_runs = runs;
    const QString oldX = m_x->currentData().toString(), oldY = m_y->currentData().toString();
    {
        const QSignalBlocker bx(m_x), by(m_y);
        m_x->clear();
        m_y->clear();
        for (const QString &key : model->columnKeys()) {
            if (key.startsWith(QLatin1String("params.")))
                m_x->addItem(key.mid(7), key);
            else if (key.startsWith(QLatin1String("metrics.")))
                m_y->addItem(key.mid(8), key);
        }
        // Kept only when the user chose it: runs arriving later change what varies.
        const int chosen = m_chosenX.isEmpty() ? -1 : m_x->findData(m_chosenX);
        m_x->setCurrentIndex(chosen >= 0 ? chosen : defaultX());
        m_y->setCurrentIndex(std::max(0, m_y->findData(oldY)));
    }
    rebuild();
}

// A parameter that is the same for every run puts all points on one line:
// start from the first one that varies.
int ParamScatter::defaultX() const
{
    // Varying among the compared runs, not the whole table.
    for (int i = 0; i < m_x->count(); ++i) {
        const int column = m_model->columnOf(m_x->itemData(i).toString());
        QSet<QString> values;
        for (const ChartRun &run : m_runs) {
            const int row = m_model->rowOf(run.runId);
            if (row >= 0)
                values.insert(m_model->index(row, column).data(Qt::DisplayRole).toString());
        }
        if (values.size() > 1)
            return i;
    }
    return 0;
}

bool ParamScatter::setAxes(const QString &xKey, const QString &yKey)
{
    const int x = m_x->findData(xKey), y = m_y->findData(yKey);
    if (x >= 0)
        m_chosenX = xKey;
    if (x < 0 || y < 0)
        return false;
    const QSignalBlocker bx(m_x);
    m_x->setCurrentIndex(x);
    m_y->setCurrentIndex(y);
    rebuild();
    return true;
}

QList<QScatterSeries *> ParamScatter::series() const
{
    QList<QScatterSeries *> out;
    for (QAbstractSeries *s : m_view->chart()->series())
        out << static_cast<QScatterSeries *>(s);
    return out;
}

void ParamScatter::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    if (!m_model)
        return;
    const QString xKey = m_x->currentData().toString(), yKey = m_y->currentData().toString();
    auto *xAxis = new QValueAxis;
    auto *yAxis = new QValueAxis;
    xAxis->setTitleText(m_x->currentText());
    yAxis->setTitleText(m_y->currentText());
    xAxis->setLabelFormat(QStringLiteral("%.4g"));
    yAxis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    double x0 = qInf(), x1 = -qInf(), y0 = qInf(), y1 = -qInf();
    for (const ChartRun &run : std::as_const(m_runs)) {
        const double x = numberAt(*m_model, run.runId, xKey);
        const double y = numberAt(*m_model, run.runId, yKey);
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        auto *s = new QScatterSeries;
        s->setName(run.label);
        s->setColor(run.color);
        s->setBorderColor(run.color.darker(130));
        s->setMarkerSize(11);
        s->append(x, y);
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    }
    if (!std::isfinite(x0))
        return;
    auto pad = [](double lo, double hi) {
        const double d = hi > lo ? (hi - lo) * 0.08 : lo != 0 ? std::abs(lo) * 0.1 : 0.5;
        return std::pair<double, double>{lo - d, hi + d};
    };
    const auto [a, b] = pad(x0, x1);
    const auto [c, d] = pad(y0, y1);
    xAxis->setRange(a, b);
    yAxis->setRange(c, d);
}

} // namespace mlwb
