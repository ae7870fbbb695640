// Daemonless image builds: base images read and verified from the three
// forms podman and docker save, reproducible layers, the image store, and
// exports that skopeo and umoci accept; bad input leaves nothing behind.
#include "oci/baseimage.h"
#include "oci/imagebuilder.h"
#include "oci/imageexport.h"
#include "oci/imagestore.h"
#include "registry/modelregistry.h"
#include "store/environments.h"
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

using namespace mlwb;
using namespace mlwb::testing;

namespace {

const QByteArray scoreScript = "import os\n\ndef init():\n    global model\n"
                               "    model = open(os.path.join(os.environ['AZUREML_MODEL_DIR'], "
                               "'model.pkl')).read()\n\ndef run(raw_data):\n    return model\n";

struct ToolRun {
    int code = -1;
    QByteArray out, err;
};

ToolRun run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    ToolRun r;
    if (p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit)
        r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &e : entries)
        out << (e.isDir() ? filesUnder(e.filePath()) : QStringList{e.filePath()});
    return out;
}

} // namespace

class TestImageBuild : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readsBase_data();
    void readsBase();
    void buildsImageThatToolsAccept();
    void sameInputsSameDigests();
    void changedInputChangesOnlyItsLayer();
    void environmentPackagesChecked();
    void dockerExportReadsBack();
    void canceledBuildLeavesNothing_data();
    void canceledBuildLeavesNothing();
    void badInputLeavesNothing_data();
    void badInputLeavesNothing();

private:
    ImageBuildRequest request(const QString &base) const;
    void checkNothingLeft();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    TinyBase m_base;
};

void TestImageBuild::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_base = makeTinyBase(m_dir->filePath(QStringLiteral("base")));
    QVERIFY(m_base.ok);
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("model/model.pkl")), "weights-v1"));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("src/score.py")), scoreScript));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("src/lib/helper.py")), "X = 1\n"));
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = m_dir->filePath(QStringLiteral("model/model.pkl"));
    ModelVersion v;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(reg, &v, &error), qPrintable(error));
}

ImageBuildRequest TestImageBuild::request(const QString &base) const
{
    ImageBuildRequest r;
    r.name = QStringLiteral("iris-service");
    r.models = {QStringLiteral("iris:1")};
    r.scoringScript = m_dir->filePath(QStringLiteral("src/score.py"));
    r.sourceDir = m_dir->filePath(QStringLiteral("src"));
    r.base = base;
    r.port = 5005;
    r.labels.insert(QStringLiteral("team"), QStringLiteral("ml"));
    return r;
}

void TestImageBuild::readsBase_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("oci-archive") << QStringLiteral("oci-archive");
    QTest::newRow("docker-archive") << QStringLiteral("docker-archive");
    QTest::newRow("oci layout") << QStringLiteral("oci");
}

void TestImageBuild::readsBase()
{
    QFETCH(QString, kind);
    const QString path = kind == QLatin1String("oci")           ? m_base.layout
                         : kind == QLatin1String("oci-archive") ? m_base.ociArchive
                                                                : m_base.dockerArchive;
    oci::BaseImage base;
    QString error;
    QVERIFY2(ImageBuilder::inspectBase(*m_ws, kind + QLatin1Char(':') + path, &base, &error),
             qPrintable(error));
    QCOMPARE(base.os, QStringLiteral("linux"));
    QCOMPARE(base.architecture, QStringLiteral("amd64"));
    QCOMPARE(base.layers.size(), 1);
    QCOMPARE(base.pythonVersion, QStringLiteral("3.11"));
    QCOMPARE(base.pythonPackages,
             (QMap<QString, QString>{{QStringLiteral("numpy"), QStringLiteral("1.24.2")},
                                     {QStringLiteral("scikit-learn"), QStringLiteral("1.2.1")}}));
    QVERIFY(base.size > 256 * 1024 / 2);
    if (kind != QLatin1String("docker-archive"))
        QCOMPARE(base.layers.first().digest, m_base.layerDigest);
    checkNothingLeft(); // inspecting stages in a scratch folder that goes away
}

