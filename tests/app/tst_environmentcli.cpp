// `mlwb environment ...` and environments in lineage, end to end with the
// real binary: specs normalized and versioned once, runs recording theirs,
// and a real scikit-learn training script registering its model.
#include "mlwbprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mlwb;

namespace {

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Trains a real model, then registers it the way Azure ML scripts do.
const char *trainScript = R"PY(
import os, sys, joblib, mlwb
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
run = mlwb.Run.get_context()
X, y = load_iris(return_X_y=True)
model = LogisticRegression(max_iter=500).fit(X, y)
run.log('accuracy', float(model.score(X, y)))
os.makedirs('outputs', exist_ok=True)
joblib.dump(model, 'outputs/model.pkl')
if os.environ.get('AS_IF_REMOTE'):
    del os.environ['MLWB_PROGRAM_PATH']  # what an SSH target lacks
m = run.register_model('iris', 'outputs/model.pkl', tags={'data': 'iris'},
                       properties={'accuracy': '%.3f' % model.score(X, y)},
                       description='logistic regression')
print('registered', m.name, m.version)
)PY";

} // namespace

class TestEnvironmentCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createListShow();
    void identicalSpecIsNotVersionedTwice();
    void identicalSpecFromTwoProcessesAtOnce();
    void createRejects_data();
    void createRejects();
    void modelTakesAnEnvironment();
    void trainingScriptRegistersModel();
    void registrationWaitsForOutputsWithoutProgram();
    void environmentIsReadBesideTheRun();
    void runUsesEnvironmentFromConfig();

private:
    using Result = testing::MlwbResult;
    Result run(const QStringList &arguments, int timeoutMs = 60000);
    QJsonObject json(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString submitTraining(const QByteArray &config);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
};

TestEnvironmentCli::Result TestEnvironmentCli::run(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment env = testing::cliEnvironment(m_dir->path(), m_ws);
    env.insert(QStringLiteral("MLWB_PROGRAM"), QStringLiteral(MLWB_BINARY));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(MLWB_BINARY), arguments);
    if (!process.waitForFinished(timeoutMs))
        process.kill();
    process.waitForFinished();
    Result result;
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QJsonObject TestEnvironmentCli::json(const QStringList &arguments)
{
    const Result result = run(arguments + words("--format json"));
    if (result.code != 0)
        qWarning() << arguments << result.code << result.err;
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

void TestEnvironmentCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ws = path(QStringLiteral("ws"));
    QCOMPARE(run({QStringLiteral("workspace"), QStringLiteral("create"), m_ws}).code, 0);
    write(path(QStringLiteral("requirements.txt")),
          "# serving\nnumpy==1.26.4\nScikit_Learn>=1.2   # the model\n\njoblib\n");
    write(path(QStringLiteral("conda.yml")), "name: train\nchannels: [conda-forge]\n"
                                             "dependencies:\n  - python=3.11\n  - numpy\n"
                                             "  - pip:\n    - joblib\n");
}

void TestEnvironmentCli::cleanup()
{
    m_dir.reset();
}

void TestEnvironmentCli::createListShow()
{
    Result r = run(words("environment create serve --file requirements.txt --python 3.11"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("serve:1\n"));
    const QJsonObject conda = json(words("environment create train --file conda.yml"));
    QCOMPARE(conda.value(QStringLiteral("ref")).toString(), QStringLiteral("train:1"));
    QCOMPARE(conda.value(QStringLiteral("kind")).toString(), QStringLiteral("conda"));
    QCOMPARE(conda.value(QStringLiteral("python")).toString(), QStringLiteral("3.11"));
    QCOMPARE(conda.value(QStringLiteral("created")).toBool(), true);
    QCOMPARE(conda.value(QStringLiteral("packages")).toArray(),
             (QJsonArray{QStringLiteral("numpy"), QStringLiteral("pip: joblib")}));

    const QJsonObject shown = json(words("environment show serve:1"));
    QCOMPARE(shown.value(QStringLiteral("kind")).toString(), QStringLiteral("pip"));
    QCOMPARE(shown.value(QStringLiteral("python")).toString(), QStringLiteral("3.11"));
    QVERIFY(
        shown.value(QStringLiteral("spec")).toString().startsWith(QLatin1String("# serving\n")));
    QCOMPARE(shown.value(QStringLiteral("packages")).toArray().size(), 3);
    QCOMPARE(shown.value(QStringLiteral("spec_sha256")).toString().size(), 64);

    r = run(words("environment show serve"));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("Scikit_Learn>=1.2   # the model")), qPrintable(r.out));

    r = run(words("environment list --format json"));
    QCOMPARE(r.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0)[QStringLiteral("name")].toString(), QStringLiteral("serve"));
    QCOMPARE(list.at(1)[QStringLiteral("latest_version")].toInt(), 1);
}

