// `mlwb endpoint ...` end to end: two real deployments behind an endpoint's
// supervised proxy; the split is honoured over 1,000 calls, the pinning
// header wins, a new split takes effect without failing requests in flight,
// keys are checked, a deployment in a split cannot be deleted, and deleting
// the endpoint closes its port.
#include "mlwbprocess.h"
#include "sklearnservice.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mlwb;

namespace {

// Says which deployment answered (WHO), after an optional pause.
const char *const whoScript = "import json, os, time\n"
                              "def init():\n"
                              "    pass\n"
                              "def run(raw_data):\n"
                              "    time.sleep(json.loads(raw_data).get('sleep', 0))\n"
                              "    return {'who': os.environ['WHO']}\n";

// A process that ended may linger as a zombie until its reaper gets to it.
bool alive(int pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
}

struct Answers {
    QHash<QString, int> byDeployment; // the answering deployment, by the body's "who"
    QHash<int, int> byStatus;
    int count() const
    {
        int n = 0;
        for (int v : byStatus)
            n += v;
        return n;
    }
};

} // namespace

class TestEndpointCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void createListAndShow();
    void splitIsHonouredOverManyCalls();
    void pinningHeaderWins();
    void newSplitDropsNoRequestInFlight();
    void keysAreChecked();
    void routedDeploymentCannotBeDeleted();
    void killedProxyComesBackOnItsPort();
    void deleteClosesThePort();

private:
    testing::MlwbResult run(const QStringList &arguments);
    QJsonValue json(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Sends `count` scoring requests at once and waits for every answer.
    Answers send(int count, const QByteArray &body, const QByteArray &key,
                 const QByteArray &pinned = {});
    QList<QNetworkReply *> post(int count, const QByteArray &body, const QByteArray &key,
                                const QByteArray &pinned = {});
    static void collect(const QList<QNetworkReply *> &replies, Answers *answers);
    int proxyPid() const;

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QNetworkAccessManager m_network;
    QString m_url;
    int m_port = 0;
    QByteArray m_key, m_secondary;
};

testing::MlwbResult TestEndpointCli::run(const QStringList &arguments)
{
    return testing::runMlwb(arguments, m_env, m_dir.path());
}

