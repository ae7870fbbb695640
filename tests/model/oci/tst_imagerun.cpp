// A built image really serves: a base with Python and scikit-learn made from
// Debian packages (tests/scripts/sklearn-base.sh, cached under /var/tmp),
// a model trained on the host, the image loaded into podman and run with its
// port on 127.0.0.1, real rows POSTed to /score and the answers compared
// with the model's own predictions computed outside the container.
#include "mlwbprocess.h"
#include "oci/imagebuilder.h"
#include "oci/imageexport.h"
#include "oci/imagestore.h"
#include "registry/modelregistry.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mlwb;

namespace {

const char *const trainScript = R"PY(
import json, pickle, sys
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
X, y = load_iris(return_X_y=True)
model = LogisticRegression(max_iter=500).fit(X, y)
pickle.dump(model, open(sys.argv[1], 'wb'))
rows = X[::15].tolist()
json.dump({'rows': rows, 'predictions': model.predict(rows).tolist()}, open(sys.argv[2], 'w'))
)PY";

// Its predictions go through a module from the image's wheel layer: the
// answers are right only when the container's Python imports it.
const char *const scoreScript = R"PY(import json, os, pickle
import mlwbwheeltest

def init():
    global model
    with open(os.path.join(os.environ['AZUREML_MODEL_DIR'], 'model.pkl'), 'rb') as f:
        model = pickle.load(f)

def run(raw_data):
    return mlwbwheeltest.as_list(model.predict(json.loads(raw_data)['data']))
)PY";

// A pure wheel (py3-none-any) with one module, as pip would build it.
const char *const wheelScript = R"PY(import sys, zipfile
z = zipfile.ZipFile(sys.argv[1] + '/mlwbwheeltest-1.0-py3-none-any.whl', 'w')
z.writestr('mlwbwheeltest/__init__.py', 'def as_list(a):\n    return [int(x) for x in a]\n')
z.writestr('mlwbwheeltest-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: mlwbwheeltest\nVersion: 1.0\n')
z.writestr('mlwbwheeltest-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\n')
z.writestr('mlwbwheeltest-1.0.dist-info/RECORD', '')
z.close()
)PY";

struct Result {
    int code = -1;
    QString out, err;
};

class Podman
{
public:
    explicit Podman(const QString &dir)
    {
        const QString conf = dir + QStringLiteral("/containers.conf");
        testing::tinyWrite(conf, "[containers]\ndefault_ulimits = []\n");
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("CONTAINERS_CONF"), conf);
    }
    Result run(const QStringList &args, int timeoutMs = 300000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral("podman"),
                QStringList{QStringLiteral("--runtime"), QStringLiteral("/usr/sbin/runc")} + args);
        Result r;
        if (p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit)
            r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }

private:
    QProcessEnvironment m_env;
};

Result runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    Result r;
    if (p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit)
        r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestImageRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void servesPredictionsFromPodman();
    void deploysImageWithPodman();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Podman> m_podman;
    std::unique_ptr<Workspace> m_ws;
    QJsonObject m_expected;
    QString m_archive;
    QString m_skip; // why podman cannot run containers here; empty: it can
};

