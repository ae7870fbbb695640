// Endpoints in the store: the traffic split is checked before it is stored,
// and a deployment in a split cannot be deleted from under it.
#include "store/changewatcher.h"
#include "store/deployments.h"
#include "store/endpoints.h"
#include "store/workspace.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createFindAndList();
    void createRefusesBadInput();
    void trafficIsCheckedAndReplaced();
    void parseTraffic_data();
    void parseTraffic();
    void routedDeploymentCannotBeDeleted();
    void trafficChangesBumpTheDeploymentsTopic();

private:
    void deploy(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestEndpoints::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    deploy(QStringLiteral("blue"));
    deploy(QStringLiteral("green"));
}

void TestEndpoints::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestEndpoints::deploy(const QString &name)
{
    Deployment d;
    d.name = name;
    d.scoringScript = QStringLiteral("score.py");
    QString error;
    QVERIFY2(Deployments(*m_ws).create(&d, &error), qPrintable(error));
}

void TestEndpoints::createFindAndList()
{
    Endpoints endpoints(*m_ws);
    Endpoint e;
    e.name = QStringLiteral("web");
    e.port = 8123;
    QString error;
    QVERIFY2(endpoints.create(&e, &error), qPrintable(error));
    QVERIFY(e.id > 0);
    QCOMPARE(e.auth, QStringLiteral("key"));
    QVERIFY(e.traffic.isEmpty());
    Endpoint open;
    open.name = QStringLiteral("open");
    open.auth = QStringLiteral("none");
    QVERIFY2(endpoints.create(&open, &error), qPrintable(error));
    QCOMPARE(open.port, 0);
    QVERIFY2(endpoints.setPort(QStringLiteral("open"), 9001, &error), qPrintable(error));

    const auto found = endpoints.find(QStringLiteral("WEB"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->port, 8123);
    const QList<Endpoint> all = endpoints.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("open"));
    QCOMPARE(all[0].port, 9001);
    QCOMPARE(all[0].auth, QStringLiteral("none"));
    QCOMPARE(all[1].name, QStringLiteral("web"));

    QVERIFY(endpoints.remove(QStringLiteral("web"), &error));
    QVERIFY(!endpoints.find(QStringLiteral("web"), &error));
    QCOMPARE(error, QStringLiteral("There is no endpoint named 'web'."));
    QVERIFY(!endpoints.remove(QStringLiteral("web"), &error));
    QCOMPARE(error, QStringLiteral("There is no endpoint named 'web'."));
}

void TestEndpoints::createRefusesBadInput()
{
    Endpoints endpoints(*m_ws);
    QString error;
    Endpoint e;
    e.name = QStringLiteral("web");
    QVERIFY(endpoints.create(&e, &error));
    Endpoint again;
    again.name = QStringLiteral("Web");
    QVERIFY(!endpoints.create(&again, &error));
    QCOMPARE(error, QStringLiteral("There is already an endpoint named 'Web'."));
    Endpoint badAuth;
    badAuth.name = QStringLiteral("x");
    badAuth.auth = QStringLiteral("token");
    QVERIFY(!endpoints.create(&badAuth, &error));
    QCOMPARE(error, QStringLiteral("The auth of an endpoint is key or none, not 'token'."));
    Endpoint badPort;
    badPort.name = QStringLiteral("y");
    badPort.port = 70000;
    QVERIFY(!endpoints.create(&badPort, &error));
    QCOMPARE(error, QStringLiteral("70000 is not a port."));
    Endpoint slashed;
    slashed.name = QStringLiteral("a/b");
    QVERIFY(!endpoints.create(&slashed, &error));
    QCOMPARE(error, QStringLiteral("'a/b' is not a valid endpoint name: use 1 to 64 letters, "
                                   "digits, '-', '_' or '.', starting with a letter or digit."));
    Endpoint unnamed;
    QVERIFY(!endpoints.create(&unnamed, &error));
    QCOMPARE(error, QStringLiteral("An endpoint needs a name."));
}

void TestEndpoints::trafficIsCheckedAndReplaced()
{
    Endpoints endpoints(*m_ws);
    QString error;
    Endpoint e;
    e.name = QStringLiteral("web");
    QVERIFY(endpoints.create(&e, &error));
    QVERIFY2(endpoints.setTraffic(QStringLiteral("web"),
                                  {{QStringLiteral("blue"), 90}, {QStringLiteral("green"), 10}},
                                  &error),
             qPrintable(error));
    auto found = endpoints.find(QStringLiteral("web"));
    QCOMPARE(found->traffic.size(), 2);
    QCOMPARE(found->traffic[0].deployment, QStringLiteral("blue"));
    QCOMPARE(found->traffic[0].weight, 90);
    QCOMPARE(found->traffic[1].weight, 10);

    // Each refusal leaves the stored split as it was.
    QVERIFY(!endpoints.setTraffic(QStringLiteral("web"),
                                  {{QStringLiteral("blue"), 50}, {QStringLiteral("green"), 40}},
                                  &error));
    QCOMPARE(error, QStringLiteral("The traffic split adds up to 90%; it must add up to 100%."));
    QVERIFY(!endpoints.setTraffic(QStringLiteral("web"), {{QStringLiteral("red"), 100}}, &error));
    QCOMPARE(error, QStringLiteral("There is no deployment named 'red'."));
    QVERIFY(!endpoints.setTraffic(QStringLiteral("web"),
                                  {{QStringLiteral("blue"), 50}, {QStringLiteral("Blue"), 50}},
                                  &error));
    QCOMPARE(error, QStringLiteral("Blue is named twice in the traffic split."));
    QVERIFY(!endpoints.setTraffic(QStringLiteral("web"), {{QStringLiteral("blue"), 120}}, &error));
    QCOMPARE(error, QStringLiteral("The traffic of blue must be between 0 and 100, not 120."));
    QVERIFY(!endpoints.setTraffic(QStringLiteral("nope"), {{QStringLiteral("blue"), 100}}, &error));
    QCOMPARE(error, QStringLiteral("There is no endpoint named 'nope'."));
    QCOMPARE(endpoints.find(QStringLiteral("web"))->traffic[0].weight, 90);

    QVERIFY2(endpoints.setTraffic(QStringLiteral("web"),
                                  {{QStringLiteral("blue"), 0}, {QStringLiteral("green"), 100}},
                                  &error),
             qPrintable(error));
    found = endpoints.find(QStringLiteral("web"));
    QCOMPARE(found->traffic[0].weight, 0);
    QCOMPARE(found->traffic[1].weight, 100);
    QVERIFY(endpoints.setTraffic(QStringLiteral("web"), {}, &error));
    QVERIFY(endpoints.find(QStringLiteral("web"))->traffic.isEmpty());
}

