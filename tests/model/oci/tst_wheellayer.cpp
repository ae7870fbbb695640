// A folder of wheels becomes a layer laid out as pip install --target
// leaves it, only when each wheel's tags fit the base's Python; the package
// check then counts the wheels' packages; the layer is reproducible.
#include "oci/imagebuilder.h"
#include "oci/imagestore.h"
#include "oci/wheelfolder.h"
#include "registry/modelregistry.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/workspace.h"
#include "tinybase.h"
#include "tinywheel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;
using namespace mlwb::testing;

namespace {

// "mode path" per line of a layer, from GNU tar's listing.
QStringList layerListing(const QString &blob)
{
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-tvzf"), blob});
    tar.waitForFinished(30000);
    QStringList out;
    const QStringList lines = QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n');
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        if (f.size() >= 6)
            out << f.first() + u' ' + f.last();
    }
    return out;
}

} // namespace

class TestWheelLayer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tagsFit_data();
    void tagsFit();
    void wheelLayerInstalled();
    void mismatchedWheelRefused();

private:
    std::unique_ptr<Workspace> workspace(const QString &name);
    ImageBuildRequest request() const;

    QTemporaryDir m_dir;
    TinyBase m_base;
};

void TestWheelLayer::initTestCase()
{
    m_base = makeTinyBase(m_dir.filePath(QStringLiteral("base")));
    QVERIFY(m_base.ok);
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("model/model.pkl")), "weights"));
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("score.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return 1\n"));
    const QString wheels = m_dir.filePath(QStringLiteral("wheels"));
    QDir().mkpath(wheels);
    QVERIFY(makeWheel(wheels, QStringLiteral("tinypkg-1.0-py3-none-any.whl"),
                      QStringLiteral("tinypkg"), QStringLiteral("1.0")));
    QVERIFY(makeWheel(wheels, QStringLiteral("fastpkg-2.1-cp311-cp311-manylinux_2_17_x86_64.whl"),
                      QStringLiteral("fastpkg"), QStringLiteral("2.1")));
}

std::unique_ptr<Workspace> TestWheelLayer::workspace(const QString &name)
{
    QString error;
    auto ws = Workspace::create(m_dir.filePath(name), &error);
    if (!ws)
        return nullptr;
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = m_dir.filePath(QStringLiteral("model/model.pkl"));
    ModelVersion v;
    EnvironmentVersion env;
    env.packages = {QStringLiteral("tinypkg>=1.0"), QStringLiteral("fastpkg==2.1"),
                    QStringLiteral("numpy"), QStringLiteral("pandas")};
    if (!ModelRegistry(*ws).registerModel(reg, &v, &error)
        || !Environments(*ws).createVersion(QStringLiteral("env"), &env, &error))
        return nullptr;
    return ws;
}

ImageBuildRequest TestWheelLayer::request() const
{
    ImageBuildRequest r;
    r.name = QStringLiteral("svc");
    r.models = {QStringLiteral("iris:1")};
    r.scoringScript = m_dir.filePath(QStringLiteral("score.py"));
    r.environment = QStringLiteral("env:1");
    r.base = QStringLiteral("oci-archive:") + m_base.ociArchive;
    r.wheelFolder = m_dir.filePath(QStringLiteral("wheels"));
    return r;
}

void TestWheelLayer::tagsFit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("fits");
    QTest::newRow("pure") << "a-1-py3-none-any.whl"
                          << "3.11"
                          << "amd64" << true;
    QTest::newRow("py2.py3") << "a-1-py2.py3-none-any.whl"
                             << "3.11"
                             << "arm64" << true;
    QTest::newRow("older py3X") << "a-1-py38-none-any.whl"
                                << "3.11"
                                << "amd64" << true;
    QTest::newRow("newer py3X") << "a-1-py312-none-any.whl"
                                << "3.11"
                                << "amd64" << false;
    QTest::newRow("py2 only") << "a-1-py2-none-any.whl"
                              << "3.11"
                              << "amd64" << false;
    QTest::newRow("cp exact") << "a-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
                              << "3.11"
                              << "amd64" << true;
    QTest::newRow("cp other") << "a-1-cp310-cp310-linux_x86_64.whl"
                              << "3.11"
                              << "amd64" << false;
    QTest::newRow("abi3") << "a-1-cp37-abi3-manylinux2014_x86_64.whl"
                          << "3.11"
                          << "amd64" << true;
    QTest::newRow("wrong arch") << "a-1-cp311-cp311-manylinux2014_aarch64.whl"
                                << "3.11"
                                << "amd64" << false;
    QTest::newRow("arm") << "a-1-cp311-cp311-manylinux2014_aarch64.whl"
                         << "3.11"
                         << "arm64" << true;
    QTest::newRow("windows") << "a-1-cp311-cp311-win_amd64.whl"
                             << "3.11"
                             << "amd64" << false;
    QTest::newRow("build tag") << "a-1-2b-py3-none-any.whl"
                               << "3.11"
                               << "amd64" << true;
}

