// SSH compute targets against a real sshd on 127.0.0.1: attaching, testing,
// host keys (unknown, accepted, changed) and clear errors for wrong users,
// wrong keys and closed ports. The CLI is driven through the real binary.
#include "remote/sshconnection.h"
#include "remote/sshprobe.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestSshTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void unknownHostKeyIsRefusedThenAccepted();
    void testReportsTheMachine();
    void changedHostKeyIsRefused();
    void wrongLoginIsClear_data();
    void wrongLoginIsClear();
    void closedPortIsUnreachable();
    void missingInterpreterIsReported();
    void detachRemovesTheTarget();
    void jumpHostFromSshConfig();

private:
    struct Cli {
        int code = -1;
        QString out, err;
    };
    Cli mlwb(const QStringList &arguments);
    QStringList attachArguments(const QString &name) const;
    ComputeTarget target(const QString &name) const;

    SshFixture m_sshd;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestSshTarget::initTestCase()
{
    QString error;
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
    QVERIFY(m_sshd.port() != 22);
}

void TestSshTarget::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(Workspace::create(m_workspace, &error), qPrintable(error));
    QFile::remove(m_sshd.knownHosts()); // every test starts with the host unknown
}

TestSshTarget::Cli TestSshTarget::mlwb(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(MLWB_BINARY),
                  QStringList{QStringLiteral("--workspace"), m_workspace} + arguments);
    Cli result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return result;
    }
    result.code = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList TestSshTarget::attachArguments(const QString &name) const
{
    return {QStringLiteral("compute"),
            QStringLiteral("attach-ssh"),
            name,
            QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"),
            QString::number(m_sshd.port()),
            QStringLiteral("--user"),
            m_sshd.user(),
            QStringLiteral("--identity"),
            m_sshd.identity(),
            QStringLiteral("--workdir"),
            m_dir->filePath(QStringLiteral("remote"))};
}

ComputeTarget TestSshTarget::target(const QString &name) const
{
    ComputeTarget t;
    t.name = name;
    t.kind = ComputeTarget::Kind::Ssh;
    t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), m_sshd.port()},
                {QStringLiteral("user"), m_sshd.user()},
                {QStringLiteral("identity"), m_sshd.identity()},
                {QStringLiteral("workdir"), m_dir->filePath(QStringLiteral("remote"))}};
    return t;
}

void TestSshTarget::unknownHostKeyIsRefusedThenAccepted()
{
    Cli refused = mlwb(attachArguments(QStringLiteral("vm")));
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QLatin1String("not trusted")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("SHA256:")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("--accept-new-host-key")), qPrintable(refused.err));
    QVERIFY(!QFile::exists(m_sshd.knownHosts()) || QFile(m_sshd.knownHosts()).size() == 0);
    QVERIFY(mlwb({QStringLiteral("compute"), QStringLiteral("show"), QStringLiteral("vm")}).code
            != 0); // not stored

    Cli accepted =
        mlwb(attachArguments(QStringLiteral("vm")) << QStringLiteral("--accept-new-host-key"));
    QVERIFY2(accepted.code == 0, qPrintable(accepted.err));
    QVERIFY2(accepted.err.contains(QLatin1String("SHA256:")), qPrintable(accepted.err));
    QFile known(m_sshd.knownHosts());
    QVERIFY(known.open(QIODevice::ReadOnly));
    QVERIFY(known.readAll().contains(QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port()).toUtf8()));
    Cli again = mlwb({QStringLiteral("compute"), QStringLiteral("test"), QStringLiteral("vm")});
    QVERIFY2(again.code == 0, qPrintable(again.err));
}

void TestSshTarget::testReportsTheMachine()
{
    QVERIFY(
        mlwb(attachArguments(QStringLiteral("box")) << QStringLiteral("--accept-new-host-key")).code
        == 0);
    const Cli table =
        mlwb({QStringLiteral("compute"), QStringLiteral("test"), QStringLiteral("box")});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    for (const char *label : {"OS", "CPUS", "MEMORY", "PYTHON", "FREE DISK"})
        QVERIFY2(table.out.contains(QLatin1String(label), Qt::CaseInsensitive),
                 qPrintable(table.out));
    const Cli json =
        mlwb({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("compute"),
              QStringLiteral("test"), QStringLiteral("box")});
    QVERIFY2(json.code == 0, qPrintable(json.err));
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY(report.value(QLatin1String("ok")).toBool());
    QVERIFY(!report.value(QLatin1String("os")).toString().isEmpty());
    QVERIFY(report.value(QLatin1String("cpus")).toInt() >= 1);
    QVERIFY(report.value(QLatin1String("memory_bytes")).toDouble() > 0);
    QVERIFY(report.value(QLatin1String("python")).toString().startsWith(QLatin1String("3.")));
    QVERIFY(report.value(QLatin1String("disk_free_bytes")).toDouble() > 0);
    QCOMPARE(report.value(QLatin1String("host")).toString(),
             QStringLiteral("127.0.0.1:%1").arg(m_sshd.port()));
}

