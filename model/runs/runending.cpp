#include "runs/runending.h"

#include "runs/runreason.h"

#include "metrics/metricingestor.h"
#include "metrics/metrictail.h"
#include "store/sqlerror.h"

#include <QFile>
#include <QSqlQuery>

namespace mlwb {

const char *RunEnding::wrapperScript()
{
    return "echo $$ > \"$MLWB_RUN_DIR/pgid.part\" && mv -f \"$MLWB_RUN_DIR/pgid.part\" "
           "\"$MLWB_RUN_DIR/pgid\"\n"
           "trap : TERM INT HUP\n"
           "/bin/sh -c \"$MLWB_COMMAND\"\n"
           "code=$?\n"
           "until echo $code > \"$MLWB_RUN_DIR/exit_code.part\" && mv -f "
           "\"$MLWB_RUN_DIR/exit_code.part\" \"$MLWB_RUN_DIR/exit_code\"; do\n"
           "  [ -n \"$MLWB_WAIT_FOR_SPACE\" ] && [ -d \"$MLWB_RUN_DIR\" ] || break\n"
           "  sleep 1\n"
           "done 2>/dev/null\n"
           "exit $code\n";
}

bool RunEnding::ingestAvailable(MetricTail &tail, MetricIngestor &ingestor, bool processEnded,
                                qint64 *offset, QString *error)
{
    const int batchLines = 50000;
    QList<MetricTail::Line> lines;
    tail.setWriterFinished(processEnded); // then a last line without its newline is complete
    do {
        lines.clear();
        qint64 next = *offset;
        if (!tail.readAvailable(*offset, batchLines, &lines, &next, error))
            return false;
        if (lines.isEmpty() && next == *offset)
            break;
        if (!ingestor.ingest(lines, next, error))
            return false;
        *offset = next;
    } while (lines.size() == batchLines);
    return true;
}

void RunEnding::endChildren(const QSqlDatabase &db, Id parentId, RunStatus parentStatus)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, ended_at = ? WHERE parent_id = ? AND "
                             "status NOT IN ('Completed', 'Failed', 'Canceled')"));
    q.addBindValue(statusName(parentStatus));
    q.addBindValue(sql::now());
    q.addBindValue(parentId);
    q.exec(); // best effort: the parent's own end is what must be stored
}

void RunEnding::heartbeat(const QSqlDatabase &db, Id runId)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO run_ingest(run_id, supervisor_pid, heartbeat) "
                       "VALUES (?, ?, ?) ON CONFLICT(run_id) DO UPDATE SET "
                       "supervisor_pid = excluded.supervisor_pid, heartbeat = excluded.heartbeat"));
    q.addBindValue(runId);
    q.addBindValue(QCoreApplication::applicationPid());
    q.addBindValue(sql::now());
    q.exec();
}

bool RunEnding::cancelRequested(const QSqlDatabase &db, Id runId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT cancel_requested FROM run_ingest WHERE run_id = ?"));
    q.addBindValue(runId);
    return q.exec() && q.next() && q.value(0).toBool();
}

RunStatus RunEnding::finalStatus(qint64 exitCode, bool canceled)
{
    if (canceled)
        return RunStatus::Canceled;
    return exitCode == 0 ? RunStatus::Completed : RunStatus::Failed;
}

QString RunEnding::failureMessage(qint64 exitCode, bool timedOut, int timeoutSeconds,
                                  const QString &command, const QString &where,
                                  const QString &logPath)
{
    QString reason;
    if (timedOut)
        reason = RunReason::timedOut(timeoutSeconds);
    else if (exitCode < 0)
        reason = RunReason::noExitCode(where);
    else if (exitCode == 127)
        reason = RunReason::commandNotFound(command, where);
    else
        reason = RunReason::exited(exitCode);
    return RunReason::withLog(reason, lastLogLines(logPath, 20));
}

QString RunEnding::lastLogLines(const QString &logPath, int count)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    log.seek(qMax<qint64>(0, log.size() - 8192));
    QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(qMax(0, int(lines.size()) - count)).join(QLatin1Char('\n'));
}

} // namespace mlwb
