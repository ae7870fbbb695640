#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mlwb {

/// Build Image, page 2: the scoring script, a file the user picks or one
/// written from the template to a file they choose (and opened in the
/// editor). Next checks it defines init() and run() and shows why not.
class ScriptPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ScriptPage(QWidget *parent = nullptr);

    QString scriptPath() const;
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
};

} // namespace mlwb
