#include "serving/servesbox.h"

#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mlwb {

namespace {
const int IdRole = Qt::UserRole + 1;
}

ServesBox::ServesBox(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_serveModels(new QRadioButton(tr("&Model versions with a scoring script"), this))
    , m_serveImage(new QRadioButton(tr("An &image version"), this))
    , m_image(new QComboBox(this))
    , m_models(new QListWidget(this))
    , m_script(new QLineEdit(this))
    , m_environment(new QComboBox(this))
{
    m_serveModels->setChecked(true);
    m_serveImage->setObjectName(QStringLiteral("servesImage"));
    m_image->setObjectName(QStringLiteral("servesImageVersion"));
    m_environment->setObjectName(QStringLiteral("servesEnvironment"));
    m_models->setObjectName(QStringLiteral("deployModels"));
    m_models->setMaximumHeight(110);
    m_script->setObjectName(QStringLiteral("deployScript"));
    m_script->setPlaceholderText(tr("score.py with init() and run(raw_data)"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Scoring Script"), QString(),
                                                          tr("Python files (*.py)"));
        if (!path.isEmpty())
            m_script->setText(path);
    });
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_script, 1);
    scriptRow->addWidget(browse);
    auto *modelsBox = new QWidget(this); // greyed out while an image is chosen
    auto *inner = new QFormLayout(modelsBox);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addRow(tr("Models:"), m_models);
    inner->addRow(tr("Scoring script:"), scriptRow);
    inner->addRow(tr("&Environment:"), m_environment);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_serveModels);
    layout->addWidget(modelsBox);
    connect(m_serveModels, &QRadioButton::toggled, modelsBox, &QWidget::setEnabled);
    layout->addWidget(m_serveImage);
    layout->addWidget(m_image);
    connect(m_serveImage, &QRadioButton::toggled, m_image, &QWidget::setEnabled);
    connect(m_serveImage, &QRadioButton::toggled, this, &ServesBox::servesImageChanged);
    m_image->setEnabled(false);
    fillModels();
    fillEnvironments();
    fillImages();
}

void ServesBox::fillModels()
{
    QString error;
    const QList<Model> models = Models(m_workspace).list(&error);
    for (const Model &m : models) {
        const QList<ModelVersion> versions = Models(m_workspace).versions(m.id, &error);
        for (const ModelVersion &v : versions) {
            auto *item = new QListWidgetItem(
                QStringLiteral("%1:%2").arg(v.modelName).arg(v.version), m_models);
            item->setData(IdRole, v.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    if (m_models->count() == 0)
        m_models->addItem(tr("No model is registered: register one from a run first."));
}

void ServesBox::fillEnvironments()
{
    m_environment->addItem(tr("None (/usr/bin/python3)"), 0);
    QString error;
    const QList<Environment> environments = Environments(m_workspace).list(&error);
    for (const Environment &e : environments) {
        const QList<EnvironmentVersion> versions = Environments(m_workspace).versions(e.id, &error);
        for (const EnvironmentVersion &v : versions)
            m_environment->addItem(QStringLiteral("%1:%2").arg(e.name).arg(v.version), v.id);
    }
}

void ServesBox::fillImages()
{
    QString error;
    const QList<Image> images = Images(m_workspace).list(&error);
    for (const Image &i : images)
        if (i.status == QLatin1String("Succeeded"))
            m_image->addItem(QStringLiteral("%1:%2").arg(i.name, i.tag), i.id);
    if (m_image->count() == 0) {
        m_image->addItem(tr("No image is built yet"));
        m_serveImage->setEnabled(false);
    }
}

QString ServesBox::selectModelVersions(const QList<Id> &versionIds)
{
    QString first;
    for (int row = 0; row < m_models->count(); ++row) {
        QListWidgetItem *item = m_models->item(row);
        const bool chosen = versionIds.contains(item->data(IdRole).toLongLong());
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        if (chosen && first.isEmpty())
            first = item->text();
    }
    return first;
}

bool ServesBox::selectImage(const QString &imageRef)
{
    const int index = m_image->findText(imageRef);
    if (index < 0 || !m_serveImage->isEnabled())
        return false;
    m_image->setCurrentIndex(index);
    m_serveImage->setChecked(true);
    QString error;
    if (const auto image = Images(m_workspace).find(m_image->currentData().toLongLong(), &error)) {
        selectModelVersions(image->modelVersionIds);
        setEnvironmentVersion(image->environmentVersionId);
    }
    return true;
}

void ServesBox::setScoringScript(const QString &path)
{
    m_script->setText(path);
}

void ServesBox::setEnvironmentVersion(Id versionId)
{
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(versionId)));
}

void ServesBox::selectServed(const Deployment &deployment)
{
    selectModelVersions(deployment.modelVersionIds);
    setScoringScript(deployment.scoringScript);
    setEnvironmentVersion(deployment.environmentVersionId);
    if (deployment.imageId > 0) {
        const int index = m_image->findData(deployment.imageId);
        if (index >= 0 && selectImage(m_image->itemText(index)))
            return;
    }
    m_serveModels->setChecked(true);
}

bool ServesBox::servesImage() const
{
    return m_serveImage->isChecked();
}

bool ServesBox::fill(DeployRequest *out, QString *error) const
{
    DeployRequest r = *out;
    r.image.reset();
    r.models.clear();
    r.environment.reset();
    r.scoringScript.clear();
    if (m_serveImage->isChecked()) {
        r.image = Images(m_workspace).find(m_image->currentData().toLongLong(), error);
        if (!r.image) {
            if (error->isEmpty())
                *error = tr("Choose an image version to serve.");
            return false;
        }
        *out = r;
        return true;
    }
    QString ignored;
    for (int row = 0; row < m_models->count(); ++row) {
        const QListWidgetItem *item = m_models->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        AssetRef ref;
        if (AssetRef::parse(item->text(), &ref, &ignored))
            if (const auto v = Models(m_workspace).find(ref, error))
                r.models << *v;
    }
    r.scoringScript = m_script->text().trimmed();
    if (r.scoringScript.isEmpty()) {
        *error = tr("Choose the scoring script: a Python file with init() and run(raw_data).");
        return false;
    }
    r.scoringScript = QDir::current().absoluteFilePath(r.scoringScript);
    if (const Id env = m_environment->currentData().toLongLong(); env > 0)
        r.environment = Environments(m_workspace).versionById(env, error);
    *out = r;
    return true;
}

} // namespace mlwb
