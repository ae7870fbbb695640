#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <array>

namespace mlwb {

/// What an endpoint counted for one deployment behind it: requests,
/// errors and a latency histogram, as Prometheus counts them.
struct EndpointCounters {
    /// Upper bounds of the latency buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 10> bucketBounds = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                            0.05,  0.1,    0.25,  1.0,  5.0};
    qint64 requests = 0;
    qint64 errors = 0;         // 4xx, 5xx and deployments that did not answer
    double latencySeconds = 0; // the sum over all requests
    std::array<qint64, bucketBounds.size()> buckets{}; // not cumulative

    void add(int status, double seconds);
};

/// The endpoint's own GET /metrics in Prometheus text format (0.0.4): one
/// series per deployment, told apart by a `deployment` label.
/// `weights`: the split in effect, as endpoint_traffic_percent gauges.
QByteArray endpointMetricsText(const QHash<QString, EndpointCounters> &counters,
                               const QHash<QString, int> &weights = {});

/// Reads back what endpointMetricsText() wrote (requests, errors, latency
/// sum and the split in effect), for `mlwb endpoint show`.
void parseEndpointMetrics(const QByteArray &text, QHash<QString, EndpointCounters> *counters,
                          QHash<QString, int> *weights);

} // namespace mlwb
