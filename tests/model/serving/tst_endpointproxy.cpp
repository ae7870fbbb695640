// The endpoint proxy in front of two real scoring servers ("blue" and
// "green"): the traffic split, the pinning header, a changed split, keys
// passed through, and a deployment that does not answer.
#include "serving/endpointproxy.h"
#include "serving/scoringclient.h"
#include "sklearnservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestEndpointProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void splitsByWeight();
    void pinningHeaderWins();
    void newSplitTakesEffect();
    void passesKeysAndErrorsThrough();
    void metricsPerDeployment();
    void rejectsBadSplits();
    void callerHangingUpIsHarmless();
    void deploymentDownIsBadGateway();

private:
    bool startServer(const QString &name, QProcess *process, int *port);
    QString call(const QList<QPair<QByteArray, QByteArray>> &headers = {}, int *status = nullptr);

    QTemporaryDir m_dir;
    QProcess m_blue, m_green;
    int m_bluePort = 0, m_greenPort = 0;
    EndpointProxy m_proxy;
    ScoringClient m_client;
};

bool TestEndpointProxy::startServer(const QString &name, QProcess *process, int *port)
{
    const QString script = m_dir.filePath(name + QStringLiteral(".py"));
    testing::writeFile(script, "def init():\n    pass\n"
                               "def run(raw_data):\n    return '"
                                   + name.toUtf8() + "'\n");
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    *port = probe.serverPort();
    probe.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLWB_SCORING_SCRIPT"), script);
    env.insert(QStringLiteral("MLWB_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MLWB_PORT"), QString::number(*port));
    if (name == QLatin1String("green")) { // green wants a key
        testing::writeFile(m_dir.filePath(QStringLiteral("keys")), "green-key\n");
        env.insert(QStringLiteral("MLWB_KEYS_FILE"), m_dir.filePath(QStringLiteral("keys")));
    }
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral(MLWB_SOURCE_DIR "/resources/scoring/mlwb_score_server.py")});
    for (int i = 0; i < 100; ++i) {
        if (m_client.get(QStringLiteral("http://127.0.0.1:%1/").arg(*port), 1000).status == 200)
            return true;
        QTest::qWait(100);
    }
    return false;
}

void TestEndpointProxy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(startServer(QStringLiteral("blue"), &m_blue, &m_bluePort));
    QVERIFY(startServer(QStringLiteral("green"), &m_green, &m_greenPort));
    QString error;
    QVERIFY2(m_proxy.listen(0, &error), qPrintable(error));
    QVERIFY(m_proxy.port() > 0);
}

void TestEndpointProxy::cleanupTestCase()
{
    for (QProcess *p : {&m_blue, &m_green}) {
        p->kill();
        p->waitForFinished();
    }
}

QString TestEndpointProxy::call(const QList<QPair<QByteArray, QByteArray>> &headers, int *status)
{
    const ScoringResponse r =
        m_client.post(QStringLiteral("http://127.0.0.1:%1/score").arg(m_proxy.port()), "{}",
                      QStringLiteral("green-key"), 10000, headers);
    if (status)
        *status = r.status;
    const QString answer = QJsonDocument::fromJson("[" + r.body + "]")[0].toString();
    // The answer says which deployment gave it, as Azure's does.
    if (r.status == 200 && QString::fromUtf8(r.deployment) != answer)
        return QStringLiteral("header %1 but body %2").arg(QString::fromUtf8(r.deployment), answer);
    return answer;
}

