#include "window/documentarea.h"

#include "charts/comparisontab.h"
#include "editor/editorarea.h"
#include "editor/scripteditor.h"
#include "images/imagepage.h"
#include "registry/environmentpage.h"
#include "registry/modelversionpage.h"
#include "registry/versioncomparison.h"
#include "runs/rundetails.h"
#include "runs/runstableview.h"
#include "serving/deploymentpage.h"
#include "serving/endpointpage.h"

#include <QMessageBox>

#include <QTabBar>

namespace mlwb {

DocumentArea::DocumentArea(QWidget *welcome, EditorArea *editor, QWidget *parent)
    : QTabWidget(parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("documentTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    addTab(welcome, tr("Welcome"));
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the welcome page stays
    m_editor->hide();
    connect(this, &QTabWidget::tabCloseRequested, this, &DocumentArea::closeDocument);
}

void DocumentArea::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    const QList<QWidget *> tabs = m_runTabs.values() + m_assetTabs.values();
    m_runTabs.clear();
    m_assetTabs.clear();
    for (QWidget *tab : tabs) {
        removeTab(indexOf(tab));
        tab->deleteLater();
    }
}

void DocumentArea::openRun(Id runId)
{
    if (QWidget *tab = m_runTabs.value(runId)) {
        setCurrentWidget(tab);
        return;
    }
    if (!m_workspace)
        return;
    auto *details = new RunDetails(m_workspace, runId, this);
    m_runTabs.insert(runId, details);
    const int index = addTab(details, details->title());
    setCurrentIndex(index);
    connect(details, &RunDetails::titleChanged, this,
            [this, details](const QString &title) { setTabText(indexOf(details), title); });
    connect(details, &RunDetails::openRun, this, &DocumentArea::openRun);
    connect(details, &RunDetails::registerModelRequested, this,
            &DocumentArea::registerModelRequested);
    // Snapshot files open read-only in an editor tab of their own.
    connect(details, &RunDetails::openReadOnly, this,
            [this](const QString &title, const QByteArray &content) {
                auto *viewer = new ScriptEditor(this);
                viewer->showReadOnly(title, content);
                addDocument(viewer, tr("%1 (read-only)").arg(title));
            });
}

void DocumentArea::openRunPage(Id runId, int page)
{
    openRun(runId);
    if (auto *details = qobject_cast<RunDetails *>(m_runTabs.value(runId)))
        details->pages()->setCurrentIndex(page);
}

bool DocumentArea::showAssetTab(const QString &key)
{
    QWidget *tab = m_assetTabs.value(key);
    if (tab)
        setCurrentWidget(tab);
    return tab != nullptr;
}

void DocumentArea::openModelVersion(Id modelId, Id versionId)
{
    const QString key = QStringLiteral("model:%1").arg(versionId);
    if (!m_workspace || showAssetTab(key))
        return;
    auto *page = new ModelVersionPage(m_workspace, modelId, versionId, this);
    m_assetTabs.insert(key, page);
    connect(page, &ModelVersionPage::openRun, this, &DocumentArea::openRunPage);
    connect(page, &ModelVersionPage::openEnvironment, this, &DocumentArea::openEnvironment);
    connect(page, &ModelVersionPage::buildImageRequested, this, &DocumentArea::buildImageRequested);
    addDocument(page, page->title());
}

void DocumentArea::openImage(Id imageId)
{
    const QString key = QStringLiteral("image:%1").arg(imageId);
    if (!m_workspace || showAssetTab(key))
        return;
    auto *page = new ImagePage(m_workspace, imageId, this);
    m_assetTabs.insert(key, page);
    connect(page, &ImagePage::openModelVersion, this, &DocumentArea::openModelVersion);
    connect(page, &ImagePage::deployRequested, this, &DocumentArea::deployRequested);
    connect(page, &ImagePage::messageLogged, this, &DocumentArea::messageLogged);
    connect(page, &ImagePage::errorLogged, this, &DocumentArea::errorLogged);
    connect(page, &ImagePage::deleted, this, [this, page] {
        if (indexOf(page) >= 0)
            closeDocument(indexOf(page));
    });
    addDocument(page, page->title());
}

void DocumentArea::openEnvironment(Id environmentId, Id versionId)
{
    const QString key = QStringLiteral("environment:%1").arg(versionId);
    if (!m_workspace || showAssetTab(key))
        return;
    auto *page = new EnvironmentPage(m_workspace, environmentId, versionId, this);
    m_assetTabs.insert(key, page);
    addDocument(page, page->title());
}

void DocumentArea::openDeployment(Id deploymentId)
{
    const QString key = QStringLiteral("deployment:%1").arg(deploymentId);
    if (!m_workspace || showAssetTab(key))
        return;
    auto *page = new DeploymentPage(m_workspace, deploymentId, this);
    m_assetTabs.insert(key, page);
    connect(page, &DeploymentPage::openModelVersion, this, &DocumentArea::openModelVersion);
    connect(page, &DeploymentPage::openEnvironment, this, &DocumentArea::openEnvironment);
    connect(page, &DeploymentPage::openImage, this, &DocumentArea::openImageRequested);
    connect(page, &DeploymentPage::deleted, this, [this, page] { closeDocument(indexOf(page)); });
    addDocument(page, page->title());
}

void DocumentArea::openEndpoint(Id endpointId)
{
    const QString key = QStringLiteral("endpoint:%1").arg(endpointId);
    if (!m_workspace || showAssetTab(key))
        return;
    auto *page = new EndpointPage(m_workspace, endpointId, this);
    m_assetTabs.insert(key, page);
    connect(page, &EndpointPage::deleted, this, [this, page] { closeDocument(indexOf(page)); });
    addDocument(page, page->title());
}

void DocumentArea::openVersionComparison(const QList<ModelVersion> &versions)
{
    if (!m_workspace)
        return;
    auto *comparison = new VersionComparison(*m_workspace, this);
    QString error;
    if (!comparison->setVersions(versions, &error)) {
        delete comparison;
        QMessageBox::warning(this, tr("Compare Versions"), error);
        return;
    }
    connect(comparison, &VersionComparison::compareRequested, this, &DocumentArea::openComparison);
    connect(comparison, &VersionComparison::openRunRequested, this, &DocumentArea::openRun);
    addDocument(comparison, comparison->title());
}

void DocumentArea::showEditor(const QString &projectDir)
{
    if (indexOf(m_editor) < 0)
        insertTab(1, m_editor, tr("Editor"));
    setCurrentWidget(m_editor);
    if (!projectDir.isEmpty() && projectDir != m_editor->projectDir())
        m_editor->openFolder(projectDir);
}

void DocumentArea::openRunsTable(Id experimentId, const QString &title)
{
    if (!m_workspace)
        return;
    auto *table = new RunsTableView(*m_workspace, this);
    QString error;
    if (!table->setExperiment(experimentId, &error)) {
        delete table;
        QMessageBox::warning(this, tr("Runs"), error);
        return;
    }
    connect(table, &RunsTableView::compareRequested, this, &DocumentArea::openComparison);
    connect(table, &RunsTableView::openRunRequested, this, &DocumentArea::openRun);
    connect(table, &RunsTableView::registerModelRequested, this,
            [this](Id runId) { Q_EMIT registerModelRequested(runId, QString()); });
    addDocument(table, title);
}

void DocumentArea::openComparison(const QList<Id> &runIds)
{
    if (!m_workspace)
        return;
    auto *chart = new ComparisonTab(*m_workspace, this);
    QString error;
    if (!chart->setComparison(runIds, {}, &error)) {
        delete chart;
        QMessageBox::warning(this, tr("Compare Runs"), error);
        return;
    }
    addDocument(chart, tr("Compare %n run(s)", nullptr, int(runIds.size())));
}

void DocumentArea::addDocument(QWidget *document, const QString &title)
{
    setCurrentIndex(addTab(document, title));
}

void DocumentArea::closeDocument(int index)
{
    QWidget *document = widget(index);
    if (document == m_editor) {
        if (m_editor->maybeSaveAll())
            removeTab(index); // the editor lives on, hidden, with its project
        return;
    }
    for (auto it = m_runTabs.begin(); it != m_runTabs.end(); ++it) {
        if (it.value() == document) {
            m_runTabs.erase(it);
            break;
        }
    }
    for (auto it = m_assetTabs.begin(); it != m_assetTabs.end(); ++it) {
        if (it.value() == document) {
            m_assetTabs.erase(it);
            break;
        }
    }
    removeTab(index);
    document->deleteLater();
}

} // namespace mlwb
