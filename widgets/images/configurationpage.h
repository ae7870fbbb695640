#pragma once

#include "oci/imageresources.h"

#include <QMap>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace mlwb {

class KeyValueTable;

/// Build Image, page 5: the image's name, a note on this version (kept as
/// the OCI description label), the port the scoring server listens on, the
/// CPU and memory a deployment gets, environment variables and labels.
/// Next checks the name by Docker's rules, the CPU, memory and variable
/// names, and shows what is wrong.
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
    QMap<QString, QString> environmentVariables() const;
    /// What CPU and memory say; empty when they are empty (no limit).
    oci::ImageResources resources() const;
    void setResources(const QString &cpu, const QString &memory);
    void setEnvironmentVariables(const QMap<QString, QString> &variables);
    QLabel *message() const { return m_message; }
    QLineEdit *nameEdit() const { return m_name; }
    bool isComplete() const override;
    bool validatePage() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_note;
    QSpinBox *m_port;
    QLineEdit *m_cpu;
    QLineEdit *m_memory;
    KeyValueTable *m_variables;
    KeyValueTable *m_labels;
    QLabel *m_message;
};

} // namespace mlwb
