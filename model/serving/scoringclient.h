#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <memory>

class QNetworkAccessManager;

namespace mlwb {

/// What a scoring service answered.
struct ScoringResponse {
    int status = 0; // HTTP status; 0 when no answer came
    QByteArray body;
    double latencyMs = 0;
    QString error; // why no answer came (refused, timed out, ...)
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
    /// POSTs a JSON body; `key` (when not empty) goes as Authorization: Bearer KEY.
    ScoringResponse post(const QString &url, const QByteArray &body, const QString &key,
                         int timeoutMs);

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace mlwb