// Shared by both tests: the base, the model and its own answers, the image
// (with a layer from a folder of wheels).
void TestImageRun::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty())
        QSKIP("podman is not installed: packaging/install-deps.sh installs it");
    QDir dir(m_dir.path());
    m_podman = std::make_unique<Podman>(dir.path());
    const Result made =
        runProgram(QStringLiteral(MLWB_SOURCE_DIR "/tests/scripts/sklearn-base.sh"), {}, 900000);
    QVERIFY2(made.code == 0, qPrintable(QStringLiteral("making the base failed: ") + made.err));
    const QString baseArchive = made.out.split(QLatin1Char('\n')).last();

    // The model and the answers it gives outside any container.
    const QString modelFile = dir.filePath(QStringLiteral("model/model.pkl"));
    const QString expectedFile = dir.filePath(QStringLiteral("expected.json"));
    QDir().mkpath(dir.filePath(QStringLiteral("model")));
    const Result trained = runProgram(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), QString::fromUtf8(trainScript), modelFile, expectedFile}, 120000);
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    m_expected = QJsonDocument::fromJson(testing::tinyRead(expectedFile)).object();

    QString error;
    m_ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = modelFile;
    ModelVersion version;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(reg, &version, &error), qPrintable(error));
    QVERIFY(testing::tinyWrite(dir.filePath(QStringLiteral("score.py")), scoreScript));
    ImageBuildRequest request;
    request.name = QStringLiteral("mlwb-test-iris");
    request.models = {QStringLiteral("iris:1")};
    request.scoringScript = dir.filePath(QStringLiteral("score.py"));
    request.base = QStringLiteral("oci-archive:") + baseArchive;
    request.resources.cpu = 1.5; // the deployment gives the container these
    request.resources.memoryBytes = 512 * 1024 * 1024;
    request.wheelFolder = dir.filePath(QStringLiteral("wheels"));
    QDir().mkpath(request.wheelFolder);
    const Result wheel = runProgram(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), QString::fromUtf8(wheelScript), request.wheelFolder}, 30000);
    QVERIFY2(wheel.code == 0, qPrintable(wheel.err));
    Image image;
    QVERIFY2(ImageBuilder(*m_ws).build(request, &image, &error), qPrintable(error));
    m_archive = dir.filePath(QStringLiteral("image.tar"));
    QVERIFY2(oci::ImageExport::write(oci::ImageStore(m_ws->folder(Workspace::Folder::Images)),
                                     QStringLiteral("mlwb-test-iris:1"),
                                     oci::ImageExport::Format::OciArchive, m_archive, &error),
             qPrintable(error));
    const Result loaded = m_podman->run({QStringLiteral("load"), QStringLiteral("-i"), m_archive});
    QVERIFY2(loaded.code == 0, qPrintable(loaded.err));
    // Can podman run anything here at all? If not, the tests say why and skip.
    const Result probe = m_podman->run({QStringLiteral("run"), QStringLiteral("--rm"),
                                        QStringLiteral("--entrypoint"), QStringLiteral("/bin/true"),
                                        QStringLiteral("localhost/mlwb-test-iris:1")});
    if (probe.code != 0)
        m_skip = QStringLiteral("podman cannot run containers on this machine: ") + probe.err;
}

void TestImageRun::servesPredictionsFromPodman()
{
    const Podman &podman = *m_podman;
    const QJsonObject &expected = m_expected;
    const QString tag = QStringLiteral("localhost/mlwb-test-iris:1");
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    const int port = freePort();
    const Result started =
        podman.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-p"),
                    QStringLiteral("127.0.0.1:%1:5001").arg(port), tag});
    QVERIFY2(started.code == 0, qPrintable(started.err));
    const QString container = started.out;
    const auto cleanup = qScopeGuard([&] {
        podman.run({QStringLiteral("rm"), QStringLiteral("-f"), container});
    });
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    Result alive;
    for (int i = 0; i < 120 && alive.code != 0; ++i) {
        alive = runProgram(QStringLiteral("curl"), {QStringLiteral("-sf"), url + QLatin1Char('/')},
                           10000);
        if (alive.code != 0)
            QThread::msleep(500);
    }
    QVERIFY2(alive.code == 0, qPrintable(podman.run({QStringLiteral("logs"), container}).err));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("data"), expected.value(QStringLiteral("rows"))}})
            .toJson(QJsonDocument::Compact);
    const Result scored = runProgram(QStringLiteral("curl"),
                                     {QStringLiteral("-sf"), QStringLiteral("-H"),
                                      QStringLiteral("Content-Type: application/json"),
                                      QStringLiteral("--data-binary"), QString::fromUtf8(body),
                                      url + QStringLiteral("/score")},
                                     30000);
    QVERIFY2(scored.code == 0,
             qPrintable(scored.err + podman.run({QStringLiteral("logs"), container}).err));
    QCOMPARE(QJsonDocument::fromJson(scored.out.toUtf8()).array(),
             expected.value(QStringLiteral("predictions")).toArray());
}

