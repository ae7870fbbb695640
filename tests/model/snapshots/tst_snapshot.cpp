#include "snapshotfixture.h"
#include "snapshots/snapshotreader.h"
#include "snapshots/snapshotwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <memory>

using mlwb::SnapshotReader;
using mlwb::SnapshotWriter;

using Files = QMap<QString, QByteArray>;

/// SnapshotWriter and SnapshotReader together: round trips, content
/// addressing, limits, ignore files, damaged and hostile archives.
class TestSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void emptyProject();
    void identicalContentStoredOnce();
    void changedContentChangesId_data();
    void changedContentChangesId();
    void limitRefusal_data();
    void limitRefusal();
    void ignoreFilesHonoured();
    void symlinks();
    void progressAndCancel();
    void brokenArchive_data();
    void brokenArchive();
    void corruptedDataFailsAndCleansUp();
    void unsafeEntries_data();
    void unsafeEntries();
    void readFileErrors();
    void backslashNamesRoundTrip();
    void swappedZipRefused_data();
    void swappedZipRefused();
    void leftOutReported();

private:
    QString project() const { return m_dir->filePath(QStringLiteral("project")); }
    QString store() const { return m_dir->filePath(QStringLiteral("store")); }
    QString expanded() const { return m_dir->filePath(QStringLiteral("expanded")); }
    void writeProject(const Files &files);
    SnapshotWriter::Result pack(const SnapshotWriter::Options &options = {});
    QString validZip();

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

QStringList filesIn(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(dir).relativeFilePath(it.next()));
    names.sort();
    return names;
}

} // namespace

void TestSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(project()));
}

void TestSnapshot::cleanup()
{
    m_dir.reset();
}

void TestSnapshot::writeProject(const Files &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY2(writeBytes(project() + u'/' + it.key(), it.value()), qPrintable(it.key()));
}

SnapshotWriter::Result TestSnapshot::pack(const SnapshotWriter::Options &options)
{
    SnapshotWriter::Result result;
    QString error;
    const bool ok = SnapshotWriter(options).write(project(), store(), &result, &error);
    [&] { QVERIFY2(ok, qPrintable(error)); }();
    return result;
}

QString TestSnapshot::validZip()
{
    Files files;
    for (int i = 0; i < 5; ++i)
        files.insert(QStringLiteral("f%1.txt").arg(i), QByteArray(20000, char('a' + i)));
    files.insert(QStringLiteral("noise.bin"), randomBytes(50000, 7));
    writeProject(files);
    return pack().zipPath;
}

void TestSnapshot::roundTrip_data()
{
    QTest::addColumn<Files>("files");

    QTest::newRow("one file") << Files{{QStringLiteral("train.py"), "print('hi')\n"}};
    QTest::newRow("nested folders")
        << Files{{QStringLiteral("src/model/net.py"), "class Net: pass\n"},
                 {QStringLiteral("src/model/deep/er/x.txt"), QByteArray(3000, 'x')},
                 {QStringLiteral("config.yml"), "lr: 0.1\n"}};
    QTest::newRow("unicode names") << Files{{QString::fromUtf8("données/été.csv"), "a,b\n1,2\n"},
                                            {QString::fromUtf8("模型/权重.txt"), "w"},
                                            {QString::fromUtf8("emoji 🚀.md"), "# go\n"}};
    QTest::newRow("empty files") << Files{{QStringLiteral("empty"), QByteArray()},
                                          {QStringLiteral("sub/also-empty.txt"), QByteArray()},
                                          {QStringLiteral("sub/full.txt"), "x"}};
    QTest::newRow("binary and compressed")
        << Files{{QStringLiteral("weights.bin"), randomBytes(300000, 1)},
                 {QStringLiteral("model.pt"), randomBytes(100000, 2)},
                 {QStringLiteral("data.csv"), QByteArray("1,2,3\n").repeated(50000)}};
    QTest::newRow("hidden files") << Files{{QStringLiteral(".env"), "A=1\n"},
                                           {QStringLiteral(".config/x"), "y"}};
}