void TestEndpointProxy::splitsByWeight()
{
    QString error;
    QVERIFY2(
        m_proxy.setBackends(
            {{QStringLiteral("blue"), QStringLiteral("http://127.0.0.1:%1").arg(m_bluePort), 80},
             {QStringLiteral("green"), QStringLiteral("http://127.0.0.1:%1").arg(m_greenPort), 20}},
            &error),
        qPrintable(error));
    QHash<QString, int> counts;
    const int calls = 1000;
    for (int i = 0; i < calls; ++i)
        ++counts[call()];
    QCOMPARE(counts.value(QStringLiteral("blue")) + counts.value(QStringLiteral("green")), calls);
    const double bluePercent = 100.0 * counts.value(QStringLiteral("blue")) / calls;
    QVERIFY2(qAbs(bluePercent - 80) <= 5, qPrintable(QString::number(bluePercent)));
    QCOMPARE(m_proxy.counters(QStringLiteral("blue")).requests,
             qint64(counts.value(QStringLiteral("blue"))));
    QCOMPARE(m_proxy.counters(QStringLiteral("green")).errors, qint64(0));
}

void TestEndpointProxy::pinningHeaderWins()
{
    for (int i = 0; i < 50; ++i)
        QCOMPARE(call({{EndpointProxy::pinningHeader(), "green"}}), QStringLiteral("green"));
    int status = 0;
    call({{EndpointProxy::pinningHeader(), "purple"}}, &status);
    QCOMPARE(status, 404);
}

void TestEndpointProxy::newSplitTakesEffect()
{
    QString error;
    QVERIFY(m_proxy.setBackends(
        {{QStringLiteral("blue"), QStringLiteral("http://127.0.0.1:%1").arg(m_bluePort), 0},
         {QStringLiteral("green"), QStringLiteral("http://127.0.0.1:%1").arg(m_greenPort), 100}},
        &error));
    for (int i = 0; i < 50; ++i)
        QCOMPARE(call(), QStringLiteral("green"));
    // Pinned to a deployment with no traffic still reaches it (Azure: for testing).
    QCOMPARE(call({{EndpointProxy::pinningHeader(), "blue"}}), QStringLiteral("blue"));
}

void TestEndpointProxy::passesKeysAndErrorsThrough()
{
    // green wants its key: without it, its 401 comes back as it is.
    const ScoringResponse r =
        m_client.post(QStringLiteral("http://127.0.0.1:%1/score").arg(m_proxy.port()), "{}",
                      QString(), 10000, {{EndpointProxy::pinningHeader(), "green"}});
    QCOMPARE(r.status, 401);
    QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
    int status = 0;
    QCOMPARE(call({{EndpointProxy::pinningHeader(), "green"}}, &status), QStringLiteral("green"));
    QCOMPARE(status, 200);
    const qint64 errors = m_proxy.counters(QStringLiteral("green")).errors;
    QCOMPARE(errors, qint64(1));
    // GET routes go through too.
    const ScoringResponse swagger =
        m_client.get(QStringLiteral("http://127.0.0.1:%1/swagger.json").arg(m_proxy.port()), 5000);
    QCOMPARE(swagger.status, 200);
    QVERIFY(swagger.body.contains("openapi"));
}

