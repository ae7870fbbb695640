#pragma once

#include "serving/deployer.h"
#include "store/types.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace mlwb {

class Workspace;

/// What a deployment serves, as the Deploy and Update dialogs ask it: model
/// versions with a scoring script and an environment, or an image version.
class ServesBox : public QWidget
{
    Q_OBJECT
public:
    /// `workspace` must outlive the box.
    explicit ServesBox(Workspace &workspace, QWidget *parent = nullptr);

    /// Checks these model versions; returns the first one's NAME:VERSION.
    QString selectModelVersions(const QList<Id> &versionIds);
    /// Chooses an image NAME:TAG with its models and environment; false if unknown.
    bool selectImage(const QString &imageRef);
    void setScoringScript(const QString &path);
    /// 0: none (the system Python).
    void setEnvironmentVersion(Id versionId);
    /// Starts from what `deployment` serves now.
    void selectServed(const Deployment &deployment);
    bool servesImage() const;
    /// Fills what to serve into `out` (its other fields stay); false with the
    /// reason when something is missing.
    bool fill(DeployRequest *out, QString *error) const;

Q_SIGNALS:
    void servesImageChanged(bool image);

private:
    void fillModels();
    void fillEnvironments();
    void fillImages();

    Workspace &m_workspace;
    QRadioButton *m_serveModels;
    QRadioButton *m_serveImage;
    QComboBox *m_image;
    QListWidget *m_models;
    QLineEdit *m_script;
    QComboBox *m_environment;
};

} // namespace mlwb
