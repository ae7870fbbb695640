// The model registry over the content store: files stored once by sha256,
// versions from files, folders and run outputs, lineage, downloads, delete
// rules and bounded memory.
#include "registry/contentstore.h"
#include "registry/modelregistry.h"
#include "runs/runfolder.h"
#include "store/experiments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Peak resident memory of this process so far, in kB.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace

class TestModelRegistry : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registerFileAndDownload();
    void identicalContentStoredOnce();
    void registerRejects_data();
    void registerRejects();
    void registerFromFinishedRun();
    void runStillGoingNeedsClosedFile();
    void deleteRemovesBlobsNothingUses();
    void damagedBlobIsNotDownloaded();
    void aliasesAndTagsAtRegistration();
    void largeFileInBoundedMemory();
    void failedCheckBeforeCommitLeavesNothing();
    void failedCopyLeavesNoFilesBehind();

private:
    Run createRun(RunStatus status);
    QString blobs() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestModelRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestModelRegistry::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

QString TestModelRegistry::blobs() const
{
    return m_ws->folder(Workspace::Folder::Models) + QStringLiteral("/blobs");
}

Run TestModelRegistry::createRun(RunStatus status)
{
    QString error;
    const auto experiment = Experiments(*m_ws).findOrCreate(QStringLiteral("e"), &error);
    Run run;
    run.experimentId = experiment->id;
    run.experimentName = experiment->name;
    Runs runs(*m_ws);
    if (!runs.create(&run, &error))
        qWarning("create run: %s", qPrintable(error));
    if (status == RunStatus::Running)
        runs.setStatus(run.id, RunStatus::Running, &error);
    else if (isFinal(status))
        runs.finish(run.id, status, 0, QString(), &error);
    return *runs.find(run.id);
}

void TestModelRegistry::registerFileAndDownload()
{
    const QString file = m_dir->filePath(QStringLiteral("src/model.onnx"));
    write(file, QByteArray("onnx bytes"));
    ModelRegistry registry(*m_ws);
    RegisterRequest request;
    request.name = QStringLiteral("detector");
    request.path = file;
    request.description = QStringLiteral("first");
    ModelVersion v;
    QString error;
    QVERIFY2(registry.registerModel(request, &v, &error), qPrintable(error));
    QCOMPARE(v.version, 1);
    QCOMPARE(v.framework, QStringLiteral("onnx"));
    QCOMPARE(v.size, qint64(10));
    QCOMPARE(v.runId, Id(0));
    QCOMPARE(v.createdBy, VersionedAssets::currentUser());
    const Lineage lineage = registry.lineage(v, &error);
    QCOMPARE(lineage.uploadedFrom, QFileInfo(file).absoluteFilePath());
    QVERIFY(lineage.runUid.isEmpty());

    const auto manifest = registry.files(v, &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->entries.size(), 1);
    QCOMPARE(manifest->entries[0].path, QStringLiteral("model.onnx"));
    QCOMPARE(manifest->entries[0].sha256, sha("onnx bytes"));
    QCOMPARE(v.sha256, manifest->digest()); // the version is addressed by its manifest

    const QString out = m_dir->filePath(QStringLiteral("out"));
    QVERIFY2(registry.download(v, out, &error), qPrintable(error));
    QCOMPARE(read(out + QStringLiteral("/model.onnx")), QByteArray("onnx bytes"));
}

void TestModelRegistry::identicalContentStoredOnce()
{
    const QString folder = m_dir->filePath(QStringLiteral("net"));
    write(folder + QStringLiteral("/weights.pt"), QByteArray(100000, 'w'));
    write(folder + QStringLiteral("/copy/weights.pt"), QByteArray(100000, 'w'));
    write(folder + QStringLiteral("/config.json"), QByteArray("{}"));
    ModelRegistry registry(*m_ws);
    RegisterRequest request;
    request.name = QStringLiteral("net");
    request.path = folder;
    ModelVersion first, second;
    QString error;
    QVERIFY2(registry.registerModel(request, &first, &error), qPrintable(error));
    QCOMPARE(first.framework, QStringLiteral("pytorch"));
    QCOMPARE(first.size, qint64(200002));
    QCOMPARE(QDir(blobs()).entryList(QDir::Files).size(), 3); // 2 contents + the manifest
    QVERIFY(registry.registerModel(request, &second, &error));
    QCOMPARE(second.version, 2);
    QCOMPARE(second.sha256, first.sha256);
    QCOMPARE(QDir(blobs()).entryList(QDir::Files).size(), 3);
    QVERIFY(QDir(m_ws->folder(Workspace::Folder::Models) + QStringLiteral("/tmp"))
                .entryList(QDir::Files)
                .isEmpty());
    const auto manifest = registry.files(second, &error);
    QStringList paths;
    for (const ManifestEntry &e : manifest->entries)
        paths << e.path;
    QCOMPARE(paths,
             (QStringList{QStringLiteral("net/config.json"), QStringLiteral("net/copy/weights.pt"),
                          QStringLiteral("net/weights.pt")}));
    const QString out = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(registry.download(second, out, &error));
    QCOMPARE(read(out + QStringLiteral("/net/copy/weights.pt")), QByteArray(100000, 'w'));
}

