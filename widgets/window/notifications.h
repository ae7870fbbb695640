#pragma once

#include "notify/desktopnotifier.h"

#include <QObject>
#include <memory>

class QMenu;
class QWidget;

namespace mlwb {

class FinishedRuns;
class Workspace;

/// Tells the desktop when something the user waits for ends while the
/// window is in the background (not active, or minimised): runs, found in
/// the store when it changes, and image builds, registrations and
/// deployments, which call ended() themselves. Each kind can be switched
/// off in View > Notifications (kept in the app's settings).
class Notifications : public QObject
{
    Q_OBJECT
public:
    Notifications(QWidget *window, DesktopNotifier *notifier);
    ~Notifications() override;

    /// Watches another workspace; runs that ended before are not news.
    void setWorkspace(const Workspace *workspace);
    /// The store changed: tells about runs that ended since the last look.
    void workspaceChanged(const QStringList &topics);
    /// Something ended: notifies, unless the window is in front or the
    /// user switched this kind off.
    void ended(const Outcome &outcome);

    bool isEnabled(NotificationKind kind) const;
    void setEnabled(NotificationKind kind, bool enabled);
    /// The checkable "Notifications" menu, one entry per kind.
    QMenu *createMenu(QWidget *parent);

Q_SIGNALS:
    /// The user clicked a notification: the window is in front, show the item.
    void activated(mlwb::NotificationKind kind, qint64 id);
    void errorOccurred(const QString &message);

private:
    void bringForward(NotificationKind kind, qint64 id);

    QWidget *m_window;
    DesktopNotifier *m_notifier;
    std::unique_ptr<FinishedRuns> m_finishedRuns;
};

} // namespace mlwb
