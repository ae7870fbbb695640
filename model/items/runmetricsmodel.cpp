#include "items/runmetricsmodel.h"

#include "metrics/metrics.h"
#include "store/workspace.h"

#include <QLocale>
#include <QSet>
#include <cmath>

namespace mlwb {

namespace {
bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameSummary(const MetricSeries &a, const MetricSeries &b)
{
    return a.name == b.name && a.kind == b.kind && a.count == b.count && sameNumber(a.last, b.last)
           && sameNumber(a.min, b.min) && sameNumber(a.max, b.max) && a.lastStep == b.lastStep;
}

QVariant number(double value)
{
    if (std::isnan(value))
        return {};
    return QLocale().toString(value, 'g', 6);
}

// NaN sorts as "no value" (an invalid variant sorts last in QSortFilterProxyModel).
QVariant sortNumber(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}
} // namespace

RunMetricsModel::RunMetricsModel(const Workspace *workspace, Id runId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_runId(runId)
{
    Q_ASSERT(workspace);
}

bool RunMetricsModel::refresh(QString *error)
{
    QString message;
    const QList<MetricSeries> fresh = Metrics(*m_workspace).series(m_runId, &message);
    if (!message.isEmpty()) {
        m_lastError = tr("The run's metrics could not be read: %1").arg(message);
        if (error)
            *error = m_lastError;
        return false;
    }
    m_lastError.clear();
    removeMissing(fresh);
    if (!merge(fresh)) {
        // The order changed in a way a merge cannot express (a rename): start over.
        beginResetModel();
        m_rows = fresh;
        endResetModel();
    }
    return true;
}

void RunMetricsModel::removeMissing(const QList<MetricSeries> &fresh)
{
    QSet<Id> ids;
    for (const MetricSeries &s : fresh)
        ids.insert(s.id);
    for (int row = m_rows.size() - 1; row >= 0; --row) {
        if (ids.contains(m_rows.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

// Both lists are ordered by name, so the old rows appear in `fresh` in the same
// order: walking them together, a mismatch is a new series to insert there.
bool RunMetricsModel::merge(const QList<MetricSeries> &fresh)
{
    QSet<Id> known;
    for (const MetricSeries &s : std::as_const(m_rows))
        known.insert(s.id);
    for (int row = 0; row < fresh.size(); ++row) {
        const MetricSeries &s = fresh.at(row);
        if (row < m_rows.size() && m_rows.at(row).id == s.id) {
            if (!sameSummary(m_rows.at(row), s)) {
                m_rows[row] = s;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        if (known.contains(s.id))
            return false;
        beginInsertRows({}, row, row);
        m_rows.insert(row, s);
        endInsertRows();
    }
    return m_rows.size() == fresh.size();
}

int RunMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricSeries &s = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column());
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QVariant(s.name) : display(s, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= CountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeriesIdRole:
        return s.id;
    case NameRole:
        return s.name;
    case KindRole:
        return int(s.kind);
    case CountRole:
        return s.count;
    case LastRole:
        return s.last;
    case MinRole:
        return s.min;
    case MaxRole:
        return s.max;
    case LastStepRole:
        return s.lastStep;
    case SortRole:
        return sortValue(s, index.column());
    }
    return {};
}

QVariant RunMetricsModel::display(const MetricSeries &s, int column) const
{
    switch (column) {
    case NameColumn:
        return s.name;
    case KindColumn:
        return kindName(s.kind);
    case CountColumn:
        return QLocale().toString(s.count);
    case LastColumn:
        return number(s.last);
    case MinColumn:
        return number(s.min);
    case MaxColumn:
        return number(s.max);
    case LastStepColumn:
        return s.lastStep >= 0 ? QVariant(QLocale().toString(s.lastStep)) : QVariant();
    }
    return {};
}

QVariant RunMetricsModel::sortValue(const MetricSeries &s, int column) const
{
    switch (column) {
    case NameColumn:
        return s.name.toLower();
    case KindColumn:
        return kindName(s.kind);
    case CountColumn:
        return s.count;
    case LastColumn:
        return sortNumber(s.last);
    case MinColumn:
        return sortNumber(s.min);
    case MaxColumn:
        return sortNumber(s.max);
    case LastStepColumn:
        return s.lastStep >= 0 ? QVariant(s.lastStep) : QVariant();
    }
    return {};
}

QVariant RunMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case CountColumn:
        return tr("Count");
    case LastColumn:
        return tr("Last");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case LastStepColumn:
        return tr("Last step");
    }
    return {};
}

QHash<int, QByteArray> RunMetricsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeriesIdRole, "seriesId");
    names.insert(NameRole, "name");
    names.insert(KindRole, "kind");
    names.insert(CountRole, "count");
    names.insert(LastRole, "last");
    names.insert(MinRole, "min");
    names.insert(MaxRole, "max");
    names.insert(LastStepRole, "lastStep");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace mlwb
