// `mlwb model ...` end to end: the real binary, table and JSON output.
#include "mlwbprocess.h"
#include "runs/runfolder.h"
#include "store/deployments.h"
#include "store/experiments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
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

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestModelCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registerPrintsNameAndVersion();
    void registerFromRun();
    void listAndShow();
    void download();
    void aliasMovesAndRemoves();
    void tag();
    void deleteVersion();
    void errors_data();
    void errors();
    void numbersNeverReused();
    void deleteRefusedWhileUsedNamesUsers();
    void twoProcessesRegisterAtOnce();
    void workspaceCheckFindsOrphansAndDanglingRows();

private:
    using Result = testing::MlwbResult;
    Result run(const QStringList &arguments);
    QJsonValue json(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
};

TestModelCli::Result TestModelCli::run(const QStringList &arguments)
{
    return testing::runMlwb(arguments, testing::cliEnvironment(m_dir->path(), m_ws), m_dir->path());
}

QJsonValue TestModelCli::json(const QStringList &arguments)
{
    const Result result = run(arguments + words("--format json"));
    if (result.code != 0)
        qWarning() << arguments << result.code << result.err;
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void TestModelCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ws = path(QStringLiteral("ws"));
    QString error;
    QVERIFY2(Workspace::create(m_ws, &error), qPrintable(error));
    write(path(QStringLiteral("model.onnx")), QByteArray("onnx"));
    write(path(QStringLiteral("folder/a.bin")), QByteArray("a"));
    write(path(QStringLiteral("folder/sub/b.bin")), QByteArray("b"));
}

void TestModelCli::cleanup()
{
    m_dir.reset();
}

