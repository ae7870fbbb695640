#pragma once

#include <QMap>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace mlwb {

class KeyValueTable;

/// Build Image, page 5: the image's name, a note on this version (kept as
/// the OCI description label), the port the scoring server listens on, and
/// labels. Next checks the name by Docker's rules and shows why not.
class ConfigurationPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ConfigurationPage(QWidget *parent = nullptr);

    QString imageName() const;
    QString note() const;
    int port() const;
    /// The labels, with the note as org.opencontainers.image.description.
    QMap<QString, QString> labels() const;
    QLineEdit *nameEdit() const { return m_name; }
    bool isComplete() const override;
    bool validatePage() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_note;
    QSpinBox *m_port;
    KeyValueTable *m_labels;
    QLabel *m_message;
};

} // namespace mlwb