// The image stays loaded between the tests: loading it again costs a minute.
void TestImageRun::cleanupTestCase()
{
    if (m_podman)
        m_podman->run({QStringLiteral("rmi"), QStringLiteral("-f"),
                       QStringLiteral("localhost/mlwb-test-iris:1")});
}

// The product finds out by itself how podman runs containers here (it
// writes its own containers.conf when it must), deploys the image, and its
// supervisor serves it; delete removes the container.
void TestImageRun::deploysImageWithPodman()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    const QString dir = m_dir.path();
    const QProcessEnvironment env = testing::cliEnvironment(dir, m_ws->path());
    const auto mlwb = [&](const QString &line) {
        return testing::runMlwb(line.split(QLatin1Char(' ')), env, dir);
    };
    const auto cleanup = qScopeGuard([&] { mlwb(QStringLiteral("service delete iris-pod")); });
    const testing::MlwbResult deployed =
        mlwb(QStringLiteral("service deploy iris-pod --image mlwb-test-iris:1 --format json"));
    QVERIFY2(deployed.code == 0, qPrintable(deployed.err + deployed.out));
    QVERIFY2(deployed.err.contains(QLatin1String("run as a container with podman")),
             qPrintable(deployed.err));
    const QJsonObject shown =
        QJsonDocument::fromJson(
            mlwb(QStringLiteral("service show iris-pod --format json")).out.toUtf8())
            .object();
    QCOMPARE(shown.value(QStringLiteral("mode")).toString(), QStringLiteral("container"));
    QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QVERIFY2(
        shown.value(QStringLiteral("mode_reason")).toString().contains(QLatin1String("podman")),
        qPrintable(shown.value(QStringLiteral("mode_reason")).toString()));
    const QString container =
        m_podman
            ->run({QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("{{.Names}}"),
                   QStringLiteral("--filter"), QStringLiteral("name=iris-pod")})
            .out;
    QVERIFY2(container.endsWith(QLatin1String("-iris-pod")), qPrintable(container));
    QCOMPARE(
        m_podman
            ->run({QStringLiteral("inspect"), QStringLiteral("--format"),
                   QStringLiteral("{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}"), container})
            .out,
        QStringLiteral("1500000000 536870912"));

    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("data"),
                                                       m_expected.value(QStringLiteral("rows"))}})
                                .toJson(QJsonDocument::Compact);
    const Result scored = runProgram(QStringLiteral("curl"),
                                     {QStringLiteral("-sf"), QStringLiteral("-H"),
                                      QStringLiteral("Content-Type: application/json"),
                                      QStringLiteral("--data-binary"), QString::fromUtf8(body),
                                      shown.value(QStringLiteral("scoring_uri")).toString()},
                                     30000);
    QVERIFY2(scored.code == 0, qPrintable(scored.err));
    QCOMPARE(QJsonDocument::fromJson(scored.out.toUtf8()).array(),
             m_expected.value(QStringLiteral("predictions")).toArray());

    const testing::MlwbResult deleted = mlwb(QStringLiteral("service delete iris-pod"));
    QVERIFY2(deleted.code == 0, qPrintable(deleted.err));
    QCOMPARE(m_podman
                 ->run({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                        QStringLiteral("{{.Names}}"), QStringLiteral("--filter"),
                        QStringLiteral("name=iris-pod")})
                 .out,
             QString());
}

QTEST_GUILESS_MAIN(TestImageRun)
#include "tst_imagerun.moc"
