#pragma once

#include "store/types.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace mlwb {

class ServesBox;
class Workspace;

/// Asks what a running deployment should serve instead (an image version,
/// or model versions with a scoring script and an environment) and updates
/// it in place through Deployer::update, as `mlwb service update` does: off
/// the GUI thread, the new server started beside the old one. A new server
/// that never gets healthy leaves the old one serving; the dialog then shows
/// why, with the new server's last log lines.
class UpdateDeploymentDialog : public QDialog
{
    Q_OBJECT
public:
    /// `workspace` must outlive the dialog.
    UpdateDeploymentDialog(Workspace &workspace, const Deployment &deployment,
                           QWidget *parent = nullptr);

    ServesBox *serves() const { return m_serves; }
    /// How long the new server may take to get healthy.
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    bool isBusy() const { return m_busy; }
    QString errorText() const;
    /// The deployment as updated by OK (as given until then).
    const Deployment &deployment() const { return m_deployment; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void setBusy(bool busy);
    void showError(const QString &error);

    Workspace &m_workspace;
    Deployment m_deployment;
    int m_timeoutSeconds = 180;
    bool m_busy = false;
    ServesBox *m_serves;
    QLabel *m_note;
    QString m_idleNote;
    QProgressBar *m_progress;
    QPlainTextEdit *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace mlwb
