#include "serving/servicetelemetry.h"

#include "store/storagemedium.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace mlwb {

ServiceTelemetry::ServiceTelemetry(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_status(new QLabel(this))
    , m_requests(new QLineSeries(this))
    , m_errors(new QLineSeries(this))
    , m_p50(new QLineSeries(this))
    , m_p95(new QLineSeries(this))
    , m_p99(new QLineSeries(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &ServiceTelemetry::poll);
    m_requests->setName(tr("requests/s"));
    m_errors->setName(tr("errors/s"));
    m_p50->setName(tr("p50"));
    m_p95->setName(tr("p95"));
    m_p99->setName(tr("p99"));
    m_status->setObjectName(QStringLiteral("telemetryStatus"));
    m_status->setText(tr("Polled from /metrics every second while this page is shown."));
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportTelemetry"));
    connect(exportButton, &QPushButton::clicked, this, &ServiceTelemetry::chooseExportFile);
    auto *rates = new QChartView(makeChart(tr("Requests and errors"), tr("per second"),
                                           {m_requests, m_errors}, &m_rateX, &m_rateY),
                                 this);
    auto *latency = new QChartView(
        makeChart(tr("Latency"), tr("ms"), {m_p50, m_p95, m_p99}, &m_latencyX, &m_latencyY), this);
    rates->setRenderHint(QPainter::Antialiasing);
    latency->setRenderHint(QPainter::Antialiasing);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(exportButton);
    auto *charts = new QHBoxLayout;
    charts->addWidget(rates);
    charts->addWidget(latency);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(charts, 1);
}

QChart *ServiceTelemetry::makeChart(const QString &title, const QString &unit,
                                    QList<QLineSeries *> series, QValueAxis **x, QValueAxis **y)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    *x = new QValueAxis(chart);
    (*x)->setTitleText(tr("seconds"));
    (*x)->setLabelFormat(QStringLiteral("%d"));
    *y = new QValueAxis(chart);
    (*y)->setTitleText(unit);
    (*y)->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    for (QLineSeries *s : series) {
        chart->addSeries(s);
        s->attachAxis(*x);
        s->attachAxis(*y);
    }
    (*x)->setRange(0, 60);
    (*y)->setRange(0, 1);
    return chart;
}

void ServiceTelemetry::setMetricsUrl(const QUrl &url)
{
    if (url == m_url)
        return;
    m_url = url;
    m_last = {};
    m_lastMs = -1;
}

void ServiceTelemetry::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_poll.start();
    poll();
}

void ServiceTelemetry::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}

void ServiceTelemetry::poll()
{
    if (m_waiting || !m_url.isValid() || m_url.isEmpty())
        return;
    m_waiting = true;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(qMax(1000, m_poll.interval()));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_waiting = false;
        if (reply->error() != QNetworkReply::NoError) {
            m_error = reply->errorString();
            m_status->setText(tr("No telemetry: %1").arg(m_error));
            return;
        }
        onMetrics(reply->readAll(), QDateTime::currentMSecsSinceEpoch());
    });
}

void ServiceTelemetry::onMetrics(const QByteArray &text, qint64 atMs)
{
    ServiceCounters now;
    if (!ServiceCounters::parse(text, &now, &m_error)) {
        m_status->setText(tr("No telemetry: %1").arg(m_error));
        return;
    }
    m_error.clear();
    if (m_startMs < 0)
        m_startMs = atMs;
    // Rates need two readings; a server restarted (counts went down) starts again.
    TelemetryPoint p;
    if (TelemetryPoint::between(m_last, m_lastMs, now, atMs, m_startMs, &p)) {
        m_points.append(p);
        if (m_points.size() > maximumPoints())
            m_points.removeFirst();
        redraw();
    }
    m_last = now;
    m_lastMs = atMs;
    m_status->setText(tr("%1 requests, %2 errors in all; p99 %3 ms over the recent ones.")
                          .arg(now.requests)
                          .arg(now.errors)
                          .arg(now.p99 * 1000, 0, 'f', 1));
}

void ServiceTelemetry::redraw()
{
    QList<QPointF> requests, errors, p50, p95, p99;
    double rateMax = 1, latencyMax = 1;
    for (const TelemetryPoint &p : std::as_const(m_points)) {
        requests << QPointF(p.seconds, p.requestsPerSecond);
        errors << QPointF(p.seconds, p.errorsPerSecond);
        p50 << QPointF(p.seconds, p.p50Ms);
        p95 << QPointF(p.seconds, p.p95Ms);
        p99 << QPointF(p.seconds, p.p99Ms);
        rateMax = std::max(rateMax, p.requestsPerSecond);
        latencyMax = std::max(latencyMax, p.p99Ms);
    }
    m_requests->replace(requests);
    m_errors->replace(errors);
    m_p50->replace(p50);
    m_p95->replace(p95);
    m_p99->replace(p99);
    const double last = m_points.isEmpty() ? 0 : m_points.last().seconds;
    const double first = m_points.isEmpty() ? 0 : m_points.first().seconds;
    // The last ten minutes, from 0 until then, in whole half minutes.
    const double x1 = 30 * std::ceil(std::max(60.0, last) / 30);
    const double x0 = x1 > 600 ? std::max(first, x1 - 600) : 0;
    for (QValueAxis *x : {m_rateX, m_latencyX}) {
        x->setRange(x0, x1);
        x->setTickCount(7);
    }
    m_rateY->setRange(0, rateMax * 1.1);
    m_rateY->applyNiceNumbers();
    m_latencyY->setRange(0, latencyMax * 1.1);
    m_latencyY->applyNiceNumbers();
}

bool ServiceTelemetry::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray csv = TelemetryPoint::csvHeader();
    for (const TelemetryPoint &p : m_points)
        csv += p.csvRow();
    QString reason;
    if (!storage::writeAll(file, csv, &reason)) {
        *error = tr("Cannot write %1: %2").arg(path, reason);
        return false;
    }
    return true;
}

void ServiceTelemetry::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Telemetry"), QStringLiteral("telemetry.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Telemetry"), error);
}

} // namespace mlwb
