// `mlwb image ...` end to end with the real binary: build, list, show,
// exports, Dockerfile, IoT Edge manifest, delete rules and bad input.
#include "mlwbprocess.h"
#include "store/deployments.h"
#include "store/images.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstring>
#include <memory>

using namespace mlwb;
using namespace mlwb::testing;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestImageCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void buildListShow();
    void resourcesStoredAndShown();
    void exportsAndRecipes();
    void dockerfileBuildsTheSameImage();
    void deleteRefusedWhileDeployed();
    void imageServedAsProcessWithoutEngine();
    void interruptedBuildLeavesNothing();
    void refusesBadInput_data();
    void refusesBadInput();

private:
    MlwbResult run(const QStringList &arguments);
    QJsonValue json(const QStringList &arguments);
    QString build();
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
    TinyBase m_base;
};

MlwbResult TestImageCli::run(const QStringList &arguments)
{
    return runMlwb(arguments, cliEnvironment(m_dir->path(), m_ws), m_dir->path());
}

QJsonValue TestImageCli::json(const QStringList &arguments)
{
    const MlwbResult result = run(arguments + words(QStringLiteral("--format json")));
    if (result.code != 0)
        qWarning() << arguments << result.code << result.err;
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void TestImageCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ws = path(QStringLiteral("ws"));
    QString error;
    QVERIFY2(Workspace::create(m_ws, &error), qPrintable(error));
    m_base = makeTinyBase(path(QStringLiteral("base")));
    QVERIFY(m_base.ok);
    QVERIFY(tinyWrite(path(QStringLiteral("model.pkl")), "weights"));
    QVERIFY(tinyWrite(path(QStringLiteral("score.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return raw_data\n"));
    QCOMPARE(run(words(QStringLiteral("model register iris --path model.pkl"))).code, 0);
}

QString TestImageCli::build()
{
    const MlwbResult r =
        run(words(QStringLiteral("image build iris-svc --model iris:1 "
                                 "--scoring-script score.py --port 5005 "
                                 "--label team=ml --base oci-archive:base/base-oci.tar")));
    if (r.code != 0)
        qWarning() << r.err;
    return r.out;
}

void TestImageCli::buildListShow()
{
    QCOMPARE(build(), QStringLiteral("iris-svc:1\n"));
    QCOMPARE(build(), QStringLiteral("iris-svc:2\n"));
    const QJsonArray list = json(words(QStringLiteral("image list"))).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("ref")).toString(),
             QStringLiteral("iris-svc:1"));
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("digest")),
             list.at(1).toObject().value(QStringLiteral("digest")));
    const QJsonObject show = json(words(QStringLiteral("image show iris-svc:2"))).toObject();
    const QJsonArray layers = show.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 4);
    QCOMPARE(layers.at(0).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("base"));
    QCOMPARE(layers.at(0).toObject().value(QStringLiteral("digest")).toString(),
             m_base.layerDigest);
    QCOMPARE(layers.at(1).toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("models"));
    QVERIFY(show.value(QStringLiteral("load_command"))
                .toString()
                .contains(QLatin1String("podman load -i")));
    const QJsonObject inputs = show.value(QStringLiteral("inputs")).toObject();
    QCOMPARE(inputs.value(QStringLiteral("models")).toArray(),
             QJsonArray{QStringLiteral("iris:1")});
    QCOMPARE(
        inputs.value(QStringLiteral("base")).toObject().value(QStringLiteral("python")).toString(),
        QStringLiteral("3.11"));
    const MlwbResult table = run(words(QStringLiteral("image show iris-svc:1")));
    QCOMPARE(table.code, 0);
    QVERIFY2(table.out.contains(m_base.layerDigest), qPrintable(table.out));
    const QJsonObject base =
        json(words(QStringLiteral("image inspect-base oci:base/layout"))).toObject();
    QCOMPARE(base.value(QStringLiteral("python")).toString(), QStringLiteral("3.11"));
    QCOMPARE(base.value(QStringLiteral("os")).toString(), QStringLiteral("linux"));
    QCOMPARE(base.value(QStringLiteral("python_packages"))
                 .toObject()
                 .value(QStringLiteral("numpy"))
                 .toString(),
             QStringLiteral("1.24.2"));
}

