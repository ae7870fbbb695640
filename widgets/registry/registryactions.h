#pragma once

#include "store/types.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace mlwb {

class RegisterModelWizard;
class Workspace;

/// What the window does for the model registry: opens the Register Model
/// wizard (from the menu, a run's context menu or its outputs browser),
/// then registers what it collected as a task and reports the new version.
class RegistryActions : public QObject
{
    Q_OBJECT
public:
    RegistryActions(QWidget *window, QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    /// Opens the wizard (runId 0: no run preselected); returns it, or
    /// nullptr with the reason logged when the workspace cannot be written.
    RegisterModelWizard *registerModel(Id runId = 0, const QString &outputPath = QString());

Q_SIGNALS:
    void messageLogged(const QString &message);
    void errorLogged(const QString &message);
    /// The version is stored: open its page.
    void versionRegistered(const mlwb::ModelVersion &version);

private:
    void startRegistration(RegisterModelWizard *wizard);

    QWidget *m_window;
    Workspace *m_workspace = nullptr;
    QPointer<RegisterModelWizard> m_wizard;
};

} // namespace mlwb
