#include "registry/modelversionpage.h"

#include "registry/keyvaluetable.h"
#include "registry/modelregistry.h"
#include "runs/rundetails.h"
#include "store/changewatcher.h"
#include "store/deployments.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

QLabel *richLabel(const char *name)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

QString link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(href, text.toHtmlEscaped());
}

} // namespace

ModelVersionPage::ModelVersionPage(Workspace *workspace, Id modelId, Id versionId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_modelId(modelId)
    , m_versionId(versionId)
    , m_title(new QLabel)
    , m_badges(richLabel("versionBadges"))
    , m_facts(new QLabel)
    , m_banner(new QLabel)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("modelVersionPage"));
    m_title->setObjectName(QStringLiteral("versionTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_facts->setObjectName(QStringLiteral("versionFacts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("versionError"));
    m_banner->setStyleSheet(QStringLiteral("color: #b00020"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_files = new QTreeWidget;
    m_files->setObjectName(QStringLiteral("versionFiles"));
    m_files->setRootIsDecorated(false);
    m_files->setHeaderLabels({tr("File"), tr("Size"), tr("SHA-256")});
    m_files->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(createOverview(), tr("Overview"));
    m_tabs->addTab(m_files, tr("Files"));
    m_tabs->addTab(createTagsPage(), tr("Tags and properties"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_badges);
    header->addStretch(1);
    auto *buildImage = new QPushButton(tr("Build &Image…"));
    buildImage->setObjectName(QStringLiteral("buildImageFromVersion"));
    connect(buildImage, &QPushButton::clicked, this,
            [this] { Q_EMIT buildImageRequested(m_versionId); });
    header->addWidget(buildImage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_facts);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    refresh();
    // Aliases moved, tags set or an image built by any program show up here.
    auto *watcher = new ChangeWatcher(workspace->databasePath(), this);
    connect(watcher, &ChangeWatcher::changed, this, [this](const QStringList &topics) {
        static const QStringList ours{QStringLiteral("models"), QStringLiteral("images"),
                                      QStringLiteral("deployments"),
                                      QStringLiteral("environments")};
        if (std::any_of(topics.begin(), topics.end(),
                        [](const QString &t) { return ours.contains(t); }))
            refresh();
    });
    watcher->start();
}

QWidget *ModelVersionPage::createOverview()
{
    auto *page = new QWidget;
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("versionDescription"));
    m_description->setPlaceholderText(
        tr("What this version is, how it was trained, what it is for"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 5 + 12);
    m_saveDescription = new QPushButton(tr("Save Description"));
    m_saveDescription->setObjectName(QStringLiteral("saveDescription"));
    m_saveDescription->setEnabled(false);
    m_lineage = richLabel("versionLineage");
    m_environment = richLabel("versionEnvironment");
    m_users = richLabel("versionUsers");
    for (QLabel *label : {m_lineage, m_environment, m_users})
        connect(label, &QLabel::linkActivated, this, &ModelVersionPage::onLink);
    auto *save = new QHBoxLayout;
    save->addStretch(1);
    save->addWidget(m_saveDescription);
    auto *outer = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1); // rows keep their height; the space goes below them
    form->addRow(tr("Description:"), m_description);
    form->addRow(save);
    form->addRow(tr("Lineage:"), m_lineage);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Used by:"), m_users);
    connect(m_description, &QPlainTextEdit::modificationChanged, m_saveDescription,
            &QPushButton::setEnabled);
    connect(m_saveDescription, &QPushButton::clicked, this, &ModelVersionPage::saveDescription);
    return page;
}

QWidget *ModelVersionPage::createTagsPage()
{
    auto *page = new QWidget;
    m_tags = new KeyValueTable(QStringLiteral("versionTags"));
    m_properties = new KeyValueTable(QStringLiteral("versionProperties"));
    auto *layout = new QHBoxLayout(page);
    for (auto [title, table] : {std::pair{tr("Tags"), m_tags}, {tr("Properties"), m_properties}}) {
        auto *column = new QVBoxLayout;
        column->addWidget(new QLabel(title));
        column->addWidget(table, 1);
        layout->addLayout(column, 1);
    }
    connect(m_tags, &KeyValueTable::edited, this, &ModelVersionPage::saveTags);
    connect(m_properties, &KeyValueTable::edited, this, &ModelVersionPage::saveProperties);
    return page;
}

QString ModelVersionPage::title() const
{
    return m_version ? QStringLiteral("%1:%2").arg(m_version->modelName).arg(m_version->version)
                     : tr("Model version");
}

void ModelVersionPage::refresh()
{
    QString error;
    m_version.reset();
    const QList<ModelVersion> versions = Models(*m_workspace).versions(m_modelId, &error);
    for (const ModelVersion &v : versions)
        if (v.id == m_versionId)
            m_version = v;
    if (!m_version) {
        setError(error.isEmpty() ? tr("This model version no longer exists.") : error);
        return;
    }
    setError(QString());
    showHeader(*m_version);
    if (!m_description->document()->isModified())
        m_description->setPlainText(m_version->description);
    // A cell being typed in keeps its text; it is saved when it is done.
    if (!m_tags->isEditing())
        m_tags->setMap(m_version->tags);
    if (!m_properties->isEditing())
        m_properties->setMap(m_version->properties);
    showFiles(*m_version);
    showLineage(*m_version);
    showUsers(*m_version);
}

void ModelVersionPage::showHeader(const ModelVersion &v)
{
    m_title->setText(tr("%1 · version %2").arg(v.modelName).arg(v.version));
    QStringList badges;
    for (const QString &alias : v.aliases)
        badges << QStringLiteral("<span style=\"background-color:#1565c0; color:white\">"
                                 "&nbsp;%1&nbsp;</span>")
                      .arg(alias.toHtmlEscaped());
    m_badges->setText(badges.join(QLatin1Char(' ')));
    const QString when = QLocale().toString(v.createdAt.toLocalTime(), QLocale::ShortFormat);
    m_facts->setText(tr("%1 · %2 · registered by %3 on %4 · sha256 %5")
                         .arg(v.framework.isEmpty() ? tr("custom") : v.framework,
                              QLocale().formattedDataSize(v.size), v.createdBy, when, v.sha256));
}

void ModelVersionPage::showFiles(const ModelVersion &v)
{
    m_files->clear();
    QString error;
    const auto manifest = ModelRegistry(*m_workspace).files(v, &error);
    if (!manifest) {
        setError(tr("The files of this version cannot be read: %1").arg(error));
        return;
    }
    for (const ManifestEntry &e : manifest->entries) {
        auto *item =
            new QTreeWidgetItem(m_files, {e.path, QLocale().formattedDataSize(e.size), e.sha256});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tabs->setTabText(FilesPage, tr("Files (%1)").arg(manifest->entries.size()));
}

void ModelVersionPage::showLineage(const ModelVersion &v)
{
    QString error;
    const Lineage lineage = ModelRegistry(*m_workspace).lineage(v, &error);
    if (v.runId == 0) {
        m_lineage->setText(
            tr("Uploaded from %1")
                .arg(QDir::toNativeSeparators(lineage.uploadedFrom).toHtmlEscaped()));
    } else if (lineage.runUid.isEmpty()) {
        m_lineage->setText(
            tr("Run %1, which cannot be read: %2").arg(v.runId).arg(error.toHtmlEscaped()));
    } else {
        const QString run = QString::number(v.runId);
        QStringList parts{
            tr("Run %1 of experiment %2, file %3")
                .arg(link(QStringLiteral("run:%1:%2").arg(run).arg(RunDetails::OverviewPage),
                          lineage.runUid),
                     lineage.experiment.toHtmlEscaped(), lineage.outputPath.toHtmlEscaped()),
            lineage.snapshotSha256.isEmpty()
                ? tr("no snapshot")
                : link(QStringLiteral("run:%1:%2").arg(run).arg(RunDetails::SnapshotPage),
                       tr("snapshot %1").arg(lineage.snapshotSha256.left(12))),
            link(QStringLiteral("run:%1:%2").arg(run).arg(RunDetails::MetricsPage), tr("metrics"))};
        m_lineage->setText(parts.join(QStringLiteral(" · ")));
    }
    const auto environment =
        v.environmentVersionId == 0
            ? std::nullopt
            : Environments(*m_workspace).versionById(v.environmentVersionId, &error);
    m_environment->setText(environment ? link(QStringLiteral("environment:%1:%2")
                                                  .arg(environment->environmentId)
                                                  .arg(environment->id),
                                              QStringLiteral("%1:%2 (Python %3)")
                                                  .arg(environment->environmentName)
                                                  .arg(environment->version)
                                                  .arg(environment->python))
                                       : tr("None recorded"));
}

// Images built from the version, and the deployments serving those images.
void ModelVersionPage::showUsers(const ModelVersion &v)
{
    QString error;
    QStringList users;
    QList<Id> imageIds;
    for (const Image &image : Images(*m_workspace).list(&error)) {
        if (!image.modelVersionIds.contains(v.id))
            continue;
        imageIds << image.id;
        users << tr("image %1")
                     .arg(QString(image.name + QLatin1Char(':') + image.tag).toHtmlEscaped());
    }
    for (const Deployment &d : Deployments(*m_workspace).list(&error))
        if (imageIds.contains(d.imageId))
            users << tr("deployment %1 (%2)").arg(d.name.toHtmlEscaped(), d.status.toHtmlEscaped());
    if (!error.isEmpty())
        users << tr("(the images and deployments cannot be read: %1)").arg(error.toHtmlEscaped());
    m_users->setText(users.isEmpty() ? tr("No image or deployment uses this version yet.")
                                     : users.join(QStringLiteral("<br>")));
}

void ModelVersionPage::saveDescription()
{
    if (!m_version)
        return;
    QString error;
    if (!Models(*m_workspace)
             .setDescription(m_version->modelName, m_version->version,
                             m_description->toPlainText().trimmed(), &error))
        return setError(tr("The description was not saved: %1").arg(error));
    m_description->document()->setModified(false);
    refresh();
}

void ModelVersionPage::saveTags()
{
    if (!m_version)
        return;
    const QMap<QString, QString> tags = m_tags->map();
    QStringList removed;
    for (auto it = m_version->tags.cbegin(); it != m_version->tags.cend(); ++it)
        if (!tags.contains(it.key()))
            removed << it.key();
    QString error;
    if (!Models(*m_workspace)
             .assets()
             .updateTags(m_version->modelName, m_version->version, tags, removed, &error))
        return setError(tr("The tags were not saved: %1").arg(error));
    m_version->tags = tags;
}

void ModelVersionPage::saveProperties()
{
    if (!m_version)
        return;
    QString error;
    if (!Models(*m_workspace)
             .setProperties(m_version->modelName, m_version->version, m_properties->map(), &error))
        return setError(tr("The properties were not saved: %1").arg(error));
    m_version->properties = m_properties->map();
}

void ModelVersionPage::onLink(const QString &link)
{
    const QStringList parts = link.split(QLatin1Char(':'));
    if (parts.value(0) == QLatin1String("run"))
        Q_EMIT openRun(parts.value(1).toLongLong(), parts.value(2).toInt());
    else if (parts.value(0) == QLatin1String("environment"))
        Q_EMIT openEnvironment(parts.value(1).toLongLong(), parts.value(2).toLongLong());
}

void ModelVersionPage::setError(const QString &message)
{
    m_lastError = message;
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

} // namespace mlwb
