#pragma once

#include "serving/endpointmetrics.h"
#include "store/endpoints.h"

#include <QCoreApplication>
#include <QHash>

namespace mlwb {

class Workspace;

/// Creates endpoints, changes their traffic split and deletes them, each
/// with its supervised proxy process; the CLI and the GUI both come here.
class EndpointDeployer
{
    Q_DECLARE_TR_FUNCTIONS(EndpointDeployer)
public:
    /// Records the endpoint on `wantedPort` (0: a free one, then kept),
    /// makes its keys when it uses them and starts its proxy. Nothing is
    /// left behind when a step fails.
    static bool create(const Workspace &workspace, Endpoint *endpoint, int wantedPort,
                       QString *error);
    /// Stores a new split and waits until the running proxy routes by it
    /// (a proxy that died is started again with it); *now is the endpoint
    /// as stored. Requests in flight keep their deployment.
    static bool setTraffic(const Workspace &workspace, const QString &name,
                           const QList<TrafficShare> &traffic, Endpoint *now, QString *error);
    /// Deletes the endpoint; its proxy closes the port and leaves.
    static bool remove(const Workspace &workspace, const QString &name, QString *error);

    /// http://127.0.0.1:PORT
    static QString baseUrl(const Endpoint &endpoint);
    /// What the running proxy counted per deployment and the weights it
    /// routes by (its GET /metrics); false when it does not answer.
    static bool liveMetrics(const Endpoint &endpoint, QHash<QString, EndpointCounters> *counters,
                            QHash<QString, int> *weights);
    /// "blue=90 green=10"
    static QString splitText(const QList<TrafficShare> &traffic);
};

} // namespace mlwb
