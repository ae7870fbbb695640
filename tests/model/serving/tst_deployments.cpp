// Deployments served as supervised local processes, end to end: a real
// scikit-learn model behind the real scoring server, its supervisor in its
// own process (mlwb-service-supervisor), restarts, keys, a failing init(), reattach.
#include "mlwbprocess.h"
#include "registry/modelregistry.h"
#include "runs/processgroup.h"
#include "serving/deployer.h"
#include "serving/deploymentfolder.h"
#include "serving/deploymentprocess.h"
#include "serving/deploymentsupervisor.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "sklearnservice.h"
#include "store/deployments.h"
#include "store/schema.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace mlwb;

class TestDeployments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void predictionsMatchTheModel();
    void badRequestsKeepTheServiceUp();
    void keysAreCheckedAndRegenerated();
    void crashingInitFailsWithTraceback();
    void crashedServerIsRestartedAndCounted();
    void reattachesAfterSupervisorKilled();
    void crashLoopEndsFailed();
    void hangingLivenessIsUnhealthyThenHealthy();
    void stopStartDelete();
    void refusesWhatItCannotServe();
    void upgradeKeepsImageDeployments();

private:
    Deployment deployed(const QString &name, const char *script, const QString &auth = {},
                        bool waitHealthy = true);
    ScoringResponse post(const Deployment &d, const QByteArray &body, const QString &key = {});
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    ModelVersion m_model;
    QJsonArray m_expected;
    QByteArray m_request;
    ScoringClient m_client;
};

void TestDeployments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The keys go to the user's config folder: here, a folder of the test.
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY); // mlwb-service-supervisor is found beside it
    QString error;
    testing::IrisService iris;
    QVERIFY2(testing::makeIrisService(m_dir.path(), &iris, &error), qPrintable(error));
    m_ws = std::move(iris.workspace);
    m_model = iris.model;
    m_expected = iris.expected;
    m_request = iris.request;
    QVERIFY(testing::writeFile(path(QStringLiteral("crash.py")), testing::crashingInitScript()));
}

void TestDeployments::cleanupTestCase()
{
    // No server or supervisor outlives the test.
    if (!m_ws)
        return;
    QString error;
    const QList<Deployment> all = Deployments(*m_ws).list(&error);
    for (const Deployment &d : all)
        QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

Deployment TestDeployments::deployed(const QString &name, const char *script, const QString &auth,
                                     bool waitHealthy)
{
    DeployRequest request;
    request.name = name;
    request.models = {m_model};
    request.scoringScript = path(QString::fromLatin1(script));
    request.maxRequestBytes = 64 * 1024;
    if (!auth.isEmpty())
        request.auth = auth;
    Deployment d;
    QString error;
    if (!Deployer::deploy(*m_ws, request, &d, &error)) {
        qWarning("deploy failed: %s", qPrintable(error));
        return {};
    }
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 60000, &error);
    if (!settled)
        return {};
    if (waitHealthy && settled->status != QLatin1String("Healthy"))
        qWarning("%s is %s: %s", qPrintable(name), qPrintable(settled->status),
                 qPrintable(settled->message));
    return *settled;
}

ScoringResponse TestDeployments::post(const Deployment &d, const QByteArray &body,
                                      const QString &key)
{
    return m_client.post(d.url, body, key, 10000);
}

void TestDeployments::predictionsMatchTheModel()
{
    const Deployment d = deployed(QStringLiteral("iris-web"), "score.py");
    QCOMPARE(d.status, QStringLiteral("Healthy"));
    QCOMPARE(d.url, QStringLiteral("http://127.0.0.1:%1/score").arg(d.port));
    const ScoringResponse r = post(d, m_request);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), m_expected);
    // Laid out as Azure ML does: one model's own folder.
    const DeploymentFolder folder(m_ws->folder(Workspace::Folder::Deployments), d.name);
    QVERIFY(QFileInfo::exists(folder.models() + QStringLiteral("/iris/1/model.pkl")));
    QVERIFY(QFileInfo::exists(folder.app() + QStringLiteral("/score.py")));
    // The server's own counters say what it answered.
    const ScoringResponse metrics =
        m_client.get(QStringLiteral("http://127.0.0.1:%1/metrics").arg(d.port), 5000);
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("mlwb_requests_total{code=\"200\"} 1"),
             metrics.body.constData());
    QFile log(folder.log());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("model loaded"));
}

