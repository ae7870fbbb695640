// An endpoint's page shows each deployment's live telemetry, read from the
// deployment's own /metrics, beside the proxy's counters: two real
// deployments (a tiny scoring script as supervised processes) behind one
// endpoint, called through it pinned to each.
#include "serving/deployer.h"
#include "serving/endpointdeployer.h"
#include "serving/endpointpage.h"
#include "serving/endpointtraffic.h"
#include "serving/scoringclient.h"
#include "serving/servicetelemetry.h"
#include "serving/servingconfig.h"
#include "sklearnservice.h"
#include "store/endpoints.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestEndpointTelemetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void eachDeploymentHasItsTelemetry();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QList<Deployment> m_deployments;
    Endpoint m_endpoint;
};

void TestEndpointTelemetry::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY); // mlwb-service-supervisor is found beside it
    QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
    QString error;
    m_ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY(testing::writeFile(path(QStringLiteral("score.py")),
                               "import json\n"
                               "def init():\n"
                               "    pass\n"
                               "def run(raw_data):\n"
                               "    return [2 * x for x in json.loads(raw_data)['data']]\n"));
    for (const QString &name : {QStringLiteral("blue"), QStringLiteral("green")}) {
        DeployRequest request;
        request.name = name;
        request.scoringScript = path(QStringLiteral("score.py"));
        Deployment d;
        QVERIFY2(Deployer::deploy(*m_ws, request, &d, &error), qPrintable(error));
        m_deployments << d;
    }
    for (Deployment &d : m_deployments) {
        const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 30000, &error);
        QVERIFY2(settled, qPrintable(error));
        QCOMPARE(settled->status, QStringLiteral("Healthy"));
        d = *settled;
    }
    m_endpoint.name = QStringLiteral("front");
    m_endpoint.auth = QStringLiteral("none");
    QVERIFY2(EndpointDeployer::create(*m_ws, &m_endpoint, 0, &error), qPrintable(error));
    QVERIFY2(
        EndpointDeployer::setTraffic(*m_ws, m_endpoint.name,
                                     {{QStringLiteral("blue"), 50}, {QStringLiteral("green"), 50}},
                                     &m_endpoint, &error),
        qPrintable(error));
}

void TestEndpointTelemetry::cleanupTestCase()
{
    if (!m_ws)
        return;
    QString error;
    if (m_endpoint.id > 0)
        QVERIFY2(EndpointDeployer::remove(*m_ws, m_endpoint.name, &error), qPrintable(error));
    for (const Deployment &d : std::as_const(m_deployments))
        QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestEndpointTelemetry::eachDeploymentHasItsTelemetry()
{
    EndpointPage page(m_ws.get(), m_endpoint.id);
    page.setRefreshInterval(200);
    page.setTelemetryPollInterval(200);
    page.resize(1200, 900);
    page.show();
    QTRY_VERIFY(page.stateText().contains(QStringLiteral("Running")));
    page.pages()->setCurrentIndex(EndpointPage::TelemetryPage);
    QCOMPARE(page.telemetryChoice()->count(), 2);
    QVERIFY(!page.telemetry(QStringLiteral("red")));
    const QString score = EndpointDeployer::baseUrl(m_endpoint) + QStringLiteral("/score");
    ScoringClient client;
    for (const Deployment &d : std::as_const(m_deployments)) {
        page.telemetryChoice()->setCurrentIndex(page.telemetryChoice()->findText(d.name));
        ServiceTelemetry *telemetry = page.telemetry(d.name);
        QVERIFY(telemetry);
        QCOMPARE(telemetry->metricsUrl(),
                 QUrl(servingconfig::scoringUrl(d)).resolved(QUrl(QStringLiteral("/metrics"))));
        QTRY_VERIFY(telemetry->isPolling());
        // The other deployment's chart is hidden, so it waits.
        for (const Deployment &other : std::as_const(m_deployments))
            if (other.name != d.name)
                QVERIFY(!page.telemetry(other.name)->isPolling());
        // Through the endpoint, pinned to this deployment.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ScoringResponse r =
                    client.post(score, "{\"data\": [1]}", QString(), 5000,
                                {{QByteArrayLiteral("azureml-model-deployment"), d.name.toUtf8()}});
                for (const TelemetryPoint &p : telemetry->points())
                    if (r.status == 200 && p.requestsPerSecond > 0)
                        return true;
                return false;
            }(),
            10000);
        QVERIFY(telemetry->lastError().isEmpty());
    }
    // The proxy's counters are still there, a row a deployment.
    QCOMPARE(page.traffic()->table()->rowCount(), 2);
    QTRY_VERIFY(page.traffic()->table()->item(0, 2)
                && page.traffic()->table()->item(0, 2)->text().toInt() >= 1);
}

QTEST_MAIN(TestEndpointTelemetry)
#include "tst_endpointtelemetry.moc"
