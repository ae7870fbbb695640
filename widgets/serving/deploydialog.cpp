#include "serving/deploydialog.h"

#include "remote/sshconnection.h"
#include "serving/deployer.h"
#include "serving/deploytask.h"
#include "serving/servesbox.h"
#include "serving/workspacejob.h"
#include "store/computetargets.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

namespace mlwb {

DeployDialog::DeployDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_name(new QLineEdit(this))
    , m_serves(new ServesBox(workspace, this))
    , m_target(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_auth(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Deploy"));
    m_name->setObjectName(QStringLiteral("deployName"));
    m_name->setPlaceholderText(tr("e.g. iris-service"));
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")), m_name));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_auth->addItem(tr("None"), QStringLiteral("none"));
    m_auth->addItem(tr("Keys (Authorization: Bearer KEY)"), QStringLiteral("key"));
    m_auth->setObjectName(QStringLiteral("deployAuth"));
    m_note->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("deployError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Serves:"), m_serves);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Authentication:"), m_auth);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Deploy"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DeployDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    fillTargets();
    connect(m_target, &QComboBox::currentIndexChanged, this, &DeployDialog::updateNote);
    connect(m_serves, &ServesBox::servesImageChanged, this, &DeployDialog::updateNote);
    updateNote();
    resize(600, 480);
}

void DeployDialog::fillTargets()
{
    QString error;
    const QList<ComputeTarget> targets = ComputeTargets(m_workspace).list(&error);
    for (const ComputeTarget &t : targets) {
        const bool ssh = t.kind == ComputeTarget::Kind::Ssh;
        m_target->addItem(ssh ? tr("%1 (SSH VM)").arg(t.name) : t.name, t.name);
    }
    const int local = m_target->findData(QStringLiteral("local"));
    m_target->setCurrentIndex(qMax(0, local));
}

void DeployDialog::selectModelVersions(const QList<Id> &versionIds)
{
    const QString first = m_serves->selectModelVersions(versionIds);
    if (!first.isEmpty() && m_name->text().isEmpty())
        m_name->setText(first.section(QLatin1Char(':'), 0, 0) + QStringLiteral("-service"));
}

void DeployDialog::selectImage(const QString &imageRef)
{
    if (m_serves->selectImage(imageRef) && m_name->text().isEmpty())
        m_name->setText(imageRef.section(QLatin1Char(':'), 0, 0) + QStringLiteral("-service"));
}

void DeployDialog::setScoringScript(const QString &path)
{
    m_serves->setScoringScript(path);
}

void DeployDialog::setDeploymentName(const QString &name)
{
    m_name->setText(name);
}

void DeployDialog::setKeyAuth(bool on)
{
    m_auth->setCurrentIndex(on ? 1 : 0);
}

void DeployDialog::updateNote()
{
    QString ignored;
    const auto target =
        ComputeTargets(m_workspace).find(m_target->currentData().toString(), &ignored);
    if (target && target->kind == ComputeTarget::Kind::Ssh)
        m_note->setText(
            tr("It will be %1. The port is forwarded to this computer, so the scoring URI is a "
               "127.0.0.1 address here; the server keeps running on the VM when this app "
               "closes.")
                .arg(Deployer::remoteReason(SshConnection(*target))));
    else if (m_serves->servesImage())
        m_note->setText(tr("The image runs with podman or docker where one runs containers here. "
                           "Where none does, its models and scoring script are served as a local "
                           "process with its environment's Python; the deployment's page says "
                           "which and why."));
    else
        m_note->setText(tr("It will be %1.").arg(Deployer::modeReason()));
}

QString DeployDialog::errorText() const
{
    return m_error->text();
}

bool DeployDialog::request(DeployRequest *out, QString *error) const
{
    DeployRequest r;
    r.name = m_name->text().trimmed();
    if (r.name.isEmpty()) {
        *error = tr("Give the deployment a name.");
        return false;
    }
    r.target = m_target->currentData().toString();
    r.port = m_port->value();
    r.auth = m_auth->currentData().toString();
    if (!m_serves->fill(&r, error))
        return false;
    *out = r;
    return true;
}

void DeployDialog::accept()
{
    if (m_busy)
        return;
    DeployRequest r;
    QString error;
    if (!m_workspace.checkWritable(&error) || !request(&r, &error)) {
        m_error->setText(error);
        return;
    }
    if (r.image) { // exporting and loading an image takes seconds: not on the GUI thread
        deployInBackground(r);
        return;
    }
    if (!Deployer::deploy(m_workspace, r, &m_deployment, &error)) {
        m_error->setText(error);
        return;
    }
    DeployTask::watch(m_workspace.path(), m_deployment, parentWidget());
    QDialog::accept();
}

void DeployDialog::reject()
{
    if (!m_busy) // a half-made deployment would be left behind
        QDialog::reject();
}

void DeployDialog::deployInBackground(const DeployRequest &request)
{
    auto made = std::make_shared<Deployment>();
    setBusy(true);
    m_error->clear();
    m_note->setText(tr("Exporting %1 and starting it with a container engine; this can take a "
                       "minute…")
                        .arg(request.image->name + QLatin1Char(':') + request.image->tag));
    runWithWorkspace(
        this, m_workspace.path(),
        [request, made](const Workspace &ws, QString *error) {
            return Deployer::deploy(ws, request, made.get(), error);
        },
        [this, made](bool ok, const QString &error) {
            setBusy(false);
            if (!ok) {
                m_error->setText(error);
                updateNote();
                return;
            }
            m_deployment = *made;
            DeployTask::watch(m_workspace.path(), m_deployment, parentWidget());
            QDialog::accept();
        });
}

void DeployDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QAbstractButton *button : m_buttons->buttons())
        button->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

Id openDeployDialog(QWidget *parent, Workspace &workspace, const QString &imageRef,
                    const QList<Id> &modelVersionIds)
{
    DeployDialog dialog(workspace, parent);
    if (!modelVersionIds.isEmpty())
        dialog.selectModelVersions(modelVersionIds);
    if (!imageRef.isEmpty())
        dialog.selectImage(imageRef);
    if (dialog.exec() != QDialog::Accepted)
        return 0;
    return dialog.deployment().id;
}

} // namespace mlwb