void TestDeployments::badRequestsKeepTheServiceUp()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-web"));
    QVERIFY(d);
    ScoringResponse r = post(*d, "{not json");
    QCOMPARE(r.status, 400);
    QVERIFY(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).isString());
    // run() raising: its message, never the traceback.
    r = post(*d, R"({"rows": []})");
    QCOMPARE(r.status, 500);
    const QString message =
        QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toString();
    QVERIFY2(message.contains(QStringLiteral("the request has no \"data\" field")),
             qPrintable(message));
    QVERIFY(!r.body.contains("Traceback"));
    r = post(*d, QByteArray(70 * 1024, ' ') + "{}");
    QCOMPARE(r.status, 413);
    // ...and it still serves.
    r = post(*d, m_request);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), m_expected);
    QCOMPARE(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Healthy"));
}

void TestDeployments::keysAreCheckedAndRegenerated()
{
    const Deployment d = deployed(QStringLiteral("secure"), "score.py", QStringLiteral("key"));
    QCOMPARE(d.status, QStringLiteral("Healthy"));
    ServiceKeys keys(*m_ws, d.name);
    // Outside the workspace, for the user only.
    QVERIFY(!keys.filePath().startsWith(m_ws->path()));
    QVERIFY(keys.filePath().startsWith(path(QStringLiteral("config"))));
    QCOMPARE(QFileInfo(keys.filePath()).permissions() & 0x0077, QFile::Permissions());
    QString primary, secondary, error;
    QVERIFY2(keys.read(&primary, &secondary, &error), qPrintable(error));
    QVERIFY(primary != secondary && primary.size() >= 40);
    QCOMPARE(post(d, m_request).status, 401);
    QCOMPARE(post(d, m_request, QStringLiteral("wrong")).status, 401);
    QCOMPARE(post(d, m_request, primary).status, 200);
    QCOMPARE(post(d, m_request, secondary).status, 200);
    QVERIFY2(keys.regenerate(QStringLiteral("primary"), &error), qPrintable(error));
    QString newPrimary, sameSecondary;
    QVERIFY(keys.read(&newPrimary, &sameSecondary, &error));
    QVERIFY(newPrimary != primary);
    QCOMPARE(sameSecondary, secondary);
    QCOMPARE(QFileInfo(keys.filePath()).permissions() & 0x0077, QFile::Permissions());
    QCOMPARE(post(d, m_request, primary).status, 401);
    QCOMPARE(post(d, m_request, newPrimary).status, 200);
    QCOMPARE(post(d, m_request, secondary).status, 200);
    QVERIFY(!keys.regenerate(QStringLiteral("tertiary"), &error));
    QCOMPARE(error, QStringLiteral("'tertiary' is not a key: say primary or secondary."));
}

void TestDeployments::crashingInitFailsWithTraceback()
{
    const Deployment d = deployed(QStringLiteral("broken"), "crash.py", {}, false);
    QCOMPARE(d.status, QStringLiteral("Failed"));
    QVERIFY2(d.message.contains(QStringLiteral("init() failed")), qPrintable(d.message));
    QVERIFY2(d.message.contains(QStringLiteral("Traceback")), qPrintable(d.message));
    QVERIFY2(d.message.contains(QStringLiteral("weights.bin is missing")), qPrintable(d.message));
    QFile log(Deployer::logPath(*m_ws, d));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY(text.contains("Traceback (most recent call last)"));
    QVERIFY(text.contains("RuntimeError: cannot load the model"));
    // Not restarted: no loop, no server, no supervisor left.
    QTest::qWait(2500);
    const auto now = Deployments(*m_ws).find(d.id);
    QCOMPARE(now->status, QStringLiteral("Failed"));
    QCOMPARE(now->restartCount, 0);
    QCOMPARE(QString::fromUtf8(text).count(QStringLiteral("starting the scoring server")), 1);
    DeploymentProcess process(*m_ws, d.id);
    QCOMPARE(process.liveServer(), qint64(-1));
    QTRY_VERIFY_WITH_TIMEOUT(!process.hasLiveSupervisor(), 5000);
}

