#include "serving/endpointproxy.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrl>

namespace mlwb {

namespace {

// Headers a caller's request carries on to the deployment (Authorization
// only when the endpoint itself has no keys).
const char *const forwardedHeaders[] = {"content-type", "accept"};

bool authorized(const QHttpServerRequest &request, const QStringList &keys)
{
    if (keys.isEmpty())
        return true;
    const QByteArray given = request.value("authorization");
    for (const QString &key : keys)
        if (given == "Bearer " + key.toLatin1())
            return true;
    return false;
}

// x 6 connections to each deployment.
const int networkManagers = 8;

QHttpServerResponder::StatusCode statusCode(int status)
{
    return static_cast<QHttpServerResponder::StatusCode>(status);
}

} // namespace

EndpointProxy::EndpointProxy(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    for (int i = 0; i < networkManagers; ++i) {
        m_networks.push_back(std::make_unique<QNetworkAccessManager>());
        m_networks.back()->setProxy(QNetworkProxy::NoProxy);
    }
    // GET /metrics is the endpoint's own; every other path and method goes
    // on to a deployment (/, /score, /swagger.json).
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (request.method() == QHttpServerRequest::Method::Get
                && request.url().path() == QLatin1String("/metrics"))
                answerMetrics(std::move(responder));
            else
                forward(request, std::move(responder));
        });
}

EndpointProxy::~EndpointProxy() = default;

bool EndpointProxy::listen(int port, QString *error)
{
    m_port = m_server->listen(QHostAddress::LocalHost, quint16(port));
    if (m_port == 0) {
        *error = tr("The endpoint cannot listen on 127.0.0.1:%1.").arg(port);
        return false;
    }
    return true;
}

bool EndpointProxy::setBackends(const QList<EndpointBackend> &backends, QString *error)
{
    int total = 0;
    for (const EndpointBackend &b : backends) {
        if (b.weight < 0) {
            *error = tr("The traffic of %1 cannot be negative.").arg(b.name);
            return false;
        }
        total += b.weight;
    }
    if (!backends.isEmpty() && total != 100 && !(backends.size() == 1 && total == 0)) {
        *error = tr("The traffic split adds up to %1%; it must add up to 100%.").arg(total);
        return false;
    }
    m_backends = backends;
    return true;
}

void EndpointProxy::answerMetrics(QHttpServerResponder &&responder) const
{
    QHash<QString, int> weights;
    for (const EndpointBackend &b : m_backends)
        weights.insert(b.name, b.weight);
    responder.write(endpointMetricsText(m_counters, weights), "text/plain; version=0.0.4",
                    QHttpServerResponder::StatusCode::Ok);
}

const EndpointBackend *EndpointProxy::choose(const QHttpServerRequest &request) const
{
    const QByteArray pinned = request.value(pinningHeader());
    if (!pinned.isEmpty()) {
        for (const EndpointBackend &b : m_backends)
            if (b.name.compare(QString::fromUtf8(pinned), Qt::CaseInsensitive) == 0)
                return &b;
        return nullptr;
    }
    if (m_backends.size() == 1)
        return &m_backends.first();
    int roll = int(QRandomGenerator::global()->bounded(100));
    for (const EndpointBackend &b : m_backends) {
        if (roll < b.weight)
            return &b;
        roll -= b.weight;
    }
    return nullptr;
}

void EndpointProxy::forward(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    // The responder outlives this call: it answers when the deployment has.
    auto answer = std::make_shared<QHttpServerResponder>(std::move(responder));
    if (!authorized(request, m_keys)) {
        answer->write(QByteArray("{\"error\": \"")
                          + tr("the endpoint needs a key: Authorization: Bearer KEY").toUtf8()
                          + "\"}",
                      {{"Content-Type", "application/json"}, {"WWW-Authenticate", "Bearer"}},
                      QHttpServerResponder::StatusCode::Unauthorized);
        return;
    }
    const EndpointBackend *backend = choose(request);
    if (!backend) {
        const QByteArray pinned = request.value(pinningHeader());
        const QString why =
            pinned.isEmpty()
                ? tr("the endpoint has no deployment with traffic")
                : tr("the endpoint has no deployment named %1").arg(QString::fromUtf8(pinned));
        answer->write(QByteArray("{\"error\": \"") + why.toUtf8() + "\"}", "application/json",
                      QHttpServerResponder::StatusCode::NotFound);
        return;
    }
    const QString name = backend->name; // the split may change before the answer comes
    QUrl url(backend->baseUrl);
    url.setPath(request.url().path());
    url.setQuery(request.url().query());
    QNetworkRequest out(url);
    for (const char *header : forwardedHeaders) {
        const QByteArray value = request.value(header);
        if (!value.isEmpty())
            out.setRawHeader(header, value);
    }
    if (!backend->key.isEmpty())
        out.setRawHeader("Authorization", "Bearer " + backend->key.toLatin1());
    else if (m_keys.isEmpty() && !request.value("authorization").isEmpty())
        out.setRawHeader("Authorization", request.value("authorization"));
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = nullptr;
    QNetworkAccessManager *network = m_networks[m_nextNetwork++ % m_networks.size()].get();
    switch (request.method()) {
    case QHttpServerRequest::Method::Post:
        reply = network->post(out, request.body());
        break;
    case QHttpServerRequest::Method::Get:
        reply = network->get(out);
        break;
    default:
        reply = network->sendCustomRequest(out, request.value("method"), request.body());
        break;
    }
    // A caller may hang up before the deployment answers; its socket is
    // then deleted, and writing to it would crash the endpoint.
    const QPointer<QTcpSocket> caller(answer->socket());
    connect(reply, &QNetworkReply::finished, this, [this, reply, answer, name, clock, caller] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_counters[name].add(status, clock.nsecsElapsed() / 1e9);
        if (!caller || caller->state() != QAbstractSocket::ConnectedState)
            return;
        if (status == 0) {
            answer->write(QByteArray("{\"error\": \"")
                              + tr("deployment %1 did not answer: %2")
                                    .arg(name, reply->errorString())
                                    .toUtf8()
                              + "\"}",
                          "application/json", QHttpServerResponder::StatusCode::BadGateway);
            return;
        }
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        answer->write(reply->readAll(),
                      {{"Content-Type", type.isEmpty() ? QByteArray("application/json") : type},
                       {pinningHeader(), name.toUtf8()}},
                      statusCode(status));
    });
}

} // namespace mlwb

// Its own moc: the small supervisor must not pull in every model class (and QtGui).
#include "moc_endpointproxy.cpp"
