// Deployments on an SSH VM, end to end against a real sshd on 127.0.0.1: a
// scikit-learn model served by the scoring server running detached on the
// "VM", reached through a forward on the shared ControlMaster connection;
// keys sent there, a dropped link, a killed supervisor, stop and delete.
#include "mlwbprocess.h"
#include "oci/imagebuilder.h"
#include "registry/modelregistry.h"
#include "runs/processgroup.h"
#include "serving/deployer.h"
#include "serving/deploymentfolder.h"
#include "serving/deploymentprocess.h"
#include "serving/scoringclient.h"
#include "serving/servicekeys.h"
#include "sklearnservice.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>

using namespace mlwb;

class TestSshDeploy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void servesOnTheVm();
    void cliDeploysToTheVm();
    void imageIsServedOnTheVm();
    void keysReachTheVm();
    void reconnectsAfterTheLinkDrops();
    void reattachesAfterSupervisorAndStreamKilled();
    void updateReplacesTheServerOnTheVm();
    void stopStartDelete();
    void unreachableVmIsNamed();

private:
    Deployment deployed(const QString &name, const QString &target, const QString &auth = {});
    ScoringResponse post(const Deployment &d, const QByteArray &body, const QString &key = {});
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // The scoring server's process group on the VM, from its remote folder.
    qint64 remoteServer(const Deployment &d) const;
    QString remoteFolder(const Deployment &d) const;

    QTemporaryDir m_dir;
    SshFixture m_sshd;
    std::unique_ptr<Workspace> m_ws;
    ModelVersion m_model;
    QJsonArray m_expected;
    QByteArray m_request;
    ScoringClient m_client;
};

void TestSshDeploy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QString error;
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
    QVERIFY2(m_sshd.trustHostKey(&error), qPrintable(error));
    testing::IrisService iris;
    QVERIFY2(testing::makeIrisService(m_dir.path(), &iris, &error), qPrintable(error));
    m_ws = std::move(iris.workspace);
    m_model = iris.model;
    m_expected = iris.expected;
    m_request = iris.request;
    for (const auto &[name, port] : {std::pair{QStringLiteral("vm"), m_sshd.port()},
                                     std::pair{QStringLiteral("gone"), SshFixture::freePort()}}) {
        ComputeTarget t;
        t.name = name;
        t.kind = ComputeTarget::Kind::Ssh;
        t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                    {QStringLiteral("port"), port},
                    {QStringLiteral("user"), m_sshd.user()},
                    {QStringLiteral("identity"), m_sshd.identity()},
                    {QStringLiteral("python"), QStringLiteral("/usr/bin/python3")},
                    {QStringLiteral("workdir"), path(QStringLiteral("vm-home"))}};
        QVERIFY2(ComputeTargets(*m_ws).add(&t, &error), qPrintable(error));
    }
}

void TestSshDeploy::cleanupTestCase()
{
    if (!m_ws)
        return;
    QString error;
    const QList<Deployment> all = Deployments(*m_ws).list(&error);
    for (const Deployment &d : all)
        QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

Deployment TestSshDeploy::deployed(const QString &name, const QString &target, const QString &auth)
{
    DeployRequest request;
    request.name = name;
    request.models = {m_model};
    request.scoringScript = path(QStringLiteral("score.py"));
    request.target = target;
    request.restartBackoffMs = 200;
    if (!auth.isEmpty())
        request.auth = auth;
    Deployment d;
    QString error;
    if (!Deployer::deploy(*m_ws, request, &d, &error)) {
        qWarning("deploy failed: %s", qPrintable(error));
        return {};
    }
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 60000, &error);
    return settled ? *settled : Deployment{};
}

ScoringResponse TestSshDeploy::post(const Deployment &d, const QByteArray &body, const QString &key)
{
    return m_client.post(d.url, body, key, 10000);
}

QString TestSshDeploy::remoteFolder(const Deployment &d) const
{
    return d.config.value(QStringLiteral("remote_folder")).toString();
}

