#include "window/notifications.h"

#include "notify/finishedruns.h"
#include "window/appsettings.h"

#include <QMenu>
#include <QWidget>

namespace mlwb {

Notifications::Notifications(QWidget *window, DesktopNotifier *notifier)
    : QObject(window)
    , m_window(window)
    , m_notifier(notifier)
{
    connect(m_notifier, &DesktopNotifier::activated, this, &Notifications::bringForward);
}

Notifications::~Notifications() = default;

void Notifications::setWorkspace(const Workspace *workspace)
{
    m_finishedRuns.reset(workspace ? new FinishedRuns(*workspace) : nullptr);
}

void Notifications::workspaceChanged(const QStringList &topics)
{
    if (!m_finishedRuns || !topics.contains(QLatin1String("runs")))
        return;
    QString error;
    const QList<Outcome> outcomes = m_finishedRuns->takeNew(&error);
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
    for (const Outcome &outcome : outcomes)
        ended(outcome);
}

void Notifications::ended(const Outcome &outcome)
{
    const bool inFront = m_window->isActiveWindow() && !m_window->isMinimized();
    if (inFront || !isEnabled(outcome.kind))
        return;
    // No session bus is no error: the desktop just has no one to tell.
    m_notifier->notify(outcome);
}

bool Notifications::isEnabled(NotificationKind kind) const
{
    return appSettings().value(DesktopNotifier::settingsKey(kind), true).toBool();
}

void Notifications::setEnabled(NotificationKind kind, bool enabled)
{
    appSettings().setValue(DesktopNotifier::settingsKey(kind), enabled);
}

QMenu *Notifications::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Notifications"), parent);
    menu->setObjectName(QStringLiteral("notificationsMenu"));
    const struct {
        NotificationKind kind;
        QString text;
        const char *name;
    } entries[] = {
        {NotificationKind::Run, tr("When a &Run Ends"), "notifyRunsAction"},
        {NotificationKind::ImageBuild, tr("When an &Image Build Ends"), "notifyImageBuildsAction"},
        {NotificationKind::Registration, tr("When a Model &Registration Ends"),
         "notifyRegistrationsAction"},
        {NotificationKind::Deployment, tr("When a &Deployment Ends"), "notifyDeploymentsAction"},
    };
    for (const auto &entry : entries) {
        QAction *action = menu->addAction(entry.text);
        action->setObjectName(QLatin1String(entry.name));
        action->setCheckable(true);
        action->setChecked(isEnabled(entry.kind));
        const NotificationKind kind = entry.kind;
        connect(action, &QAction::toggled, this, [this, kind](bool on) { setEnabled(kind, on); });
    }
    return menu;
}

void Notifications::bringForward(NotificationKind kind, qint64 id)
{
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    Q_EMIT activated(kind, id);
}

} // namespace mlwb
