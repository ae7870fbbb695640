#include "images/imageactions.h"

#include "images/buildimagewizard.h"
#include "images/imagetask.h"
#include "images/scriptpage.h"
#include "store/images.h"
#include "store/workspace.h"

#include <QMessageBox>

namespace mlwb {

ImageActions::ImageActions(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

void ImageActions::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    if (m_wizard)
        m_wizard->close(); // it reads the workspace that goes
}

BuildImageWizard *ImageActions::buildImage(Id modelVersionId)
{
    if (!m_workspace)
        return nullptr;
    QString error;
    if (!m_workspace->checkWritable(&error)) {
        Q_EMIT errorLogged(error);
        QMessageBox::warning(m_window, tr("Build Image"), error);
        return nullptr;
    }
    if (m_wizard)
        m_wizard->close();
    auto *wizard = new BuildImageWizard(*m_workspace, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (modelVersionId != 0)
        wizard->preselectModelVersion(modelVersionId);
    connect(wizard->scriptPage(), &ScriptPage::openInEditor, this, &ImageActions::openInEditor);
    connect(wizard, &QWizard::accepted, this, [this, wizard] { startBuild(wizard); });
    m_wizard = wizard;
    wizard->show();
    return wizard;
}

void ImageActions::startBuild(BuildImageWizard *wizard)
{
    if (!m_workspace)
        return;
    const ImageBuildRequest request = wizard->request();
    Q_EMIT messageLogged(tr("Building image %1…").arg(request.name));
    const ImageTask::Job job = [request](const Workspace &ws, const auto &progress,
                                         const auto &canceled, QString *result, QString *error) {
        ImageBuilder builder(ws);
        builder.setProgress(progress);
        builder.setCancelCheck(canceled);
        Image image;
        if (!builder.build(request, &image, error))
            return false;
        *result = image.name + QLatin1Char(':') + image.tag;
        return true;
    };
    auto *task = ImageTask::start(m_workspace->path(), QStringLiteral("image-build"),
                                  tr("Build image %1").arg(request.name), job, this);
    connect(task, &ImageTask::succeeded, this, [this](const QString &ref) {
        Q_EMIT messageLogged(tr("Built image %1").arg(ref));
        if (!m_workspace)
            return;
        const int colon = ref.lastIndexOf(QLatin1Char(':'));
        QString error;
        if (const auto image =
                Images(*m_workspace).find(ref.left(colon), ref.mid(colon + 1), &error))
            Q_EMIT imageBuilt(*image);
        else
            Q_EMIT errorLogged(error);
    });
    connect(task, &ImageTask::failed, this, [this](const QString &message, bool canceled) {
        if (canceled) {
            Q_EMIT messageLogged(message);
            return;
        }
        Q_EMIT errorLogged(message);
        // Not modal-blocking: the build ended while the user did something else.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The image was not built"), message,
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace mlwb
