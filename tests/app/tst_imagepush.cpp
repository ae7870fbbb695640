// `mlwb image push` and `mlwb image pull` against a real registry, Debian's
// docker-registry (tests/fixtures/localregistry.h): skopeo reads back what
// was pushed, a second push sends no blob, another repository mounts them,
// a changed model sends one layer, and a pulled image is a build's base.
#include "localregistry.h"
#include "mlwbprocess.h"
#include "tinybase.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb::testing;

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestImagePush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pushReadBackBySkopeo();
    void secondPushSendsNothing();
    void otherRepositoryMounts();
    void changedModelSendsOneLayer();
    void pullAndBuildOnIt();
    void chunkedUpload();

private:
    MlwbResult run(const QString &arguments, const QString &chunkBytes = {});
    QJsonObject json(const QString &arguments);
    QStringList layersOf(const QString &image);
    // The access log's lines from `from` on, once the manifest PUT for `tag` is among them.
    QStringList requestsUntilManifest(int from, const QString &repo, const QString &tag);

    QTemporaryDir m_dir;
    QString m_ws;
    LocalRegistry m_registry;
    QString m_manifestDigest;
};

MlwbResult TestImagePush::run(const QString &arguments, const QString &chunkBytes)
{
    QProcessEnvironment env = cliEnvironment(m_dir.path(), m_ws);
    if (!chunkBytes.isEmpty())
        env.insert(QStringLiteral("MLWB_REGISTRY_CHUNK_BYTES"), chunkBytes);
    return runMlwb(words(arguments), env, m_dir.path());
}

QJsonObject TestImagePush::json(const QString &arguments)
{
    const MlwbResult r = run(arguments + QStringLiteral(" --format json"));
    if (r.code != 0)
        qWarning() << arguments << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QStringList TestImagePush::layersOf(const QString &image)
{
    QStringList digests;
    for (const QJsonValue &l :
         json(QStringLiteral("image show ") + image).value(QStringLiteral("layers")).toArray())
        digests << l.toObject().value(QStringLiteral("digest")).toString();
    return digests;
}

QStringList TestImagePush::requestsUntilManifest(int from, const QString &repo, const QString &tag)
{
    const QString manifestPut = QStringLiteral("PUT /v2/%1/manifests/%2 ").arg(repo, tag);
    // the registry logs a request just after answering it
    QDeadlineTimer deadline(5000);
    QStringList lines = m_registry.requests().mid(from);
    while (lines.filter(manifestPut).size() != 1 && !deadline.hasExpired()) {
        QTest::qWait(10);
        lines = m_registry.requests().mid(from);
    }
    return lines;
}

void TestImagePush::initTestCase()
{
    if (LocalRegistry::binary().isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("skopeo")).isEmpty())
        QSKIP("docker-registry and skopeo are needed (packaging/install-deps.sh installs them)");
    QString error;
    QVERIFY2(m_registry.start(m_dir.filePath(QStringLiteral("registry")), &error),
             qPrintable(error));
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    QVERIFY(makeTinyBase(m_dir.filePath(QStringLiteral("base"))).ok);
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("model.pkl")), "weights"));
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("score.py")),
                      "def init():\n    pass\n\ndef run(raw_data):\n    return raw_data\n"));
    QCOMPARE(run(QStringLiteral("workspace create ") + m_ws).code, 0);
    QCOMPARE(run(QStringLiteral("model register iris --path model.pkl")).code, 0);
    const MlwbResult built = run(QStringLiteral("image build svc --model iris:1 --scoring-script "
                                                "score.py --base oci-archive:base/base-oci.tar"));
    QVERIFY2(built.code == 0, qPrintable(built.err));
}

void TestImagePush::pushReadBackBySkopeo()
{
    const QString dest = m_registry.address() + QStringLiteral("/team/svc:1");
    const QJsonObject pushed = json(QStringLiteral("image push svc:1 ") + dest);
    const QStringList layers = layersOf(QStringLiteral("svc:1"));
    QCOMPARE(pushed.value(QStringLiteral("blobs_sent")).toInt(), layers.size() + 1);
    QCOMPARE(pushed.value(QStringLiteral("blobs_skipped")).toInt(), 0);
    m_manifestDigest = pushed.value(QStringLiteral("manifest_digest")).toString();
    QCOMPARE(m_manifestDigest,
             json(QStringLiteral("image show svc:1")).value(QStringLiteral("digest")).toString());

    const QString archive = m_dir.filePath(QStringLiteral("copied.tar"));
    QVERIFY(tinyRun(QStringLiteral("skopeo"),
                    {QStringLiteral("copy"), QStringLiteral("--quiet"),
                     QStringLiteral("--src-tls-verify=false"), QStringLiteral("docker://") + dest,
                     QStringLiteral("oci-archive:") + archive}));
    QProcess inspect;
    inspect.start(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("--raw"),
                                             QStringLiteral("oci-archive:") + archive});
    QVERIFY(inspect.waitForFinished(30000));
    const QByteArray raw = inspect.readAllStandardOutput();
    QCOMPARE(tinySha(raw), m_manifestDigest); // the very bytes pushed, layers and all
    QStringList copiedLayers;
    for (const QJsonValue &l :
         QJsonDocument::fromJson(raw).object().value(QStringLiteral("layers")).toArray())
        copiedLayers << l.toObject().value(QStringLiteral("digest")).toString();
    QCOMPARE(copiedLayers, layers);
}

