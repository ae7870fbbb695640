#include "compute/computetargetactions.h"

#include "compute/localtargetdialog.h"
#include "compute/sshtargetdialog.h"
#include "runs/runqueue.h"
#include "store/computetargets.h"
#include "store/workspace.h"

#include <QMessageBox>
#include <QThread>
#include <memory>

namespace mlwb {

ComputeTargetActions::ComputeTargetActions(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

ComputeTargetActions::~ComputeTargetActions()
{
    // A running QThread must not be destroyed; each probe ends by its timeouts.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void ComputeTargetActions::fail(const QString &title, const QString &message)
{
    Q_EMIT errorLogged(message);
    if (m_interactive)
        QMessageBox::warning(m_window, title, message);
}

void ComputeTargetActions::attach()
{
    if (!m_workspace)
        return;
    SshTargetDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ComputeTarget target = dialog.target();
    QString error;
    if (!ComputeTargets(*m_workspace).add(&target, &error))
        fail(tr("The VM was not attached"), error);
    else
        Q_EMIT messageLogged(tr("Attached compute target %1").arg(target.name));
}

void ComputeTargetActions::edit(Id targetId)
{
    if (!m_workspace)
        return;
    QString error;
    ComputeTargets targets(*m_workspace);
    const auto target = targets.find(targetId, &error);
    if (!target) {
        fail(tr("Edit Compute Target"),
             error.isEmpty() ? tr("This compute target no longer exists.") : error);
        return;
    }
    ComputeTarget edited;
    if (target->kind == ComputeTarget::Kind::Local) {
        LocalTargetDialog dialog(m_window);
        dialog.setTarget(*target);
        if (dialog.exec() != QDialog::Accepted)
            return;
        edited = dialog.target();
    } else {
        SshTargetDialog dialog(m_window);
        dialog.setTarget(*target);
        if (dialog.exec() != QDialog::Accepted)
            return;
        edited = dialog.target();
    }
    // A raised limit starts queued runs at once.
    if (!targets.update(edited, &error) || !RunQueue::dispatch(*m_workspace, edited.id, &error))
        fail(tr("The compute target was not changed"), error);
    else
        Q_EMIT messageLogged(tr("Updated compute target %1").arg(target->name));
}

void ComputeTargetActions::test(Id targetId)
{
    if (!m_workspace)
        return;
    QString error;
    const auto target = ComputeTargets(*m_workspace).find(targetId, &error);
    if (!target) {
        fail(tr("Test Connection"),
             error.isEmpty() ? tr("This compute target no longer exists.") : error);
        return;
    }
    if (target->kind != ComputeTarget::Kind::Ssh) {
        fail(tr("Test Connection"),
             tr("'%1' is this computer: there is no connection to test.").arg(target->name));
        return;
    }
    Q_EMIT messageLogged(tr("Testing the connection to %1…").arg(target->name));
    // The thread works on its own copies; ssh may take seconds.
    const ComputeTarget tested = *target;
    auto report = std::make_shared<SshReport>();
    QThread *thread =
        QThread::create([tested, report] { *report = SshProbe::test(tested, false); });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, report, name = tested.name] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        const QString text = report->text();
        if (report->ok)
            Q_EMIT messageLogged(tr("%1 is reachable:\n%2").arg(name, text));
        else
            Q_EMIT errorLogged(tr("%1 could not be tested: %2").arg(name, report->message));
        Q_EMIT testFinished(name, *report);
        if (!m_interactive)
            return;
        // Not modal: the user may go on working while reading it.
        auto *box = new QMessageBox(report->ok ? QMessageBox::Information : QMessageBox::Warning,
                                    tr("Test Connection: %1").arg(name),
                                    report->ok ? tr("%1 is reachable.").arg(name)
                                               : tr("%1 could not be reached.").arg(name),
                                    QMessageBox::Ok, m_window);
        box->setInformativeText(report->ok ? text : report->message);
        box->setDetailedText(text);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    thread->start();
}

bool ComputeTargetActions::detach(Id targetId)
{
    if (!m_workspace)
        return false;
    QString error;
    ComputeTargets targets(*m_workspace);
    const auto target = targets.find(targetId, &error);
    if (!target) {
        fail(tr("Detach Compute Target"),
             error.isEmpty() ? tr("This compute target no longer exists.") : error);
        return false;
    }
    // Refusals first: there is no point asking about what cannot be done.
    if (target->kind == ComputeTarget::Kind::Local || targets.activeRuns(target->id) != 0) {
        if (targets.remove(target->name, &error)) { // the runs ended meanwhile
            Q_EMIT messageLogged(tr("Detached compute target %1").arg(target->name));
            return true;
        }
        fail(tr("Detach Compute Target"), error);
        return false;
    }
    if (m_interactive
        && QMessageBox::question(m_window, tr("Detach Compute Target"),
                                 tr("Detach '%1'? Its runs stay in the workspace; the VM "
                                    "itself is not changed.")
                                     .arg(target->name))
               != QMessageBox::Yes)
        return false;
    if (!targets.remove(target->name, &error)) {
        fail(tr("Detach Compute Target"), error);
        return false;
    }
    Q_EMIT messageLogged(tr("Detached compute target %1").arg(target->name));
    return true;
}

} // namespace mlwb