qint64 TestSshDeploy::remoteServer(const Deployment &d) const
{
    // After an update the server runs from a subfolder (config "server_folder").
    const auto now = Deployments(*m_ws).find(d.id);
    const QString sub =
        now ? now->config.value(QStringLiteral("server_folder")).toString() : QString();
    const QString folder = remoteFolder(d) + (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
    if (QFileInfo::exists(folder + QStringLiteral("/exit_code")))
        return -1;
    const qint64 pgid = processgroup::readNumber(folder + QStringLiteral("/pgid"));
    return pgid > 0 && processgroup::isAlive(pgid) ? pgid : -1;
}

void TestSshDeploy::servesOnTheVm()
{
    const Deployment d = deployed(QStringLiteral("iris-vm"), QStringLiteral("vm"));
    QVERIFY2(d.status == QLatin1String("Healthy"), qPrintable(d.status + d.message));
    // The scoring URI is on this computer: the forward, behind the front.
    QCOMPARE(d.url, QStringLiteral("http://127.0.0.1:%1/score").arg(d.port));
    QVERIFY(Deployer::modeReason(d).contains(QStringLiteral("SSH VM vm")));
    ScoringResponse r = post(d, m_request);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), m_expected);
    r = post(d, "{not json");
    QCOMPARE(r.status, 400);
    r = post(d, R"({"rows": []})");
    QCOMPARE(r.status, 500);
    QVERIFY(!r.body.contains("Traceback"));
    // The server runs from the VM's folder, not from the workspace.
    const QString folder = remoteFolder(d);
    QVERIFY2(folder.startsWith(path(QStringLiteral("vm-home/deployments/iris-vm-"))),
             qPrintable(folder));
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/azureml-models/iris/1/model.pkl")));
    const qint64 server = remoteServer(d);
    QVERIFY(server > 0);
    QFile cwd(QStringLiteral("/proc/%1/cwd").arg(server));
    QCOMPARE(QFileInfo(cwd.fileName()).canonicalFilePath(),
             QFileInfo(folder + QStringLiteral("/app")).canonicalFilePath());
    // Its log comes home, as a local server's does.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile log(Deployer::logPath(*m_ws, d));
            return log.open(QIODevice::ReadOnly) && log.readAll().contains("model loaded");
        }(),
        10000);
}

