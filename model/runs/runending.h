#pragma once

#include "store/types.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace mlwb {

class MetricIngestor;
class MetricTail;

/// What local and remote run supervisors share about a run's process and
/// its end: the shell wrapper it runs in, and finishing the record.
class RunEnding
{
    Q_DECLARE_TR_FUNCTIONS(RunEnding)
public:
    /// The /bin/sh wrapper around the user's command ($MLWB_COMMAND): it
    /// writes $MLWB_RUN_DIR/pgid first and exit_code last, so whoever
    /// supervises later can finish the run. TERM is trapped (not ignored,
    /// which children would inherit) so it outlives a cancel long enough.
    /// With $MLWB_WAIT_FOR_SPACE set it waits until exit_code can be written
    /// (a full disk), so the run's true exit status is never lost.
    static const char *wrapperScript();
    /// Stores every complete metrics line written since *offset, in batches
    /// (each batch and its new offset in one transaction); once the process
    /// has ended, a last line without its newline too.
    static bool ingestAvailable(MetricTail &tail, MetricIngestor &ingestor, bool processEnded,
                                qint64 *offset, QString *error);
    /// Child runs the script never ended go down with their parent.
    static void endChildren(const QSqlDatabase &db, Id parentId, RunStatus parentStatus);
    /// Records that this process supervises the run and is alive; a missed
    /// beat only delays nothing, the next one retries.
    static void heartbeat(const QSqlDatabase &db, Id runId);
    /// True once a cancel was asked for (by the GUI, the CLI, a time limit).
    static bool cancelRequested(const QSqlDatabase &db, Id runId);
    static RunStatus finalStatus(qint64 exitCode, bool canceled);
    /// Why a run failed as stored (a RunReason code), with the last lines of
    /// its log. `where` names a remote host, or is empty for this computer.
    static QString failureMessage(qint64 exitCode, bool timedOut, int timeoutSeconds,
                                  const QString &command, const QString &where,
                                  const QString &logPath);
    /// The last `count` non-empty-ended lines of a log file.
    static QString lastLogLines(const QString &logPath, int count);
};

} // namespace mlwb
