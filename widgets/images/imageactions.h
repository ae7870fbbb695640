#pragma once

#include "store/types.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace mlwb {

class BuildImageWizard;
class Workspace;

/// What the window does for images: opens the Build Image wizard (from the
/// menu, a model version's page or the tree), then builds what it collected
/// as a task and reports the new image so its page opens.
class ImageActions : public QObject
{
    Q_OBJECT
public:
    explicit ImageActions(QWidget *window, QObject *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    /// Opens the wizard (versionId 0: nothing preselected); nullptr with the
    /// reason logged when the workspace cannot be written.
    BuildImageWizard *buildImage(Id modelVersionId = 0);

Q_SIGNALS:
    void messageLogged(const QString &message);
    void errorLogged(const QString &message);
    /// The image is stored: open its page.
    void imageBuilt(const mlwb::Image &image);
    /// The wizard wrote or picked a scoring script to show in the editor.
    void openInEditor(const QString &path);

private:
    void startBuild(BuildImageWizard *wizard);

    QWidget *m_window;
    Workspace *m_workspace = nullptr;
    QPointer<BuildImageWizard> m_wizard;
};

} // namespace mlwb