void TestSshTarget::changedHostKeyIsRefused()
{
    QVERIFY(
        mlwb(attachArguments(QStringLiteral("vm")) << QStringLiteral("--accept-new-host-key")).code
        == 0);
    QString error;
    QVERIFY2(m_sshd.restart(true, &error), qPrintable(error)); // same port, new host key
    for (const bool accept : {false, true}) {
        QStringList args{QStringLiteral("compute"), QStringLiteral("test"), QStringLiteral("vm")};
        if (accept)
            args << QStringLiteral("--accept-new-host-key"); // never replaces a changed key
        const Cli changed = mlwb(args);
        QCOMPARE(changed.code, 1);
        QVERIFY2(changed.err.contains(QLatin1String("has changed")), qPrintable(changed.err));
        QVERIFY2(changed.err.contains(QLatin1String("refused")), qPrintable(changed.err));
    }
    const SshReport report = SshProbe::test(target(QStringLiteral("vm")), true);
    QVERIFY(!report.ok && report.hostKeyChanged);
    QVERIFY(!report.fingerprints.isEmpty());
}

void TestSshTarget::wrongLoginIsClear_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("otherKey");
    QTest::newRow("wrong user") << QStringLiteral("nosuchuser") << false;
    QTest::newRow("wrong key") << QString() << true;
}

void TestSshTarget::wrongLoginIsClear()
{
    QFETCH(QString, user);
    QFETCH(bool, otherKey);
    QString error;
    QVERIFY2(m_sshd.trustHostKey(&error), qPrintable(error));
    ComputeTarget t = target(QStringLiteral("vm"));
    if (!user.isEmpty())
        t.config.insert(QStringLiteral("user"), user);
    if (otherKey) {
        const QString key = m_dir->filePath(QStringLiteral("other_key"));
        QVERIFY2(
            SshFixture::run(QStringLiteral("ssh-keygen"),
                            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                             QStringLiteral("-N"), QString(), QStringLiteral("-f"), key},
                            &error),
            qPrintable(error));
        t.config.insert(QStringLiteral("identity"), key);
    }
    const SshReport report = SshProbe::test(t, false);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains(QLatin1String("login"))
                 && report.message.contains(QLatin1String("failed")),
             qPrintable(report.message));
    QVERIFY2(report.message.contains(QLatin1String("Permission denied")),
             qPrintable(report.message));
}

void TestSshTarget::closedPortIsUnreachable()
{
    ComputeTarget t = target(QStringLiteral("gpu-box"));
    const int closed = SshFixture::freePort();
    t.config.insert(QStringLiteral("port"), closed);
    const SshReport report = SshProbe::test(t, true);
    QVERIFY(!report.ok);
    QCOMPARE(report.message,
             QStringLiteral("Cannot reach gpu-box (127.0.0.1:%1): Connection refused").arg(closed));
    // The same from the command line, and nothing is stored.
    QStringList args = attachArguments(QStringLiteral("gpu-box"));
    args[args.indexOf(QStringLiteral("--port")) + 1] = QString::number(closed);
    const Cli cli = mlwb(args);
    QCOMPARE(cli.code, 1);
    QVERIFY2(cli.err.contains(QLatin1String("Cannot reach gpu-box")), qPrintable(cli.err));
}

void TestSshTarget::missingInterpreterIsReported()
{
    QString error;
    QVERIFY2(m_sshd.trustHostKey(&error), qPrintable(error));
    ComputeTarget t = target(QStringLiteral("vm"));
    t.config.insert(QStringLiteral("python"), QStringLiteral("/nonexistent/python9"));
    const SshReport report = SshProbe::test(t, false);
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains(QLatin1String("/nonexistent/python9"))
                 && report.message.contains(QLatin1String("not found")),
             qPrintable(report.message));
    QVERIFY(!report.os.isEmpty()); // the rest of the report is still there
}