void TestImageBuild::buildsImageThatToolsAccept()
{
    Image image;
    QString error;
    ImageBuildRequest withSample = request(QStringLiteral("oci-archive:") + m_base.ociArchive);
    withSample.sampleInput = m_dir->filePath(QStringLiteral("sample.json"));
    QVERIFY(tinyWrite(withSample.sampleInput, "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"));
    QVERIFY2(ImageBuilder(*m_ws).build(withSample, &image, &error), qPrintable(error));
    QCOMPARE(image.version, 1);
    QCOMPARE(image.tag, QStringLiteral("1"));
    QCOMPARE(Images(*m_ws).list().size(), 1);
    QCOMPARE(image.inputs.value(QStringLiteral("models")).toArray().first().toString(),
             QStringLiteral("iris:1"));

    const oci::ImageStore store(m_ws->folder(Workspace::Folder::Images));
    const QString archive = m_dir->filePath(QStringLiteral("export.tar"));
    QVERIFY2(oci::ImageExport::write(store, QStringLiteral("iris-service:1"),
                                     oci::ImageExport::Format::OciArchive, archive, &error),
             qPrintable(error));
    if (QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty())
        QFAIL("skopeo is missing: packaging/install-deps.sh installs it");
    const ToolRun inspect =
        run(QStringLiteral("skopeo"),
            {QStringLiteral("inspect"), QStringLiteral("oci-archive:") + archive});
    QVERIFY2(inspect.code == 0, inspect.err.constData());
    const QJsonObject info = QJsonDocument::fromJson(inspect.out).object();
    QCOMPARE(info.value(QStringLiteral("Layers")).toArray().size(), 4);
    QCOMPARE(
        info.value(QStringLiteral("Labels")).toObject().value(QStringLiteral("team")).toString(),
        QStringLiteral("ml"));
    QVERIFY(
        info.value(QStringLiteral("Env"))
            .toArray()
            .contains(QStringLiteral("AZUREML_MODEL_DIR=/var/azureml-app/azureml-models/iris/1")));
    QVERIFY(info.value(QStringLiteral("Env"))
                .toArray()
                .contains(QStringLiteral("MLWB_SAMPLE_INPUT=/var/azureml-app/sample-input.json")));
    QCOMPARE(info.value(QStringLiteral("Digest")).toString(), image.digest);

    // umoci reads an OCI layout: unpack the archive, then the image.
    const QString layout = m_dir->filePath(QStringLiteral("unpacked-layout"));
    QDir().mkpath(layout);
    QCOMPARE(
        run(QStringLiteral("tar"), {QStringLiteral("-xf"), archive, QStringLiteral("-C"), layout})
            .code,
        0);
    if (QStandardPaths::findExecutable(QStringLiteral("umoci")).isEmpty())
        QFAIL("umoci is missing: packaging/install-deps.sh installs it");
    const QString bundle = m_dir->filePath(QStringLiteral("bundle"));
    const ToolRun unpack =
        run(QStringLiteral("umoci"), {QStringLiteral("unpack"), QStringLiteral("--image"),
                                      layout + QStringLiteral(":iris-service:1"), bundle});
    QVERIFY2(unpack.code == 0, unpack.err.constData());
    const QString app = bundle + QStringLiteral("/rootfs/var/azureml-app/");
    QCOMPARE(tinyRead(app + QStringLiteral("azureml-models/iris/1/model.pkl")),
             QByteArray("weights-v1"));
    QCOMPARE(tinyRead(app + QStringLiteral("score.py")), scoreScript);
    QCOMPARE(tinyRead(app + QStringLiteral("lib/helper.py")), QByteArray("X = 1\n"));
    QCOMPARE(tinyRead(app + QStringLiteral("sample-input.json")), tinyRead(withSample.sampleInput));
    QFile server(QStringLiteral(":/scoring/mlwb_score_server.py"));
    QVERIFY(server.open(QIODevice::ReadOnly));
    QCOMPARE(tinyRead(app + QStringLiteral("mlwb_score_server.py")), server.readAll());
    QCOMPARE(tinyRead(bundle + QStringLiteral("/rootfs/etc/os-release")), QByteArray("ID=tiny\n"));
    const QJsonObject runtime =
        QJsonDocument::fromJson(tinyRead(bundle + QStringLiteral("/config.json"))).object();
    QCOMPARE(
        runtime.value(QStringLiteral("process")).toObject().value(QStringLiteral("args")).toArray(),
        (QJsonArray{QStringLiteral("python3"),
                    QStringLiteral("/var/azureml-app/mlwb_score_server.py")}));
}

