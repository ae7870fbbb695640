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
    void outputsFollowTheLastAnswer();
    void theEnvironmentIsAnAnswerOfItsOwn();
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

void TestRemoteFrames::outputsFollowTheLastAnswer()
{
    const QByteArray last = frame("0 99 0 3 0", "ab\n", ""), outputs = "MLWB-OUTPUTS 5\ntar!!";
    const QByteArray bytes = last + outputs;
    RemoteRun::Poll poll;
    QCOMPARE(RemoteRun::parseFrame(bytes, &poll), last.size());
    QCOMPARE(poll.outputs, RemoteRun::Poll::Outputs::NotYet);
    RemoteRun::Poll tail;
    QCOMPARE(RemoteRun::parseFrame(bytes.mid(last.size()), &tail), outputs.size());
    QCOMPARE(tail.outputs, RemoteRun::Poll::Outputs::Sent);
    QCOMPARE(tail.outputsTar, QByteArray("tar!!"));
    for (qsizetype cut = 0; cut < outputs.size(); ++cut) {
        RemoteRun::Poll cutShort;
        QCOMPARE(RemoteRun::parseFrame(outputs.left(cut), &cutShort), 0);
    }
    RemoteRun::Poll none, apart, garbage;
    QCOMPARE(RemoteRun::parseFrame("MLWB-OUTPUTS 0\n", &none), 15);
    QCOMPARE(none.outputs, RemoteRun::Poll::Outputs::Sent); // the run made no outputs/
    QVERIFY(none.outputsTar.isEmpty());
    QCOMPARE(RemoteRun::parseFrame("MLWB-OUTPUTS -\n", &apart), 15);
    QCOMPARE(apart.outputs, RemoteRun::Poll::Outputs::Apart);
    QCOMPARE(RemoteRun::parseFrame("MLWB-OUTPUTS x1\n", &garbage), -1);
    QCOMPARE(RemoteRun::parseFrame("MLWB-OUTPUTS -3\n", &garbage), -1);
}

void TestRemoteFrames::theEnvironmentIsAnAnswerOfItsOwn()
{
    const QByteArray environment = "MLWB-ENVIRONMENT 16\n3.11.2\nnumpy==1\n",
                     next = frame("- 99 1 0 0", "", "");
    const QByteArray bytes = environment + next;
    RemoteRun::Poll poll;
    QCOMPARE(RemoteRun::parseFrame(bytes, &poll), environment.size());
    QVERIFY(poll.hasEnvironment);
    QCOMPARE(poll.environment, QByteArray("3.11.2\nnumpy==1\n"));
    QCOMPARE(RemoteRun::parseFrame(bytes.mid(environment.size()), &poll), next.size());
    for (qsizetype cut = 0; cut < environment.size(); ++cut) {
        RemoteRun::Poll cutShort;
        QCOMPARE(RemoteRun::parseFrame(environment.left(cut), &cutShort), 0);
    }
    RemoteRun::Poll garbage;
    QCOMPARE(RemoteRun::parseFrame("MLWB-ENVIRONMENT many\n", &garbage), -1);
}

QTEST_GUILESS_MAIN(TestRemoteFrames)
#include "tst_remoteframes.moc"
