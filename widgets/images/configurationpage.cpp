#include "images/configurationpage.h"

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
    , m_labels(new KeyValueTable(tr("Labels")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("configurationPage"));
    setTitle(tr("Configuration"));
    setSubTitle(tr("Name the image; each build of a name gets the next version number."));
    m_name->setObjectName(QStringLiteral("imageName"));
    m_name->setPlaceholderText(tr("e.g. credit-risk-service"));
    m_note->setObjectName(QStringLiteral("imageNote"));
    m_note->setPlaceholderText(tr("What this version is, e.g. retrained on March data"));
    m_port->setObjectName(QStringLiteral("imagePort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5001);
    m_port->setMaximumWidth(m_port->sizeHint().width() * 2);
    m_labels->setObjectName(QStringLiteral("imageLabels"));
    m_message->setObjectName(QStringLiteral("configurationMessage"));
    m_message->setWordWrap(true);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("Version &note:"), m_note);
    layout->addRow(tr("&Port:"), m_port);
    layout->addRow(tr("Labels:"), m_labels);
    layout->addRow(m_message);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_message->clear();
        Q_EMIT completeChanged();
    });
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

bool ConfigurationPage::isComplete() const
{
    return !imageName().isEmpty();
}

bool ConfigurationPage::validatePage()
{
    QString error;
    if (!Images::validName(imageName(), &error)) {
        m_message->setText(error);
        return false;
    }
    return true;
}

} // namespace mlwb
