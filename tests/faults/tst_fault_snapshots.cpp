// Hostile snapshots (issue 10): zips an attacker or a broken disk could hand
// the reader. Each is refused with a clear message before anything lands
// outside the target folder, or round-trips exactly. One FAULT-SUMMARY line
// per scenario; diags are refusals (expected / observed with a clear message),
// points are files that must come back byte for byte.
#include "snapshotfixture.h"
#include "snapshots/snapshotreader.h"
#include "snapshots/snapshotwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <memory>

using mlwb::SnapshotReader;
using mlwb::SnapshotWriter;

namespace {

struct Tally {
    int faults = 0;
    qint64 pointsExpected = 0, pointsStored = 0;
    int diagsExpected = 0, diagsFound = 0;
};

void printSummary(const char *name, const Tally &t)
{
    printf("FAULT-SUMMARY name=%s faults=%d runs=0 points_expected=%lld points_stored=%lld "
           "points_duplicated=0 diags_expected=%d diags_found=%d\n",
           name, t.faults, t.pointsExpected, t.pointsStored, t.diagsExpected, t.diagsFound);
    fflush(stdout);
}

// Everything under `dir`, files, links and folders, relative.
QStringList contentsOf(const QString &dir)
{
    QStringList names;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(QDir(dir).relativeFilePath(it.next()));
    names.sort();
    return names;
}

quint32 faultSeed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("MLWB_FAULT_SEED").toUInt(&ok);
    return ok ? fromEnv : QRandomGenerator::global()->generate();
}

} // namespace

class TestFaultSnapshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void zipSlip();
    void absolutePaths();
    void symlinkEntries();
    void backslashNames();
    void swappedZip();
    void truncatedZip();
    void corruptZip();
    void manyAndLargeEntries();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString target() const { return path(QStringLiteral("target")); }
    // Expands a hostile zip; true when refused with `reason` and nothing written anywhere.
    bool refused(const QList<HostileEntry> &entries, const QString &reason, Tally *tally);
    QString storedSnapshot(const QMap<QString, QByteArray> &files);
    bool refusedOrExact(const QString &zip, const QMap<QString, QByteArray> &files,
                        const QString &reason, Tally *tally);

    std::unique_ptr<QTemporaryDir> m_dir;
    quint32 m_seed = 0;
};

void TestFaultSnapshots::initTestCase()
{
    m_seed = faultSeed();
    printf("seed=%u\n", m_seed);
}

void TestFaultSnapshots::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFaultSnapshots::cleanup()
{
    m_dir.reset();
}

bool TestFaultSnapshots::refused(const QList<HostileEntry> &entries, const QString &reason,
                                 Tally *tally)
{
    QDir(target()).removeRecursively();
    const QString zip = path(QStringLiteral("hostile.zip"));
    QFile::remove(zip);
    if (!writeHostileZip(zip, entries))
        return false;
    ++tally->faults;
    ++tally->diagsExpected;
    QString error;
    const bool expanded = SnapshotReader(zip).extractTo(target(), &error);
    const bool clear = !expanded && error.contains(zip) && error.contains(reason);
    if (!clear)
        qWarning("not refused as expected (%s): %s", qPrintable(reason), qPrintable(error));
    QStringList outside = contentsOf(m_dir->path());
    outside.removeOne(QStringLiteral("target")); // made or not, it must stay empty
    const bool untouched =
        contentsOf(target()).isEmpty() && outside == QStringList{QStringLiteral("hostile.zip")};
    if (!untouched)
        qWarning("something was written: %s", qPrintable(outside.join(u' ')));
    if (clear && untouched)
        ++tally->diagsFound;
    return clear && untouched;
}

