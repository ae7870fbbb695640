#include "items/rundiagnosticsmodel.h"

#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QLocale>
#include <QSqlQuery>

namespace mlwb {

namespace {
// A flood of malformed lines should not stall the view: show the first ones.
constexpr int maxRows = 10000;
} // namespace

RunDiagnosticsModel::RunDiagnosticsModel(const Workspace *workspace, Id runId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_runId(runId)
{
    Q_ASSERT(workspace);
}

bool RunDiagnosticsModel::read(QList<Diagnostic> *out, QString *error) const
{
    QSqlQuery q(m_workspace->database());
    q.setForwardOnly(true);
    if (!sql::prepare(q,
                      QStringLiteral("SELECT id, created_at, source, message, raw "
                                     "FROM run_diagnostics WHERE run_id = ? AND id > ? "
                                     "ORDER BY id LIMIT ?"),
                      error))
        return false;
    q.addBindValue(m_runId);
    q.addBindValue(m_rows.isEmpty() ? Id(0) : m_rows.constLast().id);
    q.addBindValue(qMax(0, maxRows - int(m_rows.size())));
    if (!sql::exec(q, error))
        return false;
    while (q.next()) {
        Diagnostic d;
        d.id = q.value(0).toLongLong();
        d.time = sql::dateTime(q.value(1));
        d.source = q.value(2).toString();
        d.message = q.value(3).toString();
        d.raw = q.value(4).toString();
        out->append(d);
    }
    return true;
}

bool RunDiagnosticsModel::refresh(QString *error)
{
    QList<Diagnostic> fresh;
    QString message;
    if (!read(&fresh, &message)) {
        m_lastError = tr("The run's diagnostics could not be read: %1").arg(message);
        if (error)
            *error = m_lastError;
        return false;
    }
    m_lastError.clear();
    if (fresh.isEmpty())
        return true;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    endInsertRows();
    return true;
}

int RunDiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunDiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunDiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(d.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case SourceColumn:
            return d.source;
        case MessageColumn:
            return d.message;
        }
        return {};
    case Qt::ToolTipRole:
        return d.raw.isEmpty() ? d.message : tr("%1\n\nAs read: %2").arg(d.message, d.raw);
    case TimeRole:
        return d.time;
    case SourceRole:
        return d.source;
    case MessageRole:
        return d.message;
    case RawRole:
        return d.raw;
    }
    return {};
}

QVariant RunDiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QHash<int, QByteArray> RunDiagnosticsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(SourceRole, "source");
    names.insert(MessageRole, "message");
    names.insert(RawRole, "raw");
    return names;
}

} // namespace mlwb
