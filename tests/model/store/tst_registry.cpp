#include "store/deployments.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/pipelines.h"
#include "store/tasks.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

using namespace mlwb;

namespace {

QString digest(int n)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha256).toHex());
}

ModelVersion modelVersion(const QString &name, int content = 1)
{
    ModelVersion v;
    v.modelName = name;
    v.sha256 = digest(content);
    v.size = 1000 + content;
    return v;
}

// Steps written as "name:dependency,dependency".
QList<PipelineStep> stepsFrom(const QStringList &specs)
{
    QList<PipelineStep> steps;
    for (const QString &spec : specs) {
        PipelineStep step;
        step.name = spec.section(QLatin1Char(':'), 0, 0);
        step.script = step.name + QStringLiteral(".py");
        step.dependsOn =
            spec.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        steps << step;
    }
    return steps;
}

QList<int> versionNumbers(const QList<ModelVersion> &versions)
{
    QList<int> out;
    for (const ModelVersion &v : versions)
        out << v.version;
    return out;
}

} // namespace

class TestRegistry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modelNames_data();
    void modelNames();
    void registerNumbersVersionsPerModel();
    void registerKeepsFields();
    void registerRejects_data();
    void registerRejects();
    void modelListAndFind();
    void findVersion_data();
    void findVersion();
    void concurrentRegistrationInterleaved();
    void concurrentRegistrationThreads();
    void removeModelVersion();
    void removeWholeModel();
    void removeRefusedWhileImageUsesModel();

    void environmentVersions();
    void environmentErrors();
    void environmentSpecStoredOnceAndKeptForModels();
    void concurrentEnvironmentVersions();

    void imageCreateAndFind();
    void imageCreateRejects_data();
    void imageCreateRejects();
    void imageSetStatus();
    void imageRemove();
    void imageForeignKeys();

    void deploymentLifecycle();
    void deploymentErrors();

    void pipelineCreateAndFind();
    void pipelineValidation_data();
    void pipelineValidation();
    void pipelineErrors();
    void pipelineRemove();

    void taskLifecycle();
    void taskCancel();
    void taskErrors();
    void taskListAndPrune();
    void taskCascadesWithRun();

private:
    QSqlDatabase db() const { return m_ws->database(); }
    void exec(const QString &text);
    Id insertRun(const QString &status, Id pipelineId = 0);
    ModelVersion registered(const QString &name, int content = 1);
    Image createdImage(const QString &name, const QList<Id> &modelVersionIds);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestRegistry::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestRegistry::exec(const QString &text)
{
    QSqlQuery q(db());
    QVERIFY2(q.exec(text), qPrintable(text));
}

Id TestRegistry::insertRun(const QString &status, Id pipelineId)
{
    QSqlQuery q(db());
    q.exec(QStringLiteral("INSERT OR IGNORE INTO experiments(name, created_at) VALUES ('e', 0)"));
    q.prepare(QStringLiteral("INSERT INTO runs(uid, experiment_id, pipeline_id, status, "
                             "created_at) VALUES (?, (SELECT id FROM experiments WHERE name = "
                             "'e'), ?, ?, 0)"));
    static int counter = 0;
    q.addBindValue(QStringLiteral("run_%1").arg(++counter));
    q.addBindValue(pipelineId != 0 ? QVariant(pipelineId) : QVariant());
    q.addBindValue(status);
    if (!q.exec())
        return 0;
    return q.lastInsertId().toLongLong();
}

ModelVersion TestRegistry::registered(const QString &name, int content)
{
    ModelVersion v = modelVersion(name, content);
    QString error;
    Models models(*m_ws);
    if (!models.registerVersion(&v, &error))
        qWarning("registerVersion: %s", qPrintable(error));
    return v;
}

Image TestRegistry::createdImage(const QString &name, const QList<Id> &modelVersionIds)
{
    Image image;
    image.name = name;
    image.tag = QStringLiteral("1");
    image.modelVersionIds = modelVersionIds;
    QString error;
    Images images(*m_ws);
    if (!images.create(&image, &error))
        qWarning("create image: %s", qPrintable(error));
    return image;
}

// ---- models --------------------------------------------------------------

void TestRegistry::modelNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("mnist") << true;
    QTest::newRow("mixed") << QStringLiteral("MNIST-cnn_v2.1") << true;
    QTest::newRow("digit first") << QStringLiteral("3dnet") << true;
    QTest::newRow("255 chars") << QString(255, QLatin1Char('m')) << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("256 chars") << QString(256, QLatin1Char('m')) << false;
    QTest::newRow("leading dash") << QStringLiteral("-mnist") << false;
    QTest::newRow("space") << QStringLiteral("my model") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
}

void TestRegistry::modelNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    Models models(*m_ws);
    ModelVersion v = modelVersion(name);
    QString error;
    QCOMPARE(models.registerVersion(&v, &error), valid);
    if (valid) {
        QVERIFY(error.isEmpty());
        QCOMPARE(v.version, 1);
    } else {
        QCOMPARE(error, QStringLiteral("'%1' is not a valid model name: use 1 to 255 letters, "
                                       "digits, '-', '_' or '.', starting with a letter or digit.")
                            .arg(name));
        QVERIFY(models.list().isEmpty());
    }
}

void TestRegistry::registerNumbersVersionsPerModel()
{
    Models models(*m_ws);
    QCOMPARE(registered(QStringLiteral("a")).version, 1);
    QCOMPARE(registered(QStringLiteral("a"), 2).version, 2);
    QCOMPARE(registered(QStringLiteral("b")).version, 1);
    // Names are case-insensitive: "A" is model "a".
    const ModelVersion third = registered(QStringLiteral("A"), 3);
    QCOMPARE(third.version, 3);
    QCOMPARE(third.modelName, QStringLiteral("a"));
    const auto a = models.find(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->latestVersion, 3);
    QCOMPARE(third.modelId, a->id);
    QCOMPARE(versionNumbers(models.versions(a->id)), (QList<int>{3, 2, 1}));
}