void TestImageBuild::sameInputsSameDigests()
{
    Image first, second;
    QString error;
    QVERIFY2(
        ImageBuilder(*m_ws).build(request(QStringLiteral("oci:") + m_base.layout), &first, &error),
        qPrintable(error));
    const oci::ImageStore store(m_ws->folder(Workspace::Folder::Images));
    const int blobs =
        QDir(store.root() + QStringLiteral("/blobs/sha256")).entryList(QDir::Files).size();
    QCOMPARE(blobs, 1 + 3 + 2); // base layer, our three layers, config, manifest
    QVERIFY2(
        ImageBuilder(*m_ws).build(request(QStringLiteral("oci:") + m_base.layout), &second, &error),
        qPrintable(error));
    QCOMPARE(second.version, 2);
    QCOMPARE(second.digest, first.digest);
    QCOMPARE(second.inputs.value(QStringLiteral("added_layers")),
             first.inputs.value(QStringLiteral("added_layers")));
    // Stored once: the second image added no blob.
    QCOMPARE(QDir(store.root() + QStringLiteral("/blobs/sha256")).entryList(QDir::Files).size(),
             blobs);
    QList<oci::Descriptor> manifests;
    QVERIFY(store.manifests(&manifests, &error));
    QCOMPARE(manifests.size(), 2);
    QVERIFY(QDir(store.stagingRoot()).isEmpty());

    // The second build reused what the first made; a workspace that never
    // built anything writes every layer anew and still gets the same bytes.
    QFile::remove(store.root() + QStringLiteral("/build-cache.json"));
    auto other = Workspace::create(m_dir->filePath(QStringLiteral("other-ws")), &error);
    QVERIFY2(other, qPrintable(error));
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = m_dir->filePath(QStringLiteral("model/model.pkl"));
    ModelVersion v;
    QVERIFY2(ModelRegistry(*other).registerModel(reg, &v, &error), qPrintable(error));
    Image third;
    QVERIFY2(ImageBuilder(*other).build(request(QStringLiteral("oci-archive:") + m_base.ociArchive),
                                        &third, &error),
             qPrintable(error));
    // Same layers; the config differs only by the workspace label.
    QCOMPARE(third.inputs.value(QStringLiteral("added_layers")),
             first.inputs.value(QStringLiteral("added_layers")));
    QVERIFY(third.digest != first.digest);
    Image fourth; // no cache file at all in the first workspace now
    QVERIFY2(
        ImageBuilder(*m_ws).build(request(QStringLiteral("oci:") + m_base.layout), &fourth, &error),
        qPrintable(error));
    QCOMPARE(fourth.digest, first.digest);
}

void TestImageBuild::changedInputChangesOnlyItsLayer()
{
    Image first, second;
    QString error;
    QVERIFY2(
        ImageBuilder(*m_ws).build(request(QStringLiteral("oci:") + m_base.layout), &first, &error),
        qPrintable(error));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("src/lib/helper.py")), "X = 2\n"));
    QVERIFY2(
        ImageBuilder(*m_ws).build(request(QStringLiteral("oci:") + m_base.layout), &second, &error),
        qPrintable(error));
    QVERIFY(second.digest != first.digest);
    const QJsonArray a = first.inputs.value(QStringLiteral("added_layers")).toArray();
    const QJsonArray b = second.inputs.value(QStringLiteral("added_layers")).toArray();
    QCOMPARE(b.at(0), a.at(0));  // models
    QVERIFY(b.at(1) != a.at(1)); // app: the changed file
    QCOMPARE(b.at(2), a.at(2));  // server
}

void TestImageBuild::environmentPackagesChecked()
{
    EnvironmentVersion env;
    env.packages = {QStringLiteral("numpy"), QStringLiteral("Scikit_Learn>=1.2,<1.3"),
                    QStringLiteral("scikit-learn==1.3"), QStringLiteral("pandas>=2")};
    QString error;
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("sk"), &env, &error),
             qPrintable(error));
    ImageBuildRequest r = request(QStringLiteral("docker-archive:") + m_base.dockerArchive);
    r.environment = QStringLiteral("sk:1");
    ImageBuilder builder(*m_ws);
    QStringList steps;
    builder.setProgress([&](const QString &line) { steps << line; });
    Image image;
    QVERIFY2(builder.build(r, &image, &error), qPrintable(error));
    const QJsonObject packages = image.inputs.value(QStringLiteral("packages")).toObject();
    QCOMPARE(packages.value(QStringLiteral("present")).toArray(),
             (QJsonArray{QStringLiteral("numpy 1.24.2"), QStringLiteral("scikit-learn 1.2.1")}));
    QCOMPARE(packages.value(QStringLiteral("missing")).toArray(),
             (QJsonArray{QStringLiteral("scikit-learn==1.3 (the base has 1.2.1)"),
                         QStringLiteral("pandas>=2 (not in the base)")}));
    QVERIFY2(steps.filter(QStringLiteral("needs network access at deploy time")).size() == 1,
             qPrintable(steps.join(QLatin1Char('\n'))));
    QCOMPARE(image.environmentVersionId, env.id);
    QCOMPARE(image.inputs.value(QStringLiteral("environment")).toString(), QStringLiteral("sk:1"));
}