void TestModelCli::registerPrintsNameAndVersion()
{
    Result r = run(words("model register det --path model.onnx"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("det:1\n"));
    const QJsonObject v = json(words("model register det --path folder --description second "
                                     "--tag stage=dev --property auc=0.9 --alias production "
                                     "--framework custom"))
                              .toObject();
    QCOMPARE(v.value(QStringLiteral("ref")).toString(), QStringLiteral("det:2"));
    QCOMPARE(v.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(v.value(QStringLiteral("framework")).toString(), QStringLiteral("custom"));
    QCOMPARE(v.value(QStringLiteral("description")).toString(), QStringLiteral("second"));
    QCOMPARE(v.value(QStringLiteral("tags")).toObject().value(QStringLiteral("stage")),
             QJsonValue(QStringLiteral("dev")));
    QCOMPARE(v.value(QStringLiteral("properties")).toObject().value(QStringLiteral("auc")),
             QJsonValue(QStringLiteral("0.9")));
    QCOMPARE(v.value(QStringLiteral("aliases")).toArray(),
             QJsonArray{QStringLiteral("production")});
    QCOMPARE(v.value(QStringLiteral("size")).toInt(), 2);
    QCOMPARE(v.value(QStringLiteral("lineage")).toObject().value(QStringLiteral("uploaded_from")),
             QJsonValue(path(QStringLiteral("folder"))));
}

void TestModelCli::registerFromRun()
{
    QString error;
    Run made;
    {
        auto ws = Workspace::open(m_ws, &error);
        QVERIFY2(ws, qPrintable(error));
        const auto experiment = Experiments(*ws).findOrCreate(QStringLiteral("exp"), &error);
        made.experimentId = experiment->id;
        made.experimentName = experiment->name;
        Runs runs(*ws);
        QVERIFY(runs.create(&made, &error));
        QVERIFY(runs.finish(made.id, RunStatus::Completed, 0, QString(), &error));
        write(RunFolder(ws->folder(Workspace::Folder::Runs), made.uid).outputs()
                  + QStringLiteral("/model.pt"),
              QByteArray("torch"));
    }
    const QJsonObject v = json({QStringLiteral("model"), QStringLiteral("register"),
                                QStringLiteral("m"), QStringLiteral("--run"), made.uid,
                                QStringLiteral("--path"), QStringLiteral("outputs/model.pt")})
                              .toObject();
    QCOMPARE(v.value(QStringLiteral("framework")).toString(), QStringLiteral("pytorch"));
    const QJsonObject lineage = v.value(QStringLiteral("lineage")).toObject();
    QCOMPARE(lineage.value(QStringLiteral("run")).toString(), made.uid);
    QCOMPARE(lineage.value(QStringLiteral("experiment")).toString(), QStringLiteral("exp"));
    QCOMPARE(lineage.value(QStringLiteral("path")).toString(), QStringLiteral("outputs/model.pt"));
}

void TestModelCli::listAndShow()
{
    QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    QCOMPARE(run(words("model register det --path folder --alias production")).code, 0);
    QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    const QJsonArray models = json(words("model list")).toArray();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models[0].toObject().value(QStringLiteral("latest_version")).toInt(), 3);

    const QJsonObject byAlias = json(words("model show det@production")).toObject();
    QCOMPARE(byAlias.value(QStringLiteral("version")).toInt(), 2);
    const QJsonArray files = byAlias.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files[0].toObject().value(QStringLiteral("path")).toString(),
             QStringLiteral("folder/a.bin"));
    QCOMPARE(json(words("model show det")).toObject().value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(json(words("model show det:1")).toObject().value(QStringLiteral("framework")),
             QJsonValue(QStringLiteral("onnx")));
    const Result table = run(words("model show det:2"));
    QCOMPARE(table.code, 0);
    QVERIFY2(table.out.contains(QLatin1String("det:2")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("production")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("\n  folder/a.bin: 1 bytes, sha256 ")),
             qPrintable(table.out));
}

void TestModelCli::download()
{
    QCOMPARE(run(words("model register det --path folder")).code, 0);
    const Result r = run(words("model download det:1 out"));
    QCOMPARE(r.code, 0);
    QCOMPARE(read(path(QStringLiteral("out/folder/sub/b.bin"))), QByteArray("b"));
    QCOMPARE(read(path(QStringLiteral("out/folder/a.bin"))), QByteArray("a"));
}

void TestModelCli::aliasMovesAndRemoves()
{
    QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    QCOMPARE(run(words("model register det --path folder")).code, 0);
    Result r = run(words("model alias det:1 production"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("det@production is det:1.\n"));
    QCOMPARE(
        json(words("model alias det:2 production")).toObject().value(QStringLiteral("version")),
        QJsonValue(2));
    QCOMPARE(json(words("model show det@production")).toObject().value(QStringLiteral("version")),
             QJsonValue(2));
    QVERIFY(json(words("model show det:1"))
                .toObject()
                .value(QStringLiteral("aliases"))
                .toArray()
                .isEmpty());
    QCOMPARE(run(words("model alias det:2 production --remove")).code, 0);
    r = run(words("model show det@production"));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: Model 'det' has no alias 'production'."));
}

void TestModelCli::tag()
{
    QCOMPARE(run(words("model register det --path model.onnx --tag a=1 --tag b=2")).code, 0);
    const QJsonObject v = json(words("model tag det:1 c=3 a=9 --remove b")).toObject();
    QCOMPARE(v.value(QStringLiteral("tags")).toObject(),
             (QJsonObject{{QStringLiteral("a"), QStringLiteral("9")},
                          {QStringLiteral("c"), QStringLiteral("3")}}));
    const Result r = run(words("model tag det:1 novalue"));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: 'novalue' is not KEY=VALUE."));
}

void TestModelCli::deleteVersion()
{
    QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    QCOMPARE(run(words("model register det --path folder")).code, 0);
    Result r = run(words("model delete det:2"));
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("Deleted det:2.\n"));
    QCOMPARE(run(words("model register det --path folder")).out, QStringLiteral("det:3\n"));
    r = run(words("model delete det"));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: Say which version to delete: det:VERSION."));
    QCOMPARE(run(words("model delete det:1")).code, 0);
    QCOMPARE(run(words("model delete det:3")).code, 0);
    QVERIFY(json(words("model list")).toArray().isEmpty());
    QVERIFY(QDir(m_ws + QStringLiteral("/models/blobs")).entryList(QDir::Files).isEmpty());
}

void TestModelCli::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no path") << words("model register m")
                             << QStringLiteral("Say what to register with --path "
                                               "FILE_OR_FOLDER, or --run RUN --path outputs/REL.");
    QTest::newRow("missing file") << words("model register m --path nope.bin")
                                  << QStringLiteral("%1/nope.bin does not exist.");
    QTest::newRow("missing model")
        << words("model show nope") << QStringLiteral("There is no model named 'nope'.");
    QTest::newRow("bad version") << words("model show m:x")
                                 << QStringLiteral("'x' is not a version number.");
    QTest::newRow("bad tag") << words("model register m --path model.onnx --tag x")
                             << QStringLiteral("'x' is not KEY=VALUE.");
}

void TestModelCli::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QCOMPARE(r.code, 1);
    const QString expected =
        message.contains(QLatin1String("%1")) ? message.arg(m_dir->path()) : message;
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: ") + expected);
    QCOMPARE(r.out, QString());
}

void TestModelCli::numbersNeverReused()
{
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    QCOMPARE(run(words("model delete det:3")).code, 0); // the newest
    QCOMPARE(run(words("model register det --path model.onnx")).out, QStringLiteral("det:4\n"));
    for (const char *ref : {"model delete det:1", "model delete det:2", "model delete det:4"})
        QCOMPARE(run(words(ref)).code, 0);
    QVERIFY(json(words("model list")).toArray().isEmpty()); // the name went with its versions
    QCOMPARE(run(words("model register det --path model.onnx")).out, QStringLiteral("det:5\n"));
}