void TestRegistry::registerKeepsFields()
{
    Models models(*m_ws);
    const Id run = insertRun(QStringLiteral("Completed"));
    QVERIFY(run > 0);
    ModelVersion v = modelVersion(QStringLiteral("resnet"), 7);
    v.runId = run;
    v.framework = QStringLiteral("pytorch");
    v.description = QStringLiteral("first cut");
    v.tags = {{QStringLiteral("accuracy"), QStringLiteral("0.91")},
              {QStringLiteral("stage"), QStringLiteral("dev")}};
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QString error;
    QVERIFY2(models.registerVersion(&v, &error), qPrintable(error));
    QVERIFY(v.id > 0);
    QVERIFY(v.createdAt >= before);

    const auto found = models.findVersion(QStringLiteral("resnet"), 1, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->id, v.id);
    QCOMPARE(found->modelId, v.modelId);
    QCOMPARE(found->modelName, QStringLiteral("resnet"));
    QCOMPARE(found->runId, run);
    QCOMPARE(found->sha256, digest(7));
    QCOMPARE(found->size, qint64(1007));
    QCOMPARE(found->framework, QStringLiteral("pytorch"));
    QCOMPARE(found->description, QStringLiteral("first cut"));
    QCOMPARE(found->tags, v.tags);
    QCOMPARE(found->createdAt, v.createdAt);
    // The first version's description describes the model.
    QCOMPARE(models.find(QStringLiteral("resnet"))->description, QStringLiteral("first cut"));

    // A deleted run leaves the version, unlinked.
    exec(QStringLiteral("DELETE FROM runs"));
    QCOMPARE(models.findVersion(QStringLiteral("resnet"), 1)->runId, Id(0));
}

void TestRegistry::registerRejects_data()
{
    QTest::addColumn<QString>("sha256");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<Id>("runId");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty digest") << QString() << qint64(1) << Id(0)
                                  << QStringLiteral("'' is not a SHA-256 digest (64 lowercase "
                                                    "hexadecimal digits).");
    QTest::newRow("short digest") << QStringLiteral("abc") << qint64(1) << Id(0)
                                  << QStringLiteral("'abc' is not a SHA-256 digest (64 lowercase "
                                                    "hexadecimal digits).");
    QTest::newRow("negative size")
        << digest(1) << qint64(-1) << Id(0) << QStringLiteral("A model's size cannot be negative.");
    QTest::newRow("missing run") << digest(1) << qint64(1) << Id(42)
                                 << QStringLiteral("There is no run with id 42.");
}

void TestRegistry::registerRejects()
{
    QFETCH(QString, sha256);
    QFETCH(qint64, size);
    QFETCH(Id, runId);
    QFETCH(QString, message);
    Models models(*m_ws);
    ModelVersion v = modelVersion(QStringLiteral("m"));
    v.sha256 = sha256;
    v.size = size;
    v.runId = runId;
    QString error;
    QVERIFY(!models.registerVersion(&v, &error));
    QCOMPARE(error, message);
    QCOMPARE(v.id, Id(0));
    QCOMPARE(v.version, 0);
    // Nothing half-done stays behind: not even the model name.
    QVERIFY(models.list().isEmpty());
}

void TestRegistry::modelListAndFind()
{
    Models models(*m_ws);
    QString error;
    QVERIFY(models.list(&error).isEmpty());
    QVERIFY(error.isEmpty());
    registered(QStringLiteral("zeta"));
    registered(QStringLiteral("alpha"));
    registered(QStringLiteral("alpha"), 2);
    const QList<Model> all = models.list(&error);
    QVERIFY(error.isEmpty());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("alpha"));
    QCOMPARE(all[0].latestVersion, 2);
    QCOMPARE(all[1].name, QStringLiteral("zeta"));
    QCOMPARE(all[1].latestVersion, 1);
    QVERIFY(all[1].createdAt.isValid());

    QVERIFY(models.find(QStringLiteral("ALPHA")));
    QVERIFY(!models.find(QStringLiteral("beta"), &error));
    QCOMPARE(error, QStringLiteral("There is no model named 'beta'."));
    QVERIFY(models.versions(12345).isEmpty());
}

void TestRegistry::findVersion_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("expected"); // 0: not found
    QTest::addColumn<QString>("message");
    QTest::newRow("latest") << QStringLiteral("x") << 0 << 3 << QString();
    QTest::newRow("first") << QStringLiteral("x") << 1 << 1 << QString();
    QTest::newRow("second, other case") << QStringLiteral("X") << 2 << 2 << QString();
    QTest::newRow("missing version")
        << QStringLiteral("x") << 7 << 0 << QStringLiteral("Model 'x' has no version 7.");
    QTest::newRow("missing model")
        << QStringLiteral("y") << 1 << 0 << QStringLiteral("There is no model named 'y'.");
    QTest::newRow("missing model, latest")
        << QStringLiteral("y") << 0 << 0 << QStringLiteral("There is no model named 'y'.");
    QTest::newRow("negative") << QStringLiteral("x") << -1 << 0
                              << QStringLiteral("-1 is not a model version number.");
}

void TestRegistry::findVersion()
{
    QFETCH(QString, name);
    QFETCH(int, version);
    QFETCH(int, expected);
    QFETCH(QString, message);
    for (int i = 1; i <= 3; ++i)
        registered(QStringLiteral("x"), i);
    Models models(*m_ws);
    QString error;
    const auto found = models.findVersion(name, version, &error);
    if (expected == 0) {
        QVERIFY(!found);
        QCOMPARE(error, message);
    } else {
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->version, expected);
        QCOMPARE(found->sha256, digest(expected));
    }
}

