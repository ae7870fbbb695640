#pragma once

#include "query/runquery.h"
#include "store/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSqlDatabase>
#include <QVector>

namespace mlwb {

class Workspace;

/// The runs of an experiment (or of all experiments) side by side, for
/// comparing them: one row per run; columns for status, start, duration,
/// target, each tag, each parameter (`--key value` arguments and logged
/// string metrics) and each scalar metric's last/min/max. Column keys are
/// the field names of the filter language ("status", "tags.model",
/// "params.lr", "metrics.loss", "metrics.loss.min"), so a RunQuery can test
/// a row directly and the header tells the user what to type.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: numbers, date-times, text
        RunIdRole,                   // Id of the row's run
        ColumnKeyRole,               // header: the column's field key
    };

    explicit RunsTableModel(const Workspace &workspace, QObject *parent = nullptr);

    /// Which runs to show: one experiment's, or every run when 0.
    void setExperiment(Id experimentId) { m_experimentId = experimentId; }
    Id experiment() const { return m_experimentId; }
    /// Shows only these runs (the source runs of model versions being
    /// compared); empty: the experiment's, as set above.
    void setRunIds(const QList<Id> &runIds) { m_runIds = runIds; }
    /// Reads runs, tags, parameters and metric summaries (four queries).
    bool reload(QString *error);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    Id runId(int row) const { return m_rows.value(row).id; }
    int rowOf(Id runId) const { return m_rowOfRun.value(runId, -1); }
    QString columnKey(int column) const { return m_columns.value(column); }
    int columnOf(const QString &key) const { return m_columnIndex.value(key, -1); }
    QStringList columnKeys() const { return m_columns; }
    /// What a column holds: a field of every run, a tag, a parameter or a metric summary.
    enum class Group { Run, Tag, Param, Metric };
    Group columnGroup(int column) const { return m_groups.value(column, Group::Run); }
    /// Metric columns: "last", "min" or "max"; empty for other columns.
    QString columnAggregate(int column) const;
    /// The column's name without its group and aggregate ("loss" for
    /// "metrics.loss.min"); the key itself for the fixed columns.
    QString columnName(int column) const;
    /// Every run has the same value here (two runs or more): nothing to compare.
    bool isConstant(int column) const { return m_constant.value(column, false); }
    /// Names of the scalar metrics any shown run logged, sorted.
    QStringList metricNames() const { return m_metricNames; }
    /// The row as the filter language sees it.
    RunQueryRow queryRow(int row) const;
    /// "--lr 0.1 --epochs=3 --verbose" as {lr: 0.1, epochs: 3, verbose: true}.
    static QHash<QString, QString> parameters(const QStringList &arguments);

private:
    struct Row {
        Id id = 0;
        QVector<QVariant> cells;
        QString reason; // runs.error as stored
    };
    struct Loaded;
    bool loadRuns(Loaded *loaded, QString *error) const;
    bool loadKeyValues(Loaded *loaded, QString *error) const;
    bool loadMetrics(Loaded *loaded, QString *error) const;
    void build(const Loaded &loaded);
    QString scope(const QString &runIdColumn) const;
    bool isScoped() const { return m_experimentId != 0 || !m_runIds.isEmpty(); }
    QString display(int column, const QVariant &value) const;

    QSqlDatabase m_db;
    Id m_experimentId = 0;
    QList<Id> m_runIds;
    QStringList m_columns;
    QVector<Group> m_groups;  // per column
    QVector<bool> m_constant; // per column
    int m_firstMetricColumn = 0;
    QHash<QString, int> m_columnIndex;
    QVector<Row> m_rows;
    QHash<Id, int> m_rowOfRun;
    QStringList m_metricNames;
};

} // namespace mlwb
