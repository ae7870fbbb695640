#pragma once

#include "store/types.h"

#include <QHash>
#include <QTabWidget>

namespace mlwb {

class EditorArea;
class Workspace;

/// The documents in the middle of the window: the welcome page, the script
/// editor, one tab per opened run, and comparison charts. A run's tab is
/// opened once and shown again when asked for again.
class DocumentArea : public QTabWidget
{
    Q_OBJECT
public:
    DocumentArea(QWidget *welcome, EditorArea *editor, QWidget *parent = nullptr);

    /// Points run tabs at another workspace; their old tabs close.
    void setWorkspace(Workspace *workspace);
    /// Shows the run's details tab, opening it when needed.
    void openRun(Id runId);
    /// Shows the editor tab, opening `projectDir` in it when given.
    void showEditor(const QString &projectDir = QString());
    /// Shows the run's details tab on one of its pages (RunDetails::Page).
    void openRunPage(Id runId, int page);
    /// Shows a model version's page, opening it when needed.
    void openModelVersion(Id modelId, Id versionId);
    /// Shows an environment version's page, opening it when needed.
    void openEnvironment(Id environmentId, Id versionId);
    /// Shows a deployment's page, opening it when needed.
    void openDeployment(Id deploymentId);
    void openEndpoint(Id endpointId);
    /// Opens the source runs of versions of one model side by side.
    /// Shows a built image's page (ImagePage).
    void openImage(Id imageId);
    void openVersionComparison(const QList<ModelVersion> &versions);
    /// Opens a runs table for an experiment (0: every experiment); its
    /// Compare button opens a chart of the selected runs.
    void openRunsTable(Id experimentId, const QString &title);
    /// Opens a chart tab comparing the runs' metrics.
    void openComparison(const QList<Id> &runIds);
    /// Adds any document (a chart, a comparison) as a closable tab.
    void addDocument(QWidget *document, const QString &title);
    int runTabCount() const { return int(m_runTabs.size()); }

Q_SIGNALS:
    /// "Register Model…" in a runs table or a run's outputs ("" or "outputs/REL").
    void registerModelRequested(mlwb::Id runId, const QString &outputPath);
    /// "Build Image…" on a model version's page.
    void buildImageRequested(mlwb::Id modelVersionId);
    /// "Deploy…" on an image's page ("NAME:VERSION").
    void deployRequested(const QString &imageRef);
    /// An image page's export, push or delete has something to say.
    void messageLogged(const QString &message);
    void errorLogged(const QString &message);
    /// An image link on a deployment's page.
    void openImageRequested(mlwb::Id imageId);

private:
    void closeDocument(int index);
    bool showAssetTab(const QString &key);

    Workspace *m_workspace = nullptr;
    EditorArea *m_editor;
    QHash<Id, QWidget *> m_runTabs;
    QHash<QString, QWidget *> m_assetTabs; // "model:ID", "environment:ID", "image:ID"
};

} // namespace mlwb
