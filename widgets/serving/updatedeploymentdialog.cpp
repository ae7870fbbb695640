#include "serving/updatedeploymentdialog.h"

#include "serving/deployer.h"
#include "serving/servesbox.h"
#include "serving/workspacejob.h"
#include "store/workspace.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace mlwb {

UpdateDeploymentDialog::UpdateDeploymentDialog(Workspace &workspace, const Deployment &deployment,
                                               QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_deployment(deployment)
    , m_serves(new ServesBox(workspace, this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Update %1").arg(deployment.name));
    m_serves->selectServed(deployment);
    m_note->setWordWrap(true);
    m_idleNote = (tr("A new server starts beside the running one and takes over its port once "
                     "it answers; requests in flight are not dropped. If it does not get "
                     "healthy, %1 keeps serving what it serves now.")
                      .arg(deployment.name));
    m_note->setText(m_idleNote);
    m_progress->setObjectName(QStringLiteral("updateProgress"));
    m_progress->setRange(0, 0); // busy: how long init() takes is not known
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_error->setObjectName(QStringLiteral("updateError"));
    // The reason comes with the new server's log: room to scroll through it.
    m_error->setReadOnly(true);
    m_error->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setMinimumHeight(200);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Update"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UpdateDeploymentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UpdateDeploymentDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Serve instead:"), m_serves);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_progress);
    layout->addWidget(m_error, 1);
    layout->addWidget(m_buttons);
    resize(760, 480);
}

QString UpdateDeploymentDialog::errorText() const
{
    return m_error->toPlainText();
}

void UpdateDeploymentDialog::accept()
{
    if (m_busy)
        return;
    DeployRequest what;
    QString error;
    if (!m_workspace.checkWritable(&error) || !m_serves->fill(&what, &error)) {
        showError(error);
        return;
    }
    const QString name = m_deployment.name;
    const int timeoutMs = m_timeoutSeconds * 1000;
    auto updated = std::make_shared<Deployment>();
    setBusy(true);
    runWithWorkspace(
        this, m_workspace.path(),
        [name, what, timeoutMs, updated](const Workspace &ws, QString *error) {
            return Deployer::update(ws, name, what, timeoutMs, updated.get(), error);
        },
        [this, updated](bool ok, const QString &error) {
            setBusy(false);
            if (!ok) {
                showError(tr("%1 was not updated: %2").arg(m_deployment.name, error));
                return;
            }
            m_deployment = *updated;
            QDialog::accept();
        });
}

void UpdateDeploymentDialog::reject()
{
    if (!m_busy) // the update goes on in the supervisor either way: wait for its answer
        QDialog::reject();
}

void UpdateDeploymentDialog::showError(const QString &error)
{
    m_error->setPlainText(error);
    m_error->setVisible(!error.isEmpty());
}

void UpdateDeploymentDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_serves->setEnabled(!busy);
    for (QAbstractButton *button : m_buttons->buttons())
        button->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy)
        showError(QString());
    m_note->setText(busy ? tr("Starting the new server beside the running one…") : m_idleNote);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

} // namespace mlwb
