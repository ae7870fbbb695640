#pragma once

#include "runconfig.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace mlwb {

class Workspace;

/// Edits a project's run configuration (mlwb.yaml): what to run, with which
/// interpreter and environment, on which compute target. OK stays disabled
/// while the configuration would not run, and the reason is shown.
/// Writing the file is the caller's job.
class RunConfigDialog : public QDialog
{
    Q_OBJECT
public:
    /// `workspace` (may be null) lists experiments and compute targets.
    RunConfigDialog(const Workspace *workspace, const RunConfig &config, QWidget *parent = nullptr);

    RunConfig config() const;
    /// Why the current values cannot be used; empty when they can.
    QString problem() const;

private:
    void buildForm();
    void fillLists(const Workspace *workspace);
    void fillFields();
    QWidget *withButton(QWidget *field, const QString &text, const QString &name,
                        void (RunConfigDialog::*slot)());
    QWidget *tableWithButtons(QTableWidget *table, const QString &name);
    void chooseScript();
    void chooseInterpreter();
    void chooseWorkingDirectory();
    void revalidate();
    QString projectDir() const;

    RunConfig m_config;
    bool m_checkTargets = false; // a workspace says which targets exist
    QComboBox *m_experiment;
    QLineEdit *m_displayName;
    QLineEdit *m_command;
    QLineEdit *m_interpreter;
    QLineEdit *m_workingDirectory;
    QTableWidget *m_environment;
    QSpinBox *m_timeout;
    QComboBox *m_compute;
    QTableWidget *m_tags;
    QLabel *m_listError;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace mlwb
