#pragma once

#include "serving/deployer.h"
#include "store/types.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mlwb {

class ServesBox;
class Workspace;

/// Asks what to deploy and how: a name; what to serve (model versions with
/// a scoring script and an environment, or an image version); the target
/// (SSH VMs are listed, with the reason they cannot be chosen yet); the port
/// and authentication. OK deploys through the Deployer, as `mlwb service
/// deploy` does; an image is loaded into the container engine off the GUI
/// thread while the dialog waits.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    /// `workspace` must outlive the dialog.
    explicit DeployDialog(Workspace &workspace, QWidget *parent = nullptr);

    /// Checks these model versions (and takes the first one's name).
    void selectModelVersions(const QList<Id> &versionIds);
    /// Starts from an image NAME:TAG: its models and environment are chosen.
    void selectImage(const QString &imageRef);
    void setScoringScript(const QString &path);
    void setDeploymentName(const QString &name);
    void setKeyAuth(bool on);
    /// What the fields ask for; false with the reason when something is missing.
    bool request(DeployRequest *out, QString *error) const;
    /// The deployment made by OK (empty until then).
    const Deployment &deployment() const { return m_deployment; }
    QString errorText() const;

public Q_SLOTS:
    void accept() override;
    void reject() override;

private:
    void fillTargets();
    void updateNote();
    void deployInBackground(const DeployRequest &request);
    void setBusy(bool busy);

    Workspace &m_workspace;
    Deployment m_deployment;
    QLineEdit *m_name;
    ServesBox *m_serves;
    QComboBox *m_target;
    QSpinBox *m_port;
    QComboBox *m_auth;
    QLabel *m_note;
    QLabel *m_error;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

/// Shows the Deploy dialog (from a model version, the Deployments group or
/// an image's page). Returns the new deployment's id, 0 when canceled; its
/// settling is watched as a task in the tasks panel.
Id openDeployDialog(QWidget *parent, Workspace &workspace, const QString &imageRef = QString(),
                    const QList<Id> &modelVersionIds = {});

} // namespace mlwb