void TestImagePush::secondPushSendsNothing()
{
    const int before = m_registry.requests().size();
    const QJsonObject pushed = json(QStringLiteral("image push svc:1 ") + m_registry.address()
                                    + QStringLiteral("/team/svc:1"));
    const int blobs = layersOf(QStringLiteral("svc:1")).size() + 1;
    QCOMPARE(pushed.value(QStringLiteral("blobs_sent")).toInt(), 0);
    QCOMPARE(pushed.value(QStringLiteral("blobs_skipped")).toInt(), blobs);
    const QStringList lines =
        requestsUntilManifest(before, QStringLiteral("team/svc"), QStringLiteral("1"));
    QCOMPARE(lines.filter(QStringLiteral("/manifests/")).size(), 1);
    QCOMPARE(lines.filter(QStringLiteral("/blobs/uploads")).size(), 0);
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^HEAD /v2/team/svc/blobs/"))).size(),
             blobs);
}

void TestImagePush::otherRepositoryMounts()
{
    const int before = m_registry.requests().size();
    const QJsonObject pushed = json(QStringLiteral("image push svc:1 ") + m_registry.address()
                                    + QStringLiteral("/other/svc:1"));
    const int blobs = layersOf(QStringLiteral("svc:1")).size() + 1;
    QCOMPARE(pushed.value(QStringLiteral("blobs_sent")).toInt(), 0);
    const QStringList lines =
        requestsUntilManifest(before, QStringLiteral("other/svc"), QStringLiteral("1"));
    QCOMPARE(lines
                 .filter(QRegularExpression(
                     QStringLiteral("^POST /v2/other/svc/blobs/uploads/\\?.*mount=")))
                 .size(),
             blobs);
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^(PUT|PATCH) /v2/other/svc/blobs/")))
                 .size(),
             0);
}

void TestImagePush::changedModelSendsOneLayer()
{
    QVERIFY(tinyWrite(m_dir.filePath(QStringLiteral("model.pkl")), "other weights"));
    QCOMPARE(run(QStringLiteral("model register iris --path model.pkl")).code, 0);
    const MlwbResult built = run(QStringLiteral("image build svc --model iris:2 --scoring-script "
                                                "score.py --base oci-archive:base/base-oci.tar"));
    QVERIFY2(built.code == 0, qPrintable(built.err));
    const int before = m_registry.requests().size();
    const QJsonObject pushed = json(QStringLiteral("image push svc:2 ") + m_registry.address()
                                    + QStringLiteral("/team/svc:2"));
    // the models layer and the config; the base, script and server layers are there
    QCOMPARE(pushed.value(QStringLiteral("blobs_sent")).toInt(), 2);
    const QStringList lines =
        requestsUntilManifest(before, QStringLiteral("team/svc"), QStringLiteral("2"));
    QCOMPARE(
        lines.filter(QRegularExpression(QStringLiteral("^PUT /v2/team/svc/blobs/uploads/"))).size(),
        2);
}

void TestImagePush::pullAndBuildOnIt()
{
    const QString ref = m_registry.address() + QStringLiteral("/team/svc:1");
    const QJsonObject pulled = json(QStringLiteral("image pull ") + ref);
    QCOMPARE(pulled.value(QStringLiteral("manifest_digest")).toString(), m_manifestDigest);
    const QStringList baseLayers = layersOf(QStringLiteral("svc:1"));
    QCOMPARE(pulled.value(QStringLiteral("blobs_fetched")).toInt(), baseLayers.size() + 1);
    const MlwbResult built = run(
        QStringLiteral("image build onsvc --model iris:1 --scoring-script score.py --base ") + ref);
    QVERIFY2(built.code == 0, qPrintable(built.err));
    QCOMPARE(built.out, QStringLiteral("onsvc:1\n"));
    QCOMPARE(layersOf(QStringLiteral("onsvc:1")).mid(0, baseLayers.size()), baseLayers);
}

void TestImagePush::chunkedUpload()
{
    // forget earlier pushes, so nothing is mounted and every blob is sent
    QVERIFY(QFile::remove(m_ws + QStringLiteral("/registry-pushes.json")));
    const int before = m_registry.requests().size();
    const QString dest = m_registry.address() + QStringLiteral("/chunked/svc:1");
    const MlwbResult r = run(QStringLiteral("image push svc:1 ") + dest, QStringLiteral("100000"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines =
        requestsUntilManifest(before, QStringLiteral("chunked/svc"), QStringLiteral("1"));
    // the 256 KiB base layer in three PATCHes; the registry checked the digest at the PUT
    QVERIFY2(
        lines.filter(QRegularExpression(QStringLiteral("^PATCH /v2/chunked/svc/blobs/uploads/")))
                .size()
            >= 3,
        qPrintable(lines.join(QLatin1Char('\n'))));
    QProcess inspect;
    inspect.start(QStringLiteral("skopeo"),
                  {QStringLiteral("inspect"), QStringLiteral("--raw"),
                   QStringLiteral("--tls-verify=false"), QStringLiteral("docker://") + dest});
    QVERIFY(inspect.waitForFinished(30000));
    QCOMPARE(tinySha(inspect.readAllStandardOutput()), m_manifestDigest);
}

QTEST_GUILESS_MAIN(TestImagePush)
#include "tst_imagepush.moc"