// The CLI twin: `service deploy --target VM`, then call, show and delete.
void TestSshDeploy::cliDeploysToTheVm()
{
    const QProcessEnvironment env = testing::cliEnvironment(m_dir.path(), m_ws->path());
    testing::MlwbResult r = testing::runMlwb(
        {QStringLiteral("service"), QStringLiteral("deploy"), QStringLiteral("cli-vm"),
         QStringLiteral("--model"), QStringLiteral("iris:1"), QStringLiteral("--scoring-script"),
         path(QStringLiteral("score.py")), QStringLiteral("--target"), QStringLiteral("vm"),
         QStringLiteral("--format"), QStringLiteral("json")},
        env, m_dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(shown.value(QStringLiteral("target")).toString(), QStringLiteral("vm"));
    r = testing::runMlwb({QStringLiteral("service"), QStringLiteral("call"),
                          QStringLiteral("cli-vm"), QStringLiteral("--data"),
                          QStringLiteral("@") + path(QStringLiteral("train/request.json")),
                          QStringLiteral("--format"), QStringLiteral("json")},
                         env, m_dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                 .object()
                 .value(QStringLiteral("response"))
                 .toArray(),
             m_expected);
    const QString folder = remoteFolder(*Deployments(*m_ws).find(QStringLiteral("cli-vm")));
    r = testing::runMlwb(
        {QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("cli-vm")}, env,
        m_dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(folder));
}

// An image goes to a VM as its models and scoring script, run with the
// VM's Python: no archive crosses the link, no engine is needed there.
void TestSshDeploy::imageIsServedOnTheVm()
{
    const testing::TinyBase base = testing::makeTinyBase(path(QStringLiteral("tiny")));
    QVERIFY(base.ok);
    ImageBuildRequest build;
    build.name = QStringLiteral("scorer");
    build.models = {QStringLiteral("iris:1")};
    build.scoringScript = path(QStringLiteral("score.py"));
    build.base = QStringLiteral("oci-archive:") + base.ociArchive;
    Image image;
    QString error;
    QVERIFY2(ImageBuilder(*m_ws).build(build, &image, &error), qPrintable(error));
    DeployRequest request;
    request.name = QStringLiteral("image-vm");
    request.image = image;
    request.target = QStringLiteral("vm");
    Deployment d;
    QVERIFY2(Deployer::deploy(*m_ws, request, &d, &error), qPrintable(error));
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 60000, &error);
    QVERIFY(settled);
    QVERIFY2(settled->status == QLatin1String("Healthy"),
             qPrintable(settled->status + settled->message));
    QVERIFY2(Deployer::modeReason(*settled).startsWith(
                 QStringLiteral("the image's models and scoring script, served on the SSH VM vm")),
             qPrintable(Deployer::modeReason(*settled)));
    QCOMPARE(settled->imageId, image.id);
    const ScoringResponse r = post(*settled, m_request);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), m_expected);
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestSshDeploy::keysReachTheVm()
{
    const Deployment d =
        deployed(QStringLiteral("secure-vm"), QStringLiteral("vm"), QStringLiteral("key"));
    QVERIFY2(d.status == QLatin1String("Healthy"), qPrintable(d.status + d.message));
    ServiceKeys keys(*m_ws, d.name);
    QString primary, secondary, error;
    QVERIFY2(keys.read(&primary, &secondary, &error), qPrintable(error));
    QCOMPARE(post(d, m_request).status, 401);
    QCOMPARE(post(d, m_request, primary).status, 200);
    QCOMPARE(post(d, m_request, secondary).status, 200);
    // The VM's copy is the user's only.
    QCOMPARE(QFileInfo(remoteFolder(d) + QStringLiteral("/keys")).permissions() & 0x0077,
             QFile::Permissions());
    QVERIFY2(keys.regenerate(QStringLiteral("primary"), &error), qPrintable(error));
    QString newPrimary;
    QVERIFY(keys.read(&newPrimary, &secondary, &error));
    QTRY_COMPARE_WITH_TIMEOUT(post(d, m_request, primary).status, 401, 10000);
    QCOMPARE(post(d, m_request, newPrimary).status, 200);
    QCOMPARE(post(d, m_request, secondary).status, 200);
}

// sshd goes away with every connection: the server on the VM runs on; the
// deployment says why it cannot be reached, and reconnects when it can.
void TestSshDeploy::reconnectsAfterTheLinkDrops()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-vm"));
    QVERIFY(d);
    const qint64 server = remoteServer(*d);
    QVERIFY(server > 0);
    m_sshd.stop();
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Unhealthy"),
                              20000);
    const QString message = Deployments(*m_ws).find(d->id)->message;
    qInfo("while sshd is down: %s", qPrintable(message));
    // Either the stream ended ("The SSH link to vm (...) was lost") or a reconnect failed.
    QVERIFY2(message.contains(QStringLiteral("vm (127.0.0.1:%1)").arg(m_sshd.port())),
             qPrintable(message));
    QCOMPARE(remoteServer(*d), server);
    QString error;
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Healthy"),
                              30000);
    QCOMPARE(remoteServer(*d), server); // reconnected to, not started again
    const ScoringResponse r = post(*d, m_request);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).array(), m_expected);
}

// The GUI's machine loses its supervisor and the log stream (SIGKILL): the
// service goes on, and a new supervisor reattaches to the same server.
void TestSshDeploy::reattachesAfterSupervisorAndStreamKilled()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-vm"));
    QVERIFY(d);
    DeploymentProcess process(*m_ws, d->id);
    const qint64 supervisor = process.supervisorPid();
    const qint64 stream = process.liveServer();
    const qint64 server = remoteServer(*d);
    QVERIFY(supervisor > 0 && stream > 0 && server > 0);
    QVERIFY(::kill(pid_t(supervisor), SIGKILL) == 0);
    QVERIFY(processgroup::signal(stream, SIGKILL));
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(supervisor), 5000);
    QCOMPARE(post(*d, m_request).status, 200); // the forward lives in the connection
    QString error;
    QCOMPARE(Deployer::reattach(*m_ws, &error), 1);
    QTRY_VERIFY_WITH_TIMEOUT(process.liveServer() > 0 && process.liveServer() != stream, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Healthy"),
                              20000);
    QCOMPARE(remoteServer(*d), server);
    QCOMPARE(post(*d, m_request).status, 200);
}

