// The registry client against a fake registry (tests/fixtures/fakeregistry.h):
// push and pull work, and 401, 404, 500, a dropped connection, an unreachable
// host and a corrupt blob each give an error naming the cause; the bearer
// token flow and credentials from an auth.json.
#include "fakeregistry.h"
#include "mlwbprocess.h"
#include "oci/imagepull.h"
#include "oci/imagepush.h"
#include "oci/imagestore.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;
using namespace mlwb::testing;

class TestRegistryFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pushAndPull();
    void pushFaults_data();
    void pushFaults();
    void chunkedUploadResumesAfterDrop();
    void pullFaults_data();
    void pullFaults();
    void pullPicksPlatformFromIndex();
    void bearerTokenWithAuthFile();
    void basicAuthRefusedNamesTheFile();
    void typedCredentials();

private:
    bool push(FakeRegistry &fake, QString *error, PushResult *result = nullptr);
    bool pull(FakeRegistry &fake, QString *error, PullResult *result = nullptr);
    void writeAuthFile(const QString &registry, const QByteArray &userPass);

    QTemporaryDir m_dir;
    QString m_ws;
    TinyBase m_base;
    std::unique_ptr<Workspace> m_workspace;
};

void TestRegistryFaults::initTestCase()
{
    // Only the files this test writes may hold credentials.
    qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", m_dir.filePath(QStringLiteral("run")).toUtf8());
    qputenv("REGISTRY_AUTH_FILE", m_dir.filePath(QStringLiteral("auth.json")).toUtf8());
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(Workspace::create(m_ws, &error), qPrintable(error));
    m_base = makeTinyBase(m_dir.filePath(QStringLiteral("base")));
    QVERIFY(m_base.ok);
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("model.pkl")), "weights"));
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("score.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return raw_data\n"));
    const auto env = cliEnvironment(m_dir.path(), m_ws);
    QCOMPARE(runMlwb({QStringLiteral("model"), QStringLiteral("register"), QStringLiteral("iris"),
                      QStringLiteral("--path"), QStringLiteral("model.pkl")},
                     env, m_dir.path())
                 .code,
             0);
    const MlwbResult built =
        runMlwb(QStringLiteral("image build svc --model iris:1 --scoring-script score.py --base "
                               "oci-archive:base/base-oci.tar")
                    .split(QLatin1Char(' ')),
                env, m_dir.path());
    QVERIFY2(built.code == 0, qPrintable(built.err));
    m_workspace = Workspace::open(m_ws, &error);
    QVERIFY2(m_workspace, qPrintable(error));
}

bool TestRegistryFaults::push(FakeRegistry &fake, QString *error, PushResult *result)
{
    PushRequest request{QStringLiteral("svc:1"), fake.address() + QStringLiteral("/team/svc:1")};
    return pushImage(*m_workspace, request, {}, {}, result, error);
}

bool TestRegistryFaults::pull(FakeRegistry &fake, QString *error, PullResult *result)
{
    return pullImage(*m_workspace, fake.address() + QStringLiteral("/team/base:1"), true, {}, {},
                     result, error);
}

void TestRegistryFaults::writeAuthFile(const QString &registry, const QByteArray &userPass)
{
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("auth.json")),
                      "{\"auths\":{\"" + registry.toUtf8() + "\":{\"auth\":\"" + userPass.toBase64()
                          + "\"}}}"));
}

