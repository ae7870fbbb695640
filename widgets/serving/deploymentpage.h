#pragma once

#include "store/types.h"

#include <QJsonObject>
#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace mlwb {

class LogView;
class RequestHistory;
class ScoringConsole;
class ServiceKeysBox;
class ServiceTelemetry;
class Workspace;

/// A document tab for one deployment: its state and why, what it serves,
/// where, its scoring URI and keys; then tabs for the test console (with
/// the history of requests), the OpenAPI document, live telemetry and the
/// server's log. Stop, Start and Delete go through the Deployer, as
/// `mlwb service stop|start|delete` do.
class DeploymentPage : public QWidget
{
    Q_OBJECT
public:
    /// A stored state (Healthy, Unhealthy, ...) in the user's language.
    static QString stateName(const QString &status);
    /// `text` on the colour of a stored state, as the page's badge shows it.
    static QString stateBadge(const QString &status, const QString &text);
    enum Page { ConsolePage, OpenApiPage, TelemetryPage, LogPage };

    /// `workspace` must outlive this widget.
    DeploymentPage(Workspace *workspace, Id deploymentId, QWidget *parent = nullptr);
    ~DeploymentPage() override;

    Id deploymentId() const { return m_id; }
    QString title() const;
    const std::optional<Deployment> &deployment() const { return m_deployment; }
    QTabWidget *pages() const { return m_tabs; }
    ScoringConsole *console() const { return m_console; }
    RequestHistory *history() const { return m_history; }
    ServiceTelemetry *telemetry() const { return m_telemetry; }
    ServiceKeysBox *keys() const { return m_keys; }
    QString stateText() const;
    QString openApiText() const;
    QString lastError() const { return m_lastError; }
    /// How often the record is re-read, in ms.
    void setRefreshInterval(int ms) { m_refresh.setInterval(ms); }

public Q_SLOTS:
    /// Re-reads the deployment's record and shows its state.
    void refresh();
    /// Fetches /swagger.json again.
    void reloadOpenApi();
    /// Without asking (the buttons ask where it matters).
    bool stop();
    bool start();
    bool remove();
    /// Opens the Update dialog (not modal); the page shows what it serves once done.
    void showUpdateDialog();

Q_SIGNALS:
    void openModelVersion(mlwb::Id modelId, mlwb::Id versionId);
    void openEnvironment(mlwb::Id environmentId, mlwb::Id versionId);
    void openImage(mlwb::Id imageId);
    /// The deployment was deleted: the tab should close.
    void deleted();

private:
    QWidget *createHeader();
    QWidget *createConsolePage();
    QWidget *createOpenApiPage();
    void showState(const Deployment &d);
    void showFacts(const Deployment &d);
    void onLink(const QString &link);
    void confirmStop();
    void confirmDelete();
    void setError(const QString &message);

    Workspace *m_workspace;
    Id m_id;
    std::optional<Deployment> m_deployment;
    QString m_lastError;
    QString m_shownState;
    QTimer m_refresh;
    QNetworkAccessManager *m_network;
    bool m_openApiLoaded = false;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_facts;
    QLabel *m_uri;
    QLabel *m_banner;
    QLabel *m_logTail; // the log's last lines while Unhealthy or Failed
    QPushButton *m_update;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_delete;
    ServiceKeysBox *m_keys = nullptr;
    QTabWidget *m_tabs;
    ScoringConsole *m_console;
    RequestHistory *m_history;
    ServiceTelemetry *m_telemetry;
    LogView *m_log;
    QPlainTextEdit *m_openApi;
    QLabel *m_openApiSummary;
};

} // namespace mlwb