void TestDeployments::crashedServerIsRestartedAndCounted()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-web"));
    QVERIFY(d);
    DeploymentProcess process(*m_ws, d->id);
    const qint64 server = process.liveServer();
    QVERIFY(server > 0);
    QVERIFY(processgroup::signal(server, SIGKILL));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d->id)->restartCount, 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Healthy"),
                              30000);
    const qint64 again = process.liveServer();
    QVERIFY(again > 0 && again != server);
    QCOMPARE(post(*d, m_request).status, 200);
    QFile log(Deployer::logPath(*m_ws, *d));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("restarting it in 1 s"));
}

void TestDeployments::reattachesAfterSupervisorKilled()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-web"));
    QVERIFY(d);
    DeploymentProcess process(*m_ws, d->id);
    const qint64 supervisor = process.supervisorPid();
    const qint64 server = process.liveServer();
    const int restarts = d->restartCount;
    QVERIFY(supervisor > 0 && server > 0);
    QVERIFY(::kill(pid_t(supervisor), SIGKILL) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(supervisor), 5000);
    // The service outlives its supervisor.
    QCOMPARE(post(*d, m_request).status, 200);
    QCOMPARE(process.liveServer(), server);
    QString error;
    QCOMPARE(Deployer::reattach(*m_ws, &error), 1);
    QTRY_VERIFY_WITH_TIMEOUT(process.hasLiveSupervisor() && process.supervisorPid() != supervisor,
                             10000);
    // Reattached, not started twice.
    QTest::qWait(1500);
    QCOMPARE(process.liveServer(), server);
    const auto now = Deployments(*m_ws).find(d->id);
    QCOMPARE(now->restartCount, restarts);
    QCOMPARE(now->status, QStringLiteral("Healthy"));
    QCOMPARE(Deployer::reattach(*m_ws, &error), 0); // it has one now
    // A pid whose start time differs is not ours: a reused pid is never adopted.
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT server_started FROM deployment_process WHERE "
                                  "deployment_id = %1")
                       .arg(d->id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), DeploymentProcess::startTime(server));
}

// A server that dies on every start (not in init(): exit 1) is restarted
// with growing pauses, counted, and given up on after a few in a row.
void TestDeployments::crashLoopEndsFailed()
{
    QVERIFY(testing::writeFile(path(QStringLiteral("dies.py")),
                               "import os\ndef init():\n    os._exit(1)\ndef run(raw_data):\n"
                               "    return 0\n"));
    DeployRequest request;
    request.name = QStringLiteral("crashloop");
    request.scoringScript = path(QStringLiteral("dies.py"));
    request.restartBackoffMs = 50;
    Deployment d;
    QString error;
    QVERIFY2(Deployer::deploy(*m_ws, request, &d, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d.id)->status, QStringLiteral("Failed"),
                              60000);
    const auto failed = Deployments(*m_ws).find(d.id);
    QCOMPARE(failed->restartCount, DeploymentSupervisor::maxCrashesInARow);
    QVERIFY2(failed->message.startsWith(
                 QStringLiteral("The scoring server crashed %1 times in a row (it exited with "
                                "code 1).")
                     .arg(DeploymentSupervisor::maxCrashesInARow + 1)),
             qPrintable(failed->message));
    QFile log(Deployer::logPath(*m_ws, d));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QCOMPARE(text.count(QStringLiteral("starting the scoring server")),
             DeploymentSupervisor::maxCrashesInARow + 1);
    // The pauses grew: 50, 100, 200, 400, 800 ms.
    QVERIFY2(text.contains(QStringLiteral("restarting it in 0.05 s"))
                 && text.contains(QStringLiteral("restarting it in 0.8 s")),
             qPrintable(text));
    QTRY_VERIFY_WITH_TIMEOUT(!DeploymentProcess(*m_ws, d.id).hasLiveSupervisor(), 5000);
    QCOMPARE(DeploymentSupervisor::backoffMs(1), 1000);
    QCOMPARE(DeploymentSupervisor::backoffMs(3), 4000);
    QCOMPARE(DeploymentSupervisor::backoffMs(10), 30000);
}

