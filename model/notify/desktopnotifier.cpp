#include "notify/desktopnotifier.h"

#include "runs/durationtext.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace mlwb {

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");

QString kindText(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::Run:
        return DesktopNotifier::tr("Run");
    case NotificationKind::ImageBuild:
        return DesktopNotifier::tr("Image build");
    case NotificationKind::Registration:
        return DesktopNotifier::tr("Registration");
    case NotificationKind::Deployment:
        return DesktopNotifier::tr("Deployment");
    }
    return QString();
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    connectSignals();
}

void DesktopNotifier::connectSignals()
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
}

QString DesktopNotifier::settingsKey(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::Run:
        return QStringLiteral("notifications/runs");
    case NotificationKind::ImageBuild:
        return QStringLiteral("notifications/imageBuilds");
    case NotificationKind::Registration:
        return QStringLiteral("notifications/registrations");
    case NotificationKind::Deployment:
        return QStringLiteral("notifications/deployments");
    }
    return QString();
}

QString DesktopNotifier::summary(const Outcome &outcome)
{
    return tr("%1 %2: %3").arg(kindText(outcome.kind), outcome.name, outcome.status);
}

QString DesktopNotifier::body(const Outcome &outcome)
{
    if (outcome.durationMs < 0)
        return tr("%1 after an unknown time").arg(outcome.status);
    return tr("%1 after %2").arg(outcome.status, durationText(outcome.durationMs));
}

bool DesktopNotifier::notify(const Outcome &outcome, QString *error)
{
    if (!m_bus.isConnected()) {
        if (error)
            *error = tr("No D-Bus session bus: %1").arg(m_bus.lastError().message());
        return false;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("desktop-entry"), QStringLiteral("mlwb")},
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(outcome.failed ? 2 : 1))}};
    call << QStringLiteral("ML Workbench") << uint(0) << QStringLiteral("mlwb") << summary(outcome)
         << body(outcome) << QStringList{QStringLiteral("default"), tr("Show")} << hints << int(-1);
    // Asynchronous: a slow or missing service never holds up the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, outcome](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                if (!reply.isError())
                    m_shown.insert(reply.value(), outcome);
                w->deleteLater();
            });
    return true;
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &action)
{
    const auto it = m_shown.constFind(notificationId);
    if (it == m_shown.cend() || action != QLatin1String("default"))
        return;
    Q_EMIT activated(it->kind, it->id);
}

void DesktopNotifier::onClosed(uint notificationId, uint)
{
    m_shown.remove(notificationId);
}

} // namespace mlwb
