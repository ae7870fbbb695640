#pragma once

#include "store/types.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace mlwb {

class KeyValueTable;
class Workspace;

/// A document tab for one model version: its aliases as badges, framework,
/// size and digest; the description, tags and properties, editable and
/// saved through the Models table class; its files with sizes; the lineage
/// (links to the run, its snapshot and metrics, or where it was uploaded
/// from); its environment; and the images and deployments that use it.
class ModelVersionPage : public QWidget
{
    Q_OBJECT
public:
    enum Page { OverviewPage, FilesPage, TagsPage };

    /// `workspace` must outlive this widget.
    ModelVersionPage(Workspace *workspace, Id modelId, Id versionId, QWidget *parent = nullptr);

    Id versionId() const { return m_versionId; }
    /// "credit-risk:2"
    QString title() const;
    const std::optional<ModelVersion> &version() const { return m_version; }
    QTabWidget *pages() const { return m_tabs; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    /// Re-reads the version; an unsaved description edit is kept.
    void refresh();
    void saveDescription();

Q_SIGNALS:
    /// A lineage link: the run, on one of its RunDetails pages.
    void openRun(mlwb::Id runId, int page);
    void openEnvironment(mlwb::Id environmentId, mlwb::Id versionId);
    /// "Build Image…": start the Build Image wizard with this version ticked.
    void buildImageRequested(mlwb::Id versionId);

private:
    QWidget *createOverview();
    QWidget *createTagsPage();
    void showHeader(const ModelVersion &v);
    void showFiles(const ModelVersion &v);
    void showLineage(const ModelVersion &v);
    void showUsers(const ModelVersion &v);
    void saveTags();
    void saveProperties();
    void onLink(const QString &link);
    void setError(const QString &message);

    Workspace *m_workspace;
    Id m_modelId, m_versionId;
    std::optional<ModelVersion> m_version;
    QString m_lastError;
    QLabel *m_title;
    QLabel *m_badges;
    QLabel *m_facts;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_description;
    QPushButton *m_saveDescription;
    QLabel *m_lineage;
    QLabel *m_environment;
    QLabel *m_users;
    QTreeWidget *m_files;
    KeyValueTable *m_tags;
    KeyValueTable *m_properties;
};

} // namespace mlwb