void TestModelRegistry::registerRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("framework");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("message"); // %1: the temporary folder
    QTest::newRow("missing") << QStringLiteral("m") << QStringLiteral("nope.pkl") << QString()
                             << QString() << QStringLiteral("%1/nope.pkl does not exist.");
    QTest::newRow("empty folder") << QStringLiteral("m") << QStringLiteral("empty") << QString()
                                  << QString() << QStringLiteral("%1/empty holds no files.");
    QTest::newRow("bad name") << QStringLiteral("a b") << QStringLiteral("f.bin") << QString()
                              << QString()
                              << QStringLiteral("'a b' is not a valid model name: use 1 to 255 "
                                                "letters, digits, '-', '_' or '.', starting with "
                                                "a letter or digit.");
    QTest::newRow("framework") << QStringLiteral("m") << QStringLiteral("f.bin")
                               << QStringLiteral("caffe") << QString()
                               << QStringLiteral("'caffe' is not a framework the registry knows: "
                                                 "use scikit-learn, pytorch, tensorflow, onnx, "
                                                 "xgboost, lightgbm, custom.");
    QTest::newRow("alias") << QStringLiteral("m") << QStringLiteral("f.bin") << QString()
                           << QStringLiteral("7")
                           << QStringLiteral("'7' is not a valid alias: use 1 to 64 letters, "
                                             "digits, '-', '_' or '.', starting with a letter; "
                                             "'latest' is taken.");
}

void TestModelRegistry::registerRejects()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, framework);
    QFETCH(QString, alias);
    QFETCH(QString, message);
    write(m_dir->filePath(QStringLiteral("f.bin")), QByteArray("x"));
    QDir().mkpath(m_dir->filePath(QStringLiteral("empty")));
    RegisterRequest request;
    request.name = name;
    request.path = m_dir->filePath(path);
    request.framework = framework;
    if (!alias.isEmpty())
        request.aliases << alias;
    ModelVersion v;
    QString error;
    QVERIFY(!ModelRegistry(*m_ws).registerModel(request, &v, &error));
    QCOMPARE(error, message.contains(QLatin1String("%1")) ? message.arg(m_dir->path()) : message);
    QVERIFY(Models(*m_ws).list().isEmpty());
    QVERIFY(QDir(blobs()).entryList(QDir::Files).isEmpty()); // refused before copying
}

void TestModelRegistry::registerFromFinishedRun()
{
    const Run run = createRun(RunStatus::Completed);
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    write(folder.outputs() + QStringLiteral("/model.pt"), QByteArray("torch"));
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.run = run.uid;
    request.path = QStringLiteral("outputs/model.pt");
    ModelRegistry registry(*m_ws);
    ModelVersion v;
    QString error;
    QVERIFY2(registry.registerModel(request, &v, &error), qPrintable(error));
    QCOMPARE(v.runId, run.id);
    const Lineage lineage = registry.lineage(v, &error);
    QCOMPARE(lineage.runUid, run.uid);
    QCOMPARE(lineage.experiment, QStringLiteral("e"));
    QCOMPARE(lineage.outputPath, QStringLiteral("outputs/model.pt"));
    QVERIFY(lineage.uploadedFrom.isEmpty());

    request.path = QStringLiteral("code/train.py");
    QVERIFY(!registry.registerModel(request, &v, &error));
    QCOMPARE(error, QStringLiteral("'code/train.py' is not under the run's outputs/: use --path "
                                   "outputs/FILE_OR_FOLDER."));
    request.path = QStringLiteral("outputs/../../x");
    QVERIFY(!registry.registerModel(request, &v, &error));
    request.run = QStringLiteral("nosuchrun");
    request.path = QStringLiteral("outputs/model.pt");
    QVERIFY(!registry.registerModel(request, &v, &error));
    QVERIFY(error.contains(QLatin1String("nosuchrun")));
}