void TestRegistry::concurrentRegistrationInterleaved()
{
    QString error;
    const std::unique_ptr<Workspace> other = Workspace::open(m_ws->path(), &error);
    QVERIFY2(other, qPrintable(error));
    Models mine(*m_ws);
    Models theirs(*other);
    QList<int> numbers;
    for (int i = 0; i < 10; ++i) {
        Models &models = i % 2 == 0 ? mine : theirs;
        ModelVersion v =
            modelVersion(i % 3 == 0 ? QStringLiteral("Shared") : QStringLiteral("shared"), i);
        QVERIFY2(models.registerVersion(&v, &error), qPrintable(error));
        numbers << v.version;
        // Each connection sees the other's registrations at once.
        QCOMPARE((i % 2 == 0 ? theirs : mine).find(QStringLiteral("shared"))->latestVersion,
                 v.version);
    }
    QCOMPARE(numbers, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    QCOMPARE(theirs.list().size(), 1);

    // A registration waits for a writer holding the lock instead of failing.
    std::atomic<bool> locked{false};
    QString holderError;
    std::thread holder([&] {
        std::unique_ptr<Workspace> ws = Workspace::open(m_ws->path(), &holderError);
        if (!ws) {
            locked = true;
            return;
        }
        WriteTransaction held(ws->database());
        const bool began = held.begin(&holderError);
        locked = true;
        if (began) {
            QThread::msleep(300);
            held.commit(&holderError);
        }
    });
    while (!locked)
        QThread::msleep(1);
    ModelVersion v = modelVersion(QStringLiteral("shared"), 99);
    QElapsedTimer timer;
    timer.start();
    const bool ok = mine.registerVersion(&v, &error);
    const qint64 waited = timer.elapsed();
    holder.join();
    QVERIFY2(holderError.isEmpty(), qPrintable(holderError));
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(waited >= 100);
    QCOMPARE(v.version, 11);
}

void TestRegistry::concurrentRegistrationThreads()
{
    const QString path = m_ws->path();
    constexpr int perThread = 15;
    QList<int> numbers[2];
    QString errors[2];
    auto worker = [&](int index) {
        QString error;
        std::unique_ptr<Workspace> ws = Workspace::open(path, &error);
        if (!ws) {
            errors[index] = error;
            return;
        }
        Models models(*ws);
        for (int i = 0; i < perThread; ++i) {
            ModelVersion v = modelVersion(QStringLiteral("race"), index * 100 + i);
            if (!models.registerVersion(&v, &error)) {
                errors[index] = error;
                return;
            }
            numbers[index] << v.version;
        }
    };
    std::thread first(worker, 0);
    std::thread second(worker, 1);
    first.join();
    second.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    QList<int> all = numbers[0] + numbers[1];
    std::sort(all.begin(), all.end());
    QList<int> expected;
    for (int i = 1; i <= 2 * perThread; ++i)
        expected << i;
    QCOMPARE(all, expected);
    // Each thread's own numbers grow.
    for (const QList<int> &own : numbers)
        QVERIFY(std::is_sorted(own.begin(), own.end()));
    Models models(*m_ws);
    QCOMPARE(models.find(QStringLiteral("race"))->latestVersion, 2 * perThread);
}

void TestRegistry::removeModelVersion()
{
    Models models(*m_ws);
    for (int i = 1; i <= 3; ++i)
        registered(QStringLiteral("m"), i);
    QString error;
    QVERIFY2(models.remove(QStringLiteral("m"), 2, &error), qPrintable(error));
    const auto m = models.find(QStringLiteral("m"));
    QVERIFY(m);
    QCOMPARE(versionNumbers(models.versions(m->id)), (QList<int>{3, 1}));
    QVERIFY(!models.findVersion(QStringLiteral("m"), 2, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no version 2."));
    // Numbers continue from the latest.
    QCOMPARE(registered(QStringLiteral("m"), 4).version, 4);

    QVERIFY(!models.remove(QStringLiteral("m"), 2, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no version 2."));
    QVERIFY(!models.remove(QStringLiteral("nope"), 1, &error));
    QCOMPARE(error, QStringLiteral("There is no model named 'nope'."));
    QVERIFY(!models.remove(QStringLiteral("m"), -3, &error));
    QCOMPARE(error, QStringLiteral("-3 is not a model version number."));

    // Removing the last version removes the name.
    QVERIFY(models.remove(QStringLiteral("m"), 1, &error));
    QVERIFY(models.remove(QStringLiteral("m"), 3, &error));
    QVERIFY(models.find(QStringLiteral("m")));
    QVERIFY(models.remove(QStringLiteral("M"), 4, &error));
    QVERIFY(!models.find(QStringLiteral("m")));
    QVERIFY(models.list().isEmpty());
    // Its counter outlives it: a number is never reused, even then.
    QCOMPARE(registered(QStringLiteral("m"), 5).version, 5);
}

void TestRegistry::removeWholeModel()
{
    Models models(*m_ws);
    registered(QStringLiteral("m"), 1);
    registered(QStringLiteral("m"), 2);
    registered(QStringLiteral("keep"), 3);
    QString error;
    QVERIFY2(models.remove(QStringLiteral("m"), 0, &error), qPrintable(error));
    QVERIFY(!models.find(QStringLiteral("m")));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM model_versions")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // the versions went with the model
    QCOMPARE(models.list().size(), 1);
}

void TestRegistry::removeRefusedWhileImageUsesModel()
{
    Models models(*m_ws);
    registered(QStringLiteral("m"), 1);
    const ModelVersion used = registered(QStringLiteral("m"), 2);
    const Image image = createdImage(QStringLiteral("scorer"), {used.id});
    QVERIFY(image.id > 0);
    QString error;
    QVERIFY(!models.remove(QStringLiteral("m"), 2, &error));
    QCOMPARE(error, QStringLiteral("Version 2 of model 'm' is used by image 'scorer:1'; delete "
                                   "the image first."));
    QVERIFY(!models.remove(QStringLiteral("m"), 0, &error));
    QCOMPARE(error, QStringLiteral("Version 2 of model 'm' is used by image 'scorer:1'; delete "
                                   "the image first."));
    QVERIFY2(models.remove(QStringLiteral("m"), 1, &error), qPrintable(error)); // unused
    QCOMPARE(models.find(QStringLiteral("m"))->latestVersion, 2);

    Images images(*m_ws);
    QVERIFY(images.remove(QStringLiteral("scorer"), QStringLiteral("1"), &error));
    QVERIFY2(models.remove(QStringLiteral("m"), 0, &error), qPrintable(error));
}

// ---- environments --------------------------------------------------------

void TestRegistry::environmentSpecStoredOnceAndKeptForModels()
{
    Environments environments(*m_ws);
    QString error;
    EnvironmentVersion v;
    v.spec = QStringLiteral("numpy\n");
    v.specKind = QStringLiteral("pip");
    v.specSha256 = digest(7);
    bool existed = true;
    QVERIFY2(environments.createVersion(QStringLiteral("env"), &v, &existed, &error),
             qPrintable(error));
    QVERIFY(!existed);
    EnvironmentVersion same;
    same.specSha256 = digest(7);
    QVERIFY(environments.createVersion(QStringLiteral("env"), &same, &existed, &error));
    QVERIFY(existed);
    QCOMPARE(same.id, v.id);
    QCOMPARE(same.spec, QStringLiteral("numpy\n"));
    QCOMPARE(same.specKind, QStringLiteral("pip"));
    QCOMPARE(environments.find(QStringLiteral("env"))->latestVersion, 1);
    // Another name with the same spec is its own asset.
    EnvironmentVersion other;
    other.specSha256 = digest(7);
    QVERIFY(environments.createVersion(QStringLiteral("other"), &other, &existed, &error));
    QVERIFY(!existed);

    ModelVersion m = modelVersion(QStringLiteral("m"));
    m.environmentVersionId = v.id;
    Models models(*m_ws);
    QVERIFY2(models.registerVersion(&m, &error), qPrintable(error));
    QCOMPARE(models.findVersion(QStringLiteral("m"), 1)->environmentVersionId, v.id);
    QVERIFY(!environments.remove(QStringLiteral("env"), 1, &error));
    QCOMPARE(error, QStringLiteral("Version 1 of environment 'env' is the environment of model "
                                   "m:1; delete that model version first."));
    QVERIFY(models.remove(QStringLiteral("m"), 1, &error));
    QVERIFY2(environments.remove(QStringLiteral("env"), 1, &error), qPrintable(error));
}

void TestRegistry::environmentVersions()
{
    Environments environments(*m_ws);
    QString error;
    EnvironmentVersion v;
    v.packages = QStringList{QStringLiteral("numpy==1.26"), QStringLiteral("torch")};
    v.baseImage = QStringLiteral("python:3.11-slim");
    QVERIFY2(environments.createVersion(QStringLiteral("torch-env"), &v, &error),
             qPrintable(error));
    QVERIFY(v.id > 0);
    QVERIFY(v.environmentId > 0);
    QCOMPARE(v.version, 1);
    QCOMPARE(v.python, QStringLiteral("python3"));
    QVERIFY(v.createdAt.isValid());

    EnvironmentVersion second;
    second.python = QStringLiteral("/usr/bin/python3.11");
    QVERIFY(environments.createVersion(QStringLiteral("Torch-Env"), &second, &error));
    QCOMPARE(second.version, 2);
    QCOMPARE(second.environmentId, v.environmentId);
    EnvironmentVersion other;
    QVERIFY(environments.createVersion(QStringLiteral("base"), &other, &error));
    QCOMPARE(other.version, 1);

    const QList<Environment> all = environments.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("base"));
    QCOMPARE(all[0].latestVersion, 1);
    QCOMPARE(all[1].name, QStringLiteral("torch-env"));
    QCOMPARE(all[1].latestVersion, 2);

    const auto env = environments.find(QStringLiteral("TORCH-ENV"), &error);
    QVERIFY(env);
    QCOMPARE(env->id, v.environmentId);
    const QList<EnvironmentVersion> versions = environments.versions(env->id);
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0].version, 2);
    QCOMPARE(versions[1].packages, v.packages);
    QCOMPARE(versions[1].baseImage, v.baseImage);

    auto found = environments.findVersion(QStringLiteral("torch-env"), 0, &error);
    QVERIFY(found);
    QCOMPARE(found->version, 2);
    QCOMPARE(found->python, QStringLiteral("/usr/bin/python3.11"));
    found = environments.findVersion(QStringLiteral("torch-env"), 1, &error);
    QVERIFY(found);
    QCOMPARE(found->id, v.id);
    QCOMPARE(found->createdAt, v.createdAt);
}

void TestRegistry::environmentErrors()
{
    Environments environments(*m_ws);
    QString error;
    EnvironmentVersion v;
    QVERIFY(!environments.createVersion(QString(), &v, &error));
    QCOMPARE(error, QStringLiteral("'' is not a valid environment name: use 1 to 255 letters, "
                                   "digits, '-', '_' or '.', starting with a letter or digit."));
    QVERIFY(!environments.createVersion(QStringLiteral("a b"), &v, &error));
    QVERIFY(environments.list().isEmpty());
    QVERIFY(!environments.find(QStringLiteral("env"), &error));
    QCOMPARE(error, QStringLiteral("There is no environment named 'env'."));
    QVERIFY(!environments.findVersion(QStringLiteral("env"), 0, &error));
    QCOMPARE(error, QStringLiteral("There is no environment named 'env'."));
    QVERIFY(environments.createVersion(QStringLiteral("env"), &v, &error));
    QVERIFY(!environments.findVersion(QStringLiteral("env"), 3, &error));
    QCOMPARE(error, QStringLiteral("Environment 'env' has no version 3."));
    QVERIFY(!environments.findVersion(QStringLiteral("env"), -1, &error));
    QCOMPARE(error, QStringLiteral("-1 is not an environment version number."));
}

void TestRegistry::concurrentEnvironmentVersions()
{
    QString error;
    const std::unique_ptr<Workspace> other = Workspace::open(m_ws->path(), &error);
    QVERIFY2(other, qPrintable(error));
    Environments mine(*m_ws);
    Environments theirs(*other);
    for (int i = 1; i <= 6; ++i) {
        EnvironmentVersion v;
        QVERIFY((i % 2 ? mine : theirs).createVersion(QStringLiteral("env"), &v, &error));
        QCOMPARE(v.version, i);
    }
    QCOMPARE(mine.versions(mine.find(QStringLiteral("env"))->id).size(), 6);
}

// ---- images --------------------------------------------------------------

void TestRegistry::imageCreateAndFind()
{
    const ModelVersion a = registered(QStringLiteral("a"));
    const ModelVersion b = registered(QStringLiteral("b"));
    Environments environments(*m_ws);
    EnvironmentVersion env;
    QString error;
    QVERIFY(environments.createVersion(QStringLiteral("env"), &env, &error));

    Images images(*m_ws);
    Image image;
    image.name = QStringLiteral("registry.local/scorer");
    image.tag = QStringLiteral("v1.0");
    image.environmentVersionId = env.id;
    image.modelVersionIds = {b.id, a.id, b.id};
    QVERIFY2(images.create(&image, &error), qPrintable(error));
    QVERIFY(image.id > 0);
    QCOMPARE(image.status, QStringLiteral("Building"));
    QCOMPARE(image.modelVersionIds, (QList<Id>{a.id, b.id}));
    QVERIFY(image.createdAt.isValid());

    auto found =
        images.find(QStringLiteral("registry.local/scorer"), QStringLiteral("v1.0"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->id, image.id);
    QCOMPARE(found->environmentVersionId, env.id);
    QCOMPARE(found->modelVersionIds, (QList<Id>{a.id, b.id}));
    QCOMPARE(found->status, QStringLiteral("Building"));
    QCOMPARE(found->createdAt, image.createdAt);
    found = images.find(image.id, &error);
    QVERIFY(found);
    QCOMPARE(found->name, image.name);

    Image bare;
    bare.name = QStringLiteral("alpha");
    bare.tag = QStringLiteral("latest");
    bare.status = QStringLiteral("Succeeded");
    QVERIFY2(images.create(&bare, &error), qPrintable(error));
    const QList<Image> all = images.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("alpha"));
    QVERIFY(all[0].modelVersionIds.isEmpty());
    QCOMPARE(all[0].environmentVersionId, Id(0));
    QCOMPARE(all[1].modelVersionIds.size(), 2);

    QVERIFY(!images.find(QStringLiteral("alpha"), QStringLiteral("v2"), &error));
    QCOMPARE(error, QStringLiteral("There is no image named 'alpha:v2'."));
    QVERIFY(!images.find(Id(999), &error));
    QCOMPARE(error, QStringLiteral("There is no image with id 999."));
}

void TestRegistry::imageCreateRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("modelVersion"); // 1: an existing one, -1: a missing one
    QTest::addColumn<Id>("environmentVersionId");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate") << QStringLiteral("taken") << QStringLiteral("1") << QString() << 0
                               << Id(0)
                               << QStringLiteral("An image named 'taken:1' already exists.");
    QTest::newRow("uppercase name")
        << QStringLiteral("Scorer") << QStringLiteral("1") << QString() << 0 << Id(0)
        << QStringLiteral("'Scorer' is not a valid image name: use lowercase letters and digits, "
                          "separated by '.', '_', '-' or '/'.");
    QTest::newRow("empty name")
        << QString() << QStringLiteral("1") << QString() << 0 << Id(0)
        << QStringLiteral("'' is not a valid image name: use lowercase letters and digits, "
                          "separated by '.', '_', '-' or '/'.");
    QTest::newRow("empty tag")
        << QStringLiteral("s") << QString() << QString() << 0 << Id(0)
        << QStringLiteral("'' is not a valid image tag: use 1 to 128 letters, digits, '_', '.' "
                          "or '-', not starting with '.' or '-'.");
    QTest::newRow("bad status") << QStringLiteral("s") << QStringLiteral("1")
                                << QStringLiteral("Done") << 0 << Id(0)
                                << QStringLiteral("'Done' is not an image status: use Building, "
                                                  "Succeeded or Failed.");
    QTest::newRow("missing model version")
        << QStringLiteral("s") << QStringLiteral("1") << QString() << -1 << Id(0)
        << QStringLiteral("There is no model version with id 777.");
    QTest::newRow("missing environment version")
        << QStringLiteral("s") << QStringLiteral("1") << QString() << 1 << Id(555)
        << QStringLiteral("There is no environment version with id 555.");
}

void TestRegistry::imageCreateRejects()
{
    QFETCH(QString, name);
    QFETCH(QString, tag);
    QFETCH(QString, status);
    QFETCH(int, modelVersion);
    QFETCH(Id, environmentVersionId);
    QFETCH(QString, message);
    QVERIFY(createdImage(QStringLiteral("taken"), {}).id > 0);
    const ModelVersion v = registered(QStringLiteral("m"));
    Images images(*m_ws);
    Image image;
    image.name = name;
    image.tag = tag;
    image.status = status;
    image.environmentVersionId = environmentVersionId;
    if (modelVersion == 1)
        image.modelVersionIds = {v.id};
    else if (modelVersion == -1)
        image.modelVersionIds = {v.id, Id(777)};
    QString error;
    QVERIFY(!images.create(&image, &error));
    QCOMPARE(error, message);
    QCOMPARE(image.id, Id(0));
    QCOMPARE(images.list().size(), 1);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM image_models")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestRegistry::imageSetStatus()
{
    const Image image = createdImage(QStringLiteral("s"), {});
    Images images(*m_ws);
    QString error;
    QVERIFY2(images.setStatus(image.id, QStringLiteral("Succeeded"), digest(5), 4096, &error),
             qPrintable(error));
    const auto found = images.find(image.id);
    QCOMPARE(found->status, QStringLiteral("Succeeded"));
    QCOMPARE(found->digest, digest(5));
    QCOMPARE(found->size, qint64(4096));
    QVERIFY(!images.setStatus(image.id, QStringLiteral("Healthy"), QString(), 0, &error));
    QCOMPARE(error, QStringLiteral("'Healthy' is not an image status: use Building, Succeeded or "
                                   "Failed."));
    QVERIFY(!images.setStatus(image.id, QStringLiteral("Failed"), QString(), -5, &error));
    QCOMPARE(error, QStringLiteral("An image's size cannot be negative."));
    QVERIFY(!images.setStatus(4242, QStringLiteral("Failed"), QString(), 0, &error));
    QCOMPARE(error, QStringLiteral("There is no image with id 4242."));
    QCOMPARE(images.find(image.id)->status, QStringLiteral("Succeeded"));
}

void TestRegistry::imageRemove()
{
    const ModelVersion v = registered(QStringLiteral("m"));
    const Image image = createdImage(QStringLiteral("s"), {v.id});
    Deployments deployments(*m_ws);
    Deployment d;
    d.name = QStringLiteral("svc");
    d.imageId = image.id;
    QString error;
    QVERIFY2(deployments.create(&d, &error), qPrintable(error));

    Images images(*m_ws);
    QVERIFY(!images.remove(QStringLiteral("s"), QStringLiteral("1"), &error));
    QCOMPARE(error, QStringLiteral("Image 's:1' is used by deployment 'svc'; delete the "
                                   "deployment first."));
    QVERIFY(images.find(image.id));
    QVERIFY(!images.remove(QStringLiteral("s"), QStringLiteral("2"), &error));
    QCOMPARE(error, QStringLiteral("There is no image named 's:2'."));

    QVERIFY(deployments.remove(QStringLiteral("svc"), &error));
    QVERIFY2(images.remove(QStringLiteral("s"), QStringLiteral("1"), &error), qPrintable(error));
    QVERIFY(!images.find(image.id));
    // image_models rows go with the image; the model version stays.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM image_models")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(Models(*m_ws).findVersion(QStringLiteral("m"), 1));
}

void TestRegistry::imageForeignKeys()
{
    // The schema backs the checks up: versions in images are RESTRICTed,
    // deleted environment versions unlink.
    const ModelVersion v = registered(QStringLiteral("m"));
    Environments environments(*m_ws);
    EnvironmentVersion env;
    QString error;
    QVERIFY(environments.createVersion(QStringLiteral("env"), &env, &error));
    Image image;
    image.name = QStringLiteral("s");
    image.tag = QStringLiteral("1");
    image.environmentVersionId = env.id;
    image.modelVersionIds = {v.id};
    Images images(*m_ws);
    QVERIFY2(images.create(&image, &error), qPrintable(error));
    QSqlQuery q(db());
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM model_versions WHERE id = %1").arg(v.id)));
    exec(QStringLiteral("DELETE FROM environment_versions WHERE id = %1").arg(env.id));
    QCOMPARE(images.find(image.id)->environmentVersionId, Id(0));
}

// ---- deployments ---------------------------------------------------------

void TestRegistry::deploymentLifecycle()
{
    const Image image = createdImage(QStringLiteral("s"), {});
    Deployments deployments(*m_ws);
    Deployment d;
    d.name = QStringLiteral("scoring");
    d.imageId = image.id;
    d.config = QJsonObject{{QStringLiteral("port"), 8080}, {QStringLiteral("replicas"), 2}};
    QString error;
    QVERIFY2(deployments.create(&d, &error), qPrintable(error));
    QVERIFY(d.id > 0);
    QCOMPARE(d.status, QStringLiteral("Transitioning"));
    QCOMPARE(d.createdAt, d.updatedAt);

    auto found = deployments.find(QStringLiteral("Scoring"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->id, d.id);
    QCOMPARE(found->imageId, image.id);
    QCOMPARE(found->config, d.config);
    QCOMPARE(found->createdAt, d.createdAt);

    QThread::msleep(5);
    QVERIFY2(deployments.setStatus(d.id, QStringLiteral("Healthy"),
                                   QStringLiteral("http://127.0.0.1:8080/score"), &error),
             qPrintable(error));
    found = deployments.find(QStringLiteral("scoring"));
    QCOMPARE(found->status, QStringLiteral("Healthy"));
    QCOMPARE(found->url, QStringLiteral("http://127.0.0.1:8080/score"));
    QVERIFY(found->updatedAt > found->createdAt);
    QCOMPARE(found->createdAt, d.createdAt);

    Deployment second;
    second.name = QStringLiteral("another");
    second.imageId = image.id;
    second.status = QStringLiteral("Stopped");
    QVERIFY(deployments.create(&second, &error));
    const QList<Deployment> all = deployments.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("another"));
    QCOMPARE(all[0].status, QStringLiteral("Stopped"));

    QVERIFY(deployments.remove(QStringLiteral("SCORING"), &error));
    QVERIFY(!deployments.find(QStringLiteral("scoring")));
    QCOMPARE(deployments.list().size(), 1);
}

void TestRegistry::deploymentErrors()
{
    const Image image = createdImage(QStringLiteral("s"), {});
    Deployments deployments(*m_ws);
    QString error;
    Deployment d;
    d.name = QStringLiteral("svc");
    d.imageId = 999;
    QVERIFY(!deployments.create(&d, &error));
    QCOMPARE(error, QStringLiteral("There is no image with id 999."));
    d.imageId = image.id;
    d.status = QStringLiteral("Running");
    QVERIFY(!deployments.create(&d, &error));
    QCOMPARE(error, QStringLiteral("'Running' is not a deployment status: use Transitioning, "
                                   "Healthy, Unhealthy, Stopped, Failed."));
    d.status.clear();
    d.name = QStringLiteral("bad name");
    QVERIFY(!deployments.create(&d, &error));
    QCOMPARE(error, QStringLiteral("'bad name' is not a valid deployment name: use 1 to 64 "
                                   "letters, digits, '-', '_' or '.', starting with a letter or "
                                   "digit."));
    d.name = QStringLiteral("svc");
    QVERIFY(deployments.create(&d, &error));
    Deployment twin = d;
    twin.name = QStringLiteral("SVC");
    twin.id = 0;
    QVERIFY(!deployments.create(&twin, &error));
    QCOMPARE(error, QStringLiteral("A deployment named 'SVC' already exists."));
    QCOMPARE(twin.id, Id(0));

    QVERIFY(!deployments.setStatus(d.id, QStringLiteral("Up"), QString(), &error));
    QVERIFY(!deployments.setStatus(777, QStringLiteral("Failed"), QString(), &error));
    QCOMPARE(error, QStringLiteral("There is no deployment with id 777."));
    QVERIFY(!deployments.find(QStringLiteral("nope"), &error));
    QCOMPARE(error, QStringLiteral("There is no deployment named 'nope'."));
    QVERIFY(!deployments.remove(QStringLiteral("nope"), &error));
    QCOMPARE(error, QStringLiteral("There is no deployment named 'nope'."));
}

// ---- pipelines -----------------------------------------------------------

void TestRegistry::pipelineCreateAndFind()
{
    Pipelines pipelines(*m_ws);
    Pipeline p;
    p.name = QStringLiteral("train and score");
    p.description = QStringLiteral("nightly");
    p.steps = stepsFrom(
        {QStringLiteral("prep:"), QStringLiteral("train:prep"), QStringLiteral("eval:train,prep")});
    p.steps[1].arguments = QStringList{QStringLiteral("--epochs"), QStringLiteral("3")};
    p.steps[1].targetId = 1; // the built-in local target
    QString error;
    QVERIFY2(pipelines.create(&p, &error), qPrintable(error));
    QVERIFY(p.id > 0);
    QVERIFY(p.createdAt.isValid());
    for (int i = 0; i < p.steps.size(); ++i) {
        QVERIFY(p.steps[i].id > 0);
        QCOMPARE(p.steps[i].pipelineId, p.id);
        QCOMPARE(p.steps[i].position, i);
    }

    Pipeline other;
    other.name = QStringLiteral("another");
    other.steps = stepsFrom({QStringLiteral("only:")});
    QVERIFY(pipelines.create(&other, &error));

    const QList<Pipeline> all = pipelines.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("another"));
    QCOMPARE(all[1].name, QStringLiteral("train and score"));
    QCOMPARE(all[1].description, QStringLiteral("nightly"));
    QVERIFY(all[1].steps.isEmpty()); // list() leaves the steps out

    const auto found = pipelines.find(QStringLiteral("Train And Score"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->id, p.id);
    QCOMPARE(found->createdAt, p.createdAt);
    QCOMPARE(found->steps.size(), 3);
    QStringList names;
    for (const PipelineStep &s : found->steps)
        names << s.name;
    QCOMPARE(names, (QStringList{QStringLiteral("prep"), QStringLiteral("train"),
                                 QStringLiteral("eval")}));
    QCOMPARE(found->steps[1].arguments, p.steps[1].arguments);
    QCOMPARE(found->steps[1].targetId, Id(1));
    QCOMPARE(found->steps[0].targetId, Id(0));
    QCOMPARE(found->steps[1].script, QStringLiteral("train.py"));
    QCOMPARE(found->steps[2].dependsOn,
             (QStringList{QStringLiteral("train"), QStringLiteral("prep")}));
    QCOMPARE(found->steps[2].id, p.steps[2].id);
}

void TestRegistry::pipelineValidation_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("message"); // empty: valid
    QTest::newRow("single") << QStringList{QStringLiteral("a:")} << QString();
    QTest::newRow("diamond") << QStringList{QStringLiteral("d:b,c"), QStringLiteral("b:a"),
                                            QStringLiteral("c:a"), QStringLiteral("a:")}
                             << QString();
    QTest::newRow("no steps") << QStringList{} << QStringLiteral("Pipeline 'p' has no steps.");
    QTest::newRow("duplicate step")
        << QStringList{QStringLiteral("a:"), QStringLiteral("b:a"), QStringLiteral("a:")}
        << QStringLiteral("Pipeline 'p' has two steps named 'a'.");
    QTest::newRow("unknown dependency")
        << QStringList{QStringLiteral("a:"), QStringLiteral("b:a,x")}
        << QStringLiteral("Step 'b' depends on 'x', which is not a step of pipeline 'p'.");
    QTest::newRow("dependency in other case")
        << QStringList{QStringLiteral("a:"), QStringLiteral("b:A")}
        << QStringLiteral("Step 'b' depends on 'A', which is not a step of pipeline 'p'.");
    QTest::newRow("bad step name")
        << QStringList{QStringLiteral(" a:")}
        << QStringLiteral("' a' is not a valid step name: use up to 255 letters, digits, spaces, "
                          "'-', '_' or '.'.");
    QTest::newRow("self cycle") << QStringList{QStringLiteral("a:a")}
                                << QStringLiteral("The steps of pipeline 'p' depend on each other "
                                                  "in a cycle: a -> a.");
    QTest::newRow("two cycle") << QStringList{QStringLiteral("a:b"), QStringLiteral("b:a")}
                               << QStringLiteral("The steps of pipeline 'p' depend on each other "
                                                 "in a cycle: a -> b -> a.");
    QTest::newRow("cycle behind a tail")
        << QStringList{QStringLiteral("s:"), QStringLiteral("a:s,c"), QStringLiteral("b:a"),
                       QStringLiteral("c:b"), QStringLiteral("z:a")}
        << QStringLiteral("The steps of pipeline 'p' depend on each other in a cycle: "
                          "a -> c -> b -> a.");
    QTest::newRow("cycle reached from another step")
        << QStringList{QStringLiteral("top:x"), QStringLiteral("x:y"), QStringLiteral("y:x")}
        << QStringLiteral("The steps of pipeline 'p' depend on each other in a cycle: "
                          "x -> y -> x.");
}

void TestRegistry::pipelineValidation()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, message);
    Pipelines pipelines(*m_ws);
    Pipeline p;
    p.name = QStringLiteral("p");
    p.steps = stepsFrom(steps);
    QString error;
    const bool ok = pipelines.create(&p, &error);
    if (message.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(pipelines.find(QStringLiteral("p"))->steps.size(), steps.size());
    } else {
        QVERIFY(!ok);
        QCOMPARE(error, message);
        QCOMPARE(p.id, Id(0));
        QVERIFY(pipelines.list().isEmpty());
    }
}

