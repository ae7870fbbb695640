#include "metrics/metrictail.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace mlwb;
using Kind = MetricRecord::Kind;
using Line = MetricTail::Line;

/// Reading a growing metrics.jsonl: only complete lines, exact resumption
/// from offsets, malformed lines reported, and a round trip through the real
/// Python helper.
class TestMetricTail : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void missingFile();
    void readsLinesWithOffsetsAndNumbers();
    void partialLastLineIsHeldBack();
    void resumesExactly_data();
    void resumesExactly();
    void malformedLinesAreReported();
    void longLineIsSkipped_data();
    void longLineIsSkipped();
    void incompleteLongLineWaits();
    void truncatedFileIsReadAgain();
    void rewrittenFileIsReadAgain();
    void replacedFileIsReadAgain();
    void regrownFileIsReadAgain();
    void uncommittedResetIsReportedAgain();
    void removedFileIsReadAnew();
    void nonRegularFileIsRefusedWithoutBlocking_data();
    void nonRegularFileIsRefusedWithoutBlocking();
    void unopenableFileIsNotedOnce();
    void finishedWriterCompletesLastLine();
    void finishedWriterCompletesLongLastLine();
    void rawIsCutWithLengthNoted();
    void lineNumbersCountedFromForeignOffset();
    void pythonHelperRoundTrip();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("metrics.jsonl")); }
    void write(const QByteArray &bytes, QIODevice::OpenMode mode = QIODevice::Append);
    static QByteArray scalarLine(int step);
    static QList<Line> readFrom(MetricTail &tail, qint64 *offset);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMetricTail::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMetricTail::cleanup()
{
    m_dir.reset();
}

void TestMetricTail::write(const QByteArray &bytes, QIODevice::OpenMode mode)
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly | mode));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray TestMetricTail::scalarLine(int step)
{
    return R"({"name":"loss","value":)" + QByteArray::number(step * 0.5) + R"(,"step":)"
           + QByteArray::number(step) + "}\n";
}

void TestMetricTail::missingFile()
{
    MetricTail tail(path());
    QList<Line> lines;
    qint64 next = -1;
    QString error;
    QVERIFY2(tail.readAvailable(0, 0, &lines, &next, &error), qPrintable(error));
    QVERIFY(lines.isEmpty());
    QCOMPARE(next, 0);
    // Removed after 10 bytes were read: said once, then a new file is awaited.
    QVERIFY2(tail.readAvailable(10, 0, &lines, &next, &error), qPrintable(error));
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].fileNote);
    QVERIFY2(lines[0].error.contains(QLatin1String("was removed")), qPrintable(lines[0].error));
    QCOMPARE(next, 0);
}

void TestMetricTail::readsLinesWithOffsetsAndNumbers()
{
    const QByteArray first = scalarLine(0), second = R"({"name":"phase","value":"train"})"
                                                     "\r\n";
    write(first + second + scalarLine(2));
    MetricTail tail(path());
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY2(tail.readAvailable(0, 0, &lines, &next, &error), qPrintable(error));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[1].offset, first.size());
    QCOMPARE(lines[2].number, 3);
    QVERIFY(lines[1].ok());
    QCOMPARE(lines[1].record.kind, Kind::String);
    QCOMPARE(lines[1].record.text, QStringLiteral("train"));
    QCOMPARE(lines[2].record.number, 1.0);
    QCOMPARE(next, QFileInfo(path()).size());
}

void TestMetricTail::partialLastLineIsHeldBack()
{
    const QByteArray complete = scalarLine(0) + scalarLine(1);
    const QByteArray partial = R"({"name":"loss","val)";
    write(complete + partial);
    MetricTail tail(path());
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY(tail.readAvailable(0, 0, &lines, &next, &error));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(next, complete.size());

    write(R"(ue":7,"step":2})"); // still no newline
    lines.clear();
    QVERIFY(tail.readAvailable(next, 0, &lines, &next, &error));
    QVERIFY(lines.isEmpty());
    QCOMPARE(next, complete.size());

    write("\n");
    QVERIFY(tail.readAvailable(next, 0, &lines, &next, &error));
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].ok(), qPrintable(lines[0].error));
    QCOMPARE(lines[0].record.number, 7.0);
    QCOMPARE(lines[0].number, 3);
    QCOMPARE(lines[0].offset, complete.size());
}

