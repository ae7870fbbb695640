// `mlwb service metrics NAME`: the deployment page's telemetry on the
// command line, read from the scoring server's GET /metrics.
#include "commandcontext.h"
#include "serving/scoringclient.h"
#include "serving/servicecounters.h"
#include "serving/servingconfig.h"
#include "store/deployments.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QThread>
#include <QUrl>

namespace mlwb {

namespace {

bool readCounters(ScoringClient &client, const QString &url, ServiceCounters *out, qint64 *atMs,
                  QString *error)
{
    const ScoringResponse r = client.get(url, 5000);
    *atMs = QDateTime::currentMSecsSinceEpoch();
    if (r.status != 200) {
        *error = r.status == 0 ? Cli::tr("%1 did not answer: %2").arg(url, r.error)
                               : Cli::tr("%1 answered HTTP %2.").arg(url).arg(r.status);
        return false;
    }
    return ServiceCounters::parse(r.body, out, error);
}

QJsonObject toJson(const TelemetryPoint &p, const ServiceCounters &c)
{
    auto rounded = [](double v) { return qRound(v * 1000) / 1000.0; };
    return {{QStringLiteral("seconds"), rounded(p.seconds)},
            {QStringLiteral("requests"), c.requests},
            {QStringLiteral("errors"), c.errors},
            {QStringLiteral("requests_per_second"), rounded(p.requestsPerSecond)},
            {QStringLiteral("errors_per_second"), rounded(p.errorsPerSecond)},
            {QStringLiteral("p50_ms"), rounded(p.p50Ms)},
            {QStringLiteral("p95_ms"), rounded(p.p95Ms)},
            {QStringLiteral("p99_ms"), rounded(p.p99Ms)}};
}

bool positiveNumber(CommandContext &context, const QString &option, double fallback, double *out)
{
    if (!context.isSet(option)) {
        *out = fallback;
        return true;
    }
    bool ok = false;
    *out = context.value(option).toDouble(&ok);
    return ok && *out > 0;
}

// N samples need N + 1 readings: a rate is the change between two.
int metrics(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const auto d = Deployments(*ws).find(context.argument(0), &error);
    if (!d)
        return context.fail(error);
    double samples = 1, interval = 1;
    if (!positiveNumber(context, QStringLiteral("samples"), 1, &samples) || samples != int(samples))
        return context.fail(Cli::tr("--samples takes a whole number above 0."));
    if (!positiveNumber(context, QStringLiteral("interval"), 1, &interval))
        return context.fail(Cli::tr("--interval takes a number of seconds above 0."));
    const bool csv = context.value(QStringLiteral("as")) == QLatin1String("csv");
    if (context.isSet(QStringLiteral("as")) && !csv)
        return context.fail(Cli::tr("--as takes csv (or leave it out for --format)."));
    const QString url =
        QUrl(servingconfig::scoringUrl(*d)).resolved(QUrl(QStringLiteral("/metrics"))).toString();
    ScoringClient client;
    ServiceCounters last;
    qint64 lastMs = 0;
    if (!readCounters(client, url, &last, &lastMs, &error))
        return context.fail(Cli::tr("No telemetry from %1: %2").arg(d->name, error));
    const qint64 startMs = lastMs;
    if (csv)
        context.stream() << QString::fromUtf8(TelemetryPoint::csvHeader());
    QJsonArray rows;
    for (int i = 0; i < int(samples); ++i) {
        QThread::msleep(qMax<qint64>(1, qRound64(interval * 1000)));
        ServiceCounters now;
        qint64 nowMs = 0;
        if (!readCounters(client, url, &now, &nowMs, &error))
            return context.fail(Cli::tr("No telemetry from %1: %2").arg(d->name, error));
        TelemetryPoint p;
        if (TelemetryPoint::between(last, lastMs, now, nowMs, startMs, &p)) {
            if (csv)
                context.stream() << QString::fromUtf8(p.csvRow()) << Qt::flush;
            rows.append(toJson(p, now));
        } // else the server restarted in between: this sample starts again
        last = now;
        lastMs = nowMs;
    }
    if (!csv)
        context.output().list({{QStringLiteral("seconds"), Cli::tr("seconds")},
                               {QStringLiteral("requests"), Cli::tr("requests")},
                               {QStringLiteral("requests_per_second"), Cli::tr("requests/s")},
                               {QStringLiteral("errors_per_second"), Cli::tr("errors/s")},
                               {QStringLiteral("p50_ms"), Cli::tr("p50 ms")},
                               {QStringLiteral("p95_ms"), Cli::tr("p95 ms")},
                               {QStringLiteral("p99_ms"), Cli::tr("p99 ms")}},
                              rows);
    return ExitSuccess;
}

} // namespace

VerbSpec serviceMetricsVerb()
{
    return {QStringLiteral("metrics"),
            Cli::tr("Poll a deployment's /metrics and print requests and errors per second and "
                    "p50/p95/p99 latency, one row a sample (the columns of its page's telemetry "
                    "CSV)."),
            {{QStringLiteral("NAME"), Cli::tr("The deployment's name.")}},
            {{QStringLiteral("samples"), QStringLiteral("N"),
              Cli::tr("How many samples (default 1)."), QChar()},
             {QStringLiteral("interval"), QStringLiteral("SECONDS"),
              Cli::tr("The time each sample covers (default 1)."), QChar()},
             {QStringLiteral("as"), QStringLiteral("csv"),
              Cli::tr("Write CSV instead of a table or JSON."), QChar()}},
            metrics};
}

} // namespace mlwb