void TestImageCli::resourcesStoredAndShown()
{
    const MlwbResult r = run(words(QStringLiteral(
        "image build iris-svc --model iris:1 --scoring-script score.py --cpu 1.5 --memory 1.5G "
        "--env GREETING=hi --env EMPTY= --base oci-archive:base/base-oci.tar")));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // --env goes into the config's Env, which podman, docker and the Dockerfile use.
    const MlwbResult dockerfile = run(words(QStringLiteral("image dockerfile iris-svc:1 ctx")));
    QVERIFY2(dockerfile.code == 0, qPrintable(dockerfile.err));
    QFile recipe(path(QStringLiteral("ctx/Dockerfile")));
    QVERIFY(recipe.open(QIODevice::ReadOnly));
    const QByteArray text = recipe.readAll();
    QVERIFY2(text.contains("GREETING") && text.contains("hi"), text.constData());
    // image show reads them back from the config's labels, where engines see them.
    const QJsonObject show = json(words(QStringLiteral("image show iris-svc:1"))).toObject();
    QCOMPARE(show.value(QStringLiteral("resources")).toObject(),
             (QJsonObject{{QStringLiteral("cpu"), 1.5},
                          {QStringLiteral("memory"), QStringLiteral("1.5G")},
                          {QStringLiteral("memory_bytes"), 1610612736}}));
    const MlwbResult table = run(words(QStringLiteral("image show iris-svc:1")));
    QVERIFY2(table.out.contains(QLatin1String("1.5G")), qPrintable(table.out));
    QCOMPARE(build(), QStringLiteral("iris-svc:2\n"));
    QCOMPARE(json(words(QStringLiteral("image show iris-svc:2")))
                 .toObject()
                 .value(QStringLiteral("resources"))
                 .toObject(),
             QJsonObject());
}

void TestImageCli::exportsAndRecipes()
{
    QCOMPARE(build(), QStringLiteral("iris-svc:1\n"));
    QCOMPARE(run(words(QStringLiteral("image export iris-svc:1 out/oci.tar"))).code,
             1); // no folder
    QDir().mkpath(path(QStringLiteral("out")));
    QCOMPARE(run(words(QStringLiteral("image export iris-svc:1 out/oci.tar"))).code, 0);
    QCOMPARE(run(words(QStringLiteral("image export iris-svc:1 out/docker.tar --as docker"))).code,
             0);
    for (const QString &spec : {QStringLiteral("oci-archive:out/oci.tar"),
                                QStringLiteral("docker-archive:out/docker.tar")}) {
        QProcess skopeo;
        skopeo.setWorkingDirectory(m_dir->path());
        skopeo.start(QStringLiteral("skopeo"), {QStringLiteral("inspect"), spec});
        QVERIFY(skopeo.waitForFinished(60000));
        QVERIFY2(skopeo.exitCode() == 0, skopeo.readAllStandardError().constData());
    }

    QCOMPARE(run(words(QStringLiteral("image dockerfile iris-svc:1 ctx"))).code, 0);
    const QString dockerfile = QString::fromUtf8(tinyRead(path(QStringLiteral("ctx/Dockerfile"))));
    QVERIFY2(dockerfile.contains(QLatin1String("FROM scratch\nADD base/layer-00.tar.gz /\n"
                                               "COPY models/ /\nCOPY app/ /\nCOPY server/ /\n")),
             qPrintable(dockerfile));
    QVERIFY(dockerfile.contains(QLatin1String("EXPOSE 5005/tcp")));
    QVERIFY(dockerfile.contains(
        QLatin1String("ENTRYPOINT [\"python3\",\"/var/azureml-app/mlwb_score_server.py\"]")));
    QCOMPARE(tinyRead(path(
                 QStringLiteral("ctx/models/var/azureml-app/azureml-models/iris/1/model.pkl"))),
             QByteArray("weights"));
    QVERIFY(QFile::exists(path(QStringLiteral("ctx/app/var/azureml-app/score.py"))));
    QVERIFY(QFile::exists(path(QStringLiteral("ctx/server/var/azureml-app/mlwb_score_server.py"))));
    QCOMPARE(
        tinyRead(path(QStringLiteral("ctx/base/layer-00.tar.gz"))),
        tinyRead(m_base.layout + QStringLiteral("/blobs/sha256/") + m_base.layerDigest.mid(7)));

    QCOMPARE(
        run(words(QStringLiteral("image iot-manifest iris-svc:1 deployment.template.json"))).code,
        0);
    const QJsonObject agent =
        QJsonDocument::fromJson(tinyRead(path(QStringLiteral("deployment.template.json"))))
            .object()
            .value(QStringLiteral("modulesContent"))
            .toObject()
            .value(QStringLiteral("$edgeAgent"))
            .toObject()
            .value(QStringLiteral("properties.desired"))
            .toObject();
    const QJsonObject module = agent.value(QStringLiteral("modules"))
                                   .toObject()
                                   .value(QStringLiteral("iris-svc"))
                                   .toObject();
    QCOMPARE(module.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("image"))
                 .toString(),
             QStringLiteral("iris-svc:1"));
    const QJsonObject options = module.value(QStringLiteral("settings"))
                                    .toObject()
                                    .value(QStringLiteral("createOptions"))
                                    .toObject();
    QCOMPARE(options.value(QStringLiteral("HostConfig"))
                 .toObject()
                 .value(QStringLiteral("PortBindings"))
                 .toObject()
                 .value(QStringLiteral("5005/tcp"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("HostPort"))
                 .toString(),
             QStringLiteral("5005"));
    QCOMPARE(module.value(QStringLiteral("env"))
                 .toObject()
                 .value(QStringLiteral("AZUREML_MODEL_DIR"))
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("/var/azureml-app/azureml-models/iris/1"));
    QVERIFY(agent.value(QStringLiteral("systemModules"))
                .toObject()
                .contains(QStringLiteral("edgeHub")));
}