void TestRegistryFaults::pushAndPull()
{
    FakeRegistry fake(m_base.layout);
    QString error;
    PushResult pushed;
    QVERIFY2(push(fake, &error, &pushed), qPrintable(error));
    // every blob of the image but its manifest: the base layer, the added layers, the config
    const oci::ImageStore store(m_workspace->folder(Workspace::Folder::Images));
    const auto manifest = store.find(QStringLiteral("svc:1"), &error);
    QVERIFY2(manifest, qPrintable(error));
    QStringList blobs;
    QVERIFY2(store.blobsOf(*manifest, &blobs, &error), qPrintable(error));
    blobs.removeOne(manifest->digest);
    // the fake already holds the base layer (it serves the base's layout): HEAD finds it
    QCOMPARE(pushed.blobsSkipped, 1);
    QCOMPARE(pushed.blobsSent, blobs.size() - 1);
    blobs.removeOne(m_base.layerDigest);
    blobs.sort();
    QCOMPARE(QStringList(fake.uploaded.keys()), blobs);
    for (auto it = fake.uploaded.cbegin(); it != fake.uploaded.cend(); ++it)
        QCOMPARE(tinySha(it.value()), it.key());
    PullResult pulled;
    QVERIFY2(pull(fake, &error, &pulled), qPrintable(error));
    QCOMPARE(pulled.manifestDigest, m_base.manifestDigest);
    QCOMPARE(pulled.blobsFetched, 2);
    QVERIFY(QFileInfo::exists(pulled.layout + QStringLiteral("/blobs/sha256/")
                              + m_base.layerDigest.mid(7)));
    QVERIFY2(pull(fake, &error, &pulled), qPrintable(error));
    QCOMPARE(pulled.blobsFetched, 0);
    QCOMPARE(pulled.blobsReused, 2);
}

void TestRegistryFaults::pushFaults_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("expected");
    QTest::newRow("401 without credentials") << 401 << QStringLiteral("no credentials for");
    QTest::newRow("404 repository") << 404 << QStringLiteral("does not exist");
    QTest::newRow("500 with the registry's message") << 500 << QStringLiteral("storage is on fire");
    QTest::newRow("dropped mid-blob") << 0 << QStringLiteral("dropped");
    QTest::newRow("unreachable") << -1 << QStringLiteral("Cannot reach the registry");
}

void TestRegistryFaults::pushFaults()
{
    QFETCH(int, fault);
    QFETCH(QString, expected);
    QFile::remove(m_dir.filePath(QStringLiteral("auth.json")));
    FakeRegistry fake;
    fake.setHook([fault](const FakeRequest &r, QTcpSocket *s) {
        if (fault == 401 && r.path != QLatin1String("/v2/")) {
            FakeRegistry::reply(s, 401,
                                FakeRegistry::errors("UNAUTHORIZED", "authentication required"),
                                {{"WWW-Authenticate", "Basic realm=\"fake\""}});
            return true;
        }
        if (r.method == "POST" && (fault == 404 || fault == 500)) {
            FakeRegistry::reply(
                s, fault,
                fault == 404 ? FakeRegistry::errors("NAME_UNKNOWN", "repository name not known")
                             : FakeRegistry::errors("UNKNOWN", "storage is on fire"));
            return true;
        }
        if (fault == 0 && r.method == "PUT") {
            s->abort();
            return true;
        }
        return false;
    });
    QString error;
    if (fault == -1) {
        // a port nothing listens on: the fake's, once it is closed
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        PushRequest request{QStringLiteral("svc:1"),
                            QStringLiteral("127.0.0.1:%1/team/svc:1").arg(port)};
        QVERIFY(!pushImage(*m_workspace, request, {}, {}, nullptr, &error));
    } else {
        QVERIFY(!push(fake, &error));
    }
    QVERIFY2(error.contains(expected), qPrintable(error));
    if (fault == 0) {
        QVERIFY2(error.contains(QLatin1String("tried 3 times")), qPrintable(error));
        int puts = 0;
        for (const FakeRequest &r : std::as_const(fake.requests))
            puts += r.method == "PUT";
        QVERIFY2(puts >= 3, "the upload was not retried"); // Qt itself may resend once more
    }
}