// A server whose process lives but whose GET / stops answering (it hangs
// while a flag file exists) becomes Unhealthy, with the last lines of its
// log in the message `service show` prints, and Healthy again once it
// answers; it is not restarted meanwhile.
void TestDeployments::hangingLivenessIsUnhealthyThenHealthy()
{
    const QString flag = path(QStringLiteral("hang.flag"));
    const QByteArray script =
        "import os, sys, time\n"
        "FLAG = "
        + QJsonDocument(QJsonArray{flag}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
        + "\n"
          "def init():\n"
          "    handler = sys.modules['__main__'].Handler\n"
          "    answer = handler.do_GET\n"
          "    def do_GET(self):\n"
          "        if os.path.exists(FLAG):\n"
          "            print('liveness held by the flag file', flush=True)\n"
          "        while os.path.exists(FLAG):\n"
          "            time.sleep(0.05)\n"
          "        answer(self)\n"
          "    handler.do_GET = do_GET\n"
          "def run(raw_data):\n"
          "    return 'ok'\n";
    QVERIFY(testing::writeFile(path(QStringLiteral("hangs.py")), script));
    const Deployment d = deployed(QStringLiteral("hangs"), "hangs.py");
    QCOMPARE(d.status, QStringLiteral("Healthy"));
    const qint64 server = DeploymentProcess(*m_ws, d.id).liveServer();
    QVERIFY(server > 0);

    QVERIFY(testing::writeFile(flag, "hang\n"));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d.id)->status, QStringLiteral("Unhealthy"),
                              15000);
    const QString dir = path(QStringLiteral("cli-hangs"));
    QVERIFY(QDir().mkpath(dir));
    const testing::MlwbResult shown = testing::runMlwb(
        {QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("hangs"),
         QStringLiteral("--format"), QStringLiteral("json")},
        testing::cliEnvironment(dir, path(QStringLiteral("ws"))), dir);
    QVERIFY2(shown.code == 0, qPrintable(shown.err));
    const QJsonObject record = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("Unhealthy"));
    const QString message = record.value(QStringLiteral("message")).toString();
    QVERIFY2(message.startsWith(QStringLiteral("GET / failed 3 times in a row")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("liveness held by the flag file")),
             qPrintable(message));

    QVERIFY(QFile::remove(flag));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d.id)->status, QStringLiteral("Healthy"),
                              10000);
    // The same server all along: an unhealthy one is watched, not killed.
    QCOMPARE(DeploymentProcess(*m_ws, d.id).liveServer(), server);
    QCOMPARE(Deployments(*m_ws).find(d.id)->restartCount, 0);
    QCOMPARE(post(d, "{}").status, 200);
    QString error;
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestDeployments::stopStartDelete()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-web"));
    QVERIFY(d);
    DeploymentProcess process(*m_ws, d->id);
    const qint64 server = process.liveServer();
    QString error;
    QVERIFY2(Deployer::stop(*m_ws, d->name, &error), qPrintable(error));
    QCOMPARE(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Stopped"));
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(server), 5000);
    QCOMPARE(post(*d, m_request).status, 0);
    QCOMPARE(Deployer::reattach(*m_ws, &error), 0); // stopped stays stopped
    QVERIFY2(Deployer::start(*m_ws, d->name, &error), qPrintable(error));
    const auto started = Deployer::waitUntilSettled(*m_ws, d->id, 60000, &error);
    QVERIFY(started);
    QCOMPARE(started->status, QStringLiteral("Healthy"));
    QCOMPARE(started->restartCount, 0);
    QCOMPARE(post(*d, m_request).status, 200);
    const DeploymentFolder folder(m_ws->folder(Workspace::Folder::Deployments), d->name);
    const qint64 again = process.liveServer();
    QVERIFY2(Deployer::remove(*m_ws, d->name, &error), qPrintable(error));
    QVERIFY(!Deployments(*m_ws).find(d->name));
    QVERIFY(!QFileInfo::exists(folder.root()));
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(again), 5000);
}

