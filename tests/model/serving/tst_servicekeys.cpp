// Service keys in the desktop keychain: the test starts its own session bus
// (dbus-daemon) with a real GNOME Keyring on it, unlocked with an empty
// password, so the user's own keychain is never touched. Keys go to the
// keychain with a 0600 copy in the runtime folder for the server; a file
// when asked (MLWB_KEY_STORE=file) or when no Secret Service runs; and the
// real CLI deploys, calls and re-makes the copy after a "logout".
#include "mlwbprocess.h"
#include "serving/keychain.h"
#include "serving/servicekeys.h"
#include "sessionbus.h"
#include "sklearnservice.h"
#include "store/workspace.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestServiceKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void keysGoToTheKeychainWithACopyForTheServer();
    void aFileWhenAskedAndFileKeysStayInTheFile();
    void cliServesWithKeychainKeys();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList filesHolding(const QString &key) const;
    testing::MlwbResult run(const QStringList &arguments, bool withBus = true);

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    testing::IrisService m_iris;
};

void TestServiceKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Everything the keys may touch lives in the test's folder.
    for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = path(QString::fromLatin1(var).toLower());
        QVERIFY(QDir().mkpath(dir));
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv(var, QFile::encodeName(dir));
    }
    qunsetenv("MLWB_KEY_STORE"); // ctest sets it so other tests never use a keychain
    m_address = testing::startSessionBus(m_bus);
    QVERIFY2(!m_address.isEmpty(), "no session bus: dbus-daemon is needed");
    // An unencrypted "login" keyring as the default collection: nothing to unlock or prompt for.
    const QString keyrings = path(QStringLiteral("xdg_data_home/keyrings"));
    QVERIFY(QDir().mkpath(keyrings));
    QVERIFY(testing::writeFile(keyrings + QStringLiteral("/login.keyring"),
                               "[keyring]\ndisplay-name=login\nctime=0\nmtime=0\n"
                               "lock-on-idle=false\nlock-after=false\n"));
    QVERIFY(testing::writeFile(keyrings + QStringLiteral("/default"), "login"));
    m_keyring.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                    {QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                     QStringLiteral("--components=secrets")});
    QVERIFY2(m_keyring.waitForStarted(),
             "gnome-keyring-daemon is needed (packaging/install-deps.sh)");
    m_keyring.closeWriteChannel();
    QString why;
    QTRY_VERIFY_WITH_TIMEOUT(keychain::available(&why), 10000);
    QString error;
    QVERIFY2(testing::makeIrisService(m_dir.path(), &m_iris, &error), qPrintable(error));
}

void TestServiceKeys::cleanupTestCase()
{
    run({QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("web")});
    m_keyring.terminate();
    m_keyring.waitForFinished();
    m_bus.kill();
    m_bus.waitForFinished();
}

// Files outside the keyring's own store that hold `key` in plain text.
QStringList TestServiceKeys::filesHolding(const QString &key) const
{
    QStringList found;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(QStringLiteral("/keyrings/"))) // the keychain's own (test) store
            continue;
        QFile f(file);
        if (f.size() < 10 * 1024 * 1024 && f.open(QIODevice::ReadOnly)
            && f.readAll().contains(key.toLatin1()))
            found << file;
    }
    return found;
}

testing::MlwbResult TestServiceKeys::run(const QStringList &arguments, bool withBus)
{
    QProcessEnvironment env = testing::cliEnvironment(m_dir.path(), path(QStringLiteral("ws")));
    if (!withBus)
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return testing::runMlwb(arguments, env, m_dir.path());
}

void TestServiceKeys::keysGoToTheKeychainWithACopyForTheServer()
{
    ServiceKeys keys(*m_iris.workspace, QStringLiteral("blue"));
    QVERIFY(keys.inKeychain());
    QVERIFY2(keys.storedIn().contains(QStringLiteral("keychain")), qPrintable(keys.storedIn()));
    QString error;
    QVERIFY2(keys.create(&error), qPrintable(error));
    QString primary, secondary;
    QVERIFY2(
        ServiceKeys(*m_iris.workspace, QStringLiteral("blue")).read(&primary, &secondary, &error),
        qPrintable(error));
    QVERIFY(!primary.isEmpty() && primary != secondary);
    // Only the server's copy holds them, in the runtime folder, user-only.
    const QString copy = keys.filePath();
    QVERIFY2(copy.startsWith(path(QStringLiteral("xdg_runtime_dir"))), qPrintable(copy));
    QCOMPARE(filesHolding(primary), QStringList{copy});
    QCOMPARE(QFile(copy).permissions() & 0x0077, QFileDevice::Permissions{});
    QVERIFY(!QFile::exists(path(QStringLiteral("xdg_config_home"))
                           + QStringLiteral("/tst_servicekeys/service-keys")));

    QVERIFY2(keys.regenerate(QStringLiteral("secondary"), &error), qPrintable(error));
    QString primary2, secondary2;
    QVERIFY2(keys.read(&primary2, &secondary2, &error), qPrintable(error));
    QCOMPARE(primary2, primary);
    QVERIFY(secondary2 != secondary);
    QCOMPARE(filesHolding(secondary2), QStringList{copy}); // the copy follows

    // A logout empties the runtime folder; the copy comes back from the keychain.
    QVERIFY(QFile::remove(copy));
    QVERIFY2(keys.ensureFile(&error), qPrintable(error));
    QFile again(copy);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(),
             (primary2 + QLatin1Char('\n') + secondary2 + QLatin1Char('\n')).toLatin1());

    QString warning;
    keys.remove(&warning);
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    QVERIFY(!QFile::exists(copy));
    QVERIFY(
        !ServiceKeys(*m_iris.workspace, QStringLiteral("blue")).read(&primary, &secondary, &error));
    QVERIFY2(error.contains(QStringLiteral("holds no keys for blue")), qPrintable(error));
}