// The new server starts on the VM beside the old one; calls made meanwhile
// all succeed; the old one is stopped there.
void TestSshDeploy::updateReplacesTheServerOnTheVm()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-vm"));
    QVERIFY(d);
    const qint64 old = remoteServer(*d);
    QVERIFY(old > 0);
    DeployRequest what;
    what.models = {m_model};
    what.scoringScript = path(QStringLiteral("score.py"));
    Deployment updated;
    QString error;
    int calls = 0, failed = 0;
    QThread *updater = QThread::create([&] {
        QString why; // a connection of this thread's own, as the app's jobs have
        const auto ws = Workspace::open(m_ws->path(), &why);
        if (!ws || !Deployer::update(*ws, d->name, what, 60000, &updated, &why))
            error = why.isEmpty() ? QStringLiteral("update failed") : why;
    });
    updater->start();
    while (!updater->isFinished()) {
        ++calls;
        failed += post(*d, m_request).status == 200 ? 0 : 1;
    }
    updater->wait();
    delete updater;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(calls > 5);
    QCOMPARE(failed, 0);
    QCOMPARE(updated.url, d->url);
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(old), 10000);
    const qint64 now = remoteServer(*d);
    QVERIFY(now > 0 && now != old);
    QCOMPARE(post(*d, m_request).status, 200);
}

void TestSshDeploy::stopStartDelete()
{
    const auto d = Deployments(*m_ws).find(QStringLiteral("iris-vm"));
    QVERIFY(d);
    const qint64 server = remoteServer(*d);
    QString error;
    QVERIFY2(Deployer::stop(*m_ws, d->name, &error), qPrintable(error));
    QCOMPARE(Deployments(*m_ws).find(d->id)->status, QStringLiteral("Stopped"));
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(server), 10000);
    QVERIFY(post(*d, m_request).status != 200);
    QVERIFY2(Deployer::start(*m_ws, d->name, &error), qPrintable(error));
    const auto again = Deployer::waitUntilSettled(*m_ws, d->id, 60000, &error);
    QVERIFY(again);
    QCOMPARE(again->status, QStringLiteral("Healthy"));
    QVERIFY(remoteServer(*again) > 0 && remoteServer(*again) != server);
    QCOMPARE(post(*again, m_request).status, 200);
    const QString folder = remoteFolder(*d);
    QVERIFY2(Deployer::remove(*m_ws, d->name, &error), qPrintable(error));
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(!Deployments(*m_ws).find(d->name));
}

void TestSshDeploy::unreachableVmIsNamed()
{
    DeployRequest request;
    request.name = QStringLiteral("nowhere");
    request.models = {m_model};
    request.scoringScript = path(QStringLiteral("score.py"));
    request.target = QStringLiteral("gone");
    Deployment d;
    QString error;
    QVERIFY2(Deployer::deploy(*m_ws, request, &d, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(Deployments(*m_ws).find(d.id)->status, QStringLiteral("Unhealthy"),
                              20000);
    const QString message = Deployments(*m_ws).find(d.id)->message;
    QVERIFY2(message.contains(QStringLiteral("Cannot reach gone")), qPrintable(message));
    // Deleting it does not wait for the VM to come back; what is left there is said.
    QString warning;
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error, &warning), qPrintable(error));
    QVERIFY2(warning.contains(QStringLiteral("left in")), qPrintable(warning));
    QVERIFY(!Deployments(*m_ws).find(d.name));
}

QTEST_GUILESS_MAIN(TestSshDeploy)
#include "tst_sshdeploy.moc"
