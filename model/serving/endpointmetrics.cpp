#include "serving/endpointmetrics.h"

#include <QStringList>

namespace mlwb {

void EndpointCounters::add(int status, double seconds)
{
    ++requests;
    if (status == 0 || status >= 400)
        ++errors;
    latencySeconds += seconds;
    for (size_t i = 0; i < bucketBounds.size(); ++i) {
        if (seconds <= bucketBounds[i]) {
            ++buckets[i];
            break;
        }
    }
}

namespace {

// A label value escaped as the text format asks (backslash, quote, newline).
QByteArray label(const QString &deployment)
{
    QByteArray v = deployment.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return "deployment=\"" + v + '"';
}

} // namespace

QByteArray endpointMetricsText(const QHash<QString, EndpointCounters> &counters)
{
    QStringList names = counters.keys();
    names.sort(); // a stable order for scrapers and people
    QByteArray out;
    out += "# HELP endpoint_requests_total Requests the endpoint routed to a deployment.\n"
           "# TYPE endpoint_requests_total counter\n";
    for (const QString &n : names)
        out += "endpoint_requests_total{" + label(n) + "} "
               + QByteArray::number(counters[n].requests) + '\n';
    out += "# HELP endpoint_errors_total Requests that ended in 4xx, 5xx or no answer.\n"
           "# TYPE endpoint_errors_total counter\n";
    for (const QString &n : names)
        out += "endpoint_errors_total{" + label(n) + "} " + QByteArray::number(counters[n].errors)
               + '\n';
    out += "# HELP endpoint_request_latency_seconds Time from routing to the deployment's "
           "answer.\n# TYPE endpoint_request_latency_seconds histogram\n";
    for (const QString &n : names) {
        const EndpointCounters &c = counters[n];
        qint64 cumulative = 0;
        for (size_t i = 0; i < c.bucketBounds.size(); ++i) {
            cumulative += c.buckets[i];
            out += "endpoint_request_latency_seconds_bucket{" + label(n) + ",le=\""
                   + QByteArray::number(c.bucketBounds[i]) + "\"} " + QByteArray::number(cumulative)
                   + '\n';
        }
        out += "endpoint_request_latency_seconds_bucket{" + label(n) + ",le=\"+Inf\"} "
               + QByteArray::number(c.requests) + '\n';
        out += "endpoint_request_latency_seconds_sum{" + label(n) + "} "
               + QByteArray::number(c.latencySeconds, 'g', 9) + '\n';
        out += "endpoint_request_latency_seconds_count{" + label(n) + "} "
               + QByteArray::number(c.requests) + '\n';
    }
    return out;
}

} // namespace mlwb
