#pragma once

#include "store/types.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace mlwb {

class Workspace;

/// What went wrong while a run's files were ingested (malformed metric lines
/// and the like): the run's run_diagnostics rows, oldest first. They are only
/// ever appended, so refresh() reads just the rows it has not seen.
class RunDiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role { TimeRole = Qt::UserRole + 1, SourceRole, MessageRole, RawRole };

    struct Diagnostic {
        Id id = 0;
        QDateTime time;
        QString source; // "metrics", "log", ...
        QString message;
        QString raw; // the offending input, as read
    };

    RunDiagnosticsModel(const Workspace *workspace, Id runId, QObject *parent = nullptr);

    /// Appends rows added since the last refresh; false with *error set on failure.
    bool refresh(QString *error = nullptr);
    QString lastError() const { return m_lastError; }
    Diagnostic diagnostic(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    bool read(QList<Diagnostic> *out, QString *error) const;

    const Workspace *m_workspace;
    Id m_runId;
    QList<Diagnostic> m_rows;
    QString m_lastError;
};

} // namespace mlwb
