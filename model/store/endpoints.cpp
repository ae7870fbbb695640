#include "store/endpoints.h"

#include "store/deployments.h"
#include "store/names.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QSet>

namespace mlwb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Endpoints", text);
}

Endpoint fromRow(const QSqlQuery &q)
{
    Endpoint e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.port = q.value(2).toInt();
    e.auth = q.value(3).toString();
    e.createdAt = sql::dateTime(q.value(4));
    e.updatedAt = sql::dateTime(q.value(5));
    return e;
}

const char *const columns = "SELECT id, name, port, auth, created_at, updated_at FROM endpoints ";

// Checks a split before it is stored; the deployments are looked up by name.
bool checkTraffic(const Workspace &ws, const QList<TrafficShare> &traffic, QList<Id> *ids,
                  QString *error)
{
    int total = 0;
    QSet<QString> seen;
    for (const TrafficShare &share : traffic) {
        if (share.weight < 0 || share.weight > 100)
            return sql::fail(error, tr("The traffic of %1 must be between 0 and 100, not %2.")
                                        .arg(share.deployment)
                                        .arg(share.weight));
        if (seen.contains(share.deployment.toLower()))
            return sql::fail(error,
                             tr("%1 is named twice in the traffic split.").arg(share.deployment));
        seen.insert(share.deployment.toLower());
        QString notFound;
        const auto d = Deployments(ws).find(share.deployment, &notFound);
        if (!d)
            return sql::fail(error, notFound);
        *ids << d->id;
        total += share.weight;
    }
    if (!traffic.isEmpty() && total != 100)
        return sql::fail(
            error, tr("The traffic split adds up to %1%; it must add up to 100%.").arg(total));
    return true;
}

} // namespace

Endpoints::Endpoints(const Workspace &workspace)
    : m_db(workspace.database())
    , m_workspace(workspace)
{}

QList<TrafficShare> Endpoints::trafficOf(Id endpoint, QString *error) const
{
    return sql::selectAll(
        m_db,
        QStringLiteral("SELECT d.name, t.weight FROM endpoint_traffic t JOIN deployments d ON "
                       "d.id = t.deployment_id WHERE t.endpoint_id = ? ORDER BY d.name"),
        {endpoint},
        [](const QSqlQuery &q) {
            return TrafficShare{q.value(0).toString(), q.value(1).toInt()};
        },
        error);
}

QList<Endpoint> Endpoints::list(QString *error) const
{
    QList<Endpoint> all = sql::selectAll(
        m_db, QLatin1String(columns) + QLatin1String("ORDER BY name"), {}, fromRow, error);
    for (Endpoint &e : all)
        e.traffic = trafficOf(e.id, error);
    return all;
}

std::optional<Endpoint> Endpoints::find(const QString &name, QString *error) const
{
    auto e =
        sql::selectFound(m_db, QLatin1String(columns) + QLatin1String("WHERE name = ?"), {name},
                         fromRow, tr("There is no endpoint named '%1'.").arg(name), error);
    if (e)
        e->traffic = trafficOf(e->id, error);
    return e;
}

bool Endpoints::create(Endpoint *endpoint, QString *error)
{
    const QString name = endpoint->name.trimmed();
    if (name.isEmpty())
        return sql::fail(error, tr("An endpoint needs a name."));
    if (!names::check(name, names::Rule::Short,
                      tr("'%1' is not a valid endpoint name: use 1 to 64 letters, digits, '-', "
                         "'_' or '.', starting with a letter or digit."),
                      error))
        return false;
    if (endpoint->auth != QLatin1String("key") && endpoint->auth != QLatin1String("none"))
        return sql::fail(
            error, tr("The auth of an endpoint is key or none, not '%1'.").arg(endpoint->auth));
    if (endpoint->port < 0 || endpoint->port > 65535)
        return sql::fail(error, tr("%1 is not a port.").arg(endpoint->port));
    if (find(name))
        return sql::fail(error, tr("There is already an endpoint named '%1'.").arg(name));
    QSqlQuery q(m_db);
    const qint64 now = sql::now();
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO endpoints(name, port, auth, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?)"),
                  {name, endpoint->port, endpoint->auth, now, now}, error))
        return false;
    const auto stored = find(name, error);
    if (!stored)
        return false;
    *endpoint = *stored;
    return true;
}

bool Endpoints::setTraffic(const QString &name, const QList<TrafficShare> &traffic, QString *error)
{
    QList<Id> ids;
    if (!checkTraffic(m_workspace, traffic, &ids, error))
        return false;
    WriteTransaction transaction(m_db);
    if (!transaction.begin(error))
        return false;
    const auto e = find(name, error);
    if (!e)
        return false;
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("DELETE FROM endpoint_traffic WHERE endpoint_id = ?"), {e->id},
                  error))
        return false;
    for (int i = 0; i < traffic.size(); ++i)
        if (!sql::run(q,
                      QStringLiteral("INSERT INTO endpoint_traffic(endpoint_id, deployment_id, "
                                     "weight) VALUES (?, ?, ?)"),
                      {e->id, ids[i], traffic[i].weight}, error))
            return false;
    if (!sql::run(q, QStringLiteral("UPDATE endpoints SET updated_at = ? WHERE id = ?"),
                  {sql::now(), e->id}, error))
        return false;
    return transaction.commit(error);
}

bool Endpoints::remove(const QString &name, QString *error)
{
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("DELETE FROM endpoints WHERE name = ?"), {name}, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, tr("There is no endpoint named '%1'.").arg(name));
    return true;
}

bool Endpoints::setPort(const QString &name, int port, QString *error)
{
    if (port <= 0 || port > 65535)
        return sql::fail(error, tr("%1 is not a port.").arg(port));
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("UPDATE endpoints SET port = ?, updated_at = ? WHERE name = ?"),
                  {port, sql::now(), name}, error))
        return false;
    if (q.numRowsAffected() == 0)
        return sql::fail(error, tr("There is no endpoint named '%1'.").arg(name));
    return true;
}

bool Endpoints::checkNotRouted(const QString &deployment, QString *error) const
{
    const QStringList names = sql::selectAll(
        m_db,
        QStringLiteral("SELECT e.name FROM endpoint_traffic t JOIN endpoints e ON e.id = "
                       "t.endpoint_id JOIN deployments d ON d.id = t.deployment_id WHERE d.name = "
                       "? ORDER BY e.name"),
        {deployment}, [](const QSqlQuery &q) { return q.value(0).toString(); }, error);
    if (names.isEmpty())
        return true;
    return sql::fail(error, tr("Deployment '%1' is in the traffic split of endpoint '%2'; take "
                               "it out of the split first (mlwb endpoint traffic %2 ...).")
                                .arg(deployment, names.join(QLatin1String("', '"))));
}

bool Endpoints::parseTraffic(const QStringList &words, QList<TrafficShare> *traffic, QString *error)
{
    traffic->clear();
    for (const QString &word : words) {
        const int eq = word.indexOf(QLatin1Char('='));
        bool ok = false;
        const int weight = eq > 0 ? word.mid(eq + 1).toInt(&ok) : 0;
        if (!ok)
            return sql::fail(error,
                             tr("'%1' is not DEPLOYMENT=PERCENT, for example blue=90.").arg(word));
        traffic->append({word.left(eq), weight});
    }
    return true;
}

} // namespace mlwb
