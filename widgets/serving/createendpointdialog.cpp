#include "serving/createendpointdialog.h"

#include "serving/endpointdeployer.h"
#include "serving/workspacejob.h"
#include "store/deployments.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <memory>

namespace mlwb {

CreateEndpointDialog::CreateEndpointDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_name(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_auth(new QComboBox(this))
    , m_first(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create Endpoint"));
    m_name->setObjectName(QStringLiteral("endpointName"));
    m_name->setPlaceholderText(tr("e.g. iris-scoring"));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")), m_name));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_auth->addItem(tr("Keys (Authorization: Bearer KEY)"), QStringLiteral("key"));
    m_auth->addItem(tr("None"), QStringLiteral("none"));
    m_first->setObjectName(QStringLiteral("firstDeployment"));
    m_first->addItem(tr("None yet"), QString());
    QString error;
    const QList<Deployment> deployments = Deployments(m_workspace).list(&error);
    for (const Deployment &d : deployments)
        m_first->addItem(d.name, d.name);
    m_error->setObjectName(QStringLiteral("endpointError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    auto *note = new QLabel(tr("An endpoint is one stable URL in front of deployments. Its page "
                               "splits the traffic between them and shows what each one got."),
                            this);
    note->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&reate"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateEndpointDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateEndpointDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(note);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("All traffic &to:"), m_first);
    form->addRow(m_error);
    form->addRow(m_buttons);
    resize(520, sizeHint().height());
}

void CreateEndpointDialog::setEndpointName(const QString &name)
{
    m_name->setText(name);
}

void CreateEndpointDialog::setFirstDeployment(const QString &deployment)
{
    m_first->setCurrentIndex(qMax(0, m_first->findData(deployment)));
}

void CreateEndpointDialog::setKeyAuth(bool on)
{
    m_auth->setCurrentIndex(on ? 0 : 1);
}

QString CreateEndpointDialog::errorText() const
{
    return m_error->text();
}

void CreateEndpointDialog::accept()
{
    if (m_busy)
        return;
    Endpoint e;
    e.name = m_name->text().trimmed();
    e.auth = m_auth->currentData().toString();
    if (e.name.isEmpty()) {
        m_error->setText(tr("Give the endpoint a name."));
        return;
    }
    const QString first = m_first->currentData().toString();
    const int port = m_port->value();
    auto made = std::make_shared<Endpoint>(e);
    setBusy(true);
    m_error->clear();
    runWithWorkspace(
        this, m_workspace.path(),
        [made, first, port](const Workspace &ws, QString *error) {
            if (!EndpointDeployer::create(ws, made.get(), port, error))
                return false;
            return first.isEmpty()
                   || EndpointDeployer::setTraffic(ws, made->name, {{first, 100}}, made.get(),
                                                   error);
        },
        [this, made](bool ok, const QString &error) {
            setBusy(false);
            if (made->id > 0)
                m_endpoint = *made; // made, even when its first split failed
            if (!ok) {
                m_error->setText(error);
                if (made->id > 0)
                    QDialog::accept();
                return;
            }
            QDialog::accept();
        });
}

void CreateEndpointDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void CreateEndpointDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QAbstractButton *button : m_buttons->buttons())
        button->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

Id openCreateEndpointDialog(QWidget *parent, Workspace &workspace)
{
    CreateEndpointDialog dialog(workspace, parent);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    return dialog.endpoint().id;
}

} // namespace mlwb