void TestSnapshot::roundTrip()
{
    QFETCH(Files, files);
    writeProject(files);
    QVERIFY(QFile::setPermissions(project() + u'/' + files.firstKey(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const SnapshotWriter::Result result = pack();
    QCOMPARE(result.fileCount, files.size());
    QCOMPARE(result.sha256.size(), 64);
    QCOMPARE(QFileInfo(result.zipPath).fileName(), result.sha256 + QStringLiteral(".zip"));
    qint64 total = 0;
    for (const QByteArray &content : files)
        total += content.size();
    QCOMPARE(result.totalBytes, total);

    QString error;
    const SnapshotReader reader(result.zipPath);
    QVERIFY2(reader.extractTo(expanded(), &error), qPrintable(error));
    QCOMPARE(filesIn(expanded()), files.keys());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QCOMPARE(readAll(expanded() + u'/' + it.key()), it.value());
        QByteArray viewed;
        QVERIFY2(reader.readFile(it.key(), &viewed, &error), qPrintable(error));
        QCOMPARE(viewed, it.value());
    }
    QVERIFY(QFileInfo(expanded() + u'/' + files.firstKey()).isExecutable());

    QList<SnapshotReader::Entry> entries;
    QVERIFY2(reader.entries(&entries, &error), qPrintable(error));
    QCOMPARE(entries.size(), files.size());
    for (const SnapshotReader::Entry &entry : entries)
        QCOMPARE(entry.size, files.value(entry.path).size());
}

void TestSnapshot::emptyProject()
{
    const SnapshotWriter::Result result = pack();
    QCOMPARE(result.fileCount, 0);
    QString error;
    QList<SnapshotReader::Entry> entries;
    QVERIFY2(SnapshotReader(result.zipPath).entries(&entries, &error), qPrintable(error));
    QVERIFY(entries.isEmpty());
    QVERIFY2(SnapshotReader(result.zipPath).extractTo(expanded(), &error), qPrintable(error));
    QVERIFY(filesIn(expanded()).isEmpty());
}

void TestSnapshot::identicalContentStoredOnce()
{
    writeProject({{QStringLiteral("a.txt"), "alpha"}, {QStringLiteral("d/b.txt"), "beta"}});
    const SnapshotWriter::Result first = pack();
    QVERIFY(!first.reused);
    QFile touched(project() + QStringLiteral("/a.txt"));
    QVERIFY(touched.open(QIODevice::ReadWrite));
    QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addDays(-3),
                                QFileDevice::FileModificationTime));
    touched.close();
    const SnapshotWriter::Result second = pack();
    QCOMPARE(second.sha256, first.sha256);
    QCOMPARE(second.zipPath, first.zipPath);
    QVERIFY(second.reused);
    QCOMPARE(QDir(store()).entryList(QDir::Files | QDir::Hidden),
             QStringList{first.sha256 + QStringLiteral(".zip")});
}

void TestSnapshot::changedContentChangesId_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("content") << QStringLiteral("content");
    QTest::newRow("rename") << QStringLiteral("rename");
    QTest::newRow("new file") << QStringLiteral("add");
    QTest::newRow("executable bit") << QStringLiteral("mode");
}

