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

QByteArray endpointMetricsText(const QHash<QString, EndpointCounters> &counters,
                               const QHash<QString, int> &weights)
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
    QStringList split = weights.keys();
    split.sort();
    out += "# HELP endpoint_traffic_percent The deployment's share of the endpoint's traffic.\n"
           "# TYPE endpoint_traffic_percent gauge\n";
    for (const QString &n : split)
        out +=
            "endpoint_traffic_percent{" + label(n) + "} " + QByteArray::number(weights[n]) + '\n';
    return out;
}

void parseEndpointMetrics(const QByteArray &text, QHash<QString, EndpointCounters> *counters,
                          QHash<QString, int> *weights)
{
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        const int open = line.indexOf("{deployment=\"");
        const int close = line.indexOf("\"", open + 13);
        if (line.startsWith('#') || open < 0 || close < 0 || line.indexOf(",le=") >= 0)
            continue;
        const QByteArray metric = line.left(open);
        QByteArray name = line.mid(open + 13, close - open - 13);
        name.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
        const QString deployment = QString::fromUtf8(name);
        const QByteArray value = line.mid(line.lastIndexOf(' ') + 1);
        if (metric == "endpoint_traffic_percent")
            weights->insert(deployment, value.toInt());
        else if (metric == "endpoint_requests_total")
            (*counters)[deployment].requests = value.toLongLong();
        else if (metric == "endpoint_errors_total")
            (*counters)[deployment].errors = value.toLongLong();
        else if (metric == "endpoint_request_latency_seconds_sum")
            (*counters)[deployment].latencySeconds = value.toDouble();
    }
}

} // namespace mlwb