void TestMetricTail::resumesExactly_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxLines");
    QTest::newRow("half, then the rest") << 10 << 5;
    QTest::newRow("one at a time") << 7 << 1;
    QTest::newRow("all at once") << 100 << 0;
    QTest::newRow("more than one 1 MiB chunk") << 60000 << 25000;
}

void TestMetricTail::resumesExactly()
{
    QFETCH(int, count);
    QFETCH(int, maxLines);
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += scalarLine(i);
    write(text);
    MetricTail tail(path());
    QList<Line> lines;
    qint64 offset = 0;
    QString error;
    for (int calls = 0; offset < text.size(); ++calls) {
        const qsizetype before = lines.size();
        QVERIFY2(tail.readAvailable(offset, maxLines, &lines, &offset, &error), qPrintable(error));
        QVERIFY(maxLines == 0 || lines.size() - before <= maxLines);
        QVERIFY(calls <= count);
    }
    QCOMPARE(lines.size(), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(lines[i].record.step, qint64(i));
        QCOMPARE(lines[i].number, qint64(i + 1));
    }
    QVERIFY(tail.readAvailable(offset, maxLines, &lines, &offset, &error));
    QCOMPARE(lines.size(), count);
}

void TestMetricTail::malformedLinesAreReported()
{
    const QByteArray bad = "not json\n";
    const QByteArray huge = "{\"name\":\"x\",\"value\":\"" + QByteArray(1 << 20, 'a') + "\n";
    write(scalarLine(0) + bad + "\n" + huge + scalarLine(1));
    MetricTail tail(path());
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY(tail.readAvailable(0, 0, &lines, &next, &error));
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].ok() && lines[4].ok());
    QCOMPARE(lines[1].error, QStringLiteral("line is not a JSON object"));
    QCOMPARE(lines[1].raw(), QStringLiteral("not json"));
    QCOMPARE(lines[1].offset, scalarLine(0).size());
    QCOMPARE(lines[1].number, 2);
    QCOMPARE(lines[2].error, QStringLiteral("empty line"));
    QCOMPARE(lines[2].number, 3);
    QVERIFY(lines[3].error.startsWith(QLatin1String("line is not valid JSON")));
    QVERIFY(lines[3].raw().startsWith(QString::fromLatin1(huge.first(MetricTail::kRawBytes))));
    QVERIFY2(lines[3].raw().endsWith(
                 QStringLiteral("[cut; the line has %1 bytes]").arg(huge.size() - 1)),
             qPrintable(lines[3].raw().right(80)));
    QCOMPARE(lines[4].record.step, 1);
}

void TestMetricTail::longLineIsSkipped_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("within one read") << 5000;
    QTest::newRow("across reads") << 3 * 1024 * 1024 + 17;
}

void TestMetricTail::longLineIsSkipped()
{
    QFETCH(int, length);
    const QByteArray longLine = QByteArray(length, 'x') + '\n';
    write(scalarLine(0) + longLine + scalarLine(1) + scalarLine(2));
    MetricTail tail(path());
    tail.setMaxLineLength(1000);
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY2(tail.readAvailable(0, 0, &lines, &next, &error), qPrintable(error));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[1].error, QStringLiteral("line is longer than 1000 bytes"));
    QCOMPARE(lines[1].raw(), QString(MetricTail::kRawBytes, QLatin1Char('x'))
                                 + QStringLiteral("… [cut; the line has %1 bytes]").arg(length));
    QCOMPARE(lines[1].length, length);
    QCOMPARE(lines[1].offset, scalarLine(0).size());
    QCOMPARE(lines[2].record.step, 1);
    QCOMPARE(lines[3].number, 4);
    QCOMPARE(next, QFileInfo(path()).size());
}

