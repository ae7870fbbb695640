#pragma once

#include <QByteArray>
#include <QString>

namespace mlwb {

/// The counters of a scoring server's GET /metrics (Prometheus text).
struct ServiceCounters {
    double requests = 0;              // all answers
    double errors = 0;                // answers >= 400
    double p50 = 0, p95 = 0, p99 = 0; // seconds, over the server's recent requests
    /// Reads the text; false (with the reason) when it holds no request count.
    static bool parse(const QByteArray &text, ServiceCounters *out, QString *error);
};

/// One sample of a service's telemetry: rates between two readings of its
/// counters, latency at the second. The page's chart and `mlwb service
/// metrics` both make them, and write them as the same CSV.
struct TelemetryPoint {
    double seconds = 0; // since the first reading
    double requestsPerSecond = 0;
    double errorsPerSecond = 0;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;

    /// The sample between readings `before` (at `beforeMs`) and `now`; false
    /// when there is none: the same instant, or a restarted server (counts
    /// went down). `startMs`: when the first reading was taken.
    static bool between(const ServiceCounters &before, qint64 beforeMs, const ServiceCounters &now,
                        qint64 nowMs, qint64 startMs, TelemetryPoint *out);
    /// The CSV header line (with its newline), then one row a point.
    static QByteArray csvHeader();
    QByteArray csvRow() const;
};

} // namespace mlwb