void TestSshTarget::detachRemovesTheTarget()
{
    QVERIFY(
        mlwb(attachArguments(QStringLiteral("vm")) << QStringLiteral("--accept-new-host-key")).code
        == 0);
    const Cli detached =
        mlwb({QStringLiteral("compute"), QStringLiteral("detach"), QStringLiteral("vm")});
    QVERIFY2(detached.code == 0, qPrintable(detached.err));
    QVERIFY(mlwb({QStringLiteral("compute"), QStringLiteral("show"), QStringLiteral("vm")}).code
            != 0);
    QCOMPARE(
        mlwb({QStringLiteral("compute"), QStringLiteral("detach"), QStringLiteral("local")}).code,
        1);
}

// ProxyJump as in a terminal: `--jump mlwb-jump` names a Host of the user's
// ssh config (here a test-private one passed with -F, which ssh hands on to
// the jump connection), and the target is reached through it. m_sshd is the
// target (B), a second server the jump host (A); one user key logs in to both.
void TestSshTarget::jumpHostFromSshConfig()
{
    const auto restoreEnvironment = qScopeGuard([this] {
        qputenv("MLWB_SSH_OPTIONS", "-F /dev/null");
        qputenv("MLWB_SSH_KNOWN_HOSTS", m_sshd.knownHosts().toLocal8Bit());
    });
    QString error;
    SshFixture jump;
    QVERIFY2(jump.shareUserKey(m_sshd, &error), qPrintable(error));
    QVERIFY2(jump.start(&error), qPrintable(error));
    const QString knownHosts = m_dir->filePath(QStringLiteral("known_hosts"));
    QVERIFY2(jump.trustHostKey(&error, knownHosts), qPrintable(error));
    QVERIFY2(m_sshd.trustHostKey(&error, knownHosts), qPrintable(error));
    const QString sshConfig = m_dir->filePath(QStringLiteral("ssh_config"));
    {
        QFile file(sshConfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("Host mlwb-jump\n"
                                  "    HostName 127.0.0.1\n"
                                  "    Port %1\n"
                                  "    User %2\n"
                                  "    IdentityFile %3\n"
                                  "    IdentitiesOnly yes\n"
                                  "    UserKnownHostsFile %4\n"
                                  "    StrictHostKeyChecking yes\n"
                                  "    BatchMode yes\n"
                                  "    ConnectTimeout 10\n")
                       .arg(jump.port())
                       .arg(jump.user(), jump.identity(), knownHosts)
                       .toUtf8());
    }
    qputenv("MLWB_SSH_OPTIONS", QByteArray("-F ") + sshConfig.toLocal8Bit());
    qputenv("MLWB_SSH_KNOWN_HOSTS", knownHosts.toLocal8Bit());

    const Cli attached = mlwb(attachArguments(QStringLiteral("vm"))
                              << QStringLiteral("--jump") << QStringLiteral("mlwb-jump"));
    QVERIFY2(attached.code == 0, qPrintable(attached.err + attached.out));
    const Cli json =
        mlwb({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("compute"),
              QStringLiteral("test"), QStringLiteral("vm")});
    QVERIFY2(json.code == 0, qPrintable(json.err));
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY2(report.value(QLatin1String("ok")).toBool(), qPrintable(json.out));
    QVERIFY(report.value(QLatin1String("python")).toString().startsWith(QLatin1String("3.")));
    QVERIFY(report.value(QLatin1String("disk_free_bytes")).toDouble() > 0);
    {
        // The connection really went through the jump host.
        QFile log(jump.path("sshd.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("Accepted publickey"), text.constData());
    }
    ComputeTarget t = target(QStringLiteral("vm"));
    t.config.insert(QStringLiteral("jump"), QStringLiteral("mlwb-jump"));
    QVERIFY2(SshProbe::test(t, false).ok, qPrintable(SshProbe::test(t, false).message));

    // The jump host goes down: the target is unreachable, said clearly and soon.
    jump.stop();
    QElapsedTimer timer;
    timer.start();
    const SshReport down = SshProbe::test(t, false);
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY(!down.ok);
    QVERIFY2(down.message.startsWith(
                 QStringLiteral("Cannot reach vm (127.0.0.1:%1)").arg(m_sshd.port())),
             qPrintable(down.message));
    QVERIFY2(down.message.contains(QLatin1String("jump host mlwb-jump")), qPrintable(down.message));
    QVERIFY2(down.message.contains(QLatin1String("unreachable")), qPrintable(down.message));
    const Cli cli = mlwb({QStringLiteral("compute"), QStringLiteral("test"), QStringLiteral("vm")});
    QCOMPARE(cli.code, 1);
    QVERIFY2(cli.err.contains(QLatin1String("Cannot reach vm"))
                 && cli.err.contains(QLatin1String("mlwb-jump")),
             qPrintable(cli.err));
}

QTEST_GUILESS_MAIN(TestSshTarget)
#include "tst_sshtarget.moc"