QJsonValue TestEndpointCli::json(const QStringList &arguments)
{
    const testing::MlwbResult r =
        run(arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    if (r.code != 0)
        qWarning() << arguments << r.code << r.err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void TestEndpointCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_env = testing::cliEnvironment(m_dir.path(), path(QStringLiteral("ws")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    QString error;
    QVERIFY2(Workspace::create(path(QStringLiteral("ws")), &error), qPrintable(error));
    QVERIFY(testing::writeFile(path(QStringLiteral("who.py")), whoScript));
    // green has keys of its own: the endpoint sends them, not the caller's.
    for (const QString &name : {QStringLiteral("blue"), QStringLiteral("green")}) {
        const auto r =
            run({QStringLiteral("service"), QStringLiteral("deploy"), name,
                 QStringLiteral("--scoring-script"), QStringLiteral("who.py"),
                 QStringLiteral("--env"), QStringLiteral("WHO=") + name, QStringLiteral("--auth"),
                 name == QLatin1String("green") ? QStringLiteral("key") : QStringLiteral("none")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
}

void TestEndpointCli::cleanupTestCase()
{
    // Whatever a failed test left: no proxy or server outlives the test.
    run({QStringLiteral("endpoint"), QStringLiteral("delete"), QStringLiteral("web")});
    for (const QString &name : {QStringLiteral("blue"), QStringLiteral("green")})
        run({QStringLiteral("service"), QStringLiteral("delete"), name});
}

int TestEndpointCli::proxyPid() const
{
    QFile file(QDir(m_dir.filePath(QStringLiteral("ws/endpoints/web")))
                   .filePath(QStringLiteral("proxy.pid")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toInt() : 0;
}

QList<QNetworkReply *> TestEndpointCli::post(int count, const QByteArray &body,
                                             const QByteArray &key, const QByteArray &pinned)
{
    QNetworkRequest request{QUrl(m_url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key);
    if (!pinned.isEmpty())
        request.setRawHeader("azureml-model-deployment", pinned);
    QList<QNetworkReply *> replies;
    for (int i = 0; i < count; ++i)
        replies << m_network.post(request, body);
    return replies;
}

void TestEndpointCli::collect(const QList<QNetworkReply *> &replies, Answers *answers)
{
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        ++answers->byStatus[status];
        const QString who = QJsonDocument::fromJson(reply->readAll())
                                .object()
                                .value(QStringLiteral("who"))
                                .toString();
        if (status == 200) {
            ++answers->byDeployment[who];
            // The endpoint says which deployment answered.
            if (QString::fromUtf8(reply->rawHeader("azureml-model-deployment")) != who)
                ++answers->byStatus[-1];
        }
        reply->deleteLater();
    }
}

Answers TestEndpointCli::send(int count, const QByteArray &body, const QByteArray &key,
                              const QByteArray &pinned)
{
    Answers answers;
    collect(post(count, body, key, pinned), &answers);
    return answers;
}

void TestEndpointCli::createListAndShow()
{
    const QJsonObject created =
        json({QStringLiteral("endpoint"), QStringLiteral("create"), QStringLiteral("web"),
              QStringLiteral("--auth"), QStringLiteral("key")})
            .toObject();
    QCOMPARE(created.value(QStringLiteral("state")).toString(), QStringLiteral("Running"));
    m_port = created.value(QStringLiteral("port")).toInt();
    QVERIFY(m_port > 0);
    m_url = created.value(QStringLiteral("scoring_uri")).toString();
    QCOMPARE(m_url, QStringLiteral("http://127.0.0.1:%1/score").arg(m_port));
    // Names must be deployments, weights must add up to 100.
    auto r = run({QStringLiteral("endpoint"), QStringLiteral("traffic"), QStringLiteral("web"),
                  QStringLiteral("blue=80"), QStringLiteral("red=20")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: There is no deployment named 'red'."));
    r = run({QStringLiteral("endpoint"), QStringLiteral("traffic"), QStringLiteral("web"),
             QStringLiteral("blue=80"), QStringLiteral("green=30")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: The traffic split adds up to 110%; it must "
                                             "add up to 100%."));
    r = run({QStringLiteral("endpoint"), QStringLiteral("traffic"), QStringLiteral("web"),
             QStringLiteral("blue=80"), QStringLiteral("green=20")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("web now routes blue=80 green=20."));

    const QJsonArray all = json({QStringLiteral("endpoint"), QStringLiteral("list")}).toArray();
    QCOMPARE(all.size(), 1);
    const QJsonObject listed = all.first().toObject();
    QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
    QCOMPARE(listed.value(QStringLiteral("auth")).toString(), QStringLiteral("key"));
    QCOMPARE(listed.value(QStringLiteral("traffic")).toObject(),
             (QJsonObject{{QStringLiteral("blue"), 80}, {QStringLiteral("green"), 20}}));
    const QJsonObject keys =
        json({QStringLiteral("endpoint"), QStringLiteral("keys"), QStringLiteral("web")})
            .toObject();
    m_key = keys.value(QStringLiteral("primary")).toString().toLatin1();
    m_secondary = keys.value(QStringLiteral("secondary")).toString().toLatin1();
    QVERIFY(m_key.size() >= 32 && m_secondary.size() >= 32 && m_key != m_secondary);

    // One call through the CLI, pinned; then show counts it.
    const QJsonObject called =
        json({QStringLiteral("endpoint"), QStringLiteral("call"), QStringLiteral("web"),
              QStringLiteral("--data"), QStringLiteral("{}"), QStringLiteral("--deployment"),
              QStringLiteral("green")})
            .toObject();
    QCOMPARE(called.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(called.value(QStringLiteral("deployment")).toString(), QStringLiteral("green"));
    QCOMPARE(called.value(QStringLiteral("response")).toObject().value(QStringLiteral("who")),
             QStringLiteral("green"));
    const QJsonObject shown =
        json({QStringLiteral("endpoint"), QStringLiteral("show"), QStringLiteral("web")})
            .toObject();
    QCOMPARE(shown.value(QStringLiteral("split")).toString(), QStringLiteral("blue=80 green=20"));
    const QJsonObject counted = shown.value(QStringLiteral("deployments")).toObject();
    QCOMPARE(counted.value(QStringLiteral("green")).toObject().value(QStringLiteral("requests")),
             1);
    QCOMPARE(counted.value(QStringLiteral("blue")).toObject().value(QStringLiteral("requests")), 0);
}

void TestEndpointCli::splitIsHonouredOverManyCalls()
{
    QElapsedTimer clock;
    clock.start();
    const Answers answers = send(1000, "{}", m_key);
    QCOMPARE(answers.byStatus.value(200), 1000);
    const int blue = answers.byDeployment.value(QStringLiteral("blue"));
    const int green = answers.byDeployment.value(QStringLiteral("green"));
    qInfo("1000 calls in %lld ms: blue %d, green %d", clock.elapsed(), blue, green);
    QVERIFY2(qAbs(blue - 800) <= 50, qPrintable(QString::number(blue)));
    QCOMPARE(blue + green, 1000);
    // The endpoint's own counters agree with what the callers saw.
    const QJsonObject counted =
        json({QStringLiteral("endpoint"), QStringLiteral("show"), QStringLiteral("web")})
            .toObject()
            .value(QStringLiteral("deployments"))
            .toObject();
    QCOMPARE(counted.value(QStringLiteral("blue")).toObject().value(QStringLiteral("requests")),
             blue);
    QCOMPARE(counted.value(QStringLiteral("green")).toObject().value(QStringLiteral("requests")),
             green + 1);
}

void TestEndpointCli::pinningHeaderWins()
{
    Answers answers = send(50, "{}", m_key, "green");
    QCOMPARE(answers.byDeployment.value(QStringLiteral("green")), 50);
    answers = send(50, "{}", m_key, "BLUE"); // names are case-insensitive
    QCOMPARE(answers.byDeployment.value(QStringLiteral("blue")), 50);
    answers = send(1, "{}", m_key, "red");
    QCOMPARE(answers.byStatus.value(404), 1);
}

void TestEndpointCli::newSplitDropsNoRequestInFlight()
{
    // Slow calls are in flight at the proxy while the split changes.
    const QList<QNetworkReply *> inFlight = post(36, "{\"sleep\": 0.15}", m_key);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(inFlight.begin(), inFlight.end(),
                                         [](QNetworkReply *r) { return r->isFinished(); }),
                             5000);
    const auto r =
        run({QStringLiteral("endpoint"), QStringLiteral("traffic"), QStringLiteral("web"),
             QStringLiteral("blue=0"), QStringLiteral("green=100")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(std::any_of(inFlight.begin(), inFlight.end(),
                         [](QNetworkReply *r) { return !r->isFinished(); }),
             "every request had ended before the split changed");
    Answers during;
    collect(inFlight, &during);
    QCOMPARE(during.byStatus.value(200), 36);                       // none dropped or failed
    QVERIFY(during.byDeployment.value(QStringLiteral("blue")) > 0); // routed by the old split
    // Once `endpoint traffic` has returned, the new split is in effect.
    const Answers after = send(200, "{}", m_key);
    QCOMPARE(after.byDeployment.value(QStringLiteral("green")), 200);
    // blue, at 0%, still answers when pinned.
    QCOMPARE(send(5, "{}", m_key, "blue").byDeployment.value(QStringLiteral("blue")), 5);
}

void TestEndpointCli::keysAreChecked()
{
    QCOMPARE(send(1, "{}", {}).byStatus.value(401), 1);
    QCOMPARE(send(1, "{}", "not-the-key").byStatus.value(401), 1);
    QCOMPARE(send(1, "{}", m_secondary).byStatus.value(200), 1);
    const auto r = run({QStringLiteral("endpoint"), QStringLiteral("call"), QStringLiteral("web"),
                        QStringLiteral("--data"), QStringLiteral("{}"), QStringLiteral("--key"),
                        QStringLiteral("none")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("status 401")), qPrintable(r.out));
    // A regenerated key takes effect without restarting the proxy.
    const QJsonObject keys =
        json({QStringLiteral("endpoint"), QStringLiteral("keys"), QStringLiteral("web"),
              QStringLiteral("--regenerate"), QStringLiteral("primary")})
            .toObject();
    const QByteArray fresh = keys.value(QStringLiteral("primary")).toString().toLatin1();
    QVERIFY(fresh != m_key);
    QTRY_COMPARE_WITH_TIMEOUT(send(1, "{}", fresh).byStatus.value(200), 1, 5000);
    QCOMPARE(send(1, "{}", m_key).byStatus.value(401), 1);
    m_key = fresh;
}

void TestEndpointCli::routedDeploymentCannotBeDeleted()
{
    // blue has 0% but is still in the split.
    const auto r =
        run({QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("blue")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("mlwb: Deployment 'blue' is in the traffic split of endpoint 'web'; "
                            "take it out of the split first (mlwb endpoint traffic web ...)."));
    const QJsonObject blue =
        json({QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("blue")})
            .toObject();
    QCOMPARE(blue.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
}

void TestEndpointCli::killedProxyComesBackOnItsPort()
{
    const int pid = proxyPid();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(pid), 5000);
    QCOMPARE(json({QStringLiteral("endpoint"), QStringLiteral("show"), QStringLiteral("web")})
                 .toObject()
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("Stopped"));
    // list starts proxies that died, on the same port with the same split.
    const QJsonArray all = json({QStringLiteral("endpoint"), QStringLiteral("list")}).toArray();
    QCOMPARE(all.first().toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("Running"));
    QVERIFY(proxyPid() != pid);
    QCOMPARE(send(20, "{}", m_key).byDeployment.value(QStringLiteral("green")), 20);
}

void TestEndpointCli::deleteClosesThePort()
{
    const int pid = proxyPid();
    const auto r =
        run({QStringLiteral("endpoint"), QStringLiteral("delete"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("Deleted endpoint web."));
    QVERIFY(!alive(pid)); // the proxy has left
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    QVERIFY(!socket.waitForConnected(2000));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
    // Its deployments stay, and can now be deleted.
    const auto deleted =
        run({QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("blue")});
    QVERIFY2(deleted.code == 0, qPrintable(deleted.err));
    const auto shown =
        run({QStringLiteral("endpoint"), QStringLiteral("show"), QStringLiteral("web")});
    QCOMPARE(shown.code, 1);
    QCOMPARE(shown.err.trimmed(), QStringLiteral("mlwb: There is no endpoint named 'web'."));
}

QTEST_GUILESS_MAIN(TestEndpointCli)
#include "tst_endpointcli.moc"