void TestRegistryFaults::chunkedUploadResumesAfterDrop()
{
    qputenv("MLWB_REGISTRY_CHUNK_BYTES", "65536");
    QFile::remove(m_ws + QStringLiteral("/registry-pushes.json"));
    FakeRegistry fake; // holds nothing: every blob is sent
    int patches = 0;
    fake.setHook([&](const FakeRequest &r, QTcpSocket *s) {
        if (r.method == "PATCH" && ++patches == 2) {
            // the registry took the second chunk, but the connection dropped before it said so
            fake.session += r.body;
            s->abort();
            return true;
        }
        return false;
    });
    QString error;
    PushResult pushed;
    const bool ok = push(fake, &error, &pushed);
    qunsetenv("MLWB_REGISTRY_CHUNK_BYTES");
    QVERIFY2(ok, qPrintable(error));
    // the 256 KiB base layer went in 64 KiB chunks; after the drop the client
    // asked where the upload stood and went on from there
    QVERIFY2(patches >= 5, qPrintable(QString::number(patches)));
    int statusChecks = 0;
    for (const FakeRequest &r : std::as_const(fake.requests))
        statusChecks += r.method == "GET" && r.path == QLatin1String("/v2/upload/1");
    QVERIFY(statusChecks >= 1);
    QVERIFY(fake.uploaded.contains(m_base.layerDigest));
    for (auto it = fake.uploaded.cbegin(); it != fake.uploaded.cend(); ++it)
        QCOMPARE(tinySha(it.value()), it.key());
}

void TestRegistryFaults::pullFaults_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404 tag") << QStringLiteral("404") << QStringLiteral("the tag 1 does not exist");
    QTest::newRow("500 on the manifest")
        << QStringLiteral("500") << QStringLiteral("HTTP 500 while fetching the manifest");
    QTest::newRow("dropped mid-blob") << QStringLiteral("drop") << QStringLiteral("dropped");
    QTest::newRow("corrupt blob") << QStringLiteral("corrupt") << QStringLiteral("is corrupt");
}

