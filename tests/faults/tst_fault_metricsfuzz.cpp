// Fault suite, metrics: a fuzzed metrics.jsonl (random good and bad lines,
// written in random pieces) through the real tail and ingest path, with
// supervisor restarts and files truncated, rewritten, replaced and removed
// under it; then through real supervised runs, and a FIFO in its place.
// Every good point must be stored once, every bad line diagnosed once.
#ifndef Q_MOC_RUN // its raw strings hold lone braces that moc would count
#include "metricsfuzzer.h"
#endif

#include "metrics/metricingestor.h"
#include "metrics/metrics.h"
#include "metrics/metrictail.h"
#include "runchecks.h"
#include "runs/runending.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runsubmitter.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace mlwb;
using mlwb::testing::MetricsFuzzer;

class TestFaultMetricsFuzz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fuzzedLinesThroughTail();
    void fuzzedFileRewritten();
    void fuzzedRunSupervised();
    void fifoRunEnds();
    void fifoRunCancels();

private:
    struct Tally {
        qint64 faults = 0, runs = 1, expected = 0, stored = 0, duplicated = 0, unexpected = 0;
        qint64 diagsExpected = 0, diagsFound = 0, diagsExtra = 0;
    };
    Id queuedRun();
    std::optional<Run> submit(const QString &script);
    QString metricsPath(Id runId) const;
    void verifySupervisorQuiet(Id runId);
    void writeProject(const QString &name, const QByteArray &content);
    void restart(Id runId);
    bool drain(bool writerFinished = false);
    void appendInPieces(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode);
    Tally tally(Id runId, const MetricsFuzzer &fuzz, int notes);
    static void report(const char *scenario, const Tally &t);

    quint64 m_seed = 0;
    QRandomGenerator m_random;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_project;
    std::unique_ptr<MetricTail> m_tail;
    std::unique_ptr<MetricIngestor> m_ingestor;
    qint64 m_offset = 0;
};

void TestFaultMetricsFuzz::initTestCase()
{
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    bool given = false;
    m_seed = qEnvironmentVariable("MLWB_FAULT_SEED").toULongLong(&given);
    if (!given)
        m_seed = QRandomGenerator::system()->generate64();
    std::printf("seed=%llu\n", static_cast<unsigned long long>(m_seed));
    std::fflush(stdout);
}

void TestFaultMetricsFuzz::init()
{
    m_random.seed(quint32(m_seed ^ (m_seed >> 32)));
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_project = m_dir->filePath(QStringLiteral("project"));
    QDir().mkpath(m_project);
}

void TestFaultMetricsFuzz::cleanup()
{
    m_tail.reset();
    m_ingestor.reset();
    QString error;
    const auto unfinished = Runs(*m_ws).unfinished(&error);
    for (const Run &r : unfinished)
        RunLauncher::cancel(*m_ws, r.id, &error);
    for (const Run &r : unfinished)
        testing::waitForFinal(*m_ws, r.id, 15000);
    m_ws.reset();
    m_dir.reset();
}