void TestModelRegistry::runStillGoingNeedsClosedFile()
{
    const Run run = createRun(RunStatus::Running);
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    // While it runs, the script writes in code/outputs.
    const QString file = folder.code() + QStringLiteral("/outputs/model.pkl");
    write(file, QByteArray("partial"));
    QProcess writer; // holds the file open, as a script still writing it would
    writer.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("exec 3>>\"$1\"; echo ready; exec sleep 30"),
                  QStringLiteral("sh"), file});
    QVERIFY(writer.waitForReadyRead(10000));
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.run = run.uid;
    request.path = QStringLiteral("outputs/model.pkl");
    ModelRegistry registry(*m_ws);
    ModelVersion v;
    QString error;
    QVERIFY(!registry.registerModel(request, &v, &error));
    QCOMPARE(error, QStringLiteral("Run %1 is still Running and %2 is still open; register it "
                                   "when the run has finished or the file is closed.")
                        .arg(run.uid, file));
    QVERIFY(Models(*m_ws).list().isEmpty());
    writer.kill();
    QVERIFY(writer.waitForFinished(10000));
    QVERIFY2(registry.registerModel(request, &v, &error), qPrintable(error)); // closed: final
    QCOMPARE(v.runId, run.id);
}

void TestModelRegistry::deleteRemovesBlobsNothingUses()
{
    const QString a = m_dir->filePath(QStringLiteral("a"));
    const QString b = m_dir->filePath(QStringLiteral("b"));
    write(a + QStringLiteral("/shared.bin"), QByteArray("shared"));
    write(a + QStringLiteral("/only-a.bin"), QByteArray("only a"));
    write(b + QStringLiteral("/shared.bin"), QByteArray("shared"));
    ModelRegistry registry(*m_ws);
    ModelVersion va, vb;
    QString error;
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.path = a;
    QVERIFY(registry.registerModel(request, &va, &error));
    request.path = b;
    QVERIFY(registry.registerModel(request, &vb, &error));
    const ContentStore store(m_ws->folder(Workspace::Folder::Models));
    QCOMPARE(store.digests().size(), 4); // two contents, two manifests
    QVERIFY2(registry.remove(QStringLiteral("m"), 1, &error), qPrintable(error));
    QVERIFY(store.contains(sha("shared")));
    QVERIFY(!store.contains(sha("only a")));
    QVERIFY(!store.contains(va.sha256));
    QCOMPARE(store.digests().size(), 2);
    QVERIFY(registry.remove(QStringLiteral("m"), 2, &error));
    QVERIFY(store.digests().isEmpty());
    QVERIFY(Models(*m_ws).list().isEmpty());
}

