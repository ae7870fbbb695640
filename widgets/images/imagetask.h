#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace mlwb {

class Workspace;

/// One long image job (build, export, push) run on a worker thread with its
/// own workspace connection, recorded as a task in the store so the tasks
/// panel shows its progress lines and can cancel it, as it can the CLI's.
class ImageTask : public QObject
{
    Q_OBJECT
public:
    /// The job: returns true with a result text ("iris:3"), or false with the
    /// reason. `progress` adds a line to the task; `canceled` polls the store.
    using Job = std::function<bool(
        const Workspace &workspace, const std::function<void(const QString &)> &progress,
        const std::function<bool()> &canceled, QString *result, QString *error)>;

    /// Starts `job` as a task of `kind` titled `title`; deletes itself after
    /// emitting one of the signals.
    static ImageTask *start(const QString &workspacePath, const QString &kind, const QString &title,
                            Job job, QObject *parent);

Q_SIGNALS:
    void succeeded(const QString &result);
    /// The reason; `canceled` when the user asked it to stop.
    void failed(const QString &message, bool canceled);

private:
    using QObject::QObject;
};

} // namespace mlwb