void TestRegistry::pipelineErrors()
{
    Pipelines pipelines(*m_ws);
    QString error;
    Pipeline p;
    p.name = QStringLiteral("p");
    p.steps = stepsFrom({QStringLiteral("a:")});
    p.steps[0].script = QStringLiteral("  ");
    QVERIFY(!pipelines.create(&p, &error));
    QCOMPARE(error, QStringLiteral("Step 'a' of pipeline 'p' has no script."));
    p.steps[0].script = QStringLiteral("a.py");
    p.steps[0].targetId = 99;
    QVERIFY(!pipelines.create(&p, &error));
    QCOMPARE(error, QStringLiteral("Step 'a' runs on compute target 99, which does not exist."));
    p.steps[0].targetId = 0;
    p.name = QString();
    QVERIFY(!pipelines.create(&p, &error));
    QCOMPARE(error, QStringLiteral("'' is not a valid pipeline name: use up to 255 letters, "
                                   "digits, spaces, '-', '_' or '.'."));
    p.name = QStringLiteral("p");
    QVERIFY(pipelines.create(&p, &error));
    Pipeline twin = p;
    twin.name = QStringLiteral("P");
    twin.id = 0;
    QVERIFY(!pipelines.create(&twin, &error));
    QCOMPARE(error, QStringLiteral("A pipeline named 'P' already exists."));
    QCOMPARE(twin.id, Id(0));
    QVERIFY(!pipelines.find(QStringLiteral("q"), &error));
    QCOMPARE(error, QStringLiteral("There is no pipeline named 'q'."));
    QVERIFY(!pipelines.remove(QStringLiteral("q"), &error));
    QCOMPARE(error, QStringLiteral("There is no pipeline named 'q'."));
}

