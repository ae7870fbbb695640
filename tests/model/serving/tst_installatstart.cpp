// Packages an image lacks, installed by pip when the service first starts:
// the builder records them in the image's Env, and the scoring server
// installs them before init() (here from a local wheel folder, since this
// machine has no network), or fails with pip's reason and stays Failed.
#include "oci/imagebuilder.h"
#include "oci/imagerecipes.h"
#include "oci/imagestore.h"
#include "registry/modelregistry.h"
#include "serving/deployer.h"
#include "serving/scoringclient.h"
#include "store/environments.h"
#include "store/workspace.h"
#include "tinybase.h"
#include "tinywheel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;
using namespace mlwb::testing;

class TestInstallAtStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void builderRecordsWhatIsMissing();
    void serverInstallsBeforeInit();
    void installFailureFailsTheDeployment();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    Deployment deploy(const QString &name, const QString &findLinks);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    Image m_image;
};

void TestInstallAtStart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY); // mlwb-service-supervisor is found beside it
    // podman and docker that run nothing: the image is served as a process.
    for (const char *engine : {"podman", "docker"}) {
        const QString file = path(QStringLiteral("bin/")) + QLatin1String(engine);
        QVERIFY(tinyWrite(file, "#!/bin/sh\necho 'Error: no containers here' >&2\nexit 125\n"));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ExeOwner);
    }
    qputenv("PATH", path(QStringLiteral("bin")).toUtf8() + ':' + qgetenv("PATH"));
    QString error;
    m_ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY(tinyWrite(path(QStringLiteral("weights.txt")), "1\n"));
    RegisterRequest model;
    model.name = QStringLiteral("answer");
    model.path = path(QStringLiteral("weights.txt"));
    ModelVersion version;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(model, &version, &error), qPrintable(error));
    QVERIFY(tinyWrite(path(QStringLiteral("score.py")), "import tinypkg\n"
                                                        "def init():\n"
                                                        "    pass\n"
                                                        "def run(raw_data):\n"
                                                        "    return {'answer': tinypkg.ANSWER}\n"));
    EnvironmentVersion env;
    env.python = QStringLiteral("/usr/bin/python3");
    env.packages = {QStringLiteral("tinypkg >= 1")};
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("needs-tiny"), &env, &error),
             qPrintable(error));
    const TinyBase base = makeTinyBase(path(QStringLiteral("base")));
    QVERIFY(base.ok);
    ImageBuildRequest build;
    build.name = QStringLiteral("answer-svc");
    build.models = {QStringLiteral("answer:1")};
    build.scoringScript = path(QStringLiteral("score.py"));
    build.environment = QStringLiteral("needs-tiny:1");
    build.base = QStringLiteral("oci-archive:") + base.ociArchive;
    build.installMissingAtStart = true;
    QVERIFY2(ImageBuilder(*m_ws).build(build, &m_image, &error), qPrintable(error));
}

void TestInstallAtStart::cleanupTestCase()
{
    QString error;
    for (const QString &name : {QStringLiteral("with-tiny"), QStringLiteral("without-tiny")})
        Deployer::remove(*m_ws, name, &error); // what a failed test left running
}

void TestInstallAtStart::builderRecordsWhatIsMissing()
{
    const QJsonArray listed = m_image.inputs.value(QStringLiteral("packages"))
                                  .toObject()
                                  .value(QStringLiteral("install_at_start"))
                                  .toArray();
    QCOMPARE(listed, QJsonArray{QStringLiteral("tinypkg >= 1")});
    QJsonObject config, manifest;
    QString error;
    QVERIFY2(oci::readImageConfig(oci::ImageStore(m_ws->folder(Workspace::Folder::Images)), m_image,
                                  &config, &manifest, &error),
             qPrintable(error));
    const QJsonArray env =
        config.value(QStringLiteral("config")).toObject().value(QStringLiteral("Env")).toArray();
    QVERIFY2(env.contains(QStringLiteral("MLWB_INSTALL_AT_START=tinypkg>=1")),
             QJsonDocument(env).toJson().constData());
}

Deployment TestInstallAtStart::deploy(const QString &name, const QString &findLinks)
{
    // pip reads these from the environment the supervisor and server inherit.
    qputenv("PIP_NO_INDEX", "1");
    qputenv("PIP_FIND_LINKS", findLinks.toUtf8());
    DeployRequest request;
    request.name = name;
    request.image = m_image;
    Deployment d;
    QString error;
    if (!Deployer::deploy(*m_ws, request, &d, &error))
        qWarning("%s", qPrintable(error));
    qunsetenv("PIP_FIND_LINKS");
    qunsetenv("PIP_NO_INDEX");
    return d;
}

void TestInstallAtStart::serverInstallsBeforeInit()
{
    const QString wheels = path(QStringLiteral("wheels"));
    QDir().mkpath(wheels);
    QVERIFY(makeWheel(wheels, QStringLiteral("tinypkg-1.0-py3-none-any.whl"),
                      QStringLiteral("tinypkg"), QStringLiteral("1.0")));
    const Deployment d = deploy(QStringLiteral("with-tiny"), wheels);
    QVERIFY(d.id > 0);
    QString error;
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 60000, &error);
    QVERIFY2(settled, qPrintable(error));
    QVERIFY2(settled->status == QLatin1String("Healthy"), qPrintable(settled->message));
    const ScoringResponse r = ScoringClient().post(settled->url, "{}", QString(), 10000);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("answer")).toInt(), 42);
    QFile log(Deployer::logPath(*m_ws, *settled));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("installing at first start: tinypkg>=1"));
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestInstallAtStart::installFailureFailsTheDeployment()
{
    const QString empty = path(QStringLiteral("no-wheels"));
    QDir().mkpath(empty);
    const Deployment d = deploy(QStringLiteral("without-tiny"), empty);
    QVERIFY(d.id > 0);
    QString error;
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 60000, &error);
    QVERIFY2(settled, qPrintable(error));
    QCOMPARE(settled->status, QStringLiteral("Failed"));
    QFile log(Deployer::logPath(*m_ws, *settled));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("could not install tinypkg>=1 at first start")
                 && text.contains("network access"),
             text.constData());
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestInstallAtStart)
#include "tst_installatstart.moc"
