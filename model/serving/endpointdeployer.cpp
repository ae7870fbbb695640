#include "serving/endpointdeployer.h"

#include "serving/endpointsupervisor.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "store/workspace.h"

#include <QDir>
#include <QHostAddress>
#include <QTcpServer>
#include <QThread>

namespace mlwb {

namespace {

const int stopWaitMs = 10000;
const int applyWaitMs = 5000;

// Until the running proxy's GET /metrics shows `traffic`, at most applyWaitMs.
bool waitForSplit(const Endpoint &e, const QList<TrafficShare> &traffic)
{
    QHash<QString, int> wanted; // the proxy names deployments as the store spells them
    for (const TrafficShare &share : traffic)
        wanted.insert(share.deployment.toLower(), share.weight);
    for (int waited = 0; waited < applyWaitMs; waited += 50) {
        QHash<QString, EndpointCounters> counters;
        QHash<QString, int> weights, lower;
        if (EndpointDeployer::liveMetrics(e, &counters, &weights)) {
            for (auto it = weights.cbegin(); it != weights.cend(); ++it)
                lower.insert(it.key().toLower(), it.value());
            if (lower == wanted)
                return true;
        }
        QThread::msleep(50);
    }
    return false;
}

} // namespace

bool EndpointDeployer::create(const Workspace &workspace, Endpoint *endpoint, int wantedPort,
                              QString *error)
{
    if (!workspace.checkWritable(error))
        return false;
    if (wantedPort < 0 || wantedPort > 65535) {
        *error = tr("%1 is not a port: use 1 to 65535, or 0 for a free one.").arg(wantedPort);
        return false;
    }
    // The port is chosen once and kept: the endpoint's URL stays the same.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, quint16(wantedPort))) {
        *error =
            tr("Port %1 on 127.0.0.1 cannot be used: %2").arg(wantedPort).arg(probe.errorString());
        return false;
    }
    endpoint->port = probe.serverPort();
    probe.close();
    if (!Endpoints(workspace).create(endpoint, error))
        return false;
    ServiceKeys keys(workspace, EndpointSupervisor::keysName(endpoint->name));
    if ((endpoint->auth == QLatin1String("key") && !keys.create(error))
        || !EndpointSupervisor::start(workspace, endpoint->name, error)) {
        QString ignored;
        Endpoints(workspace).remove(endpoint->name, &ignored);
        EndpointSupervisor::waitUntilGone(workspace, endpoint->name, stopWaitMs, &ignored);
        keys.remove();
        return false;
    }
    return true;
}

bool EndpointDeployer::setTraffic(const Workspace &workspace, const QString &name,
                                  const QList<TrafficShare> &traffic, Endpoint *now, QString *error)
{
    if (!workspace.checkWritable(error) || !Endpoints(workspace).setTraffic(name, traffic, error)
        || !EndpointSupervisor::start(workspace, name, error))
        return false;
    const auto stored = Endpoints(workspace).find(name, error);
    if (!stored)
        return false;
    *now = *stored;
    if (waitForSplit(*stored, traffic))
        return true;
    *error = tr("The split of %1 is stored, but its proxy did not take it within %2 s; see %3.")
                 .arg(name)
                 .arg(applyWaitMs / 1000)
                 .arg(QDir::toNativeSeparators(QDir(EndpointSupervisor::folder(workspace, name))
                                                   .filePath(QStringLiteral("proxy.log"))));
    return false;
}

bool EndpointDeployer::remove(const Workspace &workspace, const QString &name, QString *error)
{
    if (!workspace.checkWritable(error) || !Endpoints(workspace).remove(name, error)
        || !EndpointSupervisor::waitUntilGone(workspace, name, stopWaitMs, error))
        return false;
    ServiceKeys(workspace, EndpointSupervisor::keysName(name)).remove();
    QDir(EndpointSupervisor::folder(workspace, name)).removeRecursively();
    return true;
}

QString EndpointDeployer::baseUrl(const Endpoint &endpoint)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(endpoint.port);
}

bool EndpointDeployer::liveMetrics(const Endpoint &endpoint,
                                   QHash<QString, EndpointCounters> *counters,
                                   QHash<QString, int> *weights)
{
    ScoringClient client;
    const ScoringResponse r = client.get(baseUrl(endpoint) + QStringLiteral("/metrics"), 2000);
    if (r.status != 200)
        return false;
    parseEndpointMetrics(r.body, counters, weights);
    return true;
}

QString EndpointDeployer::splitText(const QList<TrafficShare> &traffic)
{
    QStringList parts;
    for (const TrafficShare &share : traffic)
        parts << QStringLiteral("%1=%2").arg(share.deployment).arg(share.weight);
    return parts.join(QLatin1Char(' '));
}

} // namespace mlwb