void TestImageBuild::dockerExportReadsBack()
{
    Image image;
    QString error;
    QVERIFY2(ImageBuilder(*m_ws).build(
                 request(QStringLiteral("docker-archive:") + m_base.dockerArchive), &image, &error),
             qPrintable(error));
    const oci::ImageStore store(m_ws->folder(Workspace::Folder::Images));
    const QString archive = m_dir->filePath(QStringLiteral("docker.tar"));
    QVERIFY2(oci::ImageExport::write(store, QStringLiteral("iris-service:1"),
                                     oci::ImageExport::Format::DockerArchive, archive, &error),
             qPrintable(error));
    // Our own reader checks every layer against the config's diff_ids.
    oci::BaseImage back;
    QVERIFY2(ImageBuilder::inspectBase(*m_ws, QStringLiteral("docker-archive:") + archive, &back,
                                       &error),
             qPrintable(error));
    QCOMPARE(back.layers.size(), 4);
    const ToolRun inspect =
        run(QStringLiteral("skopeo"),
            {QStringLiteral("inspect"), QStringLiteral("docker-archive:") + archive});
    QVERIFY2(inspect.code == 0, inspect.err.constData());
}

void TestImageBuild::badInputLeavesNothing_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong digest in archive")
        << QStringLiteral("digest") << QStringLiteral("does not match its digest");
    QTest::newRow("truncated layer in archive")
        << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("truncated blob in layout")
        << QStringLiteral("layout") << QStringLiteral("truncated");
    QTest::newRow("script without run")
        << QStringLiteral("script") << QStringLiteral("does not define run()");
    QTest::newRow("base without python")
        << QStringLiteral("nopython") << QStringLiteral("has no Python 3");
}

void TestImageBuild::badInputLeavesNothing()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    ImageBuildRequest r = request(QStringLiteral("oci-archive:") + m_base.ociArchive);
    const QString layerInLayout =
        m_base.layout + QStringLiteral("/blobs/sha256/") + m_base.layerDigest.mid(7);
    if (damage == QLatin1String("digest")) {
        QByteArray bytes = tinyRead(layerInLayout);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
        QVERIFY(tinyWrite(layerInLayout, bytes));
        QVERIFY(QFile::remove(m_base.ociArchive));
        QCOMPARE(
            run(QStringLiteral("tar"), {QStringLiteral("-C"), m_base.layout, QStringLiteral("-cf"),
                                        m_base.ociArchive, QStringLiteral(".")})
                .code,
            0);
    } else if (damage == QLatin1String("truncate")) {
        QFile archive(m_base.ociArchive);
        QVERIFY(
            archive.resize(archive.size() - 10240 - 100 * 1024)); // inside the layer, stored last
    } else if (damage == QLatin1String("layout")) {
        QFile blob(layerInLayout);
        QVERIFY(blob.resize(blob.size() / 2));
        r.base = QStringLiteral("oci:") + m_base.layout;
    } else if (damage == QLatin1String("script")) {
        QVERIFY(tinyWrite(r.scoringScript, "def init():\n    pass\n"));
    } else if (damage == QLatin1String("nopython")) {
        m_base = makeTinyBase(m_dir->filePath(QStringLiteral("base2")), false);
        QVERIFY(m_base.ok);
        r.base = QStringLiteral("oci:") + m_base.layout;
    }
    Image image;
    QString error;
    QVERIFY(!ImageBuilder(*m_ws).build(r, &image, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    if (damage != QLatin1String("script") && damage != QLatin1String("nopython"))
        QVERIFY2(error.contains(m_base.layerDigest), qPrintable(error)); // names the blob
    checkNothingLeft();
}

void TestImageBuild::canceledBuildLeavesNothing_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("reading the base") << QStringLiteral("Reading the base");
    QTest::newRow("writing the app layer") << QStringLiteral("app layer");
}

void TestImageBuild::canceledBuildLeavesNothing()
{
    QFETCH(QString, when);
    ImageBuilder builder(*m_ws);
    bool cancel = false;
    QStringList steps;
    builder.setProgress([&](const QString &line) {
        steps << line;
        cancel = cancel || line.contains(when);
    });
    builder.setCancelCheck([&] { return cancel; });
    Image image;
    QString error;
    QVERIFY(!builder.build(request(QStringLiteral("oci-archive:") + m_base.ociArchive), &image,
                           &error));
    QVERIFY2(error.contains(QLatin1String("canceled")), qPrintable(error));
    QVERIFY2(steps.filter(when).size() == 1, qPrintable(steps.join(QLatin1Char('\n'))));
    checkNothingLeft();
}

void TestImageBuild::checkNothingLeft()
{
    QCOMPARE(Images(*m_ws).list().size(), 0);
    const QString root = m_ws->folder(Workspace::Folder::Images);
    QCOMPARE(filesUnder(root + QStringLiteral("/blobs")), QStringList());
    QCOMPARE(filesUnder(root + QStringLiteral("/tmp")), QStringList());
}

QTEST_GUILESS_MAIN(TestImageBuild)
#include "tst_imagebuild.moc"
