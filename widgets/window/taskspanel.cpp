#include "window/taskspanel.h"

#include "store/tasks.h"

#include <QDateTime>
#include <QHeaderView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTimer>
#include <QTreeWidget>

namespace mlwb {

namespace {

constexpr qint64 routineShownMs = 5000;

bool isRoutine(const Task &t)
{
    return t.kind == QLatin1String("snapshot") && t.state == Task::State::Succeeded;
}

} // namespace

// Tasks are stored by whichever process ran them, in its language; kinds and
// states are codes, so they are translated here.
QString TasksPanel::stateText(Task::State state)
{
    switch (state) {
    case Task::State::Pending:
        return tr("Pending");
    case Task::State::Running:
        return tr("Running");
    case Task::State::Succeeded:
        return tr("Succeeded");
    case Task::State::Failed:
        return tr("Failed");
    case Task::State::Canceled:
        return tr("Canceled");
    }
    return stateName(state);
}

QString TasksPanel::kindText(const QString &kind)
{
    if (kind == QLatin1String("snapshot"))
        return tr("Snapshot");
    if (kind == QLatin1String("register"))
        return tr("Registration");
    if (kind == QLatin1String("image"))
        return tr("Image build");
    if (kind == QLatin1String("service-deploy"))
        return tr("Deployment");
    return kind;
}

// A snapshot task stores the project folder's name as its title.
QString TasksPanel::titleText(const Task &t)
{
    if (t.kind == QLatin1String("snapshot")
        && !t.title.startsWith(QLatin1String("Packing snapshot of "))) // older rows
        return tr("Packing snapshot of %1").arg(t.title);
    return t.title;
}

TasksPanel::TasksPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_tasks(new QTreeWidget(this))
    , m_log(new QPlainTextEdit(this))
{
    setDocumentMode(true);
    m_tasks->setObjectName(QStringLiteral("tasksList"));
    m_tasks->setRootIsDecorated(false);
    m_tasks->setUniformRowHeights(true);
    m_tasks->setHeaderLabels(
        {tr("Task"), tr("Kind"), tr("State"), tr("Progress"), tr("Message"), tr("Updated")});
    m_tasks->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tasks->header()->setStretchLastSection(true);
    m_tasks->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tasks, &QWidget::customContextMenuRequested, this, &TasksPanel::showTaskMenu);
    m_log->setObjectName(QStringLiteral("logView"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    addTab(m_tasks, tr("Tasks"));
    addTab(m_log, tr("Log"));
}

void TasksPanel::setWorkspace(const Workspace *workspace)
{
    m_workspace = workspace;
    reload();
}

void TasksPanel::reload()
{
    m_tasks->clear();
    if (!m_workspace)
        return;
    QString error;
    const QList<Task> tasks = Tasks(*m_workspace).list(false, &error);
    if (!error.isEmpty())
        return logError(error);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int shown = 0;
    for (const Task &t : tasks) {
        if (isRoutine(t)) {
            // A packed snapshot is routine: it stays a few seconds, failures stay.
            const qint64 age = t.updatedAt.msecsTo(now);
            if (age >= routineShownMs)
                continue;
            QTimer::singleShot(routineShownMs - age + 50, this, &TasksPanel::reload);
        }
        const QString progress =
            t.progress < 0 ? tr("…") : QStringLiteral("%1%").arg(qRound(t.progress * 100));
        auto *item = new QTreeWidgetItem(
            m_tasks, {titleText(t), kindText(t.kind), stateText(t.state), progress, t.message,
                      t.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))});
        item->setToolTip(4, t.message);
        item->setData(0, Qt::UserRole, t.id);
        item->setData(0, Qt::UserRole + 1,
                      t.state == Task::State::Running || t.state == Task::State::Pending);
        ++shown;
    }
    setTabText(0, shown == 0 ? tr("Tasks") : tr("Tasks (%1)").arg(shown));
}

// A long operation (packing a snapshot, ...) can be stopped from here; the
// process doing it checks the task's cancel flag in the store.
void TasksPanel::showTaskMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tasks->itemAt(pos);
    if (!item || !m_workspace)
        return;
    QMenu menu(this);
    QAction *cancel = menu.addAction(tr("Cancel Task"));
    cancel->setEnabled(item->data(0, Qt::UserRole + 1).toBool());
    if (menu.exec(m_tasks->viewport()->mapToGlobal(pos)) != cancel)
        return;
    QString error;
    if (!Tasks(*m_workspace).requestCancel(item->data(0, Qt::UserRole).toLongLong(), &error))
        logError(error);
    reload();
}

void TasksPanel::logMessage(const QString &message)
{
    append(message, false);
}

void TasksPanel::logError(const QString &message)
{
    append(message, true);
}

void TasksPanel::append(const QString &message, bool error)
{
    const QString stamp = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    const QString text = message.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_log->appendHtml(
        error ? QStringLiteral("<span style=\"color:#c62828\">%1 %2</span>").arg(stamp, text)
              : QStringLiteral("<span>%1 %2</span>").arg(stamp, text));
    if (error)
        setCurrentWidget(m_log);
}

QString TasksPanel::logText() const
{
    return m_log->toPlainText();
}

int TasksPanel::taskCount() const
{
    return m_tasks->topLevelItemCount();
}

} // namespace mlwb
