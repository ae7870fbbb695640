#include "serving/servicecounters.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace mlwb {

bool ServiceCounters::parse(const QByteArray &text, ServiceCounters *out, QString *error)
{
    // name{labels} value; comments (# TYPE ...) and other metrics are skipped.
    static const QRegularExpression line(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+([-+0-9.eE]+|NaN))"));
    ServiceCounters c;
    bool sawRequests = false;
    for (const QByteArray &raw : text.split('\n')) {
        const auto m = line.match(QString::fromUtf8(raw.trimmed()));
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1), labels = m.captured(3);
        const double value = m.captured(4).toDouble();
        if (name == QLatin1String("mlwb_requests_total")) {
            c.requests += value;
            sawRequests = true;
        } else if (name == QLatin1String("mlwb_request_errors_total")) {
            c.errors = value;
        } else if (name == QLatin1String("mlwb_request_seconds_count")) {
            sawRequests = true; // a server that answered nothing yet has no per-code lines
        } else if (name == QLatin1String("mlwb_request_seconds")) {
            if (labels.contains(QLatin1String("\"0.5\"")))
                c.p50 = value;
            else if (labels.contains(QLatin1String("\"0.95\"")))
                c.p95 = value;
            else if (labels.contains(QLatin1String("\"0.99\"")))
                c.p99 = value;
        }
    }
    if (!sawRequests) {
        if (error)
            *error = QCoreApplication::translate("ServiceTelemetry",
                                                 "The answer of /metrics has no request count.");
        return false;
    }
    *out = c;
    return true;
}

bool TelemetryPoint::between(const ServiceCounters &before, qint64 beforeMs,
                             const ServiceCounters &now, qint64 nowMs, qint64 startMs,
                             TelemetryPoint *out)
{
    if (beforeMs < 0 || nowMs <= beforeMs || now.requests < before.requests)
        return false;
    const double dt = double(nowMs - beforeMs) / 1000.0;
    TelemetryPoint p;
    p.seconds = double(nowMs - startMs) / 1000.0;
    p.requestsPerSecond = (now.requests - before.requests) / dt;
    p.errorsPerSecond = std::max(0.0, now.errors - before.errors) / dt;
    p.p50Ms = now.p50 * 1000;
    p.p95Ms = now.p95 * 1000;
    p.p99Ms = now.p99 * 1000;
    *out = p;
    return true;
}

QByteArray TelemetryPoint::csvHeader()
{
    return "seconds,requests_per_second,errors_per_second,p50_ms,p95_ms,p99_ms\n";
}

QByteArray TelemetryPoint::csvRow() const
{
    return QStringLiteral("%1,%2,%3,%4,%5,%6\n")
        .arg(seconds, 0, 'f', 3)
        .arg(requestsPerSecond, 0, 'g', 6)
        .arg(errorsPerSecond, 0, 'g', 6)
        .arg(p50Ms, 0, 'f', 3)
        .arg(p95Ms, 0, 'f', 3)
        .arg(p99Ms, 0, 'f', 3)
        .toUtf8();
}

} // namespace mlwb
