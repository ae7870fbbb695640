#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace mlwb {

/// What a scoring service answered.
struct ScoringResponse {
    int status = 0; // HTTP status; 0 when no answer came
    QByteArray body;
    double latencyMs = 0;
    QString error;         // why no answer came (refused, timed out, ...)
    QByteArray deployment; // the azureml-model-deployment header of the answer, if any
};

/// Calls a scoring service and waits for the answer: the liveness probe of
/// a deployment's supervisor and `mlwb service call`. Never through a
/// proxy, since the services it calls are reached on this computer.
class ScoringClient
{
    Q_DECLARE_TR_FUNCTIONS(ScoringClient)
public:
    ScoringClient();
    ~ScoringClient();

    ScoringResponse get(const QString &url, int timeoutMs);
    /// POSTs a JSON body; `key` (when not empty) goes as Authorization: Bearer KEY,
    /// `headers` as they are (e.g. azureml-model-deployment to pin a deployment).
    ScoringResponse post(const QString &url, const QByteArray &body, const QString &key,
                         int timeoutMs, const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace mlwb
