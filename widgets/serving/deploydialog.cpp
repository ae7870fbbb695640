#include "serving/deploydialog.h"

#include "serving/deploytask.h"
#include "serving/workspacejob.h"
#include "store/computetargets.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

namespace mlwb {

namespace {
const int IdRole = Qt::UserRole + 1;
}

DeployDialog::DeployDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_name(new QLineEdit(this))
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
    form->addRow(tr("Serves:"), createServes());
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
    fillModels();
    fillEnvironments();
    fillTargets();
    fillImages();
    connect(m_target, &QComboBox::currentIndexChanged, this, &DeployDialog::updateNote);
    connect(m_serveImage, &QRadioButton::toggled, this, &DeployDialog::updateNote);
    updateNote();
    resize(600, 480);
}

QWidget *DeployDialog::createServes()
{
    auto *box = new QWidget(this);
    m_serveModels = new QRadioButton(tr("&Model versions with a scoring script"), box);
    m_serveImage = new QRadioButton(tr("An &image version"), box);
    m_serveModels->setChecked(true);
    m_image = new QComboBox(box);
    m_models = new QListWidget(box);
    m_models->setObjectName(QStringLiteral("deployModels"));
    m_models->setMaximumHeight(110);
    m_script = new QLineEdit(box);
    m_script->setObjectName(QStringLiteral("deployScript"));
    m_script->setPlaceholderText(tr("score.py with init() and run(raw_data)"));
    auto *browse = new QPushButton(tr("&Browse…"), box);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Scoring Script"), QString(),
                                                          tr("Python files (*.py)"));
        if (!path.isEmpty())
            m_script->setText(path);
    });
    m_environment = new QComboBox(box);
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_script, 1);
    scriptRow->addWidget(browse);
    auto *modelsBox = new QWidget(box); // greyed out while an image is chosen
    auto *inner = new QFormLayout(modelsBox);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addRow(tr("Models:"), m_models);
    inner->addRow(tr("Scoring script:"), scriptRow);
    inner->addRow(tr("&Environment:"), m_environment);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_serveModels);
    layout->addWidget(modelsBox);
    connect(m_serveModels, &QRadioButton::toggled, modelsBox, &QWidget::setEnabled);
    layout->addWidget(m_serveImage);
    layout->addWidget(m_image);
    connect(m_serveImage, &QRadioButton::toggled, m_image, &QWidget::setEnabled);
    m_image->setEnabled(false);
    return box;
}

void DeployDialog::fillModels()
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

void DeployDialog::fillEnvironments()
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

void DeployDialog::fillImages()
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

void DeployDialog::selectModelVersions(const QList<Id> &versionIds)
{
    for (int row = 0; row < m_models->count(); ++row) {
        QListWidgetItem *item = m_models->item(row);
        const bool chosen = versionIds.contains(item->data(IdRole).toLongLong());
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        if (chosen && m_name->text().isEmpty())
            m_name->setText(item->text().section(QLatin1Char(':'), 0, 0)
                            + QStringLiteral("-service"));
    }
}

void DeployDialog::selectImage(const QString &imageRef)
{
    const int index = m_image->findText(imageRef);
    if (index < 0)
        return;
    m_image->setCurrentIndex(index);
    m_serveImage->setChecked(true);
    QString error;
    if (const auto image = Images(m_workspace).find(m_image->currentData().toLongLong(), &error)) {
        selectModelVersions(image->modelVersionIds);
        const int env = m_environment->findData(image->environmentVersionId);
        if (env > 0)
            m_environment->setCurrentIndex(env);
    }
}

void DeployDialog::setScoringScript(const QString &path)
{
    m_script->setText(path);
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
    if (m_serveImage->isChecked())
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
