// `mlwb service update` end to end with the real binary: requests keep
// coming while a deployment moves from image v1 to v2 (served as processes:
// fake podman and docker that cannot run anything come first on the PATH),
// none fails, the answers switch, the port stays; a new version whose
// init() raises leaves the old one serving.
#include "mlwbprocess.h"
#include "runs/processgroup.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentprocess.h"
#include "store/deployments.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

using namespace mlwb;
using namespace mlwb::testing;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// A steady stream of scoring requests, `parallel` in flight at any time.
class Load : public QObject
{
public:
    struct Answer {
        qint64 sentMs = 0;
        int status = 0;
        QByteArray body;
        QString error;
    };

    Load(const QString &url, int parallel)
        : m_url(url)
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_clock.start();
        for (int i = 0; i < parallel; ++i)
            send();
    }
    void stop() { m_stopping = true; }
    bool idle() const { return m_inFlight == 0; }
    qint64 now() const { return m_clock.elapsed(); }
    const QList<Answer> &answers() const { return m_answers; }
    int failures() const
    {
        int n = 0;
        for (const Answer &a : m_answers)
            n += a.status != 200;
        return n;
    }
    QString firstFailure() const
    {
        for (const Answer &a : m_answers)
            if (a.status != 200)
                return QStringLiteral("HTTP %1 %2 %3")
                    .arg(a.status)
                    .arg(QString::fromUtf8(a.body), a.error);
        return QString();
    }
    // How many answers sent at or after `fromMs` said `body`, and how many did not.
    QPair<int, int> said(const QByteArray &body, qint64 fromMs) const
    {
        QPair<int, int> n{0, 0};
        for (const Answer &a : m_answers)
            if (a.sentMs >= fromMs)
                (a.body == body ? n.first : n.second)++;
        return n;
    }

private:
    void send()
    {
        QNetworkRequest request{QUrl(m_url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const qint64 sent = m_clock.elapsed();
        QNetworkReply *reply = m_network.post(request, QByteArrayLiteral("{\"data\": [1]}"));
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply, sent] {
            reply->deleteLater();
            --m_inFlight;
            m_answers.append({sent,
                              reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                              reply->readAll().trimmed(), reply->errorString()});
            if (!m_stopping)
                send();
        });
    }

    QString m_url;
    QNetworkAccessManager m_network;
    QElapsedTimer m_clock;
    QList<Answer> m_answers;
    int m_inFlight = 0;
    bool m_stopping = false;
};

} // namespace

class TestServiceUpdate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void failingInitKeepsTheOldVersion();
    void updateSwitchesWithoutDroppingRequests();
    void updateToModelsAndScript();
    void updatedServerOutlivesItsSupervisor();

private:
    MlwbResult mlwb(const QString &line);
    // Runs mlwb while `load` keeps sending (the event loop turns meanwhile).
    MlwbResult mlwbUnderLoad(const QString &line);
    QJsonObject shown();
    qint64 server();
    qint64 supervisor();
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QJsonObject m_deployed;
};

MlwbResult TestServiceUpdate::mlwb(const QString &line)
{
    return runMlwb(words(line), m_env, m_dir.path());
}

MlwbResult TestServiceUpdate::mlwbUnderLoad(const QString &line)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(MLWB_BINARY), words(line));
    MlwbResult result;
    if (!process.waitForStarted(10000))
        return result;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 60000)
        QTest::qWait(20);
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QJsonObject TestServiceUpdate::shown()
{
    return QJsonDocument::fromJson(
               mlwb(QStringLiteral("service show svc --format json")).out.toUtf8())
        .object();
}

// The scoring server's process group, as the supervisor recorded it.
qint64 TestServiceUpdate::server()
{
    QString error;
    const auto ws = Workspace::open(path(QStringLiteral("ws")), &error);
    const auto d = ws ? Deployments(*ws).find(QStringLiteral("svc"), &error) : std::nullopt;
    return d ? DeploymentProcess(*ws, d->id).liveServer() : -1;
}

