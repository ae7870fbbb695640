#pragma once

#include "runs/runconfig.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace mlwb {

struct ComputeTarget;
class Workspace;

/// Edits a project's run configuration (mlwb.yaml): what to run, with which
/// interpreter and environment, on which compute target. OK stays disabled
/// while the configuration would not run, and the reason is shown.
/// Writing the file is the caller's job. The target chooser shows each
/// target's runs in flight and, for SSH targets, whether it can be reached
/// (checked in the background: "checking…", then "reachable" or
/// "unreachable: why").
class RunConfigDialog : public QDialog
{
    Q_OBJECT
public:
    /// `workspace` (may be null) lists experiments and compute targets.
    RunConfigDialog(const Workspace *workspace, const RunConfig &config, QWidget *parent = nullptr);
    /// Checks still running finish in the background and are ignored.
    ~RunConfigDialog() override;

    RunConfig config() const;
    /// Why the current values cannot be used; empty when they can.
    QString problem() const;
    /// What the chooser says about a target: "1 running · checking…".
    QString targetStatus(const QString &name) const;

    /// How long the reachability check of an SSH target may take.
    static constexpr int reachabilityTimeoutMs = 5000;

Q_SIGNALS:
    /// The background check of an SSH target ended.
    void reachabilityChecked(const QString &name, bool reachable);

private:
    void buildForm();
    void fillLists(const Workspace *workspace);
    void fillFields();
    void checkReachability(const ComputeTarget &target);
    void setReachability(const QString &name, bool reachable, const QString &reason);
    void updateTargetLabel(int index);
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
    // Set when the dialog goes: checks not yet started are skipped.
    std::shared_ptr<std::atomic_bool> m_closed = std::make_shared<std::atomic_bool>(false);
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