void TestMetricTail::incompleteLongLineWaits()
{
    write(scalarLine(0) + QByteArray(5000, 'x'));
    MetricTail tail(path());
    tail.setMaxLineLength(1000);
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY(tail.readAvailable(0, 0, &lines, &next, &error));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(next, scalarLine(0).size());
    write("\n" + scalarLine(1));
    QVERIFY(tail.readAvailable(next, 0, &lines, &next, &error));
    QCOMPARE(lines.size(), 3);
    QVERIFY(!lines[1].ok());
    QCOMPARE(lines[2].record.step, 1);
}

// Reads everything from *offset on, moving *offset; the lines read.
QList<Line> TestMetricTail::readFrom(MetricTail &tail, qint64 *offset)
{
    QList<Line> lines;
    QString error;
    if (!tail.readAvailable(*offset, 0, &lines, offset, &error))
        qWarning("%s", qPrintable(error));
    return lines;
}

static int notes(const QList<Line> &lines)
{
    return int(
        std::count_if(lines.cbegin(), lines.cend(), [](const Line &l) { return l.fileNote; }));
}

// Issue 10: a script writes lines, reopens the file with "w" and writes fewer.
void TestMetricTail::truncatedFileIsReadAgain()
{
    QByteArray text;
    for (int i = 0; i < 1000; ++i)
        text += scalarLine(i);
    write(text);
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 1000);
    QByteArray again;
    for (int i = 0; i < 10; ++i)
        again += scalarLine(i);
    write(again, QIODevice::Truncate);
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 11);
    QVERIFY(lines[0].fileNote && !lines[0].ok());
    QVERIFY2(lines[0].error.contains(QLatin1String("was truncated")), qPrintable(lines[0].error));
    QCOMPARE(lines[0].offset, text.size());
    QCOMPARE(lines[1].number, 1);
    QCOMPARE(lines[1].offset, 0);
    QCOMPARE(lines[10].record.step, 9);
    QCOMPARE(offset, again.size());
    QVERIFY(readFrom(tail, &offset).isEmpty()); // said once
}

// A fresh tail (a restarted supervisor) knows only the offset: a line start
// that is no longer one gives the rewrite away.
void TestMetricTail::rewrittenFileIsReadAgain()
{
    write(scalarLine(0));
    qint64 offset = scalarLine(0).size();
    write(R"({"name":"a_much_longer_name","value":1})"
          "\n",
          QIODevice::Truncate);
    MetricTail tail(path());
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].error.contains(QLatin1String("rewritten")), qPrintable(lines[0].error));
    QCOMPARE(lines[1].record.name, QStringLiteral("a_much_longer_name"));
    QCOMPARE(lines[1].number, 1);
    QCOMPARE(offset, QFileInfo(path()).size());
}

// Same size, same bytes, but another file (written beside and renamed over).
void TestMetricTail::replacedFileIsReadAgain()
{
    write(scalarLine(0) + scalarLine(1));
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 2);
    const QString beside = path() + QStringLiteral(".new");
    QFile file(beside);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(scalarLine(0) + scalarLine(1));
    file.close();
    QVERIFY(::rename(QFile::encodeName(beside).constData(), QFile::encodeName(path()).constData())
            == 0);
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].error.contains(QLatin1String("replaced")), qPrintable(lines[0].error));
    QCOMPARE(lines[2].number, 2);
    QVERIFY(readFrom(tail, &offset).isEmpty());
}

// Truncated and grown past the old offset between two reads: the first
// bytes differ.
void TestMetricTail::regrownFileIsReadAgain()
{
    write(scalarLine(0) + scalarLine(1));
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 2);
    QByteArray text;
    for (int i = 5; i < 10; ++i)
        text += scalarLine(i);
    write(text, QIODevice::Truncate);
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(notes(lines), 1);
    QCOMPARE(lines[1].record.step, 5);
}

// A read whose lines were not stored is asked for again from the old
// offset: the change is found again, and nothing is skipped.
void TestMetricTail::uncommittedResetIsReportedAgain()
{
    write(scalarLine(0) + scalarLine(1) + scalarLine(2));
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 3);
    const qint64 stored = offset;
    write(scalarLine(7), QIODevice::Truncate);
    QCOMPARE(readFrom(tail, &offset).size(), 2);
    offset = stored;                      // the transaction failed
    write(scalarLine(8) + scalarLine(9)); // and the file grew past nothing
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(notes(lines), 1);
    QCOMPARE(lines[1].record.step, 7);
    QCOMPARE(lines[3].number, 3);
}

