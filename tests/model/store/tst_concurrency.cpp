// Several processes writing one workspace at the same moment: nothing is
// lost, nothing is corrupted, nobody fails with "database is locked".
#include "store/experiments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace mlwb;

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processesWriteAtOnce_data();
    void processesWriteAtOnce();
    void readersSeeConsistentStateWhileWriting();
    void processesRegisterOneModelAtOnce();

private:
    static QString writer() { return QStringLiteral(MLWB_TEST_HELPERS "/storewriter"); }
    static QString registrar() { return QStringLiteral(MLWB_TEST_HELPERS "/modelregistrar"); }
};

void TestConcurrency::processesWriteAtOnce_data()
{
    QTest::addColumn<int>("processes");
    QTest::addColumn<int>("each");
    QTest::newRow("2 writers") << 2 << 100;
    QTest::newRow("6 writers") << 6 << 60;
}

void TestConcurrency::processesWriteAtOnce()
{
    QFETCH(int, processes);
    QFETCH(int, each);
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));

    std::vector<std::unique_ptr<QProcess>> writers;
    for (int i = 0; i < processes; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(writer(), {ws->path(), QStringLiteral("w%1").arg(i), QString::number(each)});
        writers.push_back(std::move(p));
    }
    // This process writes too, interleaved with the others.
    Runs runs(*ws);
    const auto shared = Experiments(*ws).findOrCreate(QStringLiteral("shared"), &error);
    QVERIFY2(shared, qPrintable(error));
    for (int i = 0; i < each; ++i) {
        Run run;
        run.experimentId = shared->id;
        run.experimentName = shared->name;
        QVERIFY2(runs.create(&run, &error), qPrintable(error));
    }
    for (auto &p : writers) {
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
    }

    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM experiments")) && q.next());
    QCOMPARE(q.value(0).toInt(), processes * each + 1);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM runs")) && q.next());
    QCOMPARE(q.value(0).toInt(), processes * each + each);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM run_tags")) && q.next());
    QCOMPARE(q.value(0).toInt(), processes * each); // each run's tag came with it
    QVERIFY(q.exec(QStringLiteral("SELECT count(DISTINCT uid) FROM runs")) && q.next());
    QCOMPARE(q.value(0).toInt(), processes * each + each);
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
    QVERIFY(!q.next());
}

void TestConcurrency::readersSeeConsistentStateWhileWriting()
{
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    QProcess p;
    p.start(writer(), {ws->path(), QStringLiteral("r"), QStringLiteral("300")});
    QVERIFY(p.waitForStarted());
    // Readers never block on the writer (WAL) and never see a run without
    // its experiment or a run without its tag (one transaction each).
    int reads = 0;
    while (p.state() != QProcess::NotRunning || reads == 0) {
        QSqlQuery q(ws->database());
        QVERIFY2(q.exec(QStringLiteral(
                     "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM run_tags)")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), q.value(1).toInt());
        ++reads;
        p.waitForFinished(5);
    }
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(reads > 1);
}

void TestConcurrency::processesRegisterOneModelAtOnce()
{
    // Several programs register the same new model name at the same moment:
    // each gets its own numbers, no number twice, none skipped.
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    constexpr int processes = 4;
    constexpr int each = 25;
    std::vector<std::unique_ptr<QProcess>> registrars;
    for (int i = 0; i < processes; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(registrar(), {ws->path(), QStringLiteral("shared"), QString::number(each)});
        registrars.push_back(std::move(p));
    }
    QList<int> all;
    for (auto &p : registrars) {
        QVERIFY(p->waitForFinished(120000));
        QCOMPARE(p->exitCode(), 0);
        QList<int> own;
        const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines)
            if (!line.isEmpty())
                own << line.toInt();
        QCOMPARE(own.size(), each);
        QVERIFY(std::is_sorted(own.begin(), own.end()));
        all += own;
    }
    std::sort(all.begin(), all.end());
    QList<int> expected;
    for (int i = 1; i <= processes * each; ++i)
        expected << i;
    QCOMPARE(all, expected);
    QCOMPARE(Models(*ws).find(QStringLiteral("shared"))->latestVersion, processes * each);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