void TestEnvironmentCli::identicalSpecIsNotVersionedTwice()
{
    QCOMPARE(run(words("environment create serve --file requirements.txt")).code, 0);
    // Same packages: other order, spelling, comments and spacing.
    write(path(QStringLiteral("same.txt")), "joblib\nscikit-learn >= 1.2\nnumpy==1.26.4\n");
    Result r = run(words("environment create serve --file same.txt"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("serve:1 already has this spec; no new version was made.\n"));
    QCOMPARE(json(words("environment create serve --file same.txt"))
                 .value(QStringLiteral("created"))
                 .toBool(true),
             false);
    // A changed pin, or another Python, is a new version.
    write(path(QStringLiteral("changed.txt")), "joblib\nscikit-learn>=1.3\nnumpy==1.26.4\n");
    QCOMPARE(run(words("environment create serve --file changed.txt")).out,
             QStringLiteral("serve:2\n"));
    QCOMPARE(run(words("environment create serve --file same.txt --python 3.12")).out,
             QStringLiteral("serve:3\n"));
    // The conda file's name: says where conda puts it, not what it holds.
    QCOMPARE(run(words("environment create train --file conda.yml")).out,
             QStringLiteral("train:1\n"));
    write(path(QStringLiteral("renamed.yaml")), "dependencies: [python=3.11, numpy, {pip: "
                                                "[joblib]}]\nchannels: [conda-forge]\nname: x\n");
    QCOMPARE(run(words("environment create train --file renamed.yaml")).out,
             QStringLiteral("train:1 already has this spec; no new version was made.\n"));
}

void TestEnvironmentCli::identicalSpecFromTwoProcessesAtOnce()
{
    // Two real mlwb processes make the same spec at once, four times each:
    // one version, and each process is told which.
    const QString loop = QStringLiteral("for i in 1 2 3 4; do \"$0\" environment create serve "
                                        "--file requirements.txt || exit 1; done");
    QProcess a, b;
    for (QProcess *p : {&a, &b}) {
        p->setProcessEnvironment(testing::cliEnvironment(m_dir->path(), m_ws));
        p->setWorkingDirectory(m_dir->path());
        p->start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), loop, QStringLiteral(MLWB_BINARY)});
    }
    QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
    QCOMPARE(a.exitCode() + b.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(a.readAllStandardOutput() + b.readAllStandardOutput())
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines.count(QStringLiteral("serve:1")), 1);
    QCOMPARE(lines.count(QStringLiteral("serve:1 already has this spec; no new version was made.")),
             7);
    QCOMPARE(json(words("environment show serve")).value(QStringLiteral("version")).toInt(), 1);
}

void TestEnvironmentCli::createRejects_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << "environment create e" << QByteArray()
                             << "mlwb: Say what the environment is made from: --file conda.yml "
                                "or --file requirements.txt.\n";
    QTest::newRow("missing file") << "environment create e --file nope.txt" << QByteArray()
                                  << "mlwb: Cannot read nope.txt: No such file or directory\n";
    QTest::newRow("anonymous") << "environment create anonymous --file requirements.txt"
                               << QByteArray()
                               << "mlwb: 'anonymous' is kept for the environments runs record at "
                                  "their start; choose another name.\n";
    QTest::newRow("conda without dependencies")
        << "environment create e --file bad.yml" << QByteArray("name: x\nchannels: [a]\n")
        << "mlwb: bad.yml: The conda environment file has no 'dependencies:' list.\n";
    QTest::newRow("broken yaml") << "environment create e --file bad.yml"
                                 << QByteArray("dependencies: [a\n")
                                 << "mlwb: bad.yml: Line 2, column 1: end of sequence flow not "
                                    "found\n";
    QTest::newRow("bad name") << "environment create -x --file requirements.txt" << QByteArray()
                              << "";
    QTest::newRow("unknown version") << "environment show serve:4" << QByteArray()
                                     << "mlwb: There is no environment named 'serve'.\n";
}

void TestEnvironmentCli::createRejects()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    if (!file.isEmpty())
        write(path(QStringLiteral("bad.yml")), file);
    const Result r = run(command.split(QLatin1Char(' ')));
    QVERIFY(r.code != 0);
    if (!message.isEmpty())
        QCOMPARE(r.err, message);
    QCOMPARE(run(words("environment list --format json")).out.trimmed(), QStringLiteral("[]"));
}

