#include "images/configurationpage.h"

#include "oci/imagebuilder.h"
#include "registry/keyvaluetable.h"
#include "store/images.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace mlwb {

ConfigurationPage::ConfigurationPage(QWidget *parent)
    : QWizardPage(parent)
    , m_name(new QLineEdit)
    , m_note(new QLineEdit)
    , m_port(new QSpinBox)
    , m_cpu(new QLineEdit)
    , m_memory(new QLineEdit)
    , m_variables(new KeyValueTable(tr("Environment variables")))
    , m_labels(new KeyValueTable(tr("Labels")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("configurationPage"));
    setTitle(tr("Configuration"));
    setSubTitle(tr("Name the image; each build of a name gets the next version number. CPU and "
                   "memory are the limits a deployment of it runs with."));
    m_name->setObjectName(QStringLiteral("imageName"));
    m_name->setPlaceholderText(tr("e.g. credit-risk-service"));
    m_note->setObjectName(QStringLiteral("imageNote"));
    m_note->setPlaceholderText(tr("What this version is, e.g. retrained on March data"));
    m_port->setObjectName(QStringLiteral("imagePort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5001);
    m_port->setMaximumWidth(m_port->sizeHint().width() * 2);
    m_cpu->setObjectName(QStringLiteral("imageCpu"));
    m_cpu->setPlaceholderText(tr("no limit, or cores such as 1.5"));
    m_memory->setObjectName(QStringLiteral("imageMemory"));
    m_memory->setPlaceholderText(tr("no limit, or a size such as 512M or 1.5G"));
    m_variables->setObjectName(QStringLiteral("imageVariables"));
    m_labels->setObjectName(QStringLiteral("imageLabels"));
    m_message->setObjectName(QStringLiteral("configurationMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("Version &note:"), m_note);
    layout->addRow(tr("&Port:"), m_port);
    layout->addRow(tr("&CPU:"), m_cpu);
    layout->addRow(tr("&Memory:"), m_memory);
    layout->addRow(tr("Environment variables:"), m_variables);
    layout->addRow(tr("Labels:"), m_labels);
    layout->addRow(m_message);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_message->clear();
        Q_EMIT completeChanged();
    });
    for (QLineEdit *edit : {m_cpu, m_memory})
        connect(edit, &QLineEdit::textChanged, m_message, &QLabel::clear);
    connect(m_variables, &KeyValueTable::edited, m_message, &QLabel::clear);
}

QString ConfigurationPage::imageName() const
{
    return m_name->text().trimmed();
}

QString ConfigurationPage::note() const
{
    return m_note->text().trimmed();
}

int ConfigurationPage::port() const
{
    return m_port->value();
}

QMap<QString, QString> ConfigurationPage::labels() const
{
    QMap<QString, QString> out = m_labels->map();
    if (!note().isEmpty())
        out.insert(QStringLiteral("org.opencontainers.image.description"), note());
    return out;
}

QMap<QString, QString> ConfigurationPage::environmentVariables() const
{
    return m_variables->map();
}

oci::ImageResources ConfigurationPage::resources() const
{
    oci::ImageResources r;
    QString ignored; // validatePage() says what is wrong
    if (!m_cpu->text().trimmed().isEmpty())
        oci::parseCpu(m_cpu->text().trimmed(), &r.cpu, &ignored);
    if (!m_memory->text().trimmed().isEmpty())
        oci::parseMemory(m_memory->text().trimmed(), &r.memoryBytes, &ignored);
    return r;
}

void ConfigurationPage::setResources(const QString &cpu, const QString &memory)
{
    m_cpu->setText(cpu);
    m_memory->setText(memory);
}

void ConfigurationPage::setEnvironmentVariables(const QMap<QString, QString> &variables)
{
    m_variables->setMap(variables);
}

bool ConfigurationPage::isComplete() const
{
    return !imageName().isEmpty();
}

bool ConfigurationPage::validatePage()
{
    QString error;
    oci::ImageResources r;
    const QString cpu = m_cpu->text().trimmed(), memory = m_memory->text().trimmed();
    bool ok = Images::validName(imageName(), &error)
              && (cpu.isEmpty() || oci::parseCpu(cpu, &r.cpu, &error))
              && (memory.isEmpty() || oci::parseMemory(memory, &r.memoryBytes, &error));
    const QMap<QString, QString> variables = environmentVariables();
    for (auto it = variables.cbegin(); ok && it != variables.cend(); ++it)
        ok = checkEnvironmentVariable(it.key(), &error);
    m_message->setText(ok ? QString() : error);
    return ok;
}

} // namespace mlwb
