#pragma once

#include "store/endpoints.h"

#include <QHash>
#include <QTimer>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace mlwb {

class EndpointTraffic;
class RequestHistory;
class ScoringConsole;
class ServiceKeysBox;
class ServiceTelemetry;
class Workspace;

/// A document tab for one endpoint (Azure ML v2 online endpoint): its
/// state, stable scoring URI and keys; its traffic split, editable, with
/// what the proxy counted per deployment, refreshed every second; a test
/// console that can pin a request to one deployment; and each deployment's
/// live telemetry, read from its own /metrics. Apply and
/// Delete go through the EndpointDeployer, as `mlwb endpoint traffic` and
/// `mlwb endpoint delete` do, off the GUI thread.
class EndpointPage : public QWidget
{
    Q_OBJECT
public:
    /// `workspace` must outlive this widget.
    EndpointPage(Workspace *workspace, Id endpointId, QWidget *parent = nullptr);
    ~EndpointPage() override;

    QString title() const;
    const std::optional<Endpoint> &endpoint() const { return m_endpoint; }
    EndpointTraffic *traffic() const { return m_traffic; }
    ScoringConsole *console() const { return m_console; }
    RequestHistory *history() const { return m_history; }
    QComboBox *pin() const { return m_pin; }
    enum Page { ConsolePage, TelemetryPage };
    QTabWidget *pages() const { return m_pages; }
    /// Which deployment's telemetry is shown.
    QComboBox *telemetryChoice() const { return m_telemetryChoice; }
    /// The telemetry of a deployment in the split (nullptr for others).
    ServiceTelemetry *telemetry(const QString &deployment) const;
    void setTelemetryPollInterval(int ms);
    QString stateText() const;
    QString lastError() const;
    bool isBusy() const { return m_busy; }
    void setRefreshInterval(int ms) { m_refresh.setInterval(ms); }

public Q_SLOTS:
    /// Re-reads the record (the split others may have changed) and the counters.
    void refresh();
    /// Stores a new split and waits for the proxy to route by it, off the GUI thread.
    void applySplit(const QList<mlwb::TrafficShare> &traffic);
    /// Without asking (the button asks).
    void remove();

Q_SIGNALS:
    /// The endpoint was deleted: the tab should close.
    void deleted();

private:
    QWidget *createHeader();
    QWidget *createConsole();
    QWidget *createTelemetry();
    void showTelemetry(const QList<TrafficShare> &split);
    void showEndpoint(const Endpoint &e);
    void pollMetrics();
    void setMessage(const QString &message, bool error);
    void runInBackground(const std::function<bool(const Workspace &, QString *)> &job,
                         const std::function<void()> &done);

    Workspace *m_workspace;
    Id m_id;
    std::optional<Endpoint> m_endpoint;
    QNetworkAccessManager *m_network;
    QTimer m_refresh;
    bool m_busy = false;
    bool m_polling = false;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_uri = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_delete = nullptr;
    ServiceKeysBox *m_keys = nullptr;
    EndpointTraffic *m_traffic;
    ScoringConsole *m_console;
    RequestHistory *m_history;
    QComboBox *m_pin;
    QTabWidget *m_pages = nullptr;
    QComboBox *m_telemetryChoice = nullptr;
    QStackedWidget *m_telemetryStack = nullptr;
    QHash<QString, ServiceTelemetry *> m_telemetries; // kept across refreshes: their series go on
    int m_telemetryPollMs = 1000;
};

} // namespace mlwb
