#include "serving/servicekeysbox.h"

#include "serving/servicekeys.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace mlwb {

ServiceKeysBox::ServiceKeysBox(const Workspace &workspace, const QString &deployment, bool keyAuth,
                               QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_deployment(deployment)
    , m_note(new QLabel(this))
{
    m_note->setObjectName(QStringLiteral("keysNote"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!keyAuth) {
        m_note->setText(tr("No authentication: anyone who can reach the scoring URI can call "
                           "it. Deploy with key authentication to require a key."));
        layout->addWidget(m_note);
        return;
    }
    m_show = new QPushButton(tr("S&how Keys"), this);
    m_show->setObjectName(QStringLiteral("showKeys"));
    m_show->setCheckable(true);
    connect(m_show, &QPushButton::toggled, this, &ServiceKeysBox::setKeysShown);
    layout->addWidget(keyRow(QStringLiteral("primary"), &m_primaryField));
    layout->addWidget(keyRow(QStringLiteral("secondary"), &m_secondaryField));
    auto *row = new QHBoxLayout;
    row->addWidget(m_show);
    row->addWidget(m_note, 1);
    layout->addLayout(row);
    m_note->setText(tr("Clients send a key as \"Authorization: Bearer KEY\". The keys are "
                       "kept outside the workspace, in %1.")
                        .arg(ServiceKeys(m_workspace, m_deployment).storedIn()));
    reload();
}

QWidget *ServiceKeysBox::keyRow(const QString &which, QLineEdit **field)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    const bool primary = which == QLatin1String("primary");
    auto *label = new QLabel(primary ? tr("Primary key:") : tr("Secondary key:"), row);
    label->setMinimumWidth(100);
    *field = new QLineEdit(row);
    (*field)->setObjectName(primary ? QStringLiteral("primaryKey")
                                    : QStringLiteral("secondaryKey"));
    (*field)->setReadOnly(true);
    (*field)->setEchoMode(QLineEdit::Password);
    (*field)->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("Copy"), row);
    copy->setToolTip(tr("Copy the key to the clipboard"));
    QLineEdit *edit = *field;
    connect(copy, &QPushButton::clicked, this,
            [edit] { QApplication::clipboard()->setText(edit->text()); });
    auto *regenerate = new QPushButton(tr("Regenerate…"), row);
    regenerate->setObjectName(primary ? QStringLiteral("regeneratePrimary")
                                      : QStringLiteral("regenerateSecondary"));
    connect(regenerate, &QPushButton::clicked, this, [this, which] { confirmRegenerate(which); });
    layout->addWidget(label);
    layout->addWidget(*field, 1);
    layout->addWidget(copy);
    layout->addWidget(regenerate);
    return row;
}

bool ServiceKeysBox::keysShown() const
{
    return m_primaryField && m_primaryField->echoMode() == QLineEdit::Normal;
}

QString ServiceKeysBox::shownText(int which) const
{
    QLineEdit *field = which == 0 ? m_primaryField : m_secondaryField;
    if (!field)
        return {};
    return field->echoMode() == QLineEdit::Normal ? field->text()
                                                  : QString(field->text().size(), QChar(0x2022));
}

void ServiceKeysBox::setKeysShown(bool shown)
{
    if (!m_primaryField)
        return;
    const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
    m_primaryField->setEchoMode(mode);
    m_secondaryField->setEchoMode(mode);
    const QSignalBlocker blocker(m_show);
    m_show->setChecked(shown);
    m_show->setText(shown ? tr("&Hide Keys") : tr("S&how Keys"));
}

bool ServiceKeysBox::reload()
{
    QString error;
    if (!ServiceKeys(m_workspace, m_deployment).read(&m_primary, &m_secondary, &error)) {
        setError(error);
        return false;
    }
    m_primaryField->setText(m_primary);
    m_secondaryField->setText(m_secondary);
    Q_EMIT primaryKeyChanged(m_primary);
    return true;
}

bool ServiceKeysBox::regenerate(const QString &which)
{
    QString error;
    if (!ServiceKeys(m_workspace, m_deployment).regenerate(which, &error)) {
        setError(error);
        return false;
    }
    return reload();
}

void ServiceKeysBox::confirmRegenerate(const QString &which)
{
    const QString text =
        which == QLatin1String("primary")
            ? tr("Regenerate the primary key of %1? Clients using it are refused at once; the "
                 "secondary key keeps working.")
                  .arg(m_deployment)
            : tr("Regenerate the secondary key of %1? Clients using it are refused at once; the "
                 "primary key keeps working.")
                  .arg(m_deployment);
    if (QMessageBox::question(this, tr("Regenerate Key"), text) == QMessageBox::Yes)
        regenerate(which);
}

void ServiceKeysBox::setError(const QString &message)
{
    m_error = message;
    m_note->setText(message);
}

} // namespace mlwb
