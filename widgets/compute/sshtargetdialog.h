#pragma once

#include "remote/sshprobe.h"
#include "store/types.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mlwb {

/// Attaches or edits an SSH compute target: host, port, user, identity,
/// jump host, working folder, interpreter and concurrency. "Test
/// connection" reports the VM's OS, CPUs, memory, Python and free disk
/// without freezing the dialog; an unknown host key is shown with its
/// fingerprint and trusted only once the user ticks the box. Storing the
/// target is the caller's job (ComputeTargets::add or update).
class SshTargetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SshTargetDialog(QWidget *parent = nullptr);
    ~SshTargetDialog() override;

    /// Fills the fields from an existing target; its name is then fixed.
    void setTarget(const ComputeTarget &target);
    ComputeTarget target() const;
    /// The last test's report (ok is false before any test).
    SshReport lastReport() const { return m_report; }
    /// Starts a test; the report appears when it ends.
    void testConnection();
    bool isTesting() const { return m_testing; }

Q_SIGNALS:
    void testFinished(bool ok);

private:
    void buildForm();
    void showReport(const SshReport &report);
    void revalidate();

    ComputeTarget m_target;
    SshReport m_report;
    bool m_testing = false;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_identity;
    QLineEdit *m_jump;
    QLineEdit *m_workdir;
    QLineEdit *m_python;
    QSpinBox *m_maxConcurrent;
    QCheckBox *m_keepRunFolders;
    QCheckBox *m_acceptHostKey;
    QPushButton *m_test;
    QPlainTextEdit *m_reportView;
    QDialogButtonBox *m_buttons;
};

} // namespace mlwb