qint64 TestServiceUpdate::supervisor()
{
    QString error;
    const auto ws = Workspace::open(path(QStringLiteral("ws")), &error);
    const auto d = ws ? Deployments(*ws).find(QStringLiteral("svc"), &error) : std::nullopt;
    if (!d)
        return -1;
    const DeploymentProcess process(*ws, d->id);
    return process.hasLiveSupervisor() ? process.supervisorPid() : -1;
}

void TestServiceUpdate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(Workspace::create(path(QStringLiteral("ws")), &error), qPrintable(error));
    QVERIFY(makeTinyBase(path(QStringLiteral("base"))).ok);
    // podman and docker that cannot run anything, first on the PATH: served as processes.
    const QString bin = path(QStringLiteral("bin"));
    for (const char *engine : {"podman", "docker"}) {
        const QString file = bin + QLatin1Char('/') + QLatin1String(engine);
        QVERIFY(tinyWrite(file, "#!/bin/sh\necho 'Error: no containers here' >&2\nexit 125\n"));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ExeOwner);
    }
    m_env = cliEnvironment(m_dir.path(), path(QStringLiteral("ws")));
    m_env.insert(QStringLiteral("PATH"),
                 bin + QLatin1Char(':') + m_env.value(QStringLiteral("PATH")));
    QVERIFY(tinyWrite(path(QStringLiteral("model.pkl")), "weights"));
    QCOMPARE(mlwb(QStringLiteral("model register iris --path model.pkl")).code, 0);
    // v1 and v2 answer their version; v3's init() raises.
    QVERIFY(tinyWrite(path(QStringLiteral("v1.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return 'v1'\n"));
    // v2 answers only with its own image's variable (not v1's).
    QVERIFY(tinyWrite(path(QStringLiteral("v2.py")),
                      "import os\n\ndef init():\n    pass\n\ndef run(raw_data):\n"
                      "    return 'v2' if os.environ.get('ORIGIN') == 'image-2' else "
                      "'ORIGIN=' + os.environ.get('ORIGIN', '')\n"));
    QVERIFY(tinyWrite(path(QStringLiteral("v3.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return 'v3'\n"));
    QVERIFY(tinyWrite(path(QStringLiteral("broken.py")),
                      "def init():\n    raise RuntimeError('the model file is corrupt')\n\n"
                      "def run(raw_data):\n    return 'never'\n"));
    int n = 0;
    for (const char *script : {"v1.py", "v2.py", "broken.py"}) {
        const MlwbResult built = mlwb(QStringLiteral("image build svc-image --model iris:1 "
                                                     "--scoring-script %1 --env ORIGIN=image-%2 "
                                                     "--base oci-archive:base/base-oci.tar")
                                          .arg(QLatin1String(script))
                                          .arg(++n));
        QVERIFY2(built.code == 0, qPrintable(built.err));
    }
    const MlwbResult deployed =
        mlwb(QStringLiteral("service deploy svc --image svc-image:1 --format json"));
    QVERIFY2(deployed.code == 0, qPrintable(deployed.err));
    m_deployed = QJsonDocument::fromJson(deployed.out.toUtf8()).object();
    QCOMPARE(m_deployed.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(m_deployed.value(QStringLiteral("mode")).toString(), QStringLiteral("process"));
}

void TestServiceUpdate::cleanupTestCase()
{
    const MlwbResult deleted = mlwb(QStringLiteral("service delete svc"));
    QVERIFY2(deleted.code == 0, qPrintable(deleted.err));
}

void TestServiceUpdate::failingInitKeepsTheOldVersion()
{
    const qint64 before = server();
    QVERIFY(before > 0);
    Load load(m_deployed.value(QStringLiteral("scoring_uri")).toString(), 4);
    const MlwbResult r = mlwbUnderLoad(QStringLiteral("service update svc --image svc-image:3"));
    const qint64 after = load.now();
    QTRY_VERIFY(load.said("\"v1\"", after).first >= 20);
    load.stop();
    QTRY_VERIFY(load.idle());
    QCOMPARE(r.code, 1);
    // The reason, with the new server's own traceback.
    QVERIFY2(r.err.contains(QLatin1String("init() failed")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("RuntimeError: the model file is corrupt")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("svc keeps serving what it served")), qPrintable(r.err));
    QVERIFY2(load.failures() == 0, qPrintable(load.firstFailure()));
    QCOMPARE(load.said("\"v1\"", 0).second, 0);
    const QJsonObject now = shown();
    QCOMPARE(now.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(now.value(QStringLiteral("image")).toString(), QStringLiteral("svc-image:1"));
    QCOMPARE(now.value(QStringLiteral("port")), m_deployed.value(QStringLiteral("port")));
    QCOMPARE(server(), before);
    // Nothing of the failed server is left.
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("ws/deployments/svc/update-1"))));
}

void TestServiceUpdate::updateSwitchesWithoutDroppingRequests()
{
    const qint64 old = server();
    QVERIFY(old > 0);
    Load load(m_deployed.value(QStringLiteral("scoring_uri")).toString(), 4);
    QTRY_VERIFY(load.said("\"v1\"", 0).first >= 20);
    const qint64 started = load.now();
    const MlwbResult r =
        mlwbUnderLoad(QStringLiteral("service update svc --image svc-image:2 --format json"));
    const qint64 updated = load.now();
    QTRY_VERIFY(load.said("\"v2\"", updated).first >= 20);
    load.stop();
    QTRY_VERIFY(load.idle());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    qInfo("%lld requests answered, %d of them v1, during an update of %lld ms",
          qint64(load.answers().size()), load.said("\"v1\"", 0).first, updated - started);
    QVERIFY2(load.failures() == 0, qPrintable(load.firstFailure()));
    // v1 until the switch, v2 for every request sent after the update returned.
    QVERIFY(load.said("\"v1\"", 0).first >= 20);
    QCOMPARE(load.said("\"v2\"", updated).second, 0);
    const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(out.value(QStringLiteral("image")).toString(), QStringLiteral("svc-image:2"));
    QCOMPARE(out.value(QStringLiteral("scoring_uri")),
             m_deployed.value(QStringLiteral("scoring_uri")));
    const QJsonObject now = shown();
    QCOMPARE(now.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(now.value(QStringLiteral("image")).toString(), QStringLiteral("svc-image:2"));
    QCOMPARE(now.value(QStringLiteral("models")).toArray(), QJsonArray{QStringLiteral("iris:1")});
    QCOMPARE(now.value(QStringLiteral("port")), m_deployed.value(QStringLiteral("port")));
    QCOMPARE(now.value(QStringLiteral("scoring_uri")),
             m_deployed.value(QStringLiteral("scoring_uri")));
    // The old server is gone; the new one is the one recorded.
    QVERIFY(!processgroup::isAlive(old));
    const qint64 current = server();
    QVERIFY(current > 0 && current != old);
}

// A deployment without an image: model versions and a scoring script.
void TestServiceUpdate::updateToModelsAndScript()
{
    Load load(m_deployed.value(QStringLiteral("scoring_uri")).toString(), 2);
    const MlwbResult r = mlwbUnderLoad(
        QStringLiteral("service update svc --model iris:1 --scoring-script v3.py --format json"));
    const qint64 updated = load.now();
    QTRY_VERIFY(load.said("\"v3\"", updated).first >= 10);
    load.stop();
    QTRY_VERIFY(load.idle());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(load.failures() == 0, qPrintable(load.firstFailure()));
    QCOMPARE(load.said("\"v3\"", updated).second, 0);
    const QJsonObject now = shown();
    QCOMPARE(now.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QVERIFY(now.value(QStringLiteral("image")).isNull());
    QCOMPARE(now.value(QStringLiteral("models")).toArray(), QJsonArray{QStringLiteral("iris:1")});
    QCOMPARE(now.value(QStringLiteral("scoring_script")).toString(), path(QStringLiteral("v3.py")));
    QCOMPARE(now.value(QStringLiteral("port")), m_deployed.value(QStringLiteral("port")));
    // The folder of the server it replaced is gone.
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("ws/deployments/svc/update-1"))));
    QVERIFY(QFileInfo::exists(path(QStringLiteral("ws/deployments/svc/update-2/app/v3.py"))));
}

// After an update the server runs from its own folder behind the front: a
// killed supervisor's successor adopts it, and a stop without any
// supervisor frees the public port.
void TestServiceUpdate::updatedServerOutlivesItsSupervisor()
{
    const QString url = m_deployed.value(QStringLiteral("scoring_uri")).toString();
    const qint64 served = server();
    qint64 watcher = supervisor();
    QVERIFY(served > 0 && watcher > 0);
    // A server an update cut off by the kill would leave: its own session, its folder.
    const QString cutOff = path(QStringLiteral("ws/deployments/svc/update-9"));
    QProcess leftover;
    leftover.setProgram(QStringLiteral("setsid"));
    leftover.setArguments({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("echo $$ > \"$1/pgid\"; sleep 60"),
                           QStringLiteral("mlwb-serve"), cutOff});
    QProcessEnvironment leftoverEnv = QProcessEnvironment::systemEnvironment();
    leftoverEnv.insert(QStringLiteral("MLWB_RUN_DIR"), cutOff);
    leftover.setProcessEnvironment(leftoverEnv);
    leftover.setStandardOutputFile(QProcess::nullDevice());
    leftover.setStandardErrorFile(QProcess::nullDevice());
    qint64 left = -1;
    QVERIFY(QDir().mkpath(cutOff) && leftover.startDetached(&left));
    QTRY_COMPARE(processgroup::readNumber(cutOff + QStringLiteral("/pgid")), left);
    QVERIFY(::kill(pid_t(watcher), SIGKILL) == 0);
    QTRY_VERIFY(!processgroup::isAlive(watcher));
    {
        Load load(url, 2);
        QTRY_VERIFY(load.said("\"v3\"", 0).first >= 10);
        load.stop();
        QTRY_VERIFY(load.idle());
        QVERIFY2(load.failures() == 0, qPrintable(load.firstFailure()));
    }
    QCOMPARE(mlwb(QStringLiteral("service list")).code, 0); // reattaches
    QTRY_VERIFY(supervisor() > 0 && supervisor() != watcher);
    QCOMPARE(server(), served);
    QCOMPARE(shown().value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QTRY_VERIFY(!processgroup::isAlive(left));
    QTRY_VERIFY(!QFileInfo::exists(cutOff));
    // A front that died is started again by the supervisor.
    const QString control =
        DeploymentFront::controlPath(path(QStringLiteral("ws/deployments/svc")));
    QByteArray ping;
    QString error;
    QVERIFY2(DeploymentFront::command(control, "ping", &ping, &error), qPrintable(error));
    const qint64 front = ping.split(' ').value(0).toLongLong();
    QVERIFY(front > 0 && ::kill(pid_t(front), SIGKILL) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(DeploymentFront::command(control, "ping", &ping, &error)
                                 && ping.split(' ').value(0).toLongLong() != front,
                             10000);
    {
        Load load(url, 1);
        QTRY_VERIFY(load.said("\"v3\"", 0).first >= 5);
        load.stop();
        QTRY_VERIFY(load.idle());
        QVERIFY2(load.failures() == 0, qPrintable(load.firstFailure()));
    }
    // No supervisor at all: stop ends the server and the front.
    watcher = supervisor();
    QVERIFY(::kill(pid_t(watcher), SIGKILL) == 0);
    QTRY_VERIFY(!processgroup::isAlive(watcher));
    const MlwbResult stopped = mlwb(QStringLiteral("service stop svc"));
    QVERIFY2(stopped.code == 0, qPrintable(stopped.err));
    QVERIFY(!processgroup::isAlive(served));
    Load refused(url, 1);
    QTRY_VERIFY(!refused.answers().isEmpty());
    refused.stop();
    QTRY_VERIFY(refused.idle());
    QCOMPARE(refused.answers().first().status, 0); // nothing listens on the port any more
}

QTEST_GUILESS_MAIN(TestServiceUpdate)
#include "tst_serviceupdate.moc"
