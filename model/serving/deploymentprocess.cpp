#include "serving/deploymentprocess.h"

#include "runs/processgroup.h"
#include "store/rows.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QFile>
#include <QSqlQuery>

namespace mlwb {

namespace {
const qint64 heartbeatFreshMs = 10000;
}

DeploymentProcess::DeploymentProcess(const Workspace &workspace, Id deploymentId)
    : m_db(workspace.database())
    , m_id(deploymentId)
{}

void DeploymentProcess::heartbeat(qint64 supervisorPid)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO deployment_process(deployment_id, supervisor_pid, heartbeat) VALUES (?, ?, ?) "
        "ON CONFLICT(deployment_id) DO UPDATE SET supervisor_pid = excluded.supervisor_pid, "
        "heartbeat = excluded.heartbeat"));
    q.addBindValue(m_id);
    q.addBindValue(supervisorPid);
    q.addBindValue(sql::now());
    q.exec(); // a missed beat is retried with the next one
}

qint64 DeploymentProcess::supervisorPid() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT supervisor_pid, heartbeat FROM deployment_process WHERE deployment_id = ?"));
    q.addBindValue(m_id);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return -1;
    return q.value(0).toLongLong();
}

bool DeploymentProcess::hasLiveSupervisor() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT supervisor_pid, heartbeat FROM deployment_process WHERE deployment_id = ?"));
    q.addBindValue(m_id);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return false;
    return sql::now() - q.value(1).toLongLong() < heartbeatFreshMs
           && processgroup::isAlive(q.value(0).toLongLong());
}

bool DeploymentProcess::setServer(qint64 pgid, QString *error)
{
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral("INSERT INTO deployment_process(deployment_id, server_pid, "
                                   "server_started) VALUES (?, ?, ?) ON CONFLICT(deployment_id) "
                                   "DO UPDATE SET server_pid = excluded.server_pid, "
                                   "server_started = excluded.server_started"),
                    {m_id, pgid, startTime(pgid)}, error);
}

qint64 DeploymentProcess::recordedServer() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT server_pid FROM deployment_process WHERE deployment_id = ?"));
    q.addBindValue(m_id);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return -1;
    return q.value(0).toLongLong();
}

qint64 DeploymentProcess::liveServer() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT server_pid, server_started FROM deployment_process WHERE deployment_id = ?"));
    q.addBindValue(m_id);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return -1;
    const qint64 pid = q.value(0).toLongLong();
    if (!processgroup::isAlive(pid) || startTime(pid) != q.value(1).toLongLong())
        return -1;
    return pid;
}

void DeploymentProcess::clearServer()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE deployment_process SET server_pid = NULL, server_started = "
                             "NULL WHERE deployment_id = ?"));
    q.addBindValue(m_id);
    q.exec();
}

qint64 DeploymentProcess::startTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    // After the parenthesised command name: state is field 3, starttime field 22.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
}

} // namespace mlwb