void TestMetricTail::removedFileIsReadAnew()
{
    write(scalarLine(0) + scalarLine(1));
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 2);
    QVERIFY(QFile::remove(path()));
    QCOMPARE(notes(readFrom(tail, &offset)), 1);
    QCOMPARE(offset, 0);
    QVERIFY(readFrom(tail, &offset).isEmpty());
    write(scalarLine(4));
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].record.step, 4);
    QCOMPARE(lines[0].number, 1);
}

void TestMetricTail::nonRegularFileIsRefusedWithoutBlocking_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("FIFO") << QStringLiteral("fifo");
    QTest::newRow("folder") << QStringLiteral("folder");
    QTest::newRow("link to /dev/zero") << QStringLiteral("device");
}

// Issue 10: a FIFO blocked the supervisor in open() for good.
void TestMetricTail::nonRegularFileIsRefusedWithoutBlocking()
{
    QFETCH(QString, kind);
    const QByteArray name = QFile::encodeName(path());
    if (kind == QLatin1String("fifo"))
        QCOMPARE(::mkfifo(name.constData(), 0600), 0);
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir().mkdir(path()));
    else
        QCOMPARE(::symlink("/dev/zero", name.constData()), 0);
    MetricTail tail(path());
    tail.setWriterFinished(true);
    QElapsedTimer timer;
    timer.start();
    qint64 offset = 0;
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].fileNote);
    QVERIFY2(lines[0].error.contains(QLatin1String("not a regular file")),
             qPrintable(lines[0].error));
    QCOMPARE(offset, 0);
    QVERIFY(readFrom(tail, &offset).isEmpty()); // said once
    QVERIFY(timer.elapsed() < 2000);
}

// A link to itself cannot be opened (and works as root, unlike chmod 000):
// said once, not on every poll, and read once it can be.
void TestMetricTail::unopenableFileIsNotedOnce()
{
    QCOMPARE(::symlink("metrics.jsonl", QFile::encodeName(path()).constData()), 0);
    MetricTail tail(path());
    qint64 offset = 0;
    QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].fileNote);
    QVERIFY2(lines[0].error.contains(QLatin1String("Cannot open")), qPrintable(lines[0].error));
    QVERIFY(readFrom(tail, &offset).isEmpty());
    QVERIFY(QFile::remove(path()));
    write(scalarLine(0));
    lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].ok());
}

void TestMetricTail::finishedWriterCompletesLastLine()
{
    const QByteArray last = R"({"name":"loss","value":9,"step":9})";
    write(scalarLine(0) + last);
    MetricTail tail(path());
    qint64 offset = 0;
    QCOMPARE(readFrom(tail, &offset).size(), 1);
    tail.setWriterFinished(true);
    QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].ok(), qPrintable(lines[0].error));
    QCOMPARE(lines[0].record.step, 9);
    QCOMPARE(lines[0].number, 2);
    QCOMPARE(offset, QFileInfo(path()).size());
    // A supervisor started again after that goes on from there.
    MetricTail restarted(path());
    restarted.setWriterFinished(true);
    QVERIFY(readFrom(restarted, &offset).isEmpty());
    QCOMPARE(offset, QFileInfo(path()).size());
}

void TestMetricTail::finishedWriterCompletesLongLastLine()
{
    write(scalarLine(0) + QByteArray(300, 'y'));
    MetricTail tail(path());
    tail.setMaxLineLength(100);
    tail.setWriterFinished(true);
    qint64 offset = 0;
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[1].length, 300);
    QCOMPARE(lines[1].error, QStringLiteral("line is longer than 100 bytes"));
    QCOMPARE(offset, QFileInfo(path()).size());
}

// A cut never splits a character, and says how long the line was.
void TestMetricTail::rawIsCutWithLengthNoted()
{
    const QByteArray line = "x" + QByteArray(3000, 'a').replace("a", "\xc3\xa4");
    write(line + "\n");
    MetricTail tail(path());
    qint64 offset = 0;
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    const QString raw = lines[0].raw();
    QVERIFY2(raw.startsWith(QStringLiteral("x") + QString(2047, QChar(0xe4)) + QChar(0x2026)),
             qPrintable(raw.left(10)));
    QVERIFY(raw.endsWith(QStringLiteral("[cut; the line has %1 bytes]").arg(line.size())));
}