void TestModelCli::deleteRefusedWhileUsedNamesUsers()
{
    QCOMPARE(run(words("model register det --path model.onnx")).code, 0);
    QCOMPARE(run(words("model register det --path folder")).code, 0);
    {
        QString error;
        auto ws = Workspace::open(m_ws, &error);
        QVERIFY2(ws, qPrintable(error));
        const Id used = Models(*ws).findVersion(QStringLiteral("det"), 2)->id;
        Images images(*ws);
        for (const char *name : {"scorer", "batch"}) {
            Image image;
            image.name = QString::fromLatin1(name);
            image.tag = QStringLiteral("1");
            image.modelVersionIds = {used};
            QVERIFY2(images.create(&image, &error), qPrintable(error));
            if (image.name == QLatin1String("scorer")) {
                Deployment deployment;
                deployment.name = QStringLiteral("svc");
                deployment.imageId = image.id;
                deployment.status = QStringLiteral("Healthy");
                QVERIFY2(Deployments(*ws).create(&deployment, &error), qPrintable(error));
            }
        }
    }
    Result r = run(words("model delete det:2"));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("mlwb: Version 2 of model 'det' is used by image 'batch:1', image "
                            "'scorer:1', deployment 'svc'; delete them first (deployments before "
                            "their images)."));
    QCOMPARE(json(words("model show det:2")).toObject().value(QStringLiteral("version")).toInt(),
             2);
    QCOMPARE(run(words("model download det:2 out")).code, 0); // its files are all there
    QCOMPARE(run(words("model delete det:1")).code, 0);       // nothing uses version 1
    {
        QString error;
        auto ws = Workspace::open(m_ws, &error);
        QVERIFY(Deployments(*ws).remove(QStringLiteral("svc"), &error));
        Images images(*ws);
        QVERIFY(images.remove(QStringLiteral("batch"), QStringLiteral("1"), &error));
        QVERIFY(images.remove(QStringLiteral("scorer"), QStringLiteral("1"), &error));
    }
    r = run(words("model delete det:2"));
    QCOMPARE(r.code, 0);
    QVERIFY(QDir(m_ws + QStringLiteral("/models/blobs")).entryList(QDir::Files).isEmpty());
}

void TestModelCli::twoProcessesRegisterAtOnce()
{
    // Two real mlwb processes, five registrations each, started together.
    const QProcessEnvironment env = testing::cliEnvironment(m_dir->path(), m_ws);
    const QString loop = QStringLiteral("for i in 1 2 3 4 5; do \"$0\" model register same "
                                        "--path \"$1\" || exit 1; done");
    QProcess a, b;
    for (QProcess *p : {&a, &b}) {
        p->setProcessEnvironment(env);
        p->setWorkingDirectory(m_dir->path());
    }
    a.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), loop, QStringLiteral(MLWB_BINARY),
                                        path(QStringLiteral("model.onnx"))});
    b.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), loop, QStringLiteral(MLWB_BINARY),
                                        path(QStringLiteral("folder"))});
    QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);
    QStringList refs = QString::fromUtf8(a.readAllStandardOutput() + b.readAllStandardOutput())
                           .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    refs.sort();
    QStringList expected;
    for (int i = 1; i <= 10; ++i)
        expected << QStringLiteral("same:%1").arg(i);
    expected.sort();
    QCOMPARE(refs, expected); // ten numbers, none twice
    QCOMPARE(json(words("model list")).toArray().at(0)[QStringLiteral("latest_version")].toInt(),
             10);
}

void TestModelCli::workspaceCheckFindsOrphansAndDanglingRows()
{
    QCOMPARE(run(words("model register det --path folder")).code, 0);
    Result r = run(words("workspace check"));
    QCOMPARE(r.code, 0);
    const QString blobs = m_ws + QStringLiteral("/models/blobs/");
    // An orphan: a blob no version refers to.
    const QString orphan = QString(64, QLatin1Char('a'));
    write(blobs + orphan, "left behind");
    // A dangling row: a version whose manifest is not stored.
    const QString missing = QString(64, QLatin1Char('b'));
    {
        QString error;
        auto ws = Workspace::open(m_ws, &error);
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO model_versions(model_id, version, sha256, "
                                      "created_at) SELECT id, 7, '%1', 0 FROM models")
                           .arg(missing)));
    }
    // And a version whose file went missing.
    const QString fileDigest = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("a"), QCryptographicHash::Sha256).toHex());
    QVERIFY(QFile::remove(blobs + fileDigest));
    r = run(words("workspace check --format json"));
    QCOMPARE(r.code, 1);
    const QJsonArray problems = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("problems"))
                                    .toArray();
    QStringList messages;
    for (const QJsonValue &p : problems)
        if (p[QStringLiteral("check")] == QLatin1String("models"))
            messages << p[QStringLiteral("message")].toString();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0),
             QStringLiteral("model det:1: file folder/a.bin (%1) is missing from %2/models")
                 .arg(fileDigest, m_ws));
    QCOMPARE(messages.at(1),
             QStringLiteral("model det:7: its manifest %1 cannot be read (The workspace is "
                            "missing stored file %1.)")
                 .arg(missing));
    QCOMPARE(messages.at(2),
             QStringLiteral("%1%2 is stored but no model version refers to it (an orphan)")
                 .arg(blobs, orphan));
}

QTEST_GUILESS_MAIN(TestModelCli)
#include "tst_modelcli.moc"