void TestFaultMetricsFuzz::writeProject(const QString &name, const QByteArray &content)
{
    QFile file(QDir(m_project).filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

std::optional<Run> TestFaultMetricsFuzz::submit(const QString &script)
{
    RunConfig config;
    config.experimentName = QStringLiteral("fuzz");
    config.code = m_project;
    config.compute = QStringLiteral("local");
    config.command = RunConfig::commandFor(QString(), script, {});
    QString error;
    auto run = RunSubmitter(*m_ws).submit(config, &error);
    if (!run)
        qWarning("submit failed: %s", qPrintable(error));
    return run;
}

// A run whose metrics this test ingests itself, as a supervisor would.
Id TestFaultMetricsFuzz::queuedRun()
{
    writeProject(QStringLiteral("train.py"), "pass\n");
    RunConfig config;
    config.experimentName = QStringLiteral("fuzz");
    config.code = m_project;
    config.command = RunConfig::commandFor(QString(), QStringLiteral("train.py"), {});
    RunSubmitter submitter(*m_ws);
    submitter.setStartSupervisor(false);
    QString error;
    const auto run = submitter.submit(config, &error);
    if (!run)
        qWarning("submit failed: %s", qPrintable(error));
    return run ? run->id : 0;
}

QString TestFaultMetricsFuzz::metricsPath(Id runId) const
{
    const auto run = Runs(*m_ws).find(runId);
    return RunFolder(m_ws->folder(Workspace::Folder::Runs), run ? run->uid : QString()).metrics();
}

// Issue 10: supervisor.log repeated "was truncated" on every poll.
void TestFaultMetricsFuzz::verifySupervisorQuiet(Id runId)
{
    QFile log(QFileInfo(metricsPath(runId)).dir().filePath(QStringLiteral("supervisor.log")));
    if (!log.open(QIODevice::ReadOnly))
        return; // nothing written at all
    const QByteArray text = log.readAll();
    QVERIFY2(!text.contains("mlwb supervisor:"), text.left(2000).constData());
}

// What a supervisor killed and started again has: the stored offset only.
void TestFaultMetricsFuzz::restart(Id runId)
{
    m_tail = std::make_unique<MetricTail>(metricsPath(runId));
    m_ingestor = std::make_unique<MetricIngestor>(*m_ws, runId);
    QString error;
    m_offset = m_ingestor->storedOffset(&error);
    QVERIFY2(m_offset >= 0, qPrintable(error));
}

bool TestFaultMetricsFuzz::drain(bool writerFinished)
{
    QString error;
    const bool ok =
        RunEnding::ingestAvailable(*m_tail, *m_ingestor, writerFinished, &m_offset, &error);
    if (!ok)
        qWarning("ingest: %s", qPrintable(error));
    return ok;
}

// Appends in random pieces (cutting lines anywhere), ingesting now and then.
void TestFaultMetricsFuzz::appendInPieces(const QString &path, const QByteArray &bytes,
                                          QIODevice::OpenMode mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | mode));
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype piece = qMin(bytes.size() - at, qsizetype(1 + m_random.bounded(6000)));
        QCOMPARE(file.write(bytes.constData() + at, piece), piece);
        QVERIFY(file.flush());
        at += piece;
        if (m_random.bounded(2))
            QVERIFY(drain());
    }
}

// Compares the store with what the fuzzer wrote: points by (series, step),
// diagnostics by (line number, raw text), and the notes about the file.
TestFaultMetricsFuzz::Tally TestFaultMetricsFuzz::tally(Id runId, const MetricsFuzzer &fuzz,
                                                        int notes)
{
    Tally t;
    const Metrics metrics(*m_ws);
    QHash<QPair<QString, qint64>, int> seen;
    for (const MetricSeries &s : metrics.series(runId)) {
        QList<qint64> steps;
        QVector<MetricPoint> points;
        QList<Metrics::Value> values;
        if (s.kind == MetricSeries::Kind::Scalar && metrics.points(s.id, 0, -1, &points, nullptr))
            for (const MetricPoint &p : std::as_const(points))
                steps.append(p.step);
        else if (metrics.values(s.id, &values, nullptr))
            for (const Metrics::Value &v : std::as_const(values))
                steps.append(v.step);
        for (const qint64 step : std::as_const(steps))
            ++seen[{s.name, step}];
    }
    const auto &expected = fuzz.expectedPoints();
    t.expected = fuzz.pointCount();
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (!expected.value(it.key().first).contains(it.key().second)) {
            t.unexpected += it.value();
            continue;
        }
        ++t.stored;
        t.duplicated += it.value() - 1;
    }

    QHash<QPair<qint64, QString>, int> wanted;
    for (const MetricsFuzzer::BadLine &bad : fuzz.badLines())
        ++wanted[{bad.number, QString::fromUtf8(bad.text)}];
    t.diagsExpected = fuzz.badLines().size() + notes;
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("SELECT message, raw FROM run_diagnostics WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    static const QRegularExpression numbered(QStringLiteral("^line (\\d+): "));
    int notesFound = 0;
    while (q.next()) {
        const QString message = q.value(0).toString();
        const auto match = numbered.match(message);
        const auto key =
            qMakePair(match.hasMatch() ? match.captured(1).toLongLong() : 0, q.value(1).toString());
        if (!match.hasMatch() && message.contains(QLatin1String("metrics.jsonl")))
            ++notesFound;
        else if (wanted.value(key) > 0)
            --wanted[key], ++t.diagsFound;
        else
            ++t.diagsExtra, qWarning("unexpected diagnostic: %s [%s]", qPrintable(message),
                                     qPrintable(key.second.left(80)));
    }
    t.diagsFound += qMin(notesFound, notes);
    t.diagsExtra += qMax(0, notesFound - notes);
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (it.value() > 0)
            qWarning("not diagnosed: line %lld: [%s]", it.key().first,
                     qPrintable(it.key().second.left(80)));
    return t;
}

