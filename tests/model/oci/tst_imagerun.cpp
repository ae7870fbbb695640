// A built image really serves: a base with Python and scikit-learn made from
// Debian packages (tests/scripts/sklearn-base.sh, cached under /var/tmp),
// a model trained on the host, the image loaded into podman and run with its
// port on 127.0.0.1, real rows POSTed to /score and the answers compared
// with the model's own predictions computed outside the container.
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

const char *const scoreScript = R"PY(import json, os, pickle

def init():
    global model
    with open(os.path.join(os.environ['AZUREML_MODEL_DIR'], 'model.pkl'), 'rb') as f:
        model = pickle.load(f)

def run(raw_data):
    return model.predict(json.loads(raw_data)['data']).tolist()
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
    void servesPredictionsFromPodman();
};

void TestImageRun::servesPredictionsFromPodman()
{
    if (QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty())
        QSKIP("podman is not installed: packaging/install-deps.sh installs it");
    QTemporaryDir dir;
    const Podman podman(dir.path());
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
    const QJsonObject expected = QJsonDocument::fromJson(testing::tinyRead(expectedFile)).object();

    QString error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = modelFile;
    ModelVersion version;
    QVERIFY2(ModelRegistry(*ws).registerModel(reg, &version, &error), qPrintable(error));
    QVERIFY(testing::tinyWrite(dir.filePath(QStringLiteral("score.py")), scoreScript));
    ImageBuildRequest request;
    request.name = QStringLiteral("mlwb-test-iris");
    request.models = {QStringLiteral("iris:1")};
    request.scoringScript = dir.filePath(QStringLiteral("score.py"));
    request.base = QStringLiteral("oci-archive:") + baseArchive;
    Image image;
    QVERIFY2(ImageBuilder(*ws).build(request, &image, &error), qPrintable(error));
    const QString archive = dir.filePath(QStringLiteral("image.tar"));
    QVERIFY2(oci::ImageExport::write(oci::ImageStore(ws->folder(Workspace::Folder::Images)),
                                     QStringLiteral("mlwb-test-iris:1"),
                                     oci::ImageExport::Format::OciArchive, archive, &error),
             qPrintable(error));

    const Result loaded = podman.run({QStringLiteral("load"), QStringLiteral("-i"), archive});
    QVERIFY2(loaded.code == 0, qPrintable(loaded.err));
    const QString tag = QStringLiteral("localhost/mlwb-test-iris:1");
    // Can podman run anything here at all? If not, say why and skip this one test.
    const Result probe =
        podman.run({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--entrypoint"),
                    QStringLiteral("/bin/true"), tag});
    if (probe.code != 0) {
        podman.run({QStringLiteral("rmi"), QStringLiteral("-f"), tag});
        QSKIP(qPrintable(QStringLiteral("podman cannot run containers on this machine: ")
                         + probe.err));
    }
    const int port = freePort();
    const Result started =
        podman.run({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-p"),
                    QStringLiteral("127.0.0.1:%1:5001").arg(port), tag});
    QVERIFY2(started.code == 0, qPrintable(started.err));
    const QString container = started.out;
    const auto cleanup = qScopeGuard([&] {
        podman.run({QStringLiteral("rm"), QStringLiteral("-f"), container});
        podman.run({QStringLiteral("rmi"), QStringLiteral("-f"), tag});
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

QTEST_GUILESS_MAIN(TestImageRun)
#include "tst_imagerun.moc"