void TestRegistryFaults::pullFaults()
{
    QFETCH(QString, fault);
    QFETCH(QString, expected);
    FakeRegistry fake(m_base.layout);
    const QString layer = m_base.layerDigest;
    fake.setHook([&](const FakeRequest &r, QTcpSocket *s) {
        const bool manifest = r.path.contains(QLatin1String("/manifests/"));
        if (fault == QLatin1String("404") && manifest) {
            FakeRegistry::reply(s, 404,
                                FakeRegistry::errors("MANIFEST_UNKNOWN", "manifest unknown"));
            return true;
        }
        if (fault == QLatin1String("500") && manifest) {
            FakeRegistry::reply(s, 500, FakeRegistry::errors("UNKNOWN", "disk trouble"));
            return true;
        }
        if (r.path.endsWith(layer) && r.method == "GET") {
            QByteArray bytes =
                tinyRead(m_base.layout + QStringLiteral("/blobs/sha256/") + layer.mid(7));
            if (fault == QLatin1String("drop")) {
                s->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(bytes.size())
                         + "\r\n\r\n" + bytes.left(bytes.size() / 2));
                s->flush();
                s->disconnectFromHost();
                return true;
            }
            if (fault == QLatin1String("corrupt")) {
                bytes[100] = char(bytes[100] ^ 1);
                FakeRegistry::reply(s, 200, bytes);
                return true;
            }
        }
        return false;
    });
    const QString target =
        pulledBasePath(*m_workspace, fake.address() + QStringLiteral("/team/base:1"));
    QString error;
    QVERIFY(!pull(fake, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(!QFileInfo::exists(target), "a failed pull left a base behind");
    QCOMPARE(QDir(QFileInfo(target).path())
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestRegistryFaults::pullPicksPlatformFromIndex()
{
    // A Docker manifest list naming arm64 and amd64 images; the manifest comes as Docker schema 2.
    FakeRegistry fake(m_base.layout);
    const QByteArray manifest =
        tinyRead(m_base.layout + QStringLiteral("/blobs/sha256/") + m_base.manifestDigest.mid(7));
    const QByteArray list =
        "{\"schemaVersion\":2,\"mediaType\":"
        "\"application/vnd.docker.distribution.manifest.list.v2+json\",\"manifests\":["
        "{\"mediaType\":\"application/"
        "vnd.docker.distribution.manifest.v2+json\",\"digest\":\"sha256:"
        + QByteArray(64, 'a')
        + "\",\"size\":10,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}},"
          "{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\""
        + m_base.manifestDigest.toUtf8() + "\",\"size\":" + QByteArray::number(manifest.size())
        + ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}";
    QStringList manifestsAsked;
    fake.setHook([&](const FakeRequest &r, QTcpSocket *s) {
        if (!r.path.contains(QLatin1String("/manifests/")))
            return false;
        manifestsAsked << r.path.section(QLatin1Char('/'), -1);
        if (r.path.endsWith(QLatin1String("/1")))
            FakeRegistry::reply(
                s, 200, list,
                {{"Content-Type", "application/vnd.docker.distribution.manifest.list.v2+json"}});
        else
            FakeRegistry::reply(
                s, 200, manifest,
                {{"Content-Type", "application/vnd.docker.distribution.manifest.v2+json"}});
        return true;
    });
    QString error;
    PullResult pulled;
    QVERIFY2(pull(fake, &error, &pulled), qPrintable(error));
    QCOMPARE(manifestsAsked, (QStringList{QStringLiteral("1"), m_base.manifestDigest}));
    QCOMPARE(pulled.manifestDigest, m_base.manifestDigest);
    // the stored layout is a base a build reads
    oci::BaseImage base;
    QTemporaryDir staging;
    QVERIFY2(oci::BaseImageReader::read(QStringLiteral("oci:") + pulled.layout, staging.path(),
                                        &base, {}, &error),
             qPrintable(error));
    QCOMPARE(base.pythonVersion, QStringLiteral("3.11"));
    QCOMPARE(base.layers.size(), 1);
    QCOMPARE(base.layers.first().digest, m_base.layerDigest);
}

void TestRegistryFaults::bearerTokenWithAuthFile()
{
    FakeRegistry fake(m_base.layout);
    writeAuthFile(fake.address(), "alice:s3cret");
    QByteArrayList tokenQueries;
    const QByteArray realm = "http://" + fake.address().toUtf8() + "/token";
    fake.setHook([&](const FakeRequest &r, QTcpSocket *s) {
        if (r.path == QLatin1String("/token")) {
            tokenQueries << r.query.toString().toUtf8();
            const bool good = r.headers.value("authorization")
                              == "Basic " + QByteArray("alice:s3cret").toBase64();
            FakeRegistry::reply(s, good ? 200 : 401, good ? "{\"token\":\"tok-1\"}" : "{}");
            return true;
        }
        if (r.headers.value("authorization") != "Bearer tok-1") {
            FakeRegistry::reply(
                s, 401, {},
                {{"WWW-Authenticate",
                  "Bearer realm=\"" + realm
                      + "\",service=\"fake\",scope=\"repository:team/base:pull\""}});
            return true;
        }
        return false;
    });
    QString error;
    QVERIFY2(pull(fake, &error), qPrintable(error));
    QVERIFY(!tokenQueries.isEmpty());
    QVERIFY2(tokenQueries.first().contains("service=fake"), tokenQueries.first().constData());
    QVERIFY2(tokenQueries.first().contains("scope=repository:team/base:pull"),
             tokenQueries.first().constData());

    writeAuthFile(fake.address(), "alice:wrong");
    QDir(pulledBasePath(*m_workspace, fake.address() + QStringLiteral("/team/base:1")))
        .removeRecursively();
    QVERIFY(!pull(fake, &error));
    QVERIFY2(error.contains(QLatin1String("were refused")), qPrintable(error));
    QVERIFY2(error.contains(m_dir.filePath(QStringLiteral("auth.json"))), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("wrong")), "a secret was printed");
}

void TestRegistryFaults::basicAuthRefusedNamesTheFile()
{
    FakeRegistry fake(m_base.layout);
    writeAuthFile(fake.address(), "bob:pw1");
    fake.setHook([](const FakeRequest &r, QTcpSocket *s) {
        if (r.headers.value("authorization") == "Basic " + QByteArray("bob:pw1").toBase64())
            return false;
        FakeRegistry::reply(s, 401, {}, {{"WWW-Authenticate", "Basic realm=\"fake\""}});
        return true;
    });
    QString error;
    QVERIFY2(pull(fake, &error), qPrintable(error));
    writeAuthFile(fake.address(), "bob:pw2");
    QDir(pulledBasePath(*m_workspace, fake.address() + QStringLiteral("/team/base:1")))
        .removeRecursively();
    QVERIFY(!pull(fake, &error));
    QVERIFY2(error.contains(QLatin1String("refused")) && error.contains(QLatin1String("auth.json")),
             qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("pw2")));
}