void TestRegistry::pipelineRemove()
{
    Pipelines pipelines(*m_ws);
    Pipeline p;
    p.name = QStringLiteral("p");
    p.steps = stepsFrom({QStringLiteral("a:"), QStringLiteral("b:a")});
    p.steps[0].targetId = 1;
    QString error;
    QVERIFY(pipelines.create(&p, &error));
    const Id run = insertRun(QStringLiteral("Running"), p.id);
    QVERIFY(run > 0);
    QVERIFY(!pipelines.remove(QStringLiteral("p"), &error));
    QCOMPARE(error, QStringLiteral("'p' has unfinished runs; cancel them first."));
    exec(QStringLiteral("UPDATE runs SET status = 'Completed'"));
    QVERIFY2(pipelines.remove(QStringLiteral("p"), &error), qPrintable(error));
    QVERIFY(pipelines.list().isEmpty());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pipeline_steps")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // steps cascade
    // The run stays, unlinked.
    QVERIFY(q.exec(QStringLiteral("SELECT pipeline_id FROM runs WHERE id = %1").arg(run))
            && q.next());
    QVERIFY(q.value(0).isNull());
}

// ---- tasks ---------------------------------------------------------------

void TestRegistry::taskLifecycle()
{
    Tasks tasks(*m_ws);
    Task t;
    t.kind = QStringLiteral("image-build");
    t.title = QStringLiteral("Building scorer:1");
    t.message = QStringLiteral("starting");
    QString error;
    QVERIFY2(tasks.start(&t, &error), qPrintable(error));
    QVERIFY(t.id > 0);
    QCOMPARE(t.state, Task::State::Running);
    QVERIFY(t.createdAt.isValid());
    QCOMPARE(t.createdAt, t.updatedAt);

    auto found = tasks.find(t.id, &error);
    QVERIFY(found);
    QCOMPARE(found->kind, t.kind);
    QCOMPARE(found->title, t.title);
    QCOMPARE(found->state, Task::State::Running);
    QCOMPARE(found->message, QStringLiteral("starting"));
    QCOMPARE(found->runId, Id(0));
    QVERIFY(!found->cancelRequested);

    QVERIFY2(tasks.update(t.id, 0.25, QStringLiteral("layer 1 of 4"), &error), qPrintable(error));
    found = tasks.find(t.id);
    QCOMPARE(found->progress, 0.25);
    QCOMPARE(found->message, QStringLiteral("layer 1 of 4"));
    QVERIFY(tasks.update(t.id, 0.5, QString(), &error)); // a null message keeps the last one
    found = tasks.find(t.id);
    QCOMPARE(found->progress, 0.5);
    QCOMPARE(found->message, QStringLiteral("layer 1 of 4"));
    QVERIFY(tasks.update(t.id, -3, QStringLiteral(""), &error)); // unknown; empty clears
    found = tasks.find(t.id);
    QCOMPARE(found->progress, -1.0);
    QCOMPARE(found->message, QString());
    QVERIFY(tasks.update(t.id, 7, QString(), &error));
    QCOMPARE(tasks.find(t.id)->progress, 1.0);

    QVERIFY2(tasks.finish(t.id, Task::State::Succeeded, QStringLiteral("done"), &error),
             qPrintable(error));
    found = tasks.find(t.id);
    QCOMPARE(found->state, Task::State::Succeeded);
    QCOMPARE(found->progress, 1.0);
    QCOMPARE(found->message, QStringLiteral("done"));
    QVERIFY(found->updatedAt >= found->createdAt);

    QVERIFY(!tasks.update(t.id, 0.1, QString(), &error));
    QCOMPARE(error, QStringLiteral("Task %1 has already finished.").arg(t.id));
    QVERIFY(!tasks.finish(t.id, Task::State::Failed, QString(), &error));
    QCOMPARE(error, QStringLiteral("Task %1 has already finished.").arg(t.id));

    Task failing;
    failing.kind = QStringLiteral("snapshot");
    failing.title = QStringLiteral("Snapshot");
    QVERIFY(tasks.start(&failing, &error));
    QVERIFY(tasks.update(failing.id, 0.3, QStringLiteral("copying"), &error));
    QVERIFY(tasks.finish(failing.id, Task::State::Failed, QStringLiteral("disk full"), &error));
    found = tasks.find(failing.id);
    QCOMPARE(found->state, Task::State::Failed);
    QCOMPARE(found->progress, 0.3);
    QCOMPARE(found->message, QStringLiteral("disk full"));
}