void TestFaultMetricsFuzz::report(const char *scenario, const Tally &t)
{
    std::printf("FAULT-SUMMARY name=%s faults=%lld runs=%lld points_expected=%lld "
                "points_stored=%lld points_duplicated=%lld diags_expected=%lld diags_found=%lld\n",
                scenario, t.faults, t.runs, t.expected, t.stored, t.duplicated, t.diagsExpected,
                t.diagsFound);
    std::fflush(stdout);
    QCOMPARE(t.stored, t.expected);
    QCOMPARE(t.duplicated, 0);
    QCOMPARE(t.unexpected, 0);
    QCOMPARE(t.diagsFound, t.diagsExpected);
    QCOMPARE(t.diagsExtra, 0);
}

// Lines cut anywhere by the writer, read while they grow, with the
// supervisor killed and restarted from the stored offset now and then.
void TestFaultMetricsFuzz::fuzzedLinesThroughTail()
{
    const Id runId = queuedRun();
    QVERIFY(runId);
    MetricsFuzzer fuzz(m_seed);
    QByteArray content = fuzz.file(4000);
    if (!content.endsWith("\n\n") && m_random.bounded(2))
        content.chop(1); // the last line has no newline: the writer's end completes it
    restart(runId);
    QFile file(metricsPath(runId));
    QDir().mkpath(QFileInfo(file).absolutePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    int restarts = 0;
    for (qsizetype at = 0; at < content.size();) {
        const qsizetype piece = qMin(content.size() - at, qsizetype(1 + m_random.bounded(3000)));
        QCOMPARE(file.write(content.constData() + at, piece), piece);
        QVERIFY(file.flush());
        at += piece;
        if (m_random.bounded(20) == 0) {
            restart(runId);
            ++restarts;
        }
        if (m_random.bounded(2))
            QVERIFY(drain());
    }
    QVERIFY(drain(true));
    Tally t = tally(runId, fuzz, 0);
    t.faults = restarts + fuzz.badLines().size();
    report("metrics-fuzz-tail", t);
}

// Issue 10: a file truncated ("w"), replaced by a rename or removed and
// made again is read again from its new start, with one note each time.
void TestFaultMetricsFuzz::fuzzedFileRewritten()
{
    const Id runId = queuedRun();
    QVERIFY(runId);
    MetricsFuzzer fuzz(m_seed);
    restart(runId);
    const QString path = metricsPath(runId);
    QDir().mkpath(QFileInfo(path).absolutePath());
    appendInPieces(path, fuzz.file(500), QIODevice::Append);
    const int events = 6;
    for (int event = 0; event < events; ++event) {
        QVERIFY(drain()); // lines gone before they were read are no one's to find
        if (m_random.bounded(3) == 0) {
            restart(runId);
            QVERIFY(drain());
        }
        const QByteArray next = fuzz.file(300 + int(m_random.bounded(400)));
        switch (event % 3) {
        case 0: // reopened with "w"
            appendInPieces(path, next, QIODevice::Truncate);
            break;
        case 1: { // written beside and renamed over
            QFile beside(path + QStringLiteral(".new"));
            QVERIFY(beside.open(QIODevice::WriteOnly));
            beside.write(next);
            beside.close();
            QVERIFY(::rename(QFile::encodeName(beside.fileName()).constData(),
                             QFile::encodeName(path).constData())
                    == 0);
            break;
        }
        default: // removed, perhaps read while missing, and written again
            QVERIFY(QFile::remove(path));
            if (m_random.bounded(2))
                QVERIFY(drain());
            appendInPieces(path, next, QIODevice::Append);
        }
    }
    QVERIFY(drain(true));
    Tally t = tally(runId, fuzz, events);
    t.faults = events + fuzz.badLines().size();
    report("metrics-fuzz-rewrite", t);
}

// A real supervised run whose script writes a fuzzed file, then (once the
// supervisor has stored all of it) reopens it with "w" and writes more.
void TestFaultMetricsFuzz::fuzzedRunSupervised()
{
    MetricsFuzzer fuzz(m_seed);
    writeProject(QStringLiteral("part1.bin"), fuzz.file(1500));
    QByteArray part2 = fuzz.file(1500);
    if (!part2.endsWith("\n\n"))
        part2.chop(1);
    writeProject(QStringLiteral("part2.bin"), part2);
    writeProject(QStringLiteral("fuzz.py"), R"(
import os, time
run_dir = os.environ["MLWB_RUN_DIR"]
metrics = os.path.join(run_dir, "metrics.jsonl")
def write(name, mode):
    data = open(name, "rb").read()
    with open(metrics, mode) as f:
        for i in range(0, len(data), 4000):
            f.write(data[i:i + 4000])
            f.flush()
            time.sleep(0.001)
write("part1.bin", "ab")
while not os.path.exists(os.path.join(run_dir, "go")):
    time.sleep(0.02)
write("part2.bin", "wb")
)");
    const auto run = submit(QStringLiteral("fuzz.py"));
    QVERIFY(run);
    const qint64 part1 = QFileInfo(QDir(m_project).filePath(QStringLiteral("part1.bin"))).size();
    const auto stored = [&] {
        QSqlQuery q(m_ws->database());
        q.prepare(QStringLiteral("SELECT metrics_offset FROM run_ingest WHERE run_id = ?"));
        q.addBindValue(run->id);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(stored(), part1, 30000);
    QFile go(QFileInfo(metricsPath(run->id)).dir().filePath(QStringLiteral("go")));
    QVERIFY(go.open(QIODevice::WriteOnly));
    go.close();
    const Run ended = testing::waitForFinal(*m_ws, run->id, 60000);
    QCOMPARE(ended.status, RunStatus::Completed);
    Tally t = tally(run->id, fuzz, 1);
    t.faults = 1 + fuzz.badLines().size();
    report("metrics-fuzz-run", t);
    verifySupervisorQuiet(run->id);
}

// Issue 10: a FIFO for metrics.jsonl hung the supervisor in open() for good.
void TestFaultMetricsFuzz::fifoRunEnds()
{
    writeProject(QStringLiteral("fifo.py"), R"(
import os, time
os.mkfifo(os.path.join(os.environ["MLWB_RUN_DIR"], "metrics.jsonl"))
time.sleep(0.5)
)");
    const auto run = submit(QStringLiteral("fifo.py"));
    QVERIFY(run);
    const Run ended = testing::waitForFinal(*m_ws, run->id, 30000);
    QCOMPARE(ended.status, RunStatus::Completed);
    MetricsFuzzer none(m_seed);
    Tally t = tally(run->id, none, 1);
    t.faults = 1;
    report("metrics-fifo-run", t);
    verifySupervisorQuiet(run->id);
    QTRY_VERIFY_WITH_TIMEOUT(!RunLauncher::hasLiveSupervisor(*m_ws, run->id), 10000);
}

void TestFaultMetricsFuzz::fifoRunCancels()
{
    writeProject(QStringLiteral("fifo.py"), R"(
import os, time
os.mkfifo(os.path.join(os.environ["MLWB_RUN_DIR"], "metrics.jsonl"))
time.sleep(300)
)");
    const auto run = submit(QStringLiteral("fifo.py"));
    QVERIFY(run);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(metricsPath(run->id)).exists(), 20000);
    QTest::qWait(300); // the supervisor has met the FIFO
    QString error;
    QVERIFY2(RunLauncher::cancel(*m_ws, run->id, &error), qPrintable(error));
    const Run ended = testing::waitForFinal(*m_ws, run->id, 20000);
    QCOMPARE(ended.status, RunStatus::Canceled);
    QTRY_VERIFY_WITH_TIMEOUT(!RunLauncher::hasLiveSupervisor(*m_ws, run->id), 10000);
    MetricsFuzzer none(m_seed);
    Tally t = tally(run->id, none, 1);
    t.faults = 1;
    report("metrics-fifo-cancel", t);
}

QTEST_GUILESS_MAIN(TestFaultMetricsFuzz)
#include "tst_fault_metricsfuzz.moc"
