#pragma once

#include "oci/registryauth.h"
#include "store/types.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mlwb {

class Workspace;

/// A document tab for one built image (NAME:VERSION): its inputs (model
/// versions as links to their pages, environment, base, scoring script),
/// its layers with digests and sizes, its config (port, entrypoint,
/// labels), how to load it into podman, and Export…, Push…, Deploy… and
/// Delete. Export and push run as tasks.
class ImagePage : public QWidget
{
    Q_OBJECT
public:
    /// `workspace` must outlive this widget.
    ImagePage(Workspace *workspace, Id imageId, QWidget *parent = nullptr);

    /// "credit-risk-service:2"
    QString title() const;
    const std::optional<Image> &image() const { return m_image; }
    QTreeWidget *layers() const { return m_layers; }
    QString lastError() const { return m_lastError; }

    /// Exports to `path` as a task (the Export… button asks for these).
    void exportTo(const QString &path, bool dockerArchive);
    /// Pushes as a task (the Push… dialog asks for these).
    void pushTo(const QString &destination, bool tlsVerify,
                const oci::RegistryCredentials &credentials = {});
    /// Deletes the image; false with the core's reason (e.g. a deployment uses it).
    bool deleteImage(QString *error);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    /// A model version link was followed.
    void openModelVersion(mlwb::Id modelId, mlwb::Id versionId);
    /// The user asked to deploy this image ("NAME:VERSION"). The window
    /// connects it to the Deploy dialog.
    void deployRequested(const QString &imageRef);
    void messageLogged(const QString &message);
    void errorLogged(const QString &message);
    /// The image is gone: close this page.
    void deleted();

private:
    void showImage(const Image &image);
    void showLayers(const Image &image, const QJsonObject &manifest);
    void askExport();
    void askPush();
    void askDelete();
    void onLink(const QString &link);
    void setError(const QString &message);

    Workspace *m_workspace;
    Id m_imageId;
    std::optional<Image> m_image;
    QString m_lastError;
    QLabel *m_title;
    QLabel *m_inputs;
    QLabel *m_config;
    QLabel *m_load;
    QLabel *m_banner;
    QTreeWidget *m_layers;
    QPushButton *m_export, *m_push, *m_deploy, *m_delete;
};

} // namespace mlwb
