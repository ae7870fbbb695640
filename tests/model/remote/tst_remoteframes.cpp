// The framed answers a run's stream and a poll send back from a VM, read as
// ssh delivers them: in pieces, several at once, cut off by a dropped link.
#include "remote/remoterun.h"

#include <QTest>

using namespace mlwb;

namespace {
QByteArray frame(const QByteArray &state, const QByteArray &log, const QByteArray &metrics)
{
    return "MLWB " + state + ' ' + QByteArray::number(log.size()) + ' '
           + QByteArray::number(metrics.size()) + '\n' + log + metrics;
}
} // namespace

class TestRemoteFrames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aWholeAnswerIsRead();
    void aCutAnswerWaitsForTheRest();
    void answersBackToBackAreReadOneByOne();
    void aVanishedFolderAndGarbageAreTold();
};

void TestRemoteFrames::aWholeAnswerIsRead()
{
    const QByteArray bytes = frame("7 1234 0 10 40", "hello\n", "{\"x\":1}\n");
    RemoteRun::Poll poll;
    QCOMPARE(RemoteRun::parseFrame(bytes, &poll), bytes.size());
    QVERIFY(poll.hasExitCode);
    QCOMPARE(poll.exitCode, 7);
    QCOMPARE(poll.pgid, 1234);
    QVERIFY(!poll.alive);
    QCOMPARE(poll.logSize, 10);
    QCOMPARE(poll.metricsSize, 40);
    QCOMPARE(poll.log, QByteArray("hello\n"));
    QCOMPARE(poll.metrics, QByteArray("{\"x\":1}\n"));
}

void TestRemoteFrames::aCutAnswerWaitsForTheRest()
{
    const QByteArray bytes = frame("- 99 1 6 8", "hello\n", "{\"x\":1}\n");
    for (qsizetype cut = 0; cut < bytes.size(); ++cut) {
        RemoteRun::Poll poll;
        QCOMPARE(RemoteRun::parseFrame(bytes.left(cut), &poll), 0);
    }
}

void TestRemoteFrames::answersBackToBackAreReadOneByOne()
{
    const QByteArray first = frame("- 99 1 3 0", "ab\n", ""),
                     second = frame("0 99 0 3 8", "", "{\"x\":2}\n");
    const QByteArray bytes = first + second;
    RemoteRun::Poll poll;
    const qsizetype used = RemoteRun::parseFrame(bytes, &poll);
    QCOMPARE(used, first.size());
    QVERIFY(!poll.hasExitCode && poll.alive);
    QCOMPARE(RemoteRun::parseFrame(bytes.mid(used), &poll), second.size());
    QVERIFY(poll.hasExitCode);
    QCOMPARE(poll.metrics, QByteArray("{\"x\":2}\n"));
}

void TestRemoteFrames::aVanishedFolderAndGarbageAreTold()
{
    RemoteRun::Poll poll;
    QCOMPARE(RemoteRun::parseFrame("MLWB-VANISHED\n", &poll), 14);
    QVERIFY(poll.vanished);
    QCOMPARE(RemoteRun::parseFrame("bash: warning: setlocale failed\n", &poll), -1);
    QCOMPARE(RemoteRun::parseFrame(QByteArray(300, 'x'), &poll), -1); // no header line
}

QTEST_GUILESS_MAIN(TestRemoteFrames)
#include "tst_remoteframes.moc"
