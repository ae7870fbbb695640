#pragma once

#include "serving/servicecounters.h"

#include <QList>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QChart;
class QLabel;
class QLineSeries;
class QNetworkAccessManager;
class QValueAxis;

namespace mlwb {

/// Live telemetry of a scoring service: polls its /metrics while visible
/// and charts requests and errors per second, and p50/p95/p99 latency.
/// The series can be exported as CSV. Takes any metrics URL, so an
/// endpoint's page can show one per deployment.
class ServiceTelemetry : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceTelemetry(QWidget *parent = nullptr);

    void setMetricsUrl(const QUrl &url);
    QUrl metricsUrl() const { return m_url; }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    /// Points kept (older ones scroll off): ten minutes at one a second.
    static constexpr int maximumPoints() { return 600; }
    const QList<TelemetryPoint> &points() const { return m_points; }
    bool isPolling() const { return m_poll.isActive(); }
    QString lastError() const { return m_error; }
    /// Writes the series as CSV (a header, then one row a point).
    bool exportCsv(const QString &path, QString *error) const;
    QLineSeries *requestSeries() const { return m_requests; }

public Q_SLOTS:
    void poll();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onMetrics(const QByteArray &text, qint64 atMs);
    void redraw();
    void chooseExportFile();
    QChart *makeChart(const QString &title, const QString &unit, QList<QLineSeries *> series,
                      QValueAxis **x, QValueAxis **y);

    QUrl m_url;
    QTimer m_poll;
    QNetworkAccessManager *m_network;
    bool m_waiting = false;
    qint64 m_startMs = -1, m_lastMs = -1;
    ServiceCounters m_last;
    QList<TelemetryPoint> m_points;
    QString m_error;
    QLabel *m_status;
    QLineSeries *m_requests, *m_errors, *m_p50, *m_p95, *m_p99;
    QValueAxis *m_rateX, *m_rateY, *m_latencyX, *m_latencyY;
};

} // namespace mlwb
