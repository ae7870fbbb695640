#pragma once

#include "remote/sshprobe.h"
#include "store/types.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QThread;
class QWidget;

namespace mlwb {

class Workspace;

/// What the workbench does with compute targets from the tree's context
/// menu and the Compute menu: attach a Linux VM, edit it, test the
/// connection (off the GUI thread) and detach it. Messages go to the log
/// through the signals; when interactive, the user is asked before a
/// detach and sees refusals and test reports in message boxes.
class ComputeTargetActions : public QObject
{
    Q_OBJECT
public:
    /// `window` parents the dialogs and message boxes.
    explicit ComputeTargetActions(QWidget *window, QObject *parent = nullptr);
    /// Waits for connection tests still running (they end by their timeouts).
    ~ComputeTargetActions() override;

    /// The workspace acted on (not owned; nullptr: none).
    void setWorkspace(Workspace *workspace) { m_workspace = workspace; }
    /// Off: no confirmation and no message boxes, only the signals (tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isTesting() const { return !m_threads.isEmpty(); }

    /// Asks for a VM's settings and attaches it.
    void attach();
    /// Edits a target's settings: a VM's connection, this computer's concurrency.
    void edit(Id targetId);
    /// Tests the connection in the background; testFinished() tells.
    void test(Id targetId);
    /// Asks, then detaches; a refusal (`local`, unfinished runs) is shown.
    /// Returns whether the target was detached.
    bool detach(Id targetId);

Q_SIGNALS:
    void messageLogged(const QString &message);
    void errorLogged(const QString &message);
    void testFinished(const QString &targetName, const mlwb::SshReport &report);

private:
    void fail(const QString &title, const QString &message);

    QWidget *m_window;
    Workspace *m_workspace = nullptr;
    bool m_interactive = true;
    QList<QThread *> m_threads;
};

} // namespace mlwb