void TestRegistry::taskCancel()
{
    QString error;
    const std::unique_ptr<Workspace> other = Workspace::open(m_ws->path(), &error);
    QVERIFY2(other, qPrintable(error));
    Tasks worker(*m_ws);
    Tasks panel(*other);
    Task t;
    t.kind = QStringLiteral("finalize");
    t.title = QStringLiteral("Finalizing run");
    QVERIFY(worker.start(&t, &error));
    QVERIFY(!worker.isCancelRequested(t.id, &error));
    // Another program asks; the worker sees it and stops.
    QVERIFY2(panel.requestCancel(t.id, &error), qPrintable(error));
    QVERIFY(worker.isCancelRequested(t.id, &error));
    QCOMPARE(worker.find(t.id)->state, Task::State::Running);
    QVERIFY(worker.finish(t.id, Task::State::Canceled, QStringLiteral("canceled"), &error));
    QCOMPARE(panel.find(t.id)->state, Task::State::Canceled);
    QVERIFY(!panel.requestCancel(t.id, &error));
    QCOMPARE(error, QStringLiteral("Task %1 has already finished.").arg(t.id));

    // A task nobody started yet is canceled at once.
    exec(QStringLiteral("INSERT INTO tasks(kind, title, state, created_at, updated_at) "
                        "VALUES ('snapshot', 'queued', 'Pending', 1, 1)"));
    const Id pending = panel.list(true).first().id;
    QVERIFY(panel.requestCancel(pending, &error));
    const auto found = panel.find(pending);
    QCOMPARE(found->state, Task::State::Canceled);
    QVERIFY(found->cancelRequested);
}