void TestDeployments::refusesWhatItCannotServe()
{
    DeployRequest request;
    request.name = QStringLiteral("nothing");
    request.scoringScript = path(QStringLiteral("missing.py"));
    Deployment d;
    QString error;
    QVERIFY(!Deployer::deploy(*m_ws, request, &d, &error));
    QCOMPARE(error, QStringLiteral("The scoring script %1 is not a readable file.")
                        .arg(path(QStringLiteral("missing.py"))));
    request.scoringScript = path(QStringLiteral("score.py"));
    request.target = QStringLiteral("nowhere");
    QVERIFY(!Deployer::deploy(*m_ws, request, &d, &error));
    QVERIFY(!Deployments(*m_ws).find(request.name));
    request.target = QStringLiteral("local");
    request.auth = QStringLiteral("password");
    QVERIFY(!Deployer::deploy(*m_ws, request, &d, &error));
    QCOMPARE(error, QStringLiteral("'password' is not an authentication mode: use none or key."));
    QVERIFY(!QFileInfo::exists(
        DeploymentFolder(m_ws->folder(Workspace::Folder::Deployments), request.name).root()));
}

// Schema 7 rebuilds the deployments table: rows of an older workspace stay,
// and its changes still bump the revision the GUI watches.
void TestDeployments::upgradeKeepsImageDeployments()
{
    QString error;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upgrade"));
        db.setDatabaseName(path(QStringLiteral("old.db")));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY2(schema::migrate(db, &error, 4), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO images(id, name, tag, status, created_at) "
                                      "VALUES (1, 'img', '1', 'Succeeded', 0)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO deployments(name, image_id, status, url, "
                                      "config, created_at, updated_at) VALUES ('old', 1, "
                                      "'Healthy', 'http://h/score', '{\"a\":1}', 5, 6)")));
        QVERIFY2(schema::migrate(db, &error), qPrintable(error));
        QCOMPARE(schema::currentVersion(db, &error), schema::latestVersion());
        QVERIFY(q.exec(QStringLiteral("SELECT name, image_id, status, url, config, auth, "
                                      "desired, restart_count, scoring_script FROM deployments")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("old"));
        QCOMPARE(q.value(1).toLongLong(), 1);
        QCOMPARE(q.value(2).toString(), QStringLiteral("Healthy"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("http://h/score"));
        QCOMPARE(q.value(4).toString(), QStringLiteral("{\"a\":1}"));
        QCOMPARE(q.value(5).toString(), QStringLiteral("none"));
        QCOMPARE(q.value(6).toString(), QStringLiteral("running"));
        QCOMPARE(q.value(7).toInt(), 0);
        QCOMPARE(q.value(8).toString(), QString());
        q.finish();
        // Neither an image nor a script: refused by the table itself.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO deployments(name, status, created_at, "
                                       "updated_at) VALUES ('empty', 'Stopped', 0, 0)")));
        const auto revision = [&] {
            QSqlQuery r(db);
            r.exec(QStringLiteral("SELECT value FROM revisions WHERE topic = 'deployments'"));
            return r.next() ? r.value(0).toLongLong() : -1;
        };
        const qint64 before = revision();
        QVERIFY(q.exec(QStringLiteral("UPDATE deployments SET status = 'Stopped'")));
        QCOMPARE(revision(), before + 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("upgrade"));
}

QTEST_GUILESS_MAIN(TestDeployments)
#include "tst_deployments.moc"
