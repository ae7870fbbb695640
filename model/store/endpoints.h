#pragma once

#include "store/types.h"

#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace mlwb {

class Workspace;

/// One deployment's share of an endpoint's traffic, in percent.
struct TrafficShare {
    QString deployment;
    int weight = 0;
};

/// An endpoint (Azure ML v2 managed online endpoint): one stable URL in
/// front of deployments, with a traffic split between them.
struct Endpoint {
    Id id = 0;
    QString name;
    int port = 0;                         // 0: a free one, chosen when it starts
    QString auth = QStringLiteral("key"); // "key" or "none"
    QList<TrafficShare> traffic;          // by deployment name
    QDateTime createdAt, updatedAt;
};

/// The endpoints and endpoint_traffic tables. The split is checked before
/// it is stored: known deployments, each once, weights adding up to 100.
class Endpoints
{
public:
    explicit Endpoints(const Workspace &workspace);

    QList<Endpoint> list(QString *error = nullptr) const;
    std::optional<Endpoint> find(const QString &name, QString *error = nullptr) const;
    bool create(Endpoint *endpoint, QString *error);
    /// Replaces the split as a whole (an empty one: no traffic).
    bool setTraffic(const QString &name, const QList<TrafficShare> &traffic, QString *error);
    bool remove(const QString &name, QString *error);

    /// Sets the port an endpoint listens on (chosen once, then stable).
    bool setPort(const QString &name, int port, QString *error);
    /// False, naming the endpoint, while `deployment` is in a traffic split.
    bool checkNotRouted(const QString &deployment, QString *error) const;

    /// Reads `blue=90 green=10` as the CLI takes it.
    static bool parseTraffic(const QStringList &words, QList<TrafficShare> *traffic,
                             QString *error);

private:
    QList<TrafficShare> trafficOf(Id endpoint, QString *error) const;

    QSqlDatabase m_db;
    const Workspace &m_workspace;
};

} // namespace mlwb