void TestImageCli::dockerfileBuildsTheSameImage()
{
    if (QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty())
        QSKIP("podman is not installed: packaging/install-deps.sh installs it");
    QCOMPARE(build(), QStringLiteral("iris-svc:1\n"));
    QCOMPARE(run(words(QStringLiteral("image dockerfile iris-svc:1 ctx"))).code, 0);
    QVERIFY(
        tinyWrite(path(QStringLiteral("containers.conf")), "[containers]\ndefault_ulimits = []\n"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CONTAINERS_CONF"), path(QStringLiteral("containers.conf")));
    const auto tool = [&](const QString &program, const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir->path());
        p.start(program, args);
        const bool ok = p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit
                        && p.exitCode() == 0;
        if (!ok)
            qWarning() << program << args << p.readAllStandardError();
        return ok;
    };
    const QStringList podman{QStringLiteral("--runtime"), QStringLiteral("/usr/sbin/runc")};
    const QString tag = QStringLiteral("localhost/mlwb-dockerfile-test:1");
    QVERIFY(tool(QStringLiteral("podman"),
                 podman
                     + QStringList{QStringLiteral("build"), QStringLiteral("-q"),
                                   QStringLiteral("-t"), tag, QStringLiteral("ctx")}));
    const bool saved = tool(QStringLiteral("podman"),
                            podman
                                + QStringList{QStringLiteral("save"), QStringLiteral("--format"),
                                              QStringLiteral("oci-archive"), QStringLiteral("-o"),
                                              QStringLiteral("podman.tar"), tag});
    tool(QStringLiteral("podman"),
         podman + QStringList{QStringLiteral("rmi"), QStringLiteral("-f"), tag});
    QVERIFY(saved);
    // Both images unpacked with umoci: the same files where they belong, the same way to start.
    QDir().mkpath(path(QStringLiteral("theirs")));
    QDir().mkpath(path(QStringLiteral("ours")));
    QVERIFY(run(words(QStringLiteral("image export iris-svc:1 ours.tar"))).code == 0);
    QVERIFY(tool(QStringLiteral("tar"), words(QStringLiteral("-xf podman.tar -C theirs"))));
    QVERIFY(tool(QStringLiteral("tar"), words(QStringLiteral("-xf ours.tar -C ours"))));
    QVERIFY(tool(QStringLiteral("umoci"),
                 {QStringLiteral("unpack"), QStringLiteral("--image"),
                  QStringLiteral("theirs:") + tag, QStringLiteral("theirs-bundle")}));
    QVERIFY(tool(QStringLiteral("umoci"),
                 words(QStringLiteral("unpack --image ours:iris-svc:1 ours-bundle"))));
    for (const QString &file :
         {QStringLiteral("var/azureml-app/azureml-models/iris/1/model.pkl"),
          QStringLiteral("var/azureml-app/score.py"),
          QStringLiteral("var/azureml-app/mlwb_score_server.py"),
          QStringLiteral("usr/lib/python3.11/os.py"), QStringLiteral("etc/os-release")}) {
        const QByteArray ours = tinyRead(path(QStringLiteral("ours-bundle/rootfs/") + file));
        QVERIFY2(!ours.isEmpty(), qPrintable(file));
        QCOMPARE(tinyRead(path(QStringLiteral("theirs-bundle/rootfs/") + file)), ours);
    }
    const auto process = [&](const QString &bundle) {
        return QJsonDocument::fromJson(tinyRead(path(bundle + QStringLiteral("/config.json"))))
            .object()
            .value(QStringLiteral("process"))
            .toObject();
    };
    QCOMPARE(process(QStringLiteral("theirs-bundle")).value(QStringLiteral("args")),
             process(QStringLiteral("ours-bundle")).value(QStringLiteral("args")));
    QCOMPARE(process(QStringLiteral("theirs-bundle")).value(QStringLiteral("cwd")),
             process(QStringLiteral("ours-bundle")).value(QStringLiteral("cwd")));
    QStringList theirEnv, ourEnv;
    for (const QJsonValue &v :
         process(QStringLiteral("theirs-bundle")).value(QStringLiteral("env")).toArray())
        theirEnv << v.toString();
    for (const QJsonValue &v :
         process(QStringLiteral("ours-bundle")).value(QStringLiteral("env")).toArray())
        ourEnv << v.toString();
    theirEnv.sort();
    ourEnv.sort();
    QCOMPARE(theirEnv, ourEnv);
}

void TestImageCli::deleteRefusedWhileDeployed()
{
    QCOMPARE(build(), QStringLiteral("iris-svc:1\n"));
    QString error;
    {
        auto ws = Workspace::open(m_ws, &error);
        QVERIFY2(ws, qPrintable(error));
        Deployment d;
        d.name = QStringLiteral("svc");
        d.imageId = Images(*ws).find(QStringLiteral("iris-svc"), QStringLiteral("1"))->id;
        d.status = QStringLiteral("Healthy");
        QVERIFY2(Deployments(*ws).create(&d, &error), qPrintable(error));
    }
    const MlwbResult refused = run(words(QStringLiteral("image delete iris-svc:1")));
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QLatin1String("deployment 'svc'")), qPrintable(refused.err));
    const QString blobs = m_ws + QStringLiteral("/images/blobs/sha256");
    QCOMPARE(QDir(blobs).entryList(QDir::Files).size(), 6);
    {
        auto ws = Workspace::open(m_ws, &error);
        QVERIFY(Deployments(*ws).remove(QStringLiteral("svc"), &error));
    }
    QCOMPARE(run(words(QStringLiteral("image delete iris-svc:1"))).code, 0);
    QCOMPARE(json(words(QStringLiteral("image list"))).toArray().size(), 0);
    QCOMPARE(QDir(blobs).entryList(QDir::Files), QStringList());
    QCOMPARE(build(), QStringLiteral("iris-svc:2\n")); // numbers are not handed out twice
}

