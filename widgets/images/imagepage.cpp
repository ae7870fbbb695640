#include "images/imagepage.h"

#include "images/imagetask.h"
#include "images/pushdialog.h"
#include "oci/imageexport.h"
#include "oci/imagepush.h"
#include "oci/imagerecipes.h"
#include "oci/imageresources.h"
#include "oci/imagestore.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

QLabel *textLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

} // namespace

ImagePage::ImagePage(Workspace *workspace, Id imageId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_imageId(imageId)
    , m_title(textLabel(QStringLiteral("imageTitle")))
    , m_inputs(textLabel(QStringLiteral("imageInputs")))
    , m_config(textLabel(QStringLiteral("imageConfig")))
    , m_load(textLabel(QStringLiteral("imageLoad")))
    , m_banner(textLabel(QStringLiteral("imageBanner")))
    , m_layers(new QTreeWidget)
    , m_export(new QPushButton(tr("&Export…")))
    , m_push(new QPushButton(tr("&Push…")))
    , m_deploy(new QPushButton(tr("&Deploy…")))
    , m_delete(new QPushButton(tr("De&lete")))
{
    setObjectName(QStringLiteral("imagePage"));
    m_title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    m_banner->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_banner->hide();
    m_layers->setObjectName(QStringLiteral("imageLayers"));
    m_layers->setHeaderLabels({tr("Layer"), tr("Size"), tr("Digest")});
    m_layers->setRootIsDecorated(false);
    m_layers->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_export->setObjectName(QStringLiteral("exportImage"));
    m_push->setObjectName(QStringLiteral("pushImage"));
    m_deploy->setObjectName(QStringLiteral("deployImage"));
    m_delete->setObjectName(QStringLiteral("deleteImage"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_export, m_push, m_deploy, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    layout->addWidget(m_inputs);
    layout->addWidget(m_config);
    layout->addWidget(m_load);
    layout->addWidget(new QLabel(tr("<b>Layers</b>")));
    layout->addWidget(m_layers, 1);
    connect(m_inputs, &QLabel::linkActivated, this, &ImagePage::onLink);
    connect(m_export, &QPushButton::clicked, this, &ImagePage::askExport);
    connect(m_push, &QPushButton::clicked, this, &ImagePage::askPush);
    connect(m_deploy, &QPushButton::clicked, this, [this] {
        if (m_image)
            Q_EMIT deployRequested(title());
    });
    connect(m_delete, &QPushButton::clicked, this, &ImagePage::askDelete);
    refresh();
}

QString ImagePage::title() const
{
    return m_image ? m_image->name + QLatin1Char(':') + m_image->tag : tr("Image");
}

void ImagePage::refresh()
{
    QString error;
    m_image = Images(*m_workspace).find(m_imageId, &error);
    if (!m_image) {
        setError(error.isEmpty() ? tr("This image no longer exists.") : error);
        return;
    }
    showImage(*m_image);
}

void ImagePage::showImage(const Image &image)
{
    const QJsonObject in = image.inputs;
    m_title->setText(title().toHtmlEscaped());
    QStringList models;
    for (const QJsonValue &m : in.value(QStringLiteral("models")).toArray())
        models << QStringLiteral("<a href=\"model:%1\">%2</a>")
                      .arg(m.toString(), m.toString().toHtmlEscaped());
    const QJsonObject base = in.value(QStringLiteral("base")).toObject();
    const QString environment = in.value(QStringLiteral("environment")).toString();
    m_inputs->setText(
        tr("<b>Inputs</b><br>Models: %1<br>Environment: %2<br>Base: %3 (%4/%5, Python %6)"
           "<br>Scoring script: %7")
            .arg(models.join(QStringLiteral(", ")),
                 environment.isEmpty() ? tr("none") : environment.toHtmlEscaped(),
                 base.value(QStringLiteral("reference")).toString().toHtmlEscaped(),
                 base.value(QStringLiteral("os")).toString(),
                 base.value(QStringLiteral("architecture")).toString(),
                 base.value(QStringLiteral("python")).toString(),
                 in.value(QStringLiteral("scoring_script")).toString().toHtmlEscaped()));
    // What the environment asks for, and where each package comes from.
    const QJsonObject packages = in.value(QStringLiteral("packages")).toObject();
    const auto joined = [&packages](const char *key) {
        QStringList out;
        for (const QJsonValue &v : packages.value(QLatin1String(key)).toArray())
            out << v.toString().toHtmlEscaped();
        return out.join(QStringLiteral(", "));
    };
    QStringList wheels;
    for (const QJsonValue &v : in.value(QStringLiteral("wheels")).toArray())
        wheels << v.toString().toHtmlEscaped();
    QStringList lines;
    if (!joined("present").isEmpty())
        lines << tr("Packages in the image: %1").arg(joined("present"));
    if (!wheels.isEmpty())
        lines << tr("From the wheel folder: %1").arg(wheels.join(QStringLiteral(", ")));
    if (!joined("install_at_start").isEmpty())
        lines << tr("Installed by pip at first start (needs network access): %1")
                     .arg(joined("install_at_start"));
    else if (!joined("missing").isEmpty())
        lines << tr("Missing from the image: %1").arg(joined("missing"));
    if (!lines.isEmpty())
        m_inputs->setText(m_inputs->text() + QStringLiteral("<br>")
                          + lines.join(QStringLiteral("<br>")));
    QJsonObject config, manifest;
    QString error;
    const oci::ImageStore store(m_workspace->folder(Workspace::Folder::Images));
    if (!oci::readImageConfig(store, image, &config, &manifest, &error)) {
        setError(error);
        return;
    }
    const QJsonObject c = config.value(QStringLiteral("config")).toObject();
    QStringList entrypoint, labels;
    for (const QJsonValue &v : c.value(QStringLiteral("Entrypoint")).toArray())
        entrypoint << v.toString();
    const QJsonObject labelObject = c.value(QStringLiteral("Labels")).toObject();
    for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
        labels << QString(it.key() + QLatin1Char('=') + it.value().toString()).toHtmlEscaped();
    const oci::ImageResources resources = oci::ImageResources::fromConfig(config);
    const QString cpu = resources.cpu > 0 ? QString::number(resources.cpu) : tr("no limit");
    const QString memory =
        resources.memoryBytes > 0 ? oci::memoryText(resources.memoryBytes) : tr("no limit");
    QStringList variables;
    const QJsonObject set = in.value(QStringLiteral("environment_variables")).toObject();
    for (auto it = set.begin(); it != set.end(); ++it)
        variables << QString(it.key() + QLatin1Char('=') + it.value().toString()).toHtmlEscaped();
    m_config->setText(
        tr("<b>Configuration</b><br>Port: %1 · CPU: %2 · Memory: %3<br>Environment variables: "
           "%4<br>Entrypoint: %5<br>Labels:<br>%6")
            .arg(in.value(QStringLiteral("port")).toInt())
            .arg(cpu, memory,
                 variables.isEmpty() ? tr("none") : variables.join(QStringLiteral(", ")),
                 entrypoint.join(QLatin1Char(' ')).toHtmlEscaped(),
                 labels.join(QStringLiteral("<br>"))));
    const QString file = image.name.section(QLatin1Char('/'), -1) + QLatin1Char('-') + image.tag
                         + QStringLiteral(".tar");
    m_load->setText(tr("<b>Load it</b> (export first, then load):<br><code>mlwb image export "
                       "%1 %2</code><br><code>podman load -i %2</code>")
                        .arg(title().toHtmlEscaped(), file.toHtmlEscaped()));
    showLayers(image, manifest);
}

void ImagePage::showLayers(const Image &image, const QJsonObject &manifest)
{
    m_layers->clear();
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    const QJsonArray added = image.inputs.value(QStringLiteral("added_layers")).toArray();
    const int baseCount = int(layers.size() - added.size());
    for (int i = 0; i < layers.size(); ++i) {
        const QJsonObject l = layers.at(i).toObject();
        const QString role =
            i < baseCount
                ? tr("base %1").arg(i + 1)
                : added.at(i - baseCount).toObject().value(QStringLiteral("role")).toString();
        const qint64 size = qint64(l.value(QStringLiteral("size")).toDouble());
        auto *item = new QTreeWidgetItem(m_layers, {role, QLocale().formattedDataSize(size),
                                                    l.value(QStringLiteral("digest")).toString()});
        item->setToolTip(2, item->text(2));
    }
    m_layers->resizeColumnToContents(0);
    m_layers->resizeColumnToContents(1);
}

void ImagePage::onLink(const QString &link)
{
    const QString ref = link.section(QLatin1Char(':'), 1);
    const int colon = ref.lastIndexOf(QLatin1Char(':'));
    QString error;
    const auto v =
        Models(*m_workspace).findVersion(ref.left(colon), ref.mid(colon + 1).toInt(), &error);
    if (v)
        Q_EMIT openModelVersion(v->modelId, v->id);
    else
        setError(error.isEmpty() ? tr("Model version %1 no longer exists.").arg(ref) : error);
}

void ImagePage::askExport()
{
    QString filter;
    const QString ociFilter = tr("OCI archive (*.tar)");
    const QString dockerFilter = tr("docker-archive for docker load (*.tar)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Image"),
        m_image ? m_image->name.section(QLatin1Char('/'), -1) + QLatin1Char('-') + m_image->tag
                      + QStringLiteral(".tar")
                : QString(),
        ociFilter + QStringLiteral(";;") + dockerFilter, &filter);
    if (!path.isEmpty())
        exportTo(path, filter == dockerFilter);
}

void ImagePage::exportTo(const QString &path, bool dockerArchive)
{
    const QString ref = title();
    const auto format = dockerArchive ? oci::ImageExport::Format::DockerArchive
                                      : oci::ImageExport::Format::OciArchive;
    const ImageTask::Job job = [ref, path, format](const Workspace &ws, const auto &, const auto &,
                                                   QString *result, QString *error) {
        const oci::ImageStore store(ws.folder(Workspace::Folder::Images));
        if (!oci::ImageExport::write(store, ref, format, path, error))
            return false;
        *result = QObject::tr("Wrote %1 to %2; load it with: podman load -i %2").arg(ref, path);
        return true;
    };
    auto *task = ImageTask::start(m_workspace->path(), QStringLiteral("image-export"),
                                  tr("Export image %1").arg(ref), job, this);
    connect(task, &ImageTask::succeeded, this, &ImagePage::messageLogged);
    connect(task, &ImageTask::failed, this, [this](const QString &message) {
        Q_EMIT errorLogged(message);
        setError(message);
    });
}

void ImagePage::askPush()
{
    auto *dialog = new PushDialog(title(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        pushTo(dialog->destination(), dialog->tlsVerify(), dialog->credentials());
    });
    dialog->open();
}

void ImagePage::pushTo(const QString &destination, bool tlsVerify,
                       const oci::RegistryCredentials &credentials)
{
    PushRequest request{title(), destination, tlsVerify, credentials};
    const ImageTask::Job job = [request](const Workspace &ws, const auto &progress,
                                         const auto &canceled, QString *result, QString *error) {
        PushResult pushed;
        if (!pushImage(ws, request, canceled, progress, &pushed, error))
            return false;
        *result = QObject::tr("Pushed %1 to %2: %3 blobs sent, %4 already there")
                      .arg(request.image, request.destination)
                      .arg(pushed.blobsSent)
                      .arg(pushed.blobsSkipped);
        return true;
    };
    auto *task = ImageTask::start(m_workspace->path(), QStringLiteral("image-push"),
                                  tr("Push image %1").arg(request.image), job, this);
    connect(task, &ImageTask::succeeded, this, &ImagePage::messageLogged);
    connect(task, &ImageTask::failed, this, [this](const QString &message) {
        Q_EMIT errorLogged(message);
        setError(tr("The push failed: %1").arg(message));
    });
}

void ImagePage::askDelete()
{
    if (QMessageBox::question(this, tr("Delete Image"),
                              tr("Delete %1 and the layers no other image uses?").arg(title()))
        != QMessageBox::Yes)
        return;
    QString error;
    if (!deleteImage(&error))
        QMessageBox::warning(this, tr("Delete Image"), error);
}

bool ImagePage::deleteImage(QString *error)
{
    if (!m_image) {
        *error = tr("This image no longer exists.");
        return false;
    }
    oci::ImageStore store(m_workspace->folder(Workspace::Folder::Images));
    const QString ref = title();
    // The files go under the same write lock as the row, as `mlwb image delete` does.
    if (!Images(*m_workspace)
             .remove(m_image->name, m_image->tag, error, [&store](const Image &i, QString *e) {
                 return store.remove(i.name + QLatin1Char(':') + i.tag, e);
             })) {
        setError(*error);
        return false;
    }
    Q_EMIT messageLogged(tr("Deleted image %1").arg(ref));
    Q_EMIT deleted();
    return true;
}

void ImagePage::setError(const QString &message)
{
    m_lastError = message;
    m_banner->setText(message.toHtmlEscaped());
    m_banner->setVisible(!message.isEmpty());
}

} // namespace mlwb
