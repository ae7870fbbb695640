#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

namespace mlwb {

/// What a notification is about; each can be switched off on its own.
enum class NotificationKind { Run, ImageBuild, Registration, Deployment };

/// A long operation that ended: what the notification says, and the item
/// that clicking it brings forward.
struct Outcome {
    NotificationKind kind = NotificationKind::Run;
    qint64 id = 0; // the item's id in the workspace
    QString name;
    QString status;         // "Completed", "Failed", ...
    qint64 durationMs = -1; // unknown when negative
    bool failed = false;
};

/// Tells the desktop that a run (an image build, a registration, a
/// deployment) ended: org.freedesktop.Notifications over D-Bus, with a
/// "default" action, so a click on the notification comes back as
/// activated(). Calls are asynchronous, and where no notification service
/// runs nothing happens and nothing fails.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    /// On another bus (tests run their own).
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    /// Sends the notification; false (and why) when there is no bus to send it on.
    bool notify(const Outcome &outcome, QString *error = nullptr);
    /// The settings key that switches one kind off ("notifications/runs", ...).
    static QString settingsKey(NotificationKind kind);
    static QString summary(const Outcome &outcome);
    static QString body(const Outcome &outcome);

Q_SIGNALS:
    /// The user clicked the notification of this item.
    void activated(mlwb::NotificationKind kind, qint64 id);

private Q_SLOTS:
    void onActionInvoked(uint notificationId, const QString &action);
    void onClosed(uint notificationId, uint reason);

private:
    void connectSignals();

    QDBusConnection m_bus;
    QHash<uint, Outcome> m_shown; // by the server's notification id
};

} // namespace mlwb
