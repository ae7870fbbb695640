#pragma once

#include "store/types.h"

#include <QTabWidget>

class QPlainTextEdit;
class QTreeWidget;

namespace mlwb {

class Workspace;

/// The bottom dock: long-running tasks from the workspace's `tasks` table
/// (shared with the CLI and run supervisors) and a log of messages and errors.
class TasksPanel : public QTabWidget
{
    Q_OBJECT
public:
    explicit TasksPanel(QWidget *parent = nullptr);

    /// The workspace whose tasks to list (not owned; nullptr: none).
    void setWorkspace(const Workspace *workspace);
    /// Reads the task list again.
    void reload();
    void logMessage(const QString &message);
    void logError(const QString &message);
    QString logText() const;
    int taskCount() const;

private:
    static QString stateText(Task::State state);
    static QString kindText(const QString &kind);
    static QString titleText(const Task &t);
    void append(const QString &message, bool error);
    void showTaskMenu(const QPoint &pos);

    const Workspace *m_workspace = nullptr;
    QTreeWidget *m_tasks;
    QPlainTextEdit *m_log;
};

} // namespace mlwb
