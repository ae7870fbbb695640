// Desktop notifications on a real D-Bus: the test starts its own session bus
// (dbus-daemon), registers a fake org.freedesktop.Notifications server on it
// that records each call, and checks what the app sends and what a click does.
#include "notify/desktopnotifier.h"
#include "sessionbus.h"
#include "store/workspace.h"
#include "window/appsettings.h"
#include "window/documentarea.h"
#include "window/mainwindow.h"
#include "window/notifications.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

namespace {

const QString serviceName = QStringLiteral("org.freedesktop.Notifications");

/// The desktop's notification server, as far as the app uses it.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        uint id;
        QString app, icon, summary, body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &app, uint, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({uint(calls.size() + 1), app, icon, summary, body, actions, hints});
        return uint(calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void notifyCarriesNameStatusDuration();
    void clickComesBackAsActivated();
    void noServiceNothingFails();
    void runEndingInBackgroundNotifies();
    void switchedOffKindIsQuiet();
    void windowInFrontIsQuiet();

private:
    void finishRun(const QString &uid, const QString &name, const QString &status);
    QAction *action(QWidget *window, const QString &name) const;

    QProcess m_daemon;
    QString m_address;
    FakeNotificationServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
};

void TestNotifications::initTestCase()
{
    m_address = testing::startSessionBus(m_daemon);
    QVERIFY2(!m_address.isEmpty(), "no session bus: dbus-daemon is needed");
    QDBusConnection server = QDBusConnection::connectToBus(m_address, QStringLiteral("server"));
    QVERIFY2(server.isConnected(), qPrintable(server.lastError().message()));
    QVERIFY(
        server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_server,
                              QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(server.registerService(serviceName));
}

void TestNotifications::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("server"));
    m_daemon.kill();
    m_daemon.waitForFinished();
}

void TestNotifications::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("MLWB_REGISTRY", QFile::encodeName(m_dir->filePath(QStringLiteral("registry.json"))));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    m_workspace = m_dir->filePath(QStringLiteral("ws"));
    QString error;
    QVERIFY2(Workspace::create(m_workspace, &error), qPrintable(error));
    m_server.calls.clear();
}

void TestNotifications::cleanup()
{
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    m_dir.reset();
}

// As a run supervisor in another process would: queued, then ended.
void TestNotifications::finishRun(const QString &uid, const QString &name, const QString &status)
{
    QSqlDatabase db =
        QSqlDatabase::contains(QStringLiteral("writer"))
            ? QSqlDatabase::database(QStringLiteral("writer"))
            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
    db.setDatabaseName(m_workspace + QStringLiteral("/workspace.db"));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT OR IGNORE INTO experiments(id, name, created_at) "
                                  "VALUES (1, 'exp', 0)")));
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO runs(uid, experiment_id, status, created_at, "
                                   "started_at, display_name) VALUES ('%1', 1, 'Running', 1, "
                                   "1700000000000, '%2')")
                        .arg(uid, name)),
             qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("UPDATE runs SET status = '%1', ended_at = 1700000065000 "
                                  "WHERE uid = '%2'")
                       .arg(status, uid)));
}

QAction *TestNotifications::action(QWidget *window, const QString &name) const
{
    return window->findChild<QAction *>(name);
}

void TestNotifications::notifyCarriesNameStatusDuration()
{
    DesktopNotifier notifier;
    Outcome outcome;
    outcome.id = 7;
    outcome.name = QStringLiteral("mnist-cnn");
    outcome.status = QStringLiteral("Failed");
    outcome.durationMs = 65000;
    outcome.failed = true;
    QString error;
    QVERIFY2(notifier.notify(outcome, &error), qPrintable(error));
    QTRY_COMPARE(m_server.calls.size(), 1);
    const auto &call = m_server.calls.first();
    QCOMPARE(call.app, QStringLiteral("ML Workbench"));
    QVERIFY2(call.summary.contains(QLatin1String("mnist-cnn")), qPrintable(call.summary));
    QVERIFY(call.summary.contains(QLatin1String("Failed")));
    QVERIFY2(call.body.contains(QLatin1String("1 min 05 s")), qPrintable(call.body));
    QCOMPARE(call.actions.value(0), QStringLiteral("default"));
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("mlwb"));
}