void TestMetricTail::lineNumbersCountedFromForeignOffset()
{
    write(scalarLine(0) + scalarLine(1));
    MetricTail tail(path());
    qint64 offset = scalarLine(0).size();
    const QList<Line> lines = readFrom(tail, &offset);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].number, 2);
}

void TestMetricTail::pythonHelperRoundTrip()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const QString script = QStringLiteral(R"(
import mlwb
run = mlwb.Run.get_context()
for i in range(1000):
    run.log('loss', 1.0 / (i + 1))
run.log('nan', float('nan'))
run.log('inf', float('-inf'))
run.log('phase', 'train')
run.log('Verlust \u00e4', 3, step=7)
run.log_list('l', [1, 2.5, 'x'])
run.log_row('r', epoch=1, acc=0.5)
run.log_table('t', {'x': [1, 2], 'y': [3, 4]})
open('picture.png', 'wb').write(b'not really a png')
run.log_image('img', path='picture.png')
run.tag('lr', 0.01)
with run.child_run('fold 1') as child:
    child.log('acc', 0.9)
run.complete()
)");
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(MLWB_SOURCE_DIR "/resources/python"));
    env.insert(QStringLiteral("MLWB_RUN_DIR"), m_dir->path());
    process.setProcessEnvironment(env);
    process.start(python, {QStringLiteral("-c"), script});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    MetricTail tail(path());
    QList<Line> lines;
    qint64 next = 0;
    QString error;
    QVERIFY2(tail.readAvailable(0, 0, &lines, &next, &error), qPrintable(error));
    // Numbers come as one "scalars" line per metric, written before a child
    // run's end and at the flush; every other call has its own line, in order.
    QCOMPARE(lines.size(), 13);
    for (const Line &line : std::as_const(lines))
        QVERIFY2(line.ok(), qPrintable(line.error + QLatin1String(": ") + line.raw()));
    const auto named = [&lines](const QString &name) {
        for (const Line &line : std::as_const(lines)) {
            if (line.record.name == name)
                return line.record;
        }
        return MetricRecord();
    };
    const MetricRecord loss = named(QStringLiteral("loss"));
    QCOMPARE(loss.kind, Kind::Scalars);
    QCOMPARE(loss.numbers.size(), 1000);
    QCOMPARE(loss.steps.size(), 1000);
    QCOMPARE(loss.times.size(), 1000);
    QCOMPARE(loss.steps[999], 999);
    QCOMPARE(loss.numbers[999], 1.0 / 1000);
    QVERIFY(std::isnan(named(QStringLiteral("nan")).numbers.value(0)));
    QCOMPARE(named(QStringLiteral("inf")).numbers.value(0),
             -std::numeric_limits<double>::infinity());
    const MetricRecord verlust = named(QStringLiteral("Verlust \u00e4"));
    QCOMPARE(verlust.numbers, QVector<double>{3});
    QCOMPARE(verlust.steps, QVector<qint64>{7});
    QCOMPARE(lines[0].record.text, QStringLiteral("train"));
    QCOMPARE(lines[1].record.json.toArray().size(), 3);
    QCOMPARE(lines[2].record.kind, Kind::Row);
    QCOMPARE(lines[3].record.kind, Kind::Table);
    QCOMPARE(lines[4].record.text, QStringLiteral("outputs/images/picture.png"));
    QVERIFY(QFile::exists(m_dir->filePath(lines[4].record.text)));
    QCOMPARE(lines[5].record.text, QStringLiteral("0.01"));
    QCOMPARE(lines[6].record.kind, Kind::Child);
    QCOMPARE(lines[7].record.run, QStringLiteral("fold 1"));
    QCOMPARE(lines[7].record.numbers, QVector<double>{0.9});
    QCOMPARE(lines[8].record.kind, Kind::Status);
    QCOMPARE(lines[8].record.text, QStringLiteral("Completed"));
}

QTEST_GUILESS_MAIN(TestMetricTail)
#include "tst_metrictail.moc"
