#include "registry/registryactions.h"

#include "registry/registermodelwizard.h"
#include "registry/registrationtask.h"
#include "store/workspace.h"

#include <QMessageBox>

namespace mlwb {

RegistryActions::RegistryActions(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

void RegistryActions::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    if (m_wizard)
        m_wizard->close(); // it reads the workspace that goes
}

RegisterModelWizard *RegistryActions::registerModel(Id runId, const QString &outputPath)
{
    if (!m_workspace)
        return nullptr;
    QString error;
    if (!m_workspace->checkWritable(&error)) {
        Q_EMIT errorLogged(error);
        QMessageBox::warning(m_window, tr("Register Model"), error);
        return nullptr;
    }
    if (m_wizard)
        m_wizard->close();
    auto *wizard = new RegisterModelWizard(*m_workspace, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    if (runId != 0)
        wizard->preselectRun(runId, outputPath);
    connect(wizard, &QWizard::accepted, this, [this, wizard] { startRegistration(wizard); });
    m_wizard = wizard;
    wizard->show();
    return wizard;
}

void RegistryActions::startRegistration(RegisterModelWizard *wizard)
{
    if (!m_workspace)
        return;
    const RegisterRequest request = wizard->request();
    Q_EMIT messageLogged(tr("Registering model %1…").arg(request.name));
    auto *task = RegistrationTask::start(m_workspace->path(), request, this);
    connect(task, &RegistrationTask::registered, this, [this](const ModelVersion &v) {
        Q_EMIT messageLogged(tr("Registered model %1, version %2").arg(v.modelName).arg(v.version));
        Q_EMIT versionRegistered(v);
    });
    connect(task, &RegistrationTask::failed, this, [this](const QString &message, bool canceled) {
        if (canceled) {
            Q_EMIT messageLogged(message);
            return;
        }
        Q_EMIT errorLogged(message);
        // Not modal-blocking: the registration ended while the user did something else.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The model was not registered"),
                                    message, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace mlwb