void TestWheelLayer::tagsFit()
{
    QFETCH(QString, file);
    QFETCH(QString, python);
    QFETCH(QString, arch);
    QFETCH(bool, fits);
    oci::WheelName wheel;
    QString error;
    QVERIFY2(oci::parseWheelName(file, &wheel, &error), qPrintable(error));
    QCOMPARE(oci::wheelFits(wheel, python, arch), fits);
}

void TestWheelLayer::wheelLayerInstalled()
{
    auto ws = workspace(QStringLiteral("ws1"));
    QVERIFY(ws);
    Image image;
    QString error;
    QVERIFY2(ImageBuilder(*ws).build(request(), &image, &error), qPrintable(error));
    // The wheels' packages count as present; what neither has stays missing.
    const QJsonObject packages = image.inputs.value(QStringLiteral("packages")).toObject();
    QCOMPARE(packages.value(QStringLiteral("present")).toArray(),
             (QJsonArray{QStringLiteral("tinypkg 1.0"), QStringLiteral("fastpkg 2.1"),
                         QStringLiteral("numpy 1.24.2")}));
    QCOMPARE(packages.value(QStringLiteral("missing")).toArray(),
             (QJsonArray{QStringLiteral("pandas (not in the base)")}));

    QString digest;
    const QJsonArray layers = image.inputs.value(QStringLiteral("added_layers")).toArray();
    for (const QJsonValue &l : layers)
        if (l[QStringLiteral("role")].toString() == QLatin1String("wheels"))
            digest = l[QStringLiteral("digest")].toString();
    QVERIFY2(!digest.isEmpty(), "no wheels layer");
    const oci::ImageStore store(ws->folder(Workspace::Folder::Images));
    const QStringList listing = layerListing(store.blobPath(digest));
    // The tiny base is Debian-like (usr/lib/python3/dist-packages), so
    // /usr/local/lib/python3.11/dist-packages is on its sys.path.
    const QString site = QStringLiteral("usr/local/lib/python3.11/dist-packages/");
    const QStringList files{site + QStringLiteral("tinypkg/__init__.py"),
                            site + QStringLiteral("tinypkg-1.0.dist-info/METADATA"),
                            site + QStringLiteral("fastpkg-2.1.dist-info/RECORD")};
    for (const QString &file : files)
        QVERIFY2(listing.contains(QStringLiteral("-rw-r--r-- ") + file),
                 qPrintable(file + u'\n' + listing.join(u'\n')));
    QVERIFY2(listing.contains(QStringLiteral("-rwxr-xr-x usr/local/bin/tinypkg-cli")),
             qPrintable(listing.join(u'\n')));
    QVERIFY(listing.filter(QStringLiteral(".data")).isEmpty());
    QVERIFY(listing.filter(QStringLiteral("x.h")).isEmpty());

    // Another workspace, no shared cache: the same layer digest.
    auto other = workspace(QStringLiteral("ws2"));
    QVERIFY(other);
    Image again;
    QVERIFY2(ImageBuilder(*other).build(request(), &again, &error), qPrintable(error));
    // (the image digests differ: the config names the workspace)
    QCOMPARE(again.inputs.value(QStringLiteral("added_layers")).toArray(), layers);
}

void TestWheelLayer::mismatchedWheelRefused()
{
    QTemporaryDir wheels;
    QVERIFY(makeWheel(wheels.path(), QStringLiteral("tinypkg-1.0-py3-none-any.whl"),
                      QStringLiteral("tinypkg"), QStringLiteral("1.0")));
    QVERIFY(makeWheel(wheels.path(),
                      QStringLiteral("newpkg-1.0-cp312-cp312-manylinux2014_x86_64.whl"),
                      QStringLiteral("newpkg"), QStringLiteral("1.0")));
    auto ws = workspace(QStringLiteral("ws3"));
    QVERIFY(ws);
    ImageBuildRequest r = request();
    r.wheelFolder = wheels.path();
    Image image;
    QString error;
    QVERIFY(!ImageBuilder(*ws).build(r, &image, &error));
    QVERIFY2(error.contains(QLatin1String("cp312-cp312-manylinux2014_x86_64"))
                 && error.contains(QLatin1String("Python 3.11")),
             qPrintable(error));
    QVERIFY(Images(*ws).list(&error).isEmpty());
}

QTEST_GUILESS_MAIN(TestWheelLayer)
#include "tst_wheellayer.moc"
