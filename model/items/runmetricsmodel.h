#pragma once

#include "store/types.h"

#include <QAbstractTableModel>
#include <QList>

namespace mlwb {

class Workspace;

/// The metrics of one run as a table, one row per series with its summary
/// (kind, count, last, min, max, last step). refresh() re-reads the store and
/// applies only what changed, keyed by series id, so a live view keeps its
/// selection and does not flicker.
class RunMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        CountColumn,
        LastColumn,
        MinColumn,
        MaxColumn,
        LastStepColumn,
        ColumnCount
    };
    enum Role {
        SeriesIdRole = Qt::UserRole + 1,
        NameRole,
        KindRole, // MetricSeries::Kind as int
        CountRole,
        LastRole, // double, NaN when unknown
        MinRole,
        MaxRole,
        LastStepRole, // -1 when unknown
        SortRole      // the column's raw value, for a sorting proxy
    };

    RunMetricsModel(const Workspace *workspace, Id runId, QObject *parent = nullptr);

    Id runId() const { return m_runId; }
    /// Re-reads the run's series; false with *error (and lastError()) set on failure.
    bool refresh(QString *error = nullptr);
    QString lastError() const { return m_lastError; }
    MetricSeries series(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVariant display(const MetricSeries &s, int column) const;
    QVariant sortValue(const MetricSeries &s, int column) const;
    void removeMissing(const QList<MetricSeries> &fresh);
    bool merge(const QList<MetricSeries> &fresh);

    const Workspace *m_workspace;
    Id m_runId;
    QList<MetricSeries> m_rows; // in the store's order (by name)
    QString m_lastError;
};

} // namespace mlwb
