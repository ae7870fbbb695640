#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mlwb {
class PathField;
}

namespace mlwb {

/// Build Image, page 2: the scoring script, a file the user picks or one
/// written from the template to a file they choose (and opened in the
/// editor). Next checks it defines init() and run() and shows why not.
/// Optional: a folder of sources copied beside it, and a sample request
/// and answer (JSON files) from which /swagger.json's schema is inferred.
class ScriptPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ScriptPage(QWidget *parent = nullptr);

    QString scriptPath() const;
    QString sourceDir() const;
    QString sampleInput() const;
    QString sampleOutput() const;
    /// Fills the optional fields (tests, and a wizard started from a project).
    void setOptional(const QString &sourceDir, const QString &sampleInput,
                     const QString &sampleOutput);
    /// Writes the template to `path` (replacing it) and selects it.
    bool writeTemplate(const QString &path, QString *error);
    QLabel *message() const { return m_message; }
    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    /// Show this file in the app's script editor.
    void openInEditor(const QString &path);

private:
    void browse();
    void newFromTemplate();

    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_template;
    QPushButton *m_edit;
    QLabel *m_message;
    PathField *m_sources;
    PathField *m_sampleInput;
    PathField *m_sampleOutput;
};

} // namespace mlwb