void TestImageCli::interruptedBuildLeavesNothing()
{
    // A model big enough that the build is still writing it when Ctrl-C comes.
    QByteArray data(64 * 1024 * 1024, Qt::Uninitialized);
    quint64 state = 88172645463325252ULL;
    for (qsizetype i = 0; i + 8 <= data.size(); i += 8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        memcpy(data.data() + i, &state, 8);
    }
    QVERIFY(tinyWrite(path(QStringLiteral("big.bin")), data));
    QCOMPARE(run(words(QStringLiteral("model register big --path big.bin"))).code, 0);
    QProcess build;
    build.setProcessEnvironment(cliEnvironment(m_dir->path(), m_ws));
    build.setWorkingDirectory(m_dir->path());
    build.start(QStringLiteral(MLWB_BINARY),
                words(QStringLiteral("image build big-svc --model big:1 --scoring-script score.py "
                                     "--base oci-archive:base/base-oci.tar")));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += build.readAllStandardError()).contains("Writing the models layer"), 30000);
    ::kill(pid_t(build.processId()), SIGINT);
    QVERIFY(build.waitForFinished(30000));
    err += build.readAllStandardError();
    QCOMPARE(build.exitCode(), 1);
    QVERIFY2(err.contains("The build was canceled."), err.constData());
    QCOMPARE(build.readAllStandardOutput(), QByteArray());
    QCOMPARE(json(words(QStringLiteral("image list"))).toArray().size(), 0);
    const QString images = m_ws + QStringLiteral("/images");
    QCOMPARE(QDir(images + QStringLiteral("/blobs/sha256")).entryList(QDir::Files | QDir::Hidden),
             QStringList());
    QCOMPARE(QDir(images + QStringLiteral("/tmp"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestImageCli::refusesBadInput_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("script without run")
        << QStringLiteral("--scoring-script norun.py --base oci-archive:base/base-oci.tar")
        << QStringLiteral("does not define run()");
    QTest::newRow("unknown base kind")
        << QStringLiteral("--scoring-script score.py --base tarball:base/base-oci.tar")
        << QStringLiteral("oci-archive:PATH, docker-archive:PATH or oci:DIR");
    QTest::newRow("missing base") << QStringLiteral(
        "--scoring-script score.py --base oci-archive:nope.tar")
                                  << QStringLiteral("There is no archive");
    QTest::newRow("cpu not a number") << QStringLiteral(
        "--scoring-script score.py --cpu two --base oci-archive:base/base-oci.tar")
                                      << QStringLiteral("'two' is not a number of CPU cores");
    QTest::newRow("memory too small") << QStringLiteral(
        "--scoring-script score.py --memory 5M --base oci-archive:base/base-oci.tar")
                                      << QStringLiteral("at least 6M");
    QTest::newRow("env the server sets") << QStringLiteral(
        "--scoring-script score.py --env AZUREML_MODEL_DIR=/x --base oci-archive:base/base-oci.tar")
                                         << QStringLiteral("set by the image's scoring server");
    QTest::newRow("env not a name") << QStringLiteral(
        "--scoring-script score.py --env 1X=2 --base oci-archive:base/base-oci.tar")
                                    << QStringLiteral("'1X' is not an environment variable name");
    QTest::newRow("memory not a size") << QStringLiteral(
        "--scoring-script score.py --memory lots --base oci-archive:base/base-oci.tar")
                                       << QStringLiteral("'lots' is not a memory size");
}

void TestImageCli::refusesBadInput()
{
    QFETCH(QString, arguments);
    QFETCH(QString, expected);
    QVERIFY(tinyWrite(path(QStringLiteral("norun.py")), "def init():\n    pass\n"));
    const MlwbResult r = run(words(QStringLiteral("image build bad --model iris:1 ") + arguments));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(r.out, QString());
    QCOMPARE(json(words(QStringLiteral("image list"))).toArray().size(), 0);
}

// Where neither podman nor docker can be found, an image deployment serves
// the image's models and script as a process, and says so and why.
void TestImageCli::imageServedAsProcessWithoutEngine()
{
    QCOMPARE(build(), QStringLiteral("iris-svc:1\n"));
    // podman and docker that cannot run anything, first on the PATH.
    const QString bin = path(QStringLiteral("bin"));
    for (const char *engine : {"podman", "docker"}) {
        const QString file = bin + QLatin1Char('/') + QLatin1String(engine);
        QVERIFY(tinyWrite(file, "#!/bin/sh\necho 'Error: no containers on this test machine' >&2\n"
                                "exit 125\n"));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ExeOwner);
    }
    QProcessEnvironment env = cliEnvironment(m_dir->path(), m_ws);
    env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    const auto mlwb = [&](const QString &line) { return runMlwb(words(line), env, m_dir->path()); };
    const MlwbResult deployed = mlwb(QStringLiteral("service deploy svc --image iris-svc:1"));
    QVERIFY2(deployed.code == 0, qPrintable(deployed.err));
    QVERIFY2(deployed.err.contains(QLatin1String(
                 "no container engine runs containers here (podman does not answer (Error: no "
                 "containers on this test machine)")),
             qPrintable(deployed.err));
    QVERIFY2(deployed.err.contains(QLatin1String("docker does not answer")),
             qPrintable(deployed.err));
    const QJsonObject shown =
        QJsonDocument::fromJson(mlwb(QStringLiteral("service show svc --format json")).out.toUtf8())
            .object();
    QCOMPARE(shown.value(QStringLiteral("mode")).toString(), QStringLiteral("process"));
    QCOMPARE(shown.value(QStringLiteral("image")).toString(), QStringLiteral("iris-svc:1"));
    QCOMPARE(shown.value(QStringLiteral("models")).toArray(), QJsonArray{QStringLiteral("iris:1")});
    QVERIFY(shown.value(QStringLiteral("mode_reason"))
                .toString()
                .contains(QLatin1String("served as a local process")));
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sf"), QStringLiteral("--data-binary"), QStringLiteral("[1,2]"),
                shown.value(QStringLiteral("scoring_uri")).toString()});
    QVERIFY(curl.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(curl.readAllStandardOutput()).trimmed(),
             QStringLiteral("\"[1,2]\""));
    const MlwbResult deleted = mlwb(QStringLiteral("service delete svc"));
    QVERIFY2(deleted.code == 0, qPrintable(deleted.err));
}

QTEST_GUILESS_MAIN(TestImageCli)
#include "tst_imagecli.moc"