void TestSnapshot::changedContentChangesId()
{
    QFETCH(QString, change);
    writeProject({{QStringLiteral("a.txt"), "alpha"}, {QStringLiteral("b.txt"), "beta"}});
    const SnapshotWriter::Result before = pack();
    const QString a = project() + QStringLiteral("/a.txt");
    if (change == QStringView(u"content"))
        QVERIFY(writeBytes(a, "alphA"));
    else if (change == QStringView(u"rename"))
        QVERIFY(QFile::rename(a, project() + QStringLiteral("/c.txt")));
    else if (change == QStringView(u"add"))
        QVERIFY(writeBytes(project() + QStringLiteral("/new.txt"), QByteArray()));
    else
        QVERIFY(QFile::setPermissions(a, QFile::permissions(a) | QFile::ExeOwner));
    const SnapshotWriter::Result after = pack();
    QVERIFY(after.sha256 != before.sha256);
    QVERIFY(!after.reused);
    QCOMPARE(QDir(store()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestSnapshot::limitRefusal_data()
{
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<int>("maxFiles");
    QTest::addColumn<QString>("expectedStart");

    QTest::newRow("over the size limit")
        << qint64(1024 * 1024) << 100
        << QStringLiteral(
               "The snapshot would be 3.3 MB in 8 files, over the limit of 1 MB or 100 files.");
    QTest::newRow("over the file limit")
        << qint64(100 * 1024 * 1024) << 7
        << QStringLiteral(
               "The snapshot would be 3.3 MB in 8 files, over the limit of 100 MB or 7 files.");
}

void TestSnapshot::limitRefusal()
{
    QFETCH(qint64, maxBytes);
    QFETCH(int, maxFiles);
    QFETCH(QString, expectedStart);
    writeProject({{QStringLiteral("data/train.bin"), QByteArray(2 * 1024 * 1024, 't')},
                  {QStringLiteral("data/val.bin"), QByteArray(1024 * 1024, 'v')},
                  {QStringLiteral("big.csv"), QByteArray(300 * 1024, 'c')},
                  {QStringLiteral("mid.txt"), QByteArray(50 * 1024, 'm')},
                  {QStringLiteral("small.txt"), QByteArray(2000, 's')},
                  {QStringLiteral("tiny1.txt"), "1"},
                  {QStringLiteral("tiny2.txt"), "2"},
                  {QStringLiteral("tiny3.txt"), "3"}});
    SnapshotWriter::Options options;
    options.maxTotalBytes = maxBytes;
    options.maxFiles = maxFiles;
    SnapshotWriter::Result result;
    QString error;
    QVERIFY(!SnapshotWriter(options).write(project(), store(), &result, &error));
    QVERIFY2(error.startsWith(expectedStart), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral(
                 "Largest: data/train.bin (2 MB), data/val.bin (1 MB), big.csv (300 KB), "
                 "mid.txt (50 KB), small.txt (2 KB). Add them to .amlignore.")),
             qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("tiny")));
    QVERIFY(!QDir(store()).exists()
            || QDir(store()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestSnapshot::ignoreFilesHonoured()
{
    writeProject({{QStringLiteral(".amlignore"), "data/\n*.log\n!keep.log\n"},
                  {QStringLiteral(".gitignore"), "*.py\n"},
                  {QStringLiteral("train.py"), "x"},
                  {QStringLiteral("data/big.bin"), "big"},
                  {QStringLiteral("run.log"), "log"},
                  {QStringLiteral("keep.log"), "keep"},
                  {QStringLiteral("sub/.amlignore"), "local.txt\n"},
                  {QStringLiteral("sub/local.txt"), "l"},
                  {QStringLiteral("sub/other.txt"), "o"},
                  {QStringLiteral(".git/HEAD"), "ref: refs/heads/main\n"}});
    const SnapshotWriter::Result result = pack();
    QStringList paths;
    for (const SnapshotWriter::File &file : result.files)
        paths.append(file.path);
    const QStringList expected = {QStringLiteral(".amlignore"),    QStringLiteral(".gitignore"),
                                  QStringLiteral("keep.log"),      QStringLiteral("sub/.amlignore"),
                                  QStringLiteral("sub/other.txt"), QStringLiteral("train.py")};
    QCOMPARE(paths, expected);
    QString error;
    QVERIFY2(SnapshotReader(result.zipPath).extractTo(expanded(), &error), qPrintable(error));
    QCOMPARE(filesIn(expanded()), expected);
}

void TestSnapshot::symlinks()
{
    writeProject({{QStringLiteral("runs/run1/out.txt"), "out"}, {QStringLiteral("a.txt"), "a"}});
    namespace fs = std::filesystem;
    const auto at = [this](const char *name) {
        return fs::path(QFile::encodeName(project()).toStdString()) / name;
    };
    fs::create_directory_symlink("runs/run1", at("latest"));
    fs::create_symlink("/etc/hostname", at("absolute"));
    fs::create_symlink("../outside", at("escaping"));
    const SnapshotWriter::Result result = pack();
    QCOMPARE(result.fileCount, 3);
    QCOMPARE(result.files.at(1).path, QStringLiteral("latest"));
    QCOMPARE(result.files.at(1).symlinkTarget, QStringLiteral("runs/run1"));
    QCOMPARE(result.notes.size(), 2);
    QVERIFY(result.notes.join(u'\n').contains(QStringLiteral("absolute -> /etc/hostname")));

    QString error;
    QVERIFY2(SnapshotReader(result.zipPath).extractTo(expanded(), &error), qPrintable(error));
    const QFileInfo link(expanded() + QStringLiteral("/latest"));
    QVERIFY(link.isSymLink());
    QCOMPARE(readAll(link.filePath() + QStringLiteral("/out.txt")), QByteArray("out"));
}

void TestSnapshot::progressAndCancel()
{
    writeProject(
        {{QStringLiteral("a.bin"), randomBytes(100000, 3)}, {QStringLiteral("b.txt"), "b"}});
    qint64 lastDone = -1;
    qint64 lastTotal = 0;
    SnapshotWriter writer;
    writer.setProgress([&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
        return true;
    });
    SnapshotWriter::Result result;
    QString error;
    QVERIFY2(writer.write(project(), store(), &result, &error), qPrintable(error));
    QCOMPARE(lastDone, qint64(100001));
    QCOMPARE(lastTotal, qint64(100001));

    QVERIFY(QDir(store()).removeRecursively());
    writer.setProgress([](qint64 done, qint64) { return done == 0; });
    QVERIFY(!writer.write(project(), store(), &result, &error));
    QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
    QVERIFY(QDir(store()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestSnapshot::brokenArchive_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("truncated in half") << QStringLiteral("half");
    QTest::newRow("truncated tail") << QStringLiteral("tail");
    QTest::newRow("random bytes") << QStringLiteral("random");
    QTest::newRow("empty file") << QStringLiteral("empty");
}

void TestSnapshot::brokenArchive()
{
    QFETCH(QString, kind);
    const QByteArray zip = readAll(validZip());
    QVERIFY(zip.size() > 1000);
    QByteArray broken;
    if (kind == QStringView(u"half"))
        broken = zip.left(zip.size() / 2);
    else if (kind == QStringView(u"tail"))
        broken = zip.left(zip.size() - 10);
    else if (kind == QStringView(u"random"))
        broken = randomBytes(5000, 11);
    const QString path = m_dir->filePath(QStringLiteral("broken.zip"));
    QVERIFY(writeBytes(path, broken));

    const SnapshotReader reader(path);
    QString error;
    QList<SnapshotReader::Entry> entries;
    QVERIFY(!reader.entries(&entries, &error));
    QVERIFY2(error.startsWith(QStringLiteral("Snapshot ") + path + QStringLiteral(" is damaged: ")),
             qPrintable(error));
    error.clear();
    QVERIFY(!reader.extractTo(expanded(), &error));
    QVERIFY2(error.contains(QStringLiteral("is damaged")), qPrintable(error));
    QVERIFY(filesIn(expanded()).isEmpty());
    QByteArray data;
    QVERIFY(!reader.readFile(QStringLiteral("f0.txt"), &data, &error));
}

void TestSnapshot::corruptedDataFailsAndCleansUp()
{
    QByteArray zip = readAll(validZip());
    // The central directory stays intact; file data in the middle does not.
    for (qsizetype i = zip.size() / 3; i < zip.size() / 3 + 64; ++i)
        zip[i] = char(~zip[i]);
    const QString path = m_dir->filePath(QStringLiteral("corrupt.zip"));
    QVERIFY(writeBytes(path, zip));
    QString error;
    QVERIFY(!SnapshotReader(path).extractTo(expanded(), &error));
    QVERIFY2(error.contains(QStringLiteral("is damaged")), qPrintable(error));
    QVERIFY(filesIn(expanded()).isEmpty());
}

void TestSnapshot::unsafeEntries_data()
{
    QTest::addColumn<QList<HostileEntry>>("entries");
    QTest::addColumn<QString>("reason");

    QTest::newRow("dot dot") << QList<HostileEntry>{{"ok.txt", "ok", {}}, {"../evil.txt", "x", {}}}
                             << QStringLiteral("'..'");
    QTest::newRow("dot dot in the middle")
        << QList<HostileEntry>{{"a/../../evil.txt", "x", {}}} << QStringLiteral("'..'");
    QTest::newRow("absolute path")
        << QList<HostileEntry>{{"/tmp/mlwb-evil.txt", "x", {}}} << QStringLiteral("absolute");
    QTest::newRow("absolute link")
        << QList<HostileEntry>{{"etc", {}, "/etc"}} << QStringLiteral("outside");
    QTest::newRow("escaping link")
        << QList<HostileEntry>{{"a/up", {}, "../../evil"}} << QStringLiteral("outside");
    QTest::newRow("link through a link")
        << QList<HostileEntry>{{"here", {}, "."}, {"up", {}, "here/.."}}
        << QStringLiteral("outside");
}

void TestSnapshot::unsafeEntries()
{
    QFETCH(QList<HostileEntry>, entries);
    QFETCH(QString, reason);
    const QString path = m_dir->filePath(QStringLiteral("hostile.zip"));
    QVERIFY(writeHostileZip(path, entries));
    QString error;
    QVERIFY(!SnapshotReader(path).extractTo(expanded(), &error));
    QVERIFY2(error.contains(QStringLiteral("unsafe entry")) && error.contains(reason),
             qPrintable(error));
    QVERIFY(filesIn(expanded()).isEmpty());
    QVERIFY(QDir(expanded())
                .isEmpty(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("evil.txt"))));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/mlwb-evil.txt")));
}

void TestSnapshot::readFileErrors()
{
    const SnapshotReader reader(validZip());
    QByteArray data;
    QString error;
    QVERIFY(!reader.readFile(QStringLiteral("missing.txt"), &data, &error));
    QVERIFY2(error.contains(QStringLiteral("has no file missing.txt")), qPrintable(error));
    QVERIFY(!reader.readFile(QStringLiteral("noise.bin"), &data, &error, 1000));
    QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
    QVERIFY(!SnapshotReader(m_dir->filePath(QStringLiteral("nope.zip")))
                 .readFile(QStringLiteral("x"), &data, &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
}

// A backslash is an ordinary character on Linux: `..\evil.txt` is a file in
// the project's root, `a\b.txt` is not a/b.txt.
void TestSnapshot::backslashNamesRoundTrip()
{
    const Files files{
        {QStringLiteral("..\\evil.txt"), "not evil"}, {QStringLiteral("a\\b.txt"), "backslash"},
        {QStringLiteral("a/b.txt"), "slash"},         {QStringLiteral("dir/x\\y.txt"), "nested"},
        {QStringLiteral("\\lead"), "lead"},           {QStringLiteral("d/trail\\"), "trail"}};
    writeProject(files);
    // At the top level a trailing backslash reads back as a folder: left out, and said.
    QVERIFY(writeBytes(project() + QStringLiteral("/trail\\"), "lost"));
    std::filesystem::create_symlink("a\\b.txt",
                                    QFile::encodeName(project()).toStdString() + "/link\\to");
    const SnapshotWriter::Result result = pack();
    QCOMPARE(result.fileCount, files.size() + 1);
    QCOMPARE(result.leftOut.unstorable(), QStringList{QStringLiteral("trail\\")});
    QVERIFY2(result.leftOut.summary().contains(QStringLiteral("ends in a backslash")),
             qPrintable(result.leftOut.summary()));

    QString error;
    const SnapshotReader reader(result.zipPath);
    QList<SnapshotReader::Entry> entries;
    QVERIFY2(reader.entries(&entries, &error), qPrintable(error));
    QStringList names;
    for (const SnapshotReader::Entry &entry : entries)
        names.append(entry.path);
    names.sort();
    QStringList expected = files.keys();
    expected.append(QStringLiteral("link\\to"));
    expected.sort();
    QCOMPARE(names, expected);
    QVERIFY2(reader.extractTo(expanded(), &error), qPrintable(error));
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QCOMPARE(readAll(expanded() + u'/' + it.key()), it.value());
        QByteArray viewed;
        QVERIFY2(reader.readFile(it.key(), &viewed, &error), qPrintable(error));
        QCOMPARE(viewed, it.value());
    }
    const QFileInfo link(expanded() + QStringLiteral("/link\\to"));
    QVERIFY(link.isSymLink());
    QCOMPARE(readAll(link.filePath()), QByteArray("backslash"));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("evil.txt"))));
    QCOMPARE(filesIn(expanded()).size(), files.size() + 1);
}

void TestSnapshot::swappedZipRefused_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("another snapshot under this name") << QStringLiteral("swap");
    QTest::newRow("rewritten with one file changed") << QStringLiteral("rewrite");
    QTest::newRow("an extra file added") << QStringLiteral("extra");
    QTest::newRow("swapped after it was checked") << QStringLiteral("late");
}

// A zip is stored under the id of its manifest; any other content under that
// name is refused by every read, naming the file and both digests.
void TestSnapshot::swappedZipRefused()
{
    QFETCH(QString, how);
    writeProject({{QStringLiteral("train.py"), "print(1)\n"}, {QStringLiteral("d/x.txt"), "x"}});
    const SnapshotWriter::Result original = pack();
    QString error;
    if (how == QStringView(u"late"))
        QVERIFY2(SnapshotReader(original.zipPath).verify(&error), qPrintable(error));
    QByteArray replacement;
    if (how == QStringView(u"swap") || how == QStringView(u"late")) {
        writeProject({{QStringLiteral("train.py"), "print(2)\n"}});
        replacement = readAll(pack().zipPath);
    } else {
        const QString other = m_dir->filePath(QStringLiteral("other.zip"));
        QList<HostileEntry> entries{{"d/x.txt", "x", {}}, {"train.py", "print(666)\n", {}}};
        if (how == QStringView(u"extra"))
            entries = {{"d/x.txt", "x", {}}, {"train.py", "print(1)\n", {}}, {"evil.py", "", {}}};
        QVERIFY(writeHostileZip(other, entries));
        replacement = readAll(other);
    }
    QVERIFY(QFile::remove(original.zipPath));
    QVERIFY(writeBytes(original.zipPath, replacement));

    const SnapshotReader reader(original.zipPath);
    const auto refused = [&](const QString &message) {
        return message.contains(original.zipPath)
               && message.contains(QStringLiteral("does not match"))
               && message.contains(QStringLiteral("expected sha256 ") + original.sha256)
               && message.contains(QStringLiteral("found "));
    };
    QVERIFY(!reader.verify(&error));
    QVERIFY2(refused(error), qPrintable(error));
    QList<SnapshotReader::Entry> entries;
    error.clear();
    QVERIFY(!reader.entries(&entries, &error));
    QVERIFY2(refused(error), qPrintable(error));
    QByteArray data;
    error.clear();
    QVERIFY(!reader.readFile(QStringLiteral("train.py"), &data, &error));
    QVERIFY2(refused(error), qPrintable(error));
    error.clear();
    QVERIFY(!reader.extractTo(expanded(), &error));
    QVERIFY2(refused(error), qPrintable(error));
    QVERIFY(filesIn(expanded()).isEmpty());
}

void TestSnapshot::leftOutReported()
{
    writeProject({{QStringLiteral(".gitignore"), "*.log\ncache/\n"},
                  {QStringLiteral("a.log"), "1"},
                  {QStringLiteral("b.log"), "2"},
                  {QStringLiteral("cache/big.bin"), "3"},
                  {QStringLiteral("sub/.amlignore"), "*.tmp\n"},
                  {QStringLiteral("sub/x.tmp"), "4"},
                  {QStringLiteral("train.py"), "x"},
                  {QStringLiteral(".git/HEAD"), "ref: refs/heads/main\n"}});
    namespace fs = std::filesystem;
    const std::string root = QFile::encodeName(project()).toStdString();
    fs::create_symlink("/etc/passwd", root + "/passwd");
    fs::create_symlink("../../outside", root + "/sub/up");
    fs::create_symlink("train.py", root + "/inside");
    const SnapshotWriter::Result result = pack();
    const mlwb::SnapshotLeftOut &leftOut = result.leftOut;
    QCOMPARE(leftOut.outsideLinks().size(), 2);
    QCOMPARE(leftOut.outsideLinks().at(0),
             qMakePair(QStringLiteral("passwd"), QStringLiteral("/etc/passwd")));
    QCOMPARE(leftOut.ignored().size(), 2);
    QCOMPARE(leftOut.ignored().value(QStringLiteral(".gitignore")).files, 2);
    QCOMPARE(leftOut.ignored().value(QStringLiteral(".gitignore")).folders, 1);
    QCOMPARE(leftOut.ignored().value(QStringLiteral("sub/.amlignore")).files, 1);
    const QString summary = leftOut.summary();
    QVERIFY2(summary.startsWith(QStringLiteral("Left out of the snapshot: 2 link")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("pointing outside the project (passwd -> /etc/passwd, "
                                             "sub/up -> ../../outside)")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("ignored by .gitignore")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("ignored by sub/.amlignore")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral(".git/"))
                 && !summary.contains(QStringLiteral("inside")),
             qPrintable(summary));

    QVERIFY(QDir(project()).removeRecursively());
    writeProject({{QStringLiteral("train.py"), "x"}});
    QVERIFY(pack().leftOut.isEmpty());
    QVERIFY(pack().leftOut.summary().isEmpty());
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
