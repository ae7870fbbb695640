#include "items/runstablemodel.h"

#include "runs/durationtext.h"
#include "runs/runreason.h"

#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace mlwb {

namespace {

// The columns every run has, in order; keys as the filter language names them.
const char *const fixedKeys[] = {"id",      "name",     "experiment", "status",
                                 "started", "duration", "target",     "created"};
constexpr int fixedCount = int(sizeof(fixedKeys) / sizeof(fixedKeys[0]));

QVariant real(const QVariant &v)
{
    return v.isNull() ? QVariant() : QVariant(v.toDouble());
}

} // namespace

struct RunsTableModel::Loaded {
    struct Record {
        Id id = 0;
        QVariant fixed[fixedCount];
        QHash<QString, QVariant> extra; // tags.*, params.*, metrics.*
        QString reason;                 // why it failed, as stored
    };
    QVector<Record> runs;
    QHash<Id, int> index;
    QSet<QString> tagKeys, paramKeys, metricNames;
};

RunsTableModel::RunsTableModel(const Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(workspace.database())
{}

QString RunsTableModel::scope(const QString &runIdColumn) const
{
    if (!m_runIds.isEmpty()) {
        QStringList ids;
        for (Id id : m_runIds)
            ids << QString::number(id);
        return QStringLiteral(" %1 IN (%2) ").arg(runIdColumn, ids.join(QLatin1Char(',')));
    }
    if (m_experimentId == 0)
        return QString();
    return QStringLiteral(" %1 IN (SELECT id FROM runs WHERE experiment_id = %2) ")
        .arg(runIdColumn)
        .arg(m_experimentId);
}

bool RunsTableModel::reload(QString *error)
{
    Loaded loaded;
    if (!loadRuns(&loaded, error) || !loadKeyValues(&loaded, error) || !loadMetrics(&loaded, error))
        return false;
    beginResetModel();
    build(loaded);
    endResetModel();
    return true;
}

bool RunsTableModel::loadRuns(Loaded *loaded, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString where =
        !m_runIds.isEmpty() ? QStringLiteral("WHERE") + scope(QStringLiteral("r.id"))
        : m_experimentId    ? QStringLiteral("WHERE r.experiment_id = %1 ").arg(m_experimentId)
                            : QString();
    if (!sql::prepare(q,
                      QStringLiteral("SELECT r.id, r.uid, r.display_name, e.name, r.status, "
                                     "r.started_at, r.ended_at, t.name, r.created_at, "
                                     "r.arguments, r.error FROM runs r "
                                     "JOIN experiments e ON e.id = r.experiment_id "
                                     "LEFT JOIN compute_targets t ON t.id = r.target_id ")
                          % where % QStringLiteral("ORDER BY r.created_at DESC, r.id DESC"),
                      error)
        || !sql::exec(q, error))
        return false;
    const qint64 now = sql::now();
    while (q.next()) {
        Loaded::Record r;
        r.id = q.value(0).toLongLong();
        for (int c : {1, 2, 3, 4, 7})
            r.fixed[c - 1] = q.value(c).toString();
        r.fixed[4] = sql::dateTime(q.value(5));
        r.fixed[7] = sql::dateTime(q.value(8));
        r.reason = q.value(10).toString();
        if (!q.value(5).isNull()) {
            const qint64 end = q.value(6).isNull() ? now : q.value(6).toLongLong();
            r.fixed[5] = double(end - q.value(5).toLongLong()) / 1000.0;
        }
        const QJsonArray args = QJsonDocument::fromJson(q.value(9).toByteArray()).array();
        QStringList words;
        for (const auto &a : args)
            words << a.toString();
        const auto params = parameters(words);
        for (auto it = params.cbegin(); it != params.cend(); ++it) {
            r.extra.insert(QStringLiteral("params.") + it.key(), it.value());
            loaded->paramKeys.insert(it.key());
        }
        loaded->index.insert(r.id, int(loaded->runs.size()));
        loaded->runs.append(std::move(r));
    }
    return true;
}

bool RunsTableModel::loadKeyValues(Loaded *loaded, QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString where =
        isScoped() ? QStringLiteral(" WHERE") + scope(QStringLiteral("run_id")) : QString();
    if (!sql::prepare(q, QStringLiteral("SELECT run_id, key, value FROM run_tags") + where, error)
        || !sql::exec(q, error))
        return false;
    while (q.next()) {
        const int i = loaded->index.value(q.value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        const QString key = q.value(1).toString();
        loaded->runs[i].extra.insert(QStringLiteral("tags.") + key, q.value(2).toString());
        loaded->tagKeys.insert(key);
    }
    return true;
}

bool RunsTableModel::loadMetrics(Loaded *loaded, QString *error) const
{
    const QString and_ =
        isScoped() ? QStringLiteral(" AND") + scope(QStringLiteral("s.run_id")) : QString();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT s.run_id, s.name, s.last_value, s.min_value, "
                                     "s.max_value FROM metric_series s WHERE s.kind = 'scalar'")
                          + and_,
                      error)
        || !sql::exec(q, error))
        return false;
    while (q.next()) {
        const int i = loaded->index.value(q.value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        const QString key = QStringLiteral("metrics.") + q.value(1).toString();
        auto &extra = loaded->runs[i].extra;
        extra.insert(key, real(q.value(2)));
        extra.insert(key + QStringLiteral(".min"), real(q.value(3)));
        extra.insert(key + QStringLiteral(".max"), real(q.value(4)));
        loaded->metricNames.insert(q.value(1).toString());
    }
    // Logged strings are parameters too (their last value), e.g. the optimizer.
    QSqlQuery s(m_db);
    s.setForwardOnly(true);
    if (!sql::prepare(s,
                      QStringLiteral("SELECT s.run_id, s.name, v.value FROM metric_series s "
                                     "JOIN metric_values v ON v.series_id = s.id AND "
                                     "v.seq = s.count - 1 WHERE s.kind = 'string'")
                          + and_,
                      error)
        || !sql::exec(s, error))
        return false;
    while (s.next()) {
        const int i = loaded->index.value(s.value(0).toLongLong(), -1);
        if (i < 0)
            continue;
        loaded->runs[i].extra.insert(QStringLiteral("params.") + s.value(1).toString(),
                                     s.value(2).toString());
        loaded->paramKeys.insert(s.value(1).toString());
    }
    return true;
}

