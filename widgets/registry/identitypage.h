#pragma once

#include <QMap>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace mlwb {

class SourcePage;
class Workspace;

/// The Register Model wizard's second page: which model the files become a
/// version of (a new name, or the next version of an existing model, with
/// the number it will get), its description, tags and aliases, the framework
/// (guessed from the files, changeable) and the environment (the run's,
/// changeable). What is wrong is shown on the page as it is typed.
class IdentityPage : public QWizardPage
{
    Q_OBJECT
public:
    IdentityPage(const Workspace &workspace, const SourcePage *source, QWidget *parent = nullptr);

    QString modelName() const;
    /// The number the version will get, as shown; -1 when unknown.
    int versionNumber() const { return m_version; }
    QString description() const;
    QMap<QString, QString> tags() const;
    QStringList aliases() const;
    QString framework() const;
    /// "NAME:VERSION", or empty for none.
    QString environment() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void loadModels();
    void loadEnvironments(const QString &selected, bool allowNone);
    void update();
    QString problem(QMap<QString, QString> *tags = nullptr) const;

    const Workspace &m_workspace;
    const SourcePage *m_source;
    QString m_guessedFor; // the source the framework and environment were set for
    int m_version = -1;
    QRadioButton *m_newModel;
    QRadioButton *m_existingModel;
    QLineEdit *m_name;
    QComboBox *m_existing;
    QLabel *m_versionLabel;
    QPlainTextEdit *m_description;
    QPlainTextEdit *m_tags;
    QLineEdit *m_aliases;
    QComboBox *m_framework;
    QComboBox *m_environment;
    QLabel *m_message;
};

} // namespace mlwb
