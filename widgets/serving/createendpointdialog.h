#pragma once

#include "store/endpoints.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mlwb {

class Workspace;

/// Asks for a new endpoint: its name, port (kept once chosen), whether
/// callers need a key, and optionally the deployment that first gets all
/// its traffic. OK creates it through the EndpointDeployer, as `mlwb
/// endpoint create` and `mlwb endpoint traffic` do, off the GUI thread.
class CreateEndpointDialog : public QDialog
{
    Q_OBJECT
public:
    /// `workspace` must outlive the dialog.
    explicit CreateEndpointDialog(Workspace &workspace, QWidget *parent = nullptr);

    void setEndpointName(const QString &name);
    void setFirstDeployment(const QString &deployment);
    void setKeyAuth(bool on);
    /// The endpoint made by OK (empty until then).
    const Endpoint &endpoint() const { return m_endpoint; }
    QString errorText() const;
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void setBusy(bool busy);

    Workspace &m_workspace;
    Endpoint m_endpoint;
    bool m_busy = false;
    QLineEdit *m_name;
    QSpinBox *m_port;
    QComboBox *m_auth;
    QComboBox *m_first;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

/// Shows the dialog; the new endpoint's id, 0 when canceled.
Id openCreateEndpointDialog(QWidget *parent, Workspace &workspace);

} // namespace mlwb