void TestRegistry::taskErrors()
{
    Tasks tasks(*m_ws);
    QString error;
    Task t;
    t.title = QStringLiteral("x");
    QVERIFY(!tasks.start(&t, &error));
    QCOMPARE(error, QStringLiteral("A task needs a kind."));
    t.kind = QStringLiteral("snapshot");
    t.title = QStringLiteral(" ");
    QVERIFY(!tasks.start(&t, &error));
    QCOMPARE(error, QStringLiteral("A task needs a title."));
    t.title = QStringLiteral("x");
    t.runId = 31;
    QVERIFY(!tasks.start(&t, &error));
    QCOMPARE(error, QStringLiteral("There is no run with id 31."));
    QCOMPARE(t.id, Id(0));
    QVERIFY(tasks.list(false).isEmpty());

    const QString missing = QStringLiteral("There is no task with id 99.");
    QVERIFY(!tasks.update(99, 0.5, QString(), &error));
    QCOMPARE(error, missing);
    QVERIFY(!tasks.finish(99, Task::State::Succeeded, QString(), &error));
    QCOMPARE(error, missing);
    QVERIFY(!tasks.requestCancel(99, &error));
    QCOMPARE(error, missing);
    QVERIFY(!tasks.isCancelRequested(99, &error));
    QCOMPARE(error, missing);
    QVERIFY(!tasks.find(99, &error));
    QCOMPARE(error, missing);

    t.runId = 0;
    QVERIFY(tasks.start(&t, &error));
    QVERIFY(!tasks.finish(t.id, Task::State::Running, QString(), &error));
    QCOMPARE(error, QStringLiteral("A task finishes as Succeeded, Failed or Canceled, not "
                                   "Running."));
    QCOMPARE(tasks.prune(-1, &error), -1);
    QCOMPARE(error, QStringLiteral("The age of tasks to prune cannot be negative."));
}

