#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace mlwb {

/// Where a scoring service is called: a deployment's own URL, or an
/// endpoint's with a deployment pinned. The console, the history and the
/// telemetry take this, so an endpoint's page can reuse them.
struct ServiceAddress {
    QString scoringUrl;          // http://127.0.0.1:PORT/score
    QString key;                 // sent as Authorization: Bearer KEY (empty: none)
    QByteArray pinnedDeployment; // sent as azureml-model-deployment (empty: none)

    /// The service's root, where /swagger.json and /metrics are.
    QUrl resolved(const QString &path) const { return QUrl(scoringUrl).resolved(QUrl(path)); }
};

/// One request sent from the console and what came back.
struct ScoringCall {
    QDateTime sentAt;
    QByteArray request;
    int status = 0; // 0: no answer
    QByteArray response;
    double latencyMs = 0;
    QString error; // why no answer came
};

} // namespace mlwb
