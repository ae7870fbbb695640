#include "images/pushdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace mlwb {

PushDialog::PushDialog(const QString &imageRef, QWidget *parent)
    : QDialog(parent)
    , m_destination(new QLineEdit)
    , m_tlsVerify(new QCheckBox(tr("&Verify the registry's TLS certificate")))
    , m_user(new QLineEdit)
    , m_password(new QLineEdit)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("pushDialog"));
    setWindowTitle(tr("Push %1").arg(imageRef));
    m_destination->setObjectName(QStringLiteral("pushDestination"));
    m_destination->setPlaceholderText(tr("REGISTRY/REPO:TAG, e.g. 127.0.0.1:5000/team/iris:1"));
    m_destination->setMinimumWidth(380);
    m_tlsVerify->setObjectName(QStringLiteral("pushTlsVerify"));
    m_tlsVerify->setChecked(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Push"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Destination:"), m_destination);
    layout->addRow(m_tlsVerify);
    m_user->setObjectName(QStringLiteral("pushUser"));
    m_user->setPlaceholderText(tr("from the login files"));
    m_password->setObjectName(QStringLiteral("pushPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    layout->addRow(tr("&User:"), m_user);
    layout->addRow(tr("Pass&word:"), m_password);
    auto *note = new QLabel(tr("Leave these empty to use the credentials that podman login, "
                               "skopeo login or docker login wrote. What is typed here is used "
                               "for this push only and never stored."));
    note->setWordWrap(true);
    layout->addRow(note);
    layout->addRow(m_buttons);
    connect(m_destination, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.contains(QLatin1Char('/')));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PushDialog::destination() const
{
    return m_destination->text().trimmed();
}

oci::RegistryCredentials PushDialog::credentials() const
{
    if (m_user->text().trimmed().isEmpty())
        return {};
    return {m_user->text().trimmed(), m_password->text(), tr("the Push dialog")};
}

void PushDialog::setCredentials(const QString &user, const QString &password)
{
    m_user->setText(user);
    m_password->setText(password);
}

bool PushDialog::tlsVerify() const
{
    return m_tlsVerify->isChecked();
}

} // namespace mlwb