void TestNotifications::clickComesBackAsActivated()
{
    DesktopNotifier notifier;
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    Outcome outcome;
    outcome.kind = NotificationKind::Deployment;
    outcome.id = 42;
    outcome.name = QStringLiteral("scorer");
    outcome.status = QStringLiteral("Healthy");
    notifier.notify(outcome);
    QTRY_COMPARE(m_server.calls.size(), 1);
    QTest::qWait(100); // the reply with the notification's id arrives
    Q_EMIT m_server.ActionInvoked(m_server.calls.first().id, QStringLiteral("other"));
    Q_EMIT m_server.ActionInvoked(99, QStringLiteral("default")); // not ours
    Q_EMIT m_server.ActionInvoked(m_server.calls.first().id, QStringLiteral("default"));
    QTRY_COMPARE(activated.size(), 1);
    QTest::qWait(100);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).value<NotificationKind>(), NotificationKind::Deployment);
    QCOMPARE(activated.first().at(1).toLongLong(), 42);
}

void TestNotifications::noServiceNothingFails()
{
    // A bus where no notification server runs: the call goes nowhere, quietly.
    QDBusConnection server = QDBusConnection::connectToBus(m_address, QStringLiteral("server"));
    QVERIFY(server.unregisterService(serviceName));
    {
        DesktopNotifier notifier;
        Outcome outcome;
        outcome.name = QStringLiteral("r");
        outcome.status = QStringLiteral("Completed");
        QVERIFY(notifier.notify(outcome));
        QTest::qWait(300);
    }
    QVERIFY(server.registerService(serviceName));
    QCOMPARE(m_server.calls.size(), 0);
    // No bus at all: notify says why, nothing else happens.
    DesktopNotifier offline(QDBusConnection::connectToBus(
        QStringLiteral("unix:path=/nonexistent/bus"), QStringLiteral("offline")));
    QString error;
    QVERIFY(!offline.notify(Outcome(), &error));
    QVERIFY(!error.isEmpty());
}

void TestNotifications::runEndingInBackgroundNotifies()
{
    finishRun(QStringLiteral("old_1"), QStringLiteral("before"), QStringLiteral("Completed"));
    MainWindow window(m_workspace);
    QVERIFY(window.hasWorkspace());
    QVERIFY(!window.isActiveWindow());
    finishRun(QStringLiteral("run_2"), QStringLiteral("resnet-50"), QStringLiteral("Completed"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 1, 5000);
    const auto call = m_server.calls.first();
    QVERIFY2(call.summary.contains(QLatin1String("resnet-50")), qPrintable(call.summary));
    QVERIFY(call.body.contains(QLatin1String("Completed after 1 min 05 s")));
    QTest::qWait(500); // the run that ended before the window opened is no news
    QCOMPARE(m_server.calls.size(), 1);
    // A click brings the window forward on that run.
    QCOMPARE(window.documents()->runTabCount(), 0);
    Q_EMIT m_server.ActionInvoked(call.id, QStringLiteral("default"));
    QTRY_COMPARE(window.documents()->runTabCount(), 1);
    QVERIFY(window.isVisible());
}

void TestNotifications::switchedOffKindIsQuiet()
{
    MainWindow window(m_workspace);
    QAction *runs = action(&window, QStringLiteral("notifyRunsAction"));
    QVERIFY(runs);
    QVERIFY(runs->isChecked());
    QVERIFY(action(&window, QStringLiteral("notifyImageBuildsAction")));
    QVERIFY(action(&window, QStringLiteral("notifyDeploymentsAction")));
    runs->trigger();
    QCOMPARE(appSettings().value(QStringLiteral("notifications/runs")).toBool(), false);
    finishRun(QStringLiteral("quiet_1"), QStringLiteral("quiet"), QStringLiteral("Failed"));
    QTest::qWait(1500);
    QCOMPARE(m_server.calls.size(), 0);
    // Switched on again, the next run is told (so the quiet was the setting).
    runs->trigger();
    finishRun(QStringLiteral("loud_2"), QStringLiteral("loud"), QStringLiteral("Failed"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 1, 5000);
    QVERIFY(m_server.calls.first().summary.contains(QLatin1String("loud")));
    // Other kinds have their own switch.
    window.notifications()->setEnabled(NotificationKind::Deployment, false);
    Outcome deployment;
    deployment.kind = NotificationKind::Deployment;
    window.notifications()->ended(deployment);
    deployment.kind = NotificationKind::ImageBuild;
    window.notifications()->ended(deployment);
    QTRY_COMPARE(m_server.calls.size(), 2);
    QTest::qWait(300);
    QCOMPARE(m_server.calls.size(), 2);
}

void TestNotifications::windowInFrontIsQuiet()
{
    MainWindow window(m_workspace);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    finishRun(QStringLiteral("front_1"), QStringLiteral("front"), QStringLiteral("Completed"));
    QTest::qWait(1500);
    QCOMPARE(m_server.calls.size(), 0);
    window.showMinimized();
    finishRun(QStringLiteral("minimised_2"), QStringLiteral("minimised"),
              QStringLiteral("Completed"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 1, 5000);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