void TestModelRegistry::damagedBlobIsNotDownloaded()
{
    const QString file = m_dir->filePath(QStringLiteral("m.bin"));
    write(file, QByteArray("good bytes"));
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.path = file;
    ModelRegistry registry(*m_ws);
    ModelVersion v;
    QString error;
    QVERIFY(registry.registerModel(request, &v, &error));
    const QString blob =
        ContentStore(m_ws->folder(Workspace::Folder::Models)).blobPath(sha("good bytes"));
    QFile::setPermissions(blob, QFile::ReadOwner | QFile::WriteOwner);
    write(blob, QByteArray("bad! bytes"));
    const QString out = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(!registry.download(v, out, &error));
    QCOMPARE(error, QStringLiteral("Stored file %1 is damaged.").arg(sha("good bytes")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/m.bin")));
}

void TestModelRegistry::aliasesAndTagsAtRegistration()
{
    const QString file = m_dir->filePath(QStringLiteral("m.bin"));
    write(file, QByteArray("v"));
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.path = file;
    request.aliases = {QStringLiteral("production"), QStringLiteral("staging")};
    request.tags = {{QStringLiteral("k"), QStringLiteral("v")}};
    request.properties = {{QStringLiteral("auc"), QStringLiteral("0.9")}};
    request.framework = QStringLiteral("xgboost");
    ModelRegistry registry(*m_ws);
    ModelVersion v1, v2;
    QString error;
    QVERIFY2(registry.registerModel(request, &v1, &error), qPrintable(error));
    QCOMPARE(v1.aliases, request.aliases);
    QCOMPARE(v1.tags, request.tags);
    QCOMPARE(v1.properties, request.properties);
    QCOMPARE(v1.framework, QStringLiteral("xgboost"));
    request.aliases = {QStringLiteral("staging")};
    QVERIFY(registry.registerModel(request, &v2, &error));
    QCOMPARE(Models(*m_ws).findVersion(QStringLiteral("m"), 1)->aliases,
             QStringList{QStringLiteral("production")});
    QCOMPARE(v2.aliases, QStringList{QStringLiteral("staging")});
}

void TestModelRegistry::largeFileInBoundedMemory()
{
    // 500 MB, sparse so the test does not fill the disk; every byte is still read.
    const QString file = m_dir->filePath(QStringLiteral("big.bin"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(qint64(500) << 20));
        f.seek((qint64(500) << 20) - 5);
        f.write("tail!");
    }
    const qint64 before = peakRssKb();
    QVERIFY(before > 0);
    RegisterRequest request;
    request.name = QStringLiteral("big");
    request.path = file;
    ModelVersion v;
    QString error;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(request, &v, &error), qPrintable(error));
    QCOMPARE(v.size, qint64(500) << 20);
    const qint64 growthKb = peakRssKb() - before;
    qInfo("peak RSS growth registering 500 MB: %lld kB", growthKb);
    QVERIFY2(growthKb < 64 * 1024, qPrintable(QString::number(growthKb)));
}

void TestModelRegistry::failedCheckBeforeCommitLeavesNothing()
{
    // The registry checks its blobs under the write lock just before the
    // commit; when that check fails the version, its name and its number go.
    Models models(*m_ws);
    ModelVersion v;
    v.modelName = QStringLiteral("m");
    v.sha256 = sha("x");
    QString error;
    QVERIFY(!models.registerVersion(&v, &error, [](QString *e) {
        *e = QStringLiteral("files vanished");
        return false;
    }));
    QCOMPARE(error, QStringLiteral("files vanished"));
    QVERIFY(models.list().isEmpty());
    QVERIFY2(models.registerVersion(&v, &error), qPrintable(error));
    QCOMPARE(v.version, 1);
}

void TestModelRegistry::failedCopyLeavesNoFilesBehind()
{
    // The first file copies in whole; the second fails half way through
    // reading (/proc/self/mem answers a read at offset 0 with EIO).
    const QString folder = m_dir->filePath(QStringLiteral("broken"));
    write(folder + QStringLiteral("/a.bin"), QByteArray(3 << 20, 'a'));
    QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"), folder + QStringLiteral("/z.bin")));
    RegisterRequest request;
    request.name = QStringLiteral("m");
    request.path = folder;
    ModelVersion v;
    QString error;
    QVERIFY(!ModelRegistry(*m_ws).registerModel(request, &v, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Cannot read %1/z.bin: ").arg(folder)),
             qPrintable(error));
    QVERIFY(Models(*m_ws).list().isEmpty());
    const QString models = m_ws->folder(Workspace::Folder::Models);
    QCOMPARE(QDir(models + QStringLiteral("/blobs")).entryList(QDir::Files), QStringList());
    QCOMPARE(QDir(models + QStringLiteral("/tmp")).entryList(QDir::Files | QDir::Hidden),
             QStringList());
    // A blob a committed version uses survives the clean-up of a failed one.
    write(m_dir->filePath(QStringLiteral("ok/a.bin")), QByteArray(3 << 20, 'a'));
    request.path = m_dir->filePath(QStringLiteral("ok"));
    QVERIFY2(ModelRegistry(*m_ws).registerModel(request, &v, &error), qPrintable(error));
    request.path = folder;
    QVERIFY(!ModelRegistry(*m_ws).registerModel(request, &v, &error));
    QVERIFY(ContentStore(models).contains(sha(QByteArray(3 << 20, 'a'))));
    QCOMPARE(QDir(models + QStringLiteral("/blobs")).entryList(QDir::Files).size(), 2);
}

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "tst_modelregistry.moc"