void TestServiceKeys::aFileWhenAskedAndFileKeysStayInTheFile()
{
    qputenv("MLWB_KEY_STORE", "file");
    ServiceKeys keys(*m_iris.workspace, QStringLiteral("green"));
    QVERIFY(!keys.inKeychain());
    QString error;
    QVERIFY2(keys.create(&error), qPrintable(error));
    qunsetenv("MLWB_KEY_STORE");
    QVERIFY2(keys.filePath().startsWith(path(QStringLiteral("xdg_config_home"))),
             qPrintable(keys.filePath()));
    QCOMPARE(QFile(keys.filePath()).permissions() & 0x0077, QFileDevice::Permissions{});
    // The keychain is there now, but keys in a file stay in their file.
    const ServiceKeys later(*m_iris.workspace, QStringLiteral("green"));
    QVERIFY(!later.inKeychain());
    QVERIFY2(later.storedIn().contains(QStringLiteral("only you can read it")),
             qPrintable(later.storedIn()));
    QString primary, secondary;
    QVERIFY2(later.read(&primary, &secondary, &error), qPrintable(error));
    QCOMPARE(filesHolding(primary), QStringList{keys.filePath()});
    keys.remove();
    QVERIFY(!QFile::exists(keys.filePath()));
}

void TestServiceKeys::cliServesWithKeychainKeys()
{
    testing::MlwbResult r;
    r = run({QStringLiteral("service"), QStringLiteral("deploy"), QStringLiteral("web"),
             QStringLiteral("--model"), QStringLiteral("iris:1"),
             QStringLiteral("--scoring-script"), m_iris.scoringScript, QStringLiteral("--auth"),
             QStringLiteral("key")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({QStringLiteral("service"), QStringLiteral("keys"), QStringLiteral("web"),
             QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject keys = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(keys.value(QStringLiteral("keychain")).toBool(), qPrintable(r.out));
    const QString primary = keys.value(QStringLiteral("primary")).toString();
    const QString copy = ServiceKeys(*m_iris.workspace, QStringLiteral("web")).filePath();
    QCOMPARE(filesHolding(primary), QStringList{copy});

    const QStringList call{QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
                           QStringLiteral("--data"),
                           QStringLiteral("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}")};
    r = run(call);
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("status 200")),
             qPrintable(r.out + r.err));
    r = run(call + QStringList{QStringLiteral("--key"), QStringLiteral("none")});
    QVERIFY2(r.out.contains(QStringLiteral("status 401")), qPrintable(r.out + r.err));

    // After a logout the runtime folder is empty: the server's copy comes back on start.
    r = run({QStringLiteral("service"), QStringLiteral("stop"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::remove(copy));
    r = run({QStringLiteral("service"), QStringLiteral("start"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(copy));
    r = run(call);
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("status 200")),
             qPrintable(r.out + r.err));

    // Where the keychain cannot be reached (an SSH login), the message says so.
    QVERIFY(QFile::rename(copy, copy + QStringLiteral(".away")));
    r = run({QStringLiteral("service"), QStringLiteral("keys"), QStringLiteral("web")}, false);
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(QStringLiteral("keychain")) && r.err.contains(QStringLiteral("D-Bus")),
             qPrintable(r.err));
    QVERIFY(QFile::rename(copy + QStringLiteral(".away"), copy));

    r = run({QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QFile::exists(copy));
    QString secondary, p, error;
    QVERIFY(!ServiceKeys(*m_iris.workspace, QStringLiteral("web")).read(&p, &secondary, &error));
}

QTEST_GUILESS_MAIN(TestServiceKeys)
#include "tst_servicekeys.moc"