void TestEnvironmentCli::modelTakesAnEnvironment()
{
    QCOMPARE(run(words("environment create serve --file requirements.txt")).code, 0);
    write(path(QStringLiteral("model.onnx")), "onnx");
    QCOMPARE(run(words("model register m --path model.onnx --environment serve:1")).code, 0);
    const QJsonObject v = json(words("model show m:1"));
    QCOMPARE(v.value(QStringLiteral("environment")).toString(), QStringLiteral("serve:1"));
    Result r = run(words("model show m:1"));
    QVERIFY2(r.out.contains(QLatin1String("environment: serve:1")), qPrintable(r.out));
    r = run(words("model register m --path model.onnx --environment serve:7"));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("mlwb: Environment 'serve' has no version 7.\n"));
    QCOMPARE(json(words("model show m")).value(QStringLiteral("version")).toInt(), 1);
    // Without one, an upload has none.
    QCOMPARE(run(words("model register plain --path model.onnx")).code, 0);
    QVERIFY(json(words("model show plain")).value(QStringLiteral("environment")).isNull());
    // An environment a model version names is not deleted from under it: see
    // tst_registry for Environments::remove.
}

QString TestEnvironmentCli::submitTraining(const QByteArray &config)
{
    const QString project = path(QStringLiteral("project"));
    write(project + QStringLiteral("/train.py"), trainScript);
    write(project + QStringLiteral("/mlwb.yaml"), config);
    const Result r = run({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
                          QStringLiteral("--config"), project + QStringLiteral("/mlwb.yaml")},
                         240000);
    if (r.code != 0)
        qWarning() << "submit:" << r.code << r.out << r.err;
    return r.code == 0 ? r.out : QString();
}

void TestEnvironmentCli::trainingScriptRegistersModel()
{
    const QString out =
        submitTraining("experiment_name: iris\ncommand: /usr/bin/python3 train.py\n");
    QVERIFY2(out.contains(QLatin1String("registered iris 1")), qPrintable(out));
    const QString runId = out.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QJsonObject v = json(words("model show iris:1"));
    QCOMPARE(v.value(QStringLiteral("framework")).toString(), QStringLiteral("scikit-learn"));
    QCOMPARE(v.value(QStringLiteral("description")).toString(),
             QStringLiteral("logistic regression"));
    QCOMPARE(v.value(QStringLiteral("tags")).toObject().value(QStringLiteral("data")).toString(),
             QStringLiteral("iris"));
    QVERIFY(v.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("accuracy")));
    const QJsonObject lineage = v.value(QStringLiteral("lineage")).toObject();
    QCOMPARE(lineage.value(QStringLiteral("run")).toString(), runId);
    QCOMPARE(lineage.value(QStringLiteral("experiment")).toString(), QStringLiteral("iris"));
    QCOMPARE(lineage.value(QStringLiteral("path")).toString(), QStringLiteral("outputs/model.pkl"));
    // The environment the run started with: this interpreter, as captured.
    const QString environment = v.value(QStringLiteral("environment")).toString();
    QCOMPARE(environment, QStringLiteral("anonymous:1"));
    const QJsonObject env =
        json({QStringLiteral("environment"), QStringLiteral("show"), environment});
    QVERIFY(QRegularExpression(QStringLiteral("^3\\.[0-9]+\\.[0-9]+$"))
                .match(env.value(QStringLiteral("python")).toString())
                .hasMatch());
    const QString spec = env.value(QStringLiteral("spec")).toString();
    QVERIFY2(spec.contains(QRegularExpression(QStringLiteral("(?m)^scikit-learn==[0-9.]+$"))),
             qPrintable(spec));
    // The model in the registry is the one the script trained.
    QCOMPARE(run({QStringLiteral("model"), QStringLiteral("download"), QStringLiteral("iris:1"),
                  path(QStringLiteral("got"))})
                 .code,
             0);
    QFile got(path(QStringLiteral("got/model.pkl")));
    QFile trained(m_ws + QStringLiteral("/runs/") + runId + QStringLiteral("/outputs/model.pkl"));
    QVERIFY(got.open(QIODevice::ReadOnly) && trained.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), trained.readAll());
    // A second run in the same interpreter shares the captured environment.
    const QString second =
        submitTraining("experiment_name: iris\ncommand: /usr/bin/python3 train.py\n");
    QVERIFY2(second.contains(QLatin1String("registered iris 2")), qPrintable(second));
    QCOMPARE(json(words("model show iris:2")).value(QStringLiteral("environment")).toString(),
             QStringLiteral("anonymous:1"));
}