void RunsTableModel::build(const Loaded &loaded)
{
    m_columns.clear();
    m_groups.clear();
    auto add = [this](const QString &key, Group group) {
        m_columns << key;
        m_groups << group;
    };
    for (const char *key : fixedKeys)
        add(QLatin1String(key), Group::Run);
    auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.cbegin(), set.cend());
        std::sort(list.begin(), list.end());
        return list;
    };
    for (const QString &k : sorted(loaded.tagKeys))
        add(QStringLiteral("tags.") + k, Group::Tag);
    for (const QString &k : sorted(loaded.paramKeys))
        add(QStringLiteral("params.") + k, Group::Param);
    m_metricNames = sorted(loaded.metricNames);
    m_firstMetricColumn = int(m_columns.size());
    for (const QString &m : std::as_const(m_metricNames)) {
        const QString key = QStringLiteral("metrics.") + m;
        add(key, Group::Metric);
        add(key + u".min", Group::Metric);
        add(key + u".max", Group::Metric);
    }
    m_columnIndex.clear();
    for (int c = 0; c < m_columns.size(); ++c)
        m_columnIndex.insert(m_columns.at(c), c);

    m_rows.clear();
    m_rows.reserve(loaded.runs.size());
    m_rowOfRun.clear();
    for (const auto &r : loaded.runs) {
        Row row{r.id, QVector<QVariant>(m_columns.size()), r.reason};
        std::copy(std::begin(r.fixed), std::end(r.fixed), row.cells.begin());
        for (auto it = r.extra.cbegin(); it != r.extra.cend(); ++it)
            row.cells[m_columnIndex.value(it.key())] = it.value();
        m_rowOfRun.insert(r.id, int(m_rows.size()));
        m_rows.append(std::move(row));
    }
    m_constant.fill(m_rows.size() >= 2, m_columns.size());
    for (int c = 0; c < m_columns.size() && m_rows.size() >= 2; ++c) {
        const QVariant &first = m_rows.first().cells.at(c);
        for (const Row &row : std::as_const(m_rows)) {
            if (row.cells.at(c) != first) {
                m_constant[c] = false;
                break;
            }
        }
    }
}

