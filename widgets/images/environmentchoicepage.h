#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace mlwb {

class Workspace;

/// Build Image, page 3: the environment version whose packages the image
/// needs, or none. Which of them the base already has is known once the
/// base is read (next page), and shown there and in the summary.
class EnvironmentChoicePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit EnvironmentChoicePage(const Workspace &workspace, QWidget *parent = nullptr);

    /// "NAME:VERSION", empty for none.
    QString environment() const;
    /// The chosen version's package requirements.
    QStringList packages() const;
    QComboBox *choice() const { return m_choice; }

private:
    void showPackages();

    QComboBox *m_choice;
    QLabel *m_packages;
};

} // namespace mlwb