void TestEnvironmentCli::registrationWaitsForOutputsWithoutProgram()
{
    // An SSH target's script cannot call mlwb: the request travels with the
    // outputs and is registered when they are collected.
    const QString out = submitTraining("experiment_name: iris\ncommand: /usr/bin/python3 "
                                       "train.py\nenvironment_variables: {AS_IF_REMOTE: \"1\"}\n");
    QVERIFY2(out.contains(QLatin1String("registered iris None")), qPrintable(out));
    const QString runId = out.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QJsonObject v = json(words("model show iris:1"));
    QCOMPARE(v.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("run")).toString(),
             runId);
    QCOMPARE(v.value(QStringLiteral("description")).toString(),
             QStringLiteral("logistic regression"));
    QCOMPARE(v.value(QStringLiteral("tags")).toObject().value(QStringLiteral("data")).toString(),
             QStringLiteral("iris"));
    QCOMPARE(v.value(QStringLiteral("environment")).toString(), QStringLiteral("anonymous:1"));
    const QString outputs = m_ws + QStringLiteral("/runs/") + runId + QStringLiteral("/outputs");
    QVERIFY(!QFileInfo::exists(outputs + QStringLiteral("/.mlwb")));
    QFile log(m_ws + QStringLiteral("/runs/") + runId + QStringLiteral("/output.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("mlwb: registered outputs/model.pkl as model iris:1"));
}

// The run starts without waiting for its environment to be read (a Python
// behind a shim takes seconds), and a model it registers at once still
// inherits that environment: the registration waits for the reading.
void TestEnvironmentCli::environmentIsReadBesideTheRun()
{
    const QString project = path(QStringLiteral("quick"));
    const QString python = path(QStringLiteral("slow/python3"));
    const QString started = path(QStringLiteral("script-started")),
                  read = path(QStringLiteral("environment-read"));
    // Slow when asked for the environment (-c), as a shim with a cold cache is.
    write(python,
          QStringLiteral("#!/bin/sh\nif [ \"$1\" = -c ]; then sleep 2; /usr/bin/python3 \"$@\"; "
                         "r=$?; date +%s.%N > '%1'; exit $r; fi\nexec /usr/bin/python3 \"$@\"\n")
              .arg(read)
              .toUtf8());
    QFile(python).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    write(
        project + QStringLiteral("/quick.py"),
        QStringLiteral("import os, time, mlwb\n"
                       "open('%1', 'w').write('%.6f' % time.time())\n"
                       "os.makedirs('outputs', exist_ok=True)\n"
                       "open('outputs/weights.txt', 'w').write('1 2 3')\n"
                       "m = mlwb.Run.get_context().register_model('quick', 'outputs/weights.txt')\n"
                       "print('registered', m.name, m.version)\n")
            .arg(started)
            .toUtf8());
    write(project + QStringLiteral("/mlwb.yaml"),
          QStringLiteral("experiment_name: quick\ncommand: %1 quick.py\n").arg(python).toUtf8());
    const Result r = run({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
                          QStringLiteral("--config"), project + QStringLiteral("/mlwb.yaml")},
                         120000);
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("registered quick 1")),
             qPrintable(r.out + r.err));
    QFile startedFile(started), readFile(read);
    QVERIFY(startedFile.open(QIODevice::ReadOnly) && readFile.open(QIODevice::ReadOnly));
    const double scriptStarted = startedFile.readAll().trimmed().toDouble();
    const double environmentRead = readFile.readAll().trimmed().toDouble();
    QVERIFY2(scriptStarted > 0 && scriptStarted < environmentRead,
             qPrintable(QStringLiteral("script started %1, environment read %2")
                            .arg(scriptStarted, 0, 'f', 3)
                            .arg(environmentRead, 0, 'f', 3)));
    QCOMPARE(json(words("model show quick:1")).value(QStringLiteral("environment")).toString(),
             QStringLiteral("anonymous:1"));
    const QString runId = r.out.section(QLatin1Char('\n'), 0, 0).trimmed();
    QVERIFY(!QFileInfo::exists(m_ws + QStringLiteral("/runs/") + runId
                               + QStringLiteral("/environment.pending")));
}

void TestEnvironmentCli::runUsesEnvironmentFromConfig()
{
    QCOMPARE(run(words("environment create sk --file requirements.txt")).code, 0);
    const QString out = submitTraining(
        "experiment_name: iris\ncommand: /usr/bin/python3 train.py\nenvironment: sk:1\n");
    QVERIFY2(out.contains(QLatin1String("registered iris 1")), qPrintable(out));
    QCOMPARE(json(words("model show iris:1")).value(QStringLiteral("environment")).toString(),
             QStringLiteral("sk:1"));
    // Nothing was captured: the run said which environment it uses.
    QCOMPARE(run(words("environment show anonymous")).code, 1);
    // An environment that does not exist stops the submit before anything runs.
    const QString project = path(QStringLiteral("project"));
    write(project + QStringLiteral("/mlwb.yaml"),
          "experiment_name: iris\ncommand: /usr/bin/python3 train.py\nenvironment: nope\n");
    const Result r = run({QStringLiteral("run"), QStringLiteral("submit"),
                          QStringLiteral("--config"), project + QStringLiteral("/mlwb.yaml")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("mlwb: There is no environment named 'nope'.\n"));
}

QTEST_GUILESS_MAIN(TestEnvironmentCli)
#include "tst_environmentcli.moc"