// The endpoint's own GET /metrics: Prometheus text, one series per
// deployment, matching what it routed (not proxied to a deployment).
void TestEndpointProxy::metricsPerDeployment()
{
    const EndpointCounters blue = m_proxy.counters(QStringLiteral("blue"));
    const EndpointCounters green = m_proxy.counters(QStringLiteral("green"));
    QVERIFY(blue.requests > 0 && green.requests > 0);
    const ScoringResponse r =
        m_client.get(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_proxy.port()), 5000);
    QCOMPARE(r.status, 200);
    const QByteArray text = r.body;
    const auto line = [](const char *series, qint64 value) -> QByteArray {
        return QByteArray(series) + ' ' + QByteArray::number(value) + '\n';
    };
    QVERIFY2(text.contains("# TYPE endpoint_requests_total counter\n"), text.constData());
    QVERIFY2(text.contains(line("endpoint_requests_total{deployment=\"blue\"}", blue.requests)),
             text.constData());
    QVERIFY2(text.contains(line("endpoint_errors_total{deployment=\"green\"}", green.errors)),
             text.constData());
    QVERIFY2(text.contains(line("endpoint_request_latency_seconds_count{deployment=\"green\"}",
                                green.requests)),
             text.constData());
    QVERIFY2(text.contains(
                 line("endpoint_request_latency_seconds_bucket{deployment=\"blue\",le=\"+Inf\"}",
                      blue.requests)),
             text.constData());
    // Each request took some time, and the buckets add up to the count.
    QVERIFY(blue.latencySeconds > 0);
    qint64 bucketed = 0;
    for (qint64 n : blue.buckets)
        bucketed += n;
    QVERIFY(bucketed <= blue.requests);
    QVERIFY(bucketed >= blue.requests - 5); // only those over 5 s fall outside
    // The deployments' own metrics are not what came back.
    QVERIFY(!text.contains("mlwb_"));
    // `mlwb endpoint show` reads it back: counts and the split in effect.
    QHash<QString, EndpointCounters> parsed;
    QHash<QString, int> weights;
    parseEndpointMetrics(text, &parsed, &weights);
    QCOMPARE(parsed.value(QStringLiteral("blue")).requests, blue.requests);
    QCOMPARE(parsed.value(QStringLiteral("green")).errors, green.errors);
    // The text has 7 significant digits: equal to within a microsecond.
    QVERIFY(qAbs(parsed.value(QStringLiteral("green")).latencySeconds - green.latencySeconds)
            < 1e-6);
    QCOMPARE(weights.size(), m_proxy.backends().size());
    for (const EndpointBackend &b : m_proxy.backends())
        QCOMPARE(weights.value(b.name, -1), b.weight);
}

void TestEndpointProxy::rejectsBadSplits()
{
    QString error;
    QVERIFY(!m_proxy.setBackends({{QStringLiteral("a"), QStringLiteral("http://x"), 70},
                                  {QStringLiteral("b"), QStringLiteral("http://y"), 20}},
                                 &error));
    QCOMPARE(error, QStringLiteral("The traffic split adds up to 90%; it must add up to 100%."));
    QCOMPARE(m_proxy.backends().size(), 2); // the old split stays
    QCOMPARE(m_proxy.backends().first().name, QStringLiteral("blue"));
}

// A caller that hangs up before the deployment answers: the answer has
// nowhere to go, and the endpoint goes on serving (it used to crash).
void TestEndpointProxy::callerHangingUpIsHarmless()
{
    QTcpServer slow; // a deployment that answers when told to
    QVERIFY(slow.listen(QHostAddress::LocalHost, 0));
    const QList<EndpointBackend> before = m_proxy.backends();
    QList<EndpointBackend> withSlow = before;
    withSlow.append(
        {QStringLiteral("slow"), QStringLiteral("http://127.0.0.1:%1").arg(slow.serverPort()), 0});
    QString error;
    QVERIFY2(m_proxy.setBackends(withSlow, &error), qPrintable(error));
    QTcpSocket caller;
    caller.connectToHost(QHostAddress::LocalHost, quint16(m_proxy.port()));
    QVERIFY(caller.waitForConnected(5000));
    caller.write("POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nazureml-model-deployment: slow\r\n"
                 "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    QTRY_VERIFY(slow.hasPendingConnections());
    QTcpSocket *deployment = slow.nextPendingConnection();
    QTRY_VERIFY(deployment->bytesAvailable() > 0);
    caller.abort();
    QTest::qWait(100); // the endpoint sees the caller go
    deployment->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 6\r\n"
                      "\r\n\"slow\"");
    QTRY_COMPARE(m_proxy.counters(QStringLiteral("slow")).requests, qint64(1));
    QVERIFY2(m_proxy.setBackends(before, &error), qPrintable(error));
    int status = 0;
    call({}, &status);
    QCOMPARE(status, 200);
}

void TestEndpointProxy::deploymentDownIsBadGateway()
{
    m_blue.kill();
    m_blue.waitForFinished();
    int status = 0;
    call({{EndpointProxy::pinningHeader(), "blue"}}, &status);
    QCOMPARE(status, 502);
    // The other one still serves.
    QCOMPARE(call(), QStringLiteral("green"));
}

QTEST_GUILESS_MAIN(TestEndpointProxy)
#include "tst_endpointproxy.moc"
