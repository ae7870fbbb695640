#pragma once

#include "store/types.h"

#include <QTimer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace mlwb {

class RunDiagnosticsModel;
class RunSummary;
class RunTagsModel;
class Workspace;

/// The Overview page of a run's details: its fields (ids, experiment, target,
/// command, times, exit code, error, parent and child runs), its tags and
/// notes, both stored as they are edited, and the diagnostics of reading its
/// files with a warning badge.
class RunOverview : public QWidget
{
    Q_OBJECT
public:
    RunOverview(Workspace *workspace, Id runId, QWidget *parent = nullptr);
    ~RunOverview() override;

    /// Shows `run` as just read from the store; false with *error set when
    /// its child runs could not be read.
    bool setRun(const Run &run, QString *error);
    bool refreshTags(QString *error);
    bool refreshDiagnostics(QString *error);
    /// The metric tiles at the top (throttled while the run logs).
    void refreshMetrics();
    RunSummary *summary() const { return m_summary; }
    /// Re-computes the duration of a run still going.
    void updateDuration();
    /// Shows what the supervisor waits on (e.g. a full disk), if anything.
    void updateSupervisorNote();
    int diagnosticCount() const;
    /// Stores the notes now if they changed; the reason shows below them on failure.
    bool saveNotes();

    RunTagsModel *tagsModel() const { return m_tags; }
    RunDiagnosticsModel *diagnosticsModel() const { return m_diagnostics; }

Q_SIGNALS:
    void openRun(Id runId);
    void diagnosticCountChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QGroupBox *createDetails();
    QGroupBox *createTags();
    QGroupBox *createNotes();
    QGroupBox *createDiagnostics();
    RunSummary *m_summary = nullptr;
    QGroupBox *m_diagnosticsBox = nullptr;
    QLabel *addField(QFormLayout *form, const QString &label, const char *objectName);
    void showNotes(const QString &notes);
    void showRelations(const Run &run, QString *error);
    void addTag();
    void removeSelectedTags();

    Workspace *m_workspace;
    Id m_runId;
    Run m_run;
    RunTagsModel *m_tags;
    RunDiagnosticsModel *m_diagnostics;
    QTimer m_notesTimer;
    QString m_savedNotes;
    bool m_loadingNotes = false;
    QLabel *m_uid = nullptr, *m_experiment = nullptr, *m_displayName = nullptr, *m_target = nullptr,
           *m_command = nullptr, *m_created = nullptr, *m_started = nullptr, *m_ended = nullptr,
           *m_duration = nullptr, *m_exitCode = nullptr, *m_error = nullptr,
           *m_supervisorNote = nullptr, *m_parent = nullptr, *m_children = nullptr;
    QTableView *m_tagsView = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_notesError = nullptr;
    QTableView *m_diagnosticsView = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_noDiagnostics = nullptr;
};

} // namespace mlwb
