#pragma once

#include "oci/baseimage.h"

#include <QWizardPage>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mlwb {

class EnvironmentChoicePage;
class PathField;

/// Build Image, page 4: the base image, a file (OCI archive, docker-archive,
/// OCI layout folder) or a registry reference. Read inspects it off the GUI
/// thread and shows its OS, architecture, size, layers and Python, and which
/// of the environment's packages it has. Packages the base lacks can come
/// from a folder of wheels (a layer, as pip install --target would make
/// it); the report says what is still missing and what that means.
/// Next needs a base that was read, and a wheel folder that fits it.
class BasePage : public QWizardPage
{
    Q_OBJECT
public:
    BasePage(const QString &workspacePath, const EnvironmentChoicePage *environment,
             QWidget *parent = nullptr);

    /// "oci-archive:PATH", "docker-archive:PATH", "oci:DIR" or "REGISTRY/REPO:TAG".
    QString reference() const;
    /// Picks the kind of base and fills in the path or reference.
    void setBase(int kind, const QString &path);
    const std::optional<oci::BaseImage> &base() const { return m_base; }
    /// The environment's packages against what the base has, in plain words.
    QString packageReport() const;
    QPushButton *readButton() const { return m_read; }
    QLabel *facts() const { return m_facts; }
    /// The folder of wheels to install as a layer; empty: none.
    QString wheelFolder() const;
    void setWheelFolder(const QString &folder);
    /// The other way for missing packages: pip at the service's first start.
    bool installMissingAtStart() const;
    void setInstallMissingAtStart(bool on);
    bool isComplete() const override;
    void initializePage() override;
    bool validatePage() override;

    enum Kind { OciArchive, DockerArchive, OciFolder, RegistryReference };

private:
    void browse();
    void read();
    void showRead(const oci::BaseImage &base, const QString &error);

    QString m_workspacePath;
    const EnvironmentChoicePage *m_environment;
    QComboBox *m_kind;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_read;
    QLabel *m_facts;
    QLabel *m_packages;
    PathField *m_wheels;
    QCheckBox *m_atStart;
    std::optional<oci::BaseImage> m_base;
    bool m_reading = false;
};

} // namespace mlwb