QHash<QString, QString> RunsTableModel::parameters(const QStringList &arguments)
{
    QHash<QString, QString> out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (!word.startsWith(QLatin1String("--")) || word.size() < 3)
            continue;
        const int eq = word.indexOf(QLatin1Char('='));
        if (eq > 2) {
            out.insert(word.mid(2, eq - 2), word.mid(eq + 1));
        } else if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(u"--")) {
            out.insert(word.mid(2), arguments.at(i + 1));
            ++i;
        } else {
            out.insert(word.mid(2), QStringLiteral("true"));
        }
    }
    return out;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString RunsTableModel::display(int column, const QVariant &value) const
{
    if (!value.isValid())
        return QString();
    const QString &key = m_columns.at(column);
    if (key == QLatin1String("duration"))
        return durationText(qint64(value.toDouble() * 1000));
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    if (value.typeId() == QMetaType::Double)
        return std::isnan(value.toDouble()) ? QStringLiteral("NaN")
                                            : QString::number(value.toDouble(), 'g', 6);
    return value.toString();
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.column(), row.cells.at(index.column()));
    case SortRole:
        return row.cells.at(index.column());
    case RunIdRole:
        return row.id;
    case Qt::ToolTipRole: // the run id where the name is shown, why it failed on its status
        if (m_columns.at(index.column()) == u"name")
            return row.cells.at(m_columnIndex.value(QStringLiteral("id")));
        if (m_columns.at(index.column()) == u"status" && !row.reason.isEmpty())
            return RunReason::summary(row.reason);
        return {};
    case Qt::TextAlignmentRole:
        if (row.cells.at(index.column()).typeId() == QMetaType::Double)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &key = m_columns.at(section);
    if (role == ColumnKeyRole)
        return key;
    if (role == Qt::ToolTipRole)
        return tr("Filter on it as %1").arg(key);
    if (role != Qt::DisplayRole)
        return {};
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("id"), QT_TR_NOOP("Run")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("experiment"), QT_TR_NOOP("Experiment")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("started"), QT_TR_NOOP("Started")},
        {QStringLiteral("duration"), QT_TR_NOOP("Duration")},
        {QStringLiteral("target"), QT_TR_NOOP("Target")},
        {QStringLiteral("created"), QT_TR_NOOP("Created")}};
    const auto it = labels.constFind(key);
    return it != labels.cend() ? tr(*it) : key;
}

QString RunsTableModel::columnAggregate(int column) const
{
    if (columnGroup(column) != Group::Metric)
        return QString();
    static const char *const aggregates[] = {"last", "min", "max"}; // build()'s order
    return QLatin1String(aggregates[(column - m_firstMetricColumn) % 3]);
}

QString RunsTableModel::columnName(int column) const
{
    const QString key = columnKey(column);
    switch (columnGroup(column)) {
    case Group::Run:
        return key;
    case Group::Tag:
        return key.mid(5);
    case Group::Param:
        return key.mid(7);
    case Group::Metric:
        return m_metricNames.value((column - m_firstMetricColumn) / 3);
    }
    return key;
}

RunQueryRow RunsTableModel::queryRow(int row) const
{
    RunQueryRow out;
    out.lookup = [this, row](const QString &field) {
        const int c = columnOf(field);
        return c < 0 ? QVariant() : m_rows.at(row).cells.at(c);
    };
    return out;
}

} // namespace mlwb
