#pragma once

#include "serving/endpointmetrics.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QNetworkAccessManager;

namespace mlwb {

/// One deployment behind an endpoint, with its share of the traffic.
struct EndpointBackend {
    QString name;    // the deployment, as the pinning header names it
    QString baseUrl; // http://127.0.0.1:PORT (its /score, /, ... are proxied)
    int weight = 0;  // percent of unpinned requests
    QString key;     // the deployment's own key, when it has key authentication
};

/// An endpoint (Azure ML v2 managed online endpoint): one stable URL in
/// front of several deployments, routing each request to one of them by
/// weight, or to the one named by the `azureml-model-deployment` header.
/// Built on QtHttpServer and QNetworkAccessManager, answering
/// asynchronously, so one slow deployment never holds up the others. Its
/// own GET /metrics counts requests, errors and latency per deployment. A
/// request keeps the deployment it was routed to, so a new split takes
/// effect for the next requests without dropping those in flight.
class EndpointProxy : public QObject
{
    Q_OBJECT
public:
    explicit EndpointProxy(QObject *parent = nullptr);
    ~EndpointProxy() override;

    /// Listens on 127.0.0.1:port (0: a free one); false with the reason.
    bool listen(int port, QString *error);
    int port() const { return m_port; }
    /// Replaces the deployments and their split; weights must add up to
    /// 100 (or all be 0 when there is one deployment).
    bool setBackends(const QList<EndpointBackend> &backends, QString *error);
    QList<EndpointBackend> backends() const { return m_backends; }
    /// The keys a caller must send (Authorization: Bearer KEY) to be routed;
    /// none: no authentication. A caller's own key never goes on to a
    /// deployment: one with keys gets its own.
    void setKeys(const QStringList &keys) { m_keys = keys; }
    EndpointCounters counters(const QString &deployment) const
    {
        return m_counters.value(deployment);
    }

    /// The header that pins a request to one deployment.
    static QByteArray pinningHeader() { return QByteArrayLiteral("azureml-model-deployment"); }

private:
    void answerMetrics(QHttpServerResponder &&responder) const;
    void forward(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    const EndpointBackend *choose(const QHttpServerRequest &request) const;

    std::unique_ptr<QHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<EndpointBackend> m_backends;
    QHash<QString, EndpointCounters> m_counters;
    QStringList m_keys;
    int m_port = 0;
};

} // namespace mlwb
