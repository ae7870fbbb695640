// Registry references as users write them, WWW-Authenticate challenges as
// registries send them, and credentials from the auth files podman and
// docker write (first file wins, URL keys, nothing without an entry).
#include "oci/registryauth.h"
#include "oci/registryreference.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb::oci;

class TestRegistryReference : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void notRegistries();
    void challenge();
    void authFiles();
};

void TestRegistryReference::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("loopback");
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    QTest::newRow("port and tag") << QStringLiteral("127.0.0.1:5000/team/iris:1")
                                  << QStringLiteral("127.0.0.1:5000") << QStringLiteral("team/iris")
                                  << QStringLiteral("1") << true;
    QTest::newRow("no tag is latest")
        << QStringLiteral("ghcr.io/org/img") << QStringLiteral("ghcr.io")
        << QStringLiteral("org/img") << QStringLiteral("latest") << false;
    QTest::newRow("digest") << QStringLiteral("localhost/a@") + digest
                            << QStringLiteral("localhost") << QStringLiteral("a") << digest << true;
}

void TestRegistryReference::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, ref);
    QFETCH(bool, loopback);
    RegistryReference r;
    QString error;
    QVERIFY2(RegistryReference::parse(text, &r, &error), qPrintable(error));
    QCOMPARE(r.registry, registry);
    QCOMPARE(r.repository, repository);
    QCOMPARE(r.manifestRef(), ref);
    QCOMPARE(r.isLoopback(), loopback);
}

void TestRegistryReference::notRegistries()
{
    for (const char *text :
         {"oci-archive:base.tar", "oci:/tmp/layout", "tarball:base/x.tar", "team/iris:1", "iris"})
        QVERIFY2(!RegistryReference::looksLikeRegistry(QLatin1String(text)), text);
    RegistryReference r;
    QString error;
    QVERIFY(!RegistryReference::parse(QStringLiteral("127.0.0.1:5000/Team/iris:1"), &r, &error));
    QVERIFY2(error.contains(QLatin1String("lower case")), qPrintable(error));
    QVERIFY(!RegistryReference::parse(QStringLiteral("127.0.0.1:5000/a@sha256:12"), &r, &error));
    QVERIFY2(error.contains(QLatin1String("64 hex")), qPrintable(error));
}

void TestRegistryReference::challenge()
{
    const AuthChallenge c = AuthChallenge::parse(
        "Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
        "scope=\"repository:a/b:pull,push\"");
    QCOMPARE(c.scheme, QStringLiteral("bearer"));
    QCOMPARE(c.params.value(QStringLiteral("realm")), QStringLiteral("https://auth.example/token"));
    QCOMPARE(c.params.value(QStringLiteral("service")), QStringLiteral("registry.example"));
    QCOMPARE(c.params.value(QStringLiteral("scope")), QStringLiteral("repository:a/b:pull,push"));
    QCOMPARE(AuthChallenge::parse("Basic realm=\"x\"").scheme, QStringLiteral("basic"));
}

void TestRegistryReference::authFiles()
{
    QTemporaryDir dir;
    qputenv("HOME", dir.path().toUtf8());
    qputenv("XDG_RUNTIME_DIR", dir.filePath(QStringLiteral("run")).toUtf8());
    qunsetenv("REGISTRY_AUTH_FILE");
    QVERIFY(RegistryAuthFiles::find(QStringLiteral("r.example")).isEmpty());
    QDir().mkpath(dir.filePath(QStringLiteral(".docker")));
    QFile docker(dir.filePath(QStringLiteral(".docker/config.json")));
    QVERIFY(docker.open(QIODevice::WriteOnly));
    docker.write("{\"auths\":{\"https://r.example/v1/\":{\"auth\":\""
                 + QByteArray("dora:d-pass").toBase64() + "\"}}}");
    docker.close();
    RegistryCredentials c = RegistryAuthFiles::find(QStringLiteral("r.example"));
    QCOMPARE(c.user, QStringLiteral("dora"));
    QCOMPARE(c.password, QStringLiteral("d-pass"));
    QCOMPARE(c.source, docker.fileName());
    // podman's file comes first
    QDir().mkpath(dir.filePath(QStringLiteral("run/containers")));
    QFile podman(dir.filePath(QStringLiteral("run/containers/auth.json")));
    QVERIFY(podman.open(QIODevice::WriteOnly));
    podman.write("{\"auths\":{\"r.example\":{\"auth\":\"" + QByteArray("pia:p-pass").toBase64()
                 + "\"}}}");
    podman.close();
    c = RegistryAuthFiles::find(QStringLiteral("r.example"));
    QCOMPARE(c.user, QStringLiteral("pia"));
    QCOMPARE(c.source, podman.fileName());
    QVERIFY(RegistryAuthFiles::find(QStringLiteral("other.example")).isEmpty());
}

QTEST_GUILESS_MAIN(TestRegistryReference)
#include "tst_registryreference.moc"