void TestFaultSnapshots::zipSlip()
{
    Tally tally;
    QVERIFY(
        refused({{"ok.txt", "ok", {}}, {"../evil.txt", "x", {}}}, QStringLiteral("'..'"), &tally));
    QVERIFY(refused({{"a/../../evil.txt", "x", {}}}, QStringLiteral("'..'"), &tally));
    QVERIFY(refused({{"a/b/../../../../evil.txt", "x", {}}}, QStringLiteral("'..'"), &tally));
    QVERIFY(refused({{"..", "x", {}}}, QStringLiteral("'..'"), &tally));
    printSummary("zip_slip", tally);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

void TestFaultSnapshots::absolutePaths()
{
    Tally tally;
    QVERIFY(refused({{"/tmp/mlwb-fault-evil.txt", "x", {}}}, QStringLiteral("absolute"), &tally));
    QVERIFY(refused({{"ok.txt", "ok", {}}, {"//tmp/mlwb-fault-evil.txt", "x", {}}},
                    QStringLiteral("absolute"), &tally));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/mlwb-fault-evil.txt")));
    printSummary("absolute_paths", tally);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

void TestFaultSnapshots::symlinkEntries()
{
    Tally tally;
    const QString outside = QStringLiteral("outside the snapshot");
    QVERIFY(refused({{"etc", {}, "/etc"}}, outside, &tally));
    QVERIFY(refused({{"a/up", {}, "../../evil"}}, outside, &tally));
    QVERIFY(refused({{"here", {}, "."}, {"up", {}, "here/.."}}, outside, &tally));
    // Each harmless alone, out of the folder together.
    QVERIFY(refused({{"a", {}, "b/.."}, {"b", {}, "c"}, {"c", {}, "."}}, outside, &tally));
    // A file written "through" a link: the link is made last and cannot replace the folder.
    QVERIFY(refused({{"d", {}, "sub"}, {"d/evil.txt", "x", {}}}, QStringLiteral("link"), &tally));
    printSummary("symlink_entries", tally);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

// Backslashes are ordinary characters on Linux: such names come back exactly,
// from our own snapshots and from zips made elsewhere.
void TestFaultSnapshots::backslashNames()
{
    Tally tally;
    const QMap<QString, QByteArray> files{{QStringLiteral("..\\evil.txt"), "1"},
                                          {QStringLiteral("a\\b.txt"), "2"},
                                          {QStringLiteral("x\\..\\..\\y"), "3"},
                                          {QStringLiteral("\\x"), "4"},
                                          {QStringLiteral("d/e\\f"), "5"}};
    const QString zip = storedSnapshot(files);
    QVERIFY(!zip.isEmpty());
    QVERIFY(refusedOrExact(zip, files, QString(), &tally));

    const QString foreign = path(QStringLiteral("foreign.zip"));
    QVERIFY(writeHostileZip(foreign, {{"..\\..\\evil.txt", "6", {}}, {"c:\\windows\\x", "7", {}}}));
    QVERIFY(refusedOrExact(
        foreign,
        {{QStringLiteral("..\\..\\evil.txt"), "6"}, {QStringLiteral("c:\\windows\\x"), "7"}},
        QString(), &tally));
    QVERIFY(!QFile::exists(path(QStringLiteral("evil.txt"))));
    printSummary("backslash_names", tally);
    QCOMPARE(tally.pointsStored, tally.pointsExpected);
    QCOMPARE(tally.diagsFound, 0);
}

QString TestFaultSnapshots::storedSnapshot(const QMap<QString, QByteArray> &files)
{
    const QString project = path(QStringLiteral("project"));
    QDir(project).removeRecursively();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (!writeBytes(project + u'/' + it.key(), it.value()))
            return QString();
    SnapshotWriter::Result result;
    QString error;
    if (!SnapshotWriter().write(project, path(QStringLiteral("store")), &result, &error))
        qWarning("%s", qPrintable(error));
    return result.zipPath;
}

// Reads `zip` every way a user can (list, expand, view one file). Each way
// either refuses with a clear message naming the zip (and `reason`), counted
// once as a diagnostic, or gives every byte back exactly, counted as points.
bool TestFaultSnapshots::refusedOrExact(const QString &zip, const QMap<QString, QByteArray> &files,
                                        const QString &reason, Tally *tally)
{
    ++tally->faults;
    QDir(target()).removeRecursively();
    const SnapshotReader reader(zip);
    QStringList errors;
    const auto check = [&](bool ok, const QString &error) {
        if (!ok)
            errors.append(error);
        return ok;
    };
    QString error;
    QList<SnapshotReader::Entry> entries;
    const bool listed = check(reader.entries(&entries, &error), error);
    const bool expanded = check(reader.extractTo(target(), &error), error);
    QByteArray data;
    const bool read = check(reader.readFile(files.firstKey(), &data, &error), error);
    bool exact = true;
    if (!errors.isEmpty())
        ++tally->diagsFound;
    for (const QString &message : std::as_const(errors)) {
        if (!message.contains(zip) || !message.contains(reason)) {
            qWarning("unclear refusal: %s", qPrintable(message));
            exact = false;
        }
    }
    if (listed)
        exact = exact && entries.size() >= files.size();
    if (read)
        exact = exact && data == files.first();
    if (!expanded)
        return exact && contentsOf(target()).isEmpty();
    tally->pointsExpected += files.size();
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        tally->pointsStored += readAll(target() + u'/' + it.key()) == it.value() ? 1 : 0;
    return exact;
}

void TestFaultSnapshots::swappedZip()
{
    Tally tally;
    const QMap<QString, QByteArray> original{{QStringLiteral("train.py"), "print(1)\n"}};
    const QString zip = storedSnapshot(original);
    const QString other = storedSnapshot({{QStringLiteral("train.py"), "print(2)\n"}});
    QVERIFY(!zip.isEmpty() && !other.isEmpty() && zip != other);
    QVERIFY(QFile::remove(zip) && QFile::copy(other, zip));
    tally.diagsExpected = 1;
    QVERIFY(refusedOrExact(zip, original, QStringLiteral("does not match its name"), &tally));
    QVERIFY(QFile::remove(zip));
    QVERIFY(writeHostileZip(zip, {{"train.py", "import os; os.system('evil')\n", {}}}));
    ++tally.diagsExpected;
    QVERIFY(refusedOrExact(zip, original, QStringLiteral("does not match its name"), &tally));
    printSummary("swapped_zip", tally);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
    QCOMPARE(tally.pointsExpected, 0);
}

void TestFaultSnapshots::truncatedZip()
{
    Tally tally;
    QRandomGenerator random(m_seed);
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 8; ++i)
        files.insert(QStringLiteral("f%1.bin").arg(i), QByteArray(5000 + i * 977, char('a' + i)));
    const QString zip = storedSnapshot(files);
    const QByteArray whole = readAll(zip);
    for (int i = 0; i < 12; ++i) {
        const qsizetype keep = random.bounded(qsizetype(whole.size()));
        QVERIFY(writeBytes(zip, whole.left(keep)));
        ++tally.diagsExpected;
        QVERIFY2(refusedOrExact(zip, files, QStringLiteral("damaged"), &tally),
                 qPrintable(QStringLiteral("cut at %1 of %2").arg(keep).arg(whole.size())));
    }
    printSummary("truncated_zip", tally);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

// Flipped bytes anywhere: refused, or (a flip in a field nobody reads) every
// byte of every file still exact. Never a silently different file.
void TestFaultSnapshots::corruptZip()
{
    Tally tally;
    QRandomGenerator random(m_seed + 1);
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 6; ++i) {
        QByteArray text;
        for (int line = 0; line < 400; ++line)
            text += QByteArray::number(random.generate()) + '\n';
        files.insert(QStringLiteral("data/part%1.txt").arg(i), text);
    }
    const QString zip = storedSnapshot(files);
    const QByteArray whole = readAll(zip);
    for (int i = 0; i < 24; ++i) {
        QByteArray broken = whole;
        const int flips = 1 + int(random.bounded(4));
        for (int f = 0; f < flips; ++f) {
            const qsizetype at = random.bounded(qsizetype(broken.size()));
            broken[at] = char(broken[at] ^ char(1 + random.bounded(255)));
        }
        QVERIFY(writeBytes(zip, broken));
        QVERIFY2(refusedOrExact(zip, files, QString(), &tally), qPrintable(QString::number(i)));
    }
    tally.diagsExpected = tally.diagsFound; // which flips matter is up to where they land
    printSummary("corrupt_zip", tally);
    QCOMPARE(tally.pointsStored, tally.pointsExpected);
    QVERIFY(tally.diagsFound > 0);
}

// The reader keeps no limit on entries when expanding (the writer's limits
// made the zip), so many entries round-trip, and 70,000 (a zip64 directory)
// are listed under their exact names; reading one file for the viewer
// refuses a huge one before inflating it.
void TestFaultSnapshots::manyAndLargeEntries()
{
    Tally tally;
    QMap<QString, QByteArray> files;
    for (int i = 0; i < 1900; ++i) // under the writer's 2,000
        files.insert(QStringLiteral("many/%1.txt").arg(i), QByteArray::number(i));
    const QString zip = storedSnapshot(files);
    QVERIFY(refusedOrExact(zip, files, QString(), &tally));

    // More entries than a plain zip directory counts: read through the zip64 record.
    QList<HostileEntry> many;
    for (int i = 0; i < 70000; ++i)
        many.append({QByteArray("e\\") + QByteArray::number(i), {}, {}});
    const QString big = path(QStringLiteral("zip64.zip"));
    QVERIFY(writeHostileZip(big, many));
    ++tally.faults;
    tally.pointsExpected += many.size();
    QList<SnapshotReader::Entry> entries;
    QString listError;
    QVERIFY2(SnapshotReader(big).entries(&entries, &listError), qPrintable(listError));
    for (qsizetype i = 0; i < qMin(entries.size(), many.size()); ++i)
        tally.pointsStored += entries.at(i).path == QString::fromLatin1(many.at(i).path) ? 1 : 0;

    const QString bomb = path(QStringLiteral("bomb.zip"));
    QVERIFY(writeHostileZip(bomb, {{"zeros.bin", QByteArray(96 * 1024 * 1024, '\0'), {}}}));
    QVERIFY(QFileInfo(bomb).size() < 1024 * 1024);
    ++tally.faults;
    ++tally.diagsExpected;
    QByteArray data;
    QString error;
    if (!SnapshotReader(bomb).readFile(QStringLiteral("zeros.bin"), &data, &error)
        && error.contains(QStringLiteral("too large")) && data.isEmpty())
        ++tally.diagsFound;
    printSummary("many_and_large_entries", tally);
    QCOMPARE(tally.pointsStored, tally.pointsExpected);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

QTEST_GUILESS_MAIN(TestFaultSnapshots)
#include "tst_fault_snapshots.moc"
