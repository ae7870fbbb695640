#include "serving/scoringclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace mlwb {

namespace {

ScoringResponse wait(QNetworkReply *reply, const QElapsedTimer &timer)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    ScoringResponse out;
    out.latencyMs = timer.nsecsElapsed() / 1e6;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.deployment = reply->rawHeader("azureml-model-deployment");
    if (out.status == 0)
        out.error = reply->error() == QNetworkReply::OperationCanceledError
                        ? ScoringClient::tr("no answer in time")
                        : reply->errorString();
    reply->deleteLater();
    return out;
}

} // namespace

ScoringClient::ScoringClient()
    : m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setProxy(QNetworkProxy::NoProxy);
}

ScoringClient::~ScoringClient() = default;

ScoringResponse ScoringClient::get(const QString &url, int timeoutMs)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    return wait(m_network->get(request), timer);
}

ScoringResponse ScoringClient::post(const QString &url, const QByteArray &body, const QString &key,
                                    int timeoutMs,
                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QElapsedTimer timer;
    timer.start();
    return wait(m_network->post(request, body), timer);
}

} // namespace mlwb