void TestEndpoints::parseTraffic_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("parsed"); // name:weight,... or the error
    QTest::newRow("two") << QStringList{QStringLiteral("blue=90"), QStringLiteral("green=10")}
                         << QStringLiteral("blue:90,green:10");
    QTest::newRow("no weight") << QStringList{QStringLiteral("blue")}
                               << QStringLiteral("'blue' is not DEPLOYMENT=PERCENT, for "
                                                 "example blue=90.");
    QTest::newRow("no name") << QStringList{QStringLiteral("=90")}
                             << QStringLiteral("'=90' is not DEPLOYMENT=PERCENT, for example "
                                               "blue=90.");
    QTest::newRow("not a number") << QStringList{QStringLiteral("blue=most")}
                                  << QStringLiteral("'blue=most' is not DEPLOYMENT=PERCENT, for "
                                                    "example blue=90.");
}

void TestEndpoints::parseTraffic()
{
    QFETCH(QStringList, words);
    QFETCH(QString, parsed);
    QList<TrafficShare> traffic;
    QString error;
    if (!Endpoints::parseTraffic(words, &traffic, &error)) {
        QCOMPARE(error, parsed);
        return;
    }
    QStringList out;
    for (const TrafficShare &s : traffic)
        out << s.deployment + QLatin1Char(':') + QString::number(s.weight);
    QCOMPARE(out.join(QLatin1Char(',')), parsed);
}

void TestEndpoints::routedDeploymentCannotBeDeleted()
{
    Endpoints endpoints(*m_ws);
    QString error;
    Endpoint e;
    e.name = QStringLiteral("web");
    QVERIFY(endpoints.create(&e, &error));
    QVERIFY(endpoints.setTraffic(QStringLiteral("web"),
                                 {{QStringLiteral("blue"), 100}, {QStringLiteral("green"), 0}},
                                 &error));
    QVERIFY(!endpoints.checkNotRouted(QStringLiteral("green"), &error));
    QCOMPARE(error, QStringLiteral("Deployment 'green' is in the traffic split of endpoint "
                                   "'web'; take it out of the split first (mlwb endpoint "
                                   "traffic web ...)."));
    // The schema backs the check up.
    QVERIFY(!Deployments(*m_ws).remove(QStringLiteral("green"), &error));
    QVERIFY(Deployments(*m_ws).find(QStringLiteral("green")));

    QVERIFY(endpoints.setTraffic(QStringLiteral("web"), {{QStringLiteral("blue"), 100}}, &error));
    QVERIFY2(endpoints.checkNotRouted(QStringLiteral("green"), &error), qPrintable(error));
    QVERIFY2(Deployments(*m_ws).remove(QStringLiteral("green"), &error), qPrintable(error));
    // Deleting the endpoint takes its split with it.
    QVERIFY(endpoints.remove(QStringLiteral("web"), &error));
    QVERIFY2(endpoints.checkNotRouted(QStringLiteral("blue"), &error), qPrintable(error));
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM endpoint_traffic")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestEndpoints::trafficChangesBumpTheDeploymentsTopic()
{
    // The endpoint's proxy reapplies its split when this topic moves.
    ChangeWatcher watcher(m_ws->databasePath());
    QSignalSpy spy(&watcher, &ChangeWatcher::changed);
    watcher.poll();
    spy.clear();
    Endpoints endpoints(*m_ws);
    QString error;
    Endpoint e;
    e.name = QStringLiteral("web");
    QVERIFY(endpoints.create(&e, &error));
    watcher.poll();
    QCOMPARE(spy.size(), 1);
    QVERIFY(spy.takeFirst().at(0).toStringList().contains(QStringLiteral("deployments")));
    QVERIFY(endpoints.setTraffic(QStringLiteral("web"), {{QStringLiteral("blue"), 100}}, &error));
    watcher.poll();
    QCOMPARE(spy.size(), 1);
    QVERIFY(spy.takeFirst().at(0).toStringList().contains(QStringLiteral("deployments")));
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