// Credentials typed in the Push dialog or given with --username and
// --password-stdin are used instead of the login files, named (never
// printed) when refused, and never stored.
void TestRegistryFaults::typedCredentials()
{
    FakeRegistry fake(m_base.layout);
    QFile::remove(m_dir.filePath(QStringLiteral("auth.json")));
    fake.setHook([](const FakeRequest &r, QTcpSocket *s) {
        if (r.headers.value("authorization") == "Basic " + QByteArray("carol:pw").toBase64())
            return false;
        FakeRegistry::reply(s, 401, {}, {{"WWW-Authenticate", "Basic realm=\"fake\""}});
        return true;
    });
    PushRequest request{QStringLiteral("svc:1"), fake.address() + QStringLiteral("/team/svc:1")};
    PushResult result;
    QString error;
    QVERIFY(!pushImage(*m_workspace, request, {}, {}, &result, &error));
    QVERIFY2(error.contains(QLatin1String("no credentials")), qPrintable(error));
    request.credentials = {QStringLiteral("carol"), QStringLiteral("wrong-secret"),
                           QStringLiteral("the Push dialog")};
    QVERIFY(!pushImage(*m_workspace, request, {}, {}, &result, &error));
    QVERIFY2(error.contains(QLatin1String("the Push dialog were refused")), qPrintable(error));
    QVERIFY(!error.contains(QLatin1String("wrong-secret")));
    request.credentials.password = QStringLiteral("pw");
    QVERIFY2(pushImage(*m_workspace, request, {}, {}, &result, &error), qPrintable(error));
    QVERIFY(result.blobsSent > 0);

    // The CLI twin reads the password from standard input, never from its arguments.
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment(m_dir.path(), m_ws));
    cli.setWorkingDirectory(m_dir.path());
    cli.start(QStringLiteral(MLWB_BINARY),
              {QStringLiteral("image"), QStringLiteral("pull"),
               fake.address() + QStringLiteral("/team/base:1"), QStringLiteral("--username"),
               QStringLiteral("carol"), QStringLiteral("--password-stdin")});
    cli.write("pw\n");
    cli.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning,
                             30000); // the fake answers meanwhile
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const MlwbResult half = runMlwb({QStringLiteral("image"), QStringLiteral("pull"),
                                     QStringLiteral("127.0.0.1:1/team/base:1"),
                                     QStringLiteral("--username"), QStringLiteral("carol")},
                                    cliEnvironment(m_dir.path(), m_ws), m_dir.path());
    QCOMPARE(half.code, 1);
    QVERIFY2(half.err.contains(QLatin1String("--password-stdin")), qPrintable(half.err));
    // Nothing typed was written into the workspace.
    QProcess grep;
    grep.start(QStringLiteral("grep"),
               {QStringLiteral("-rl"), QStringLiteral("wrong-secret"), m_ws});
    QVERIFY(grep.waitForFinished());
    QCOMPARE(grep.readAllStandardOutput(), QByteArray());
}

QTEST_GUILESS_MAIN(TestRegistryFaults)
#include "tst_registryfaults.moc"