void TestRegistry::taskListAndPrune()
{
    Tasks tasks(*m_ws);
    QString error;
    QList<Id> ids;
    for (int i = 0; i < 4; ++i) {
        Task t;
        t.kind = QStringLiteral("snapshot");
        t.title = QStringLiteral("task %1").arg(i);
        QVERIFY(tasks.start(&t, &error));
        ids << t.id;
    }
    QVERIFY(tasks.finish(ids[0], Task::State::Succeeded, QString(), &error));
    QVERIFY(tasks.finish(ids[2], Task::State::Failed, QString(), &error));
    // Newest first (ties in time by id).
    QList<Id> listed;
    for (const Task &t : tasks.list(false, &error))
        listed << t.id;
    QCOMPARE(listed, (QList<Id>{ids[3], ids[2], ids[1], ids[0]}));
    listed.clear();
    for (const Task &t : tasks.list(true, &error))
        listed << t.id;
    QCOMPARE(listed, (QList<Id>{ids[3], ids[1]}));

    // Age everything by ten days: only finished tasks are pruned.
    exec(QStringLiteral("UPDATE tasks SET created_at = created_at - 864000000, "
                        "updated_at = updated_at - 864000000"));
    QCOMPARE(tasks.prune(30, &error), 0);
    QCOMPARE(tasks.prune(7, &error), 2);
    QCOMPARE(tasks.list(false).size(), 2);
    QVERIFY(tasks.finish(ids[1], Task::State::Succeeded, QString(), &error));
    QCOMPARE(tasks.prune(7, &error), 0); // just finished: not old
    QCOMPARE(tasks.list(false).size(), 2);
}

void TestRegistry::taskCascadesWithRun()
{
    const Id run = insertRun(QStringLiteral("Running"));
    Tasks tasks(*m_ws);
    Task t;
    t.kind = QStringLiteral("finalize");
    t.title = QStringLiteral("Finalizing");
    t.runId = run;
    QString error;
    QVERIFY2(tasks.start(&t, &error), qPrintable(error));
    QCOMPARE(tasks.find(t.id)->runId, run);
    exec(QStringLiteral("DELETE FROM runs WHERE id = %1").arg(run));
    QVERIFY(!tasks.find(t.id));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
