#pragma once

#include "metrics/metricingestor.h"
#include "metrics/metrictail.h"
#include "remote/remoterun.h"
#include "remote/sshconnection.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "store/types.h"

#include <QCoreApplication>
#include <functional>
#include <memory>

namespace mlwb {

class DiskFullWait;
class Workspace;

/// The run supervisor for SSH targets (RunSupervisor hands over to it):
/// ships the snapshot and the helper, starts the run detached on the VM,
/// and copies its log and metrics into the local run folder from the
/// stored offsets, so the rest of the app reads them as for a local run.
/// Each stage is re-entrant: a restarted supervisor finds the remote run
/// through the `remote_pgid` file and resumes streaming where the store
/// says it stopped. A dropped connection is retried with backoff.
class RemoteRunSupervisor
{
    Q_DECLARE_TR_FUNCTIONS(RemoteRunSupervisor)
public:
    RemoteRunSupervisor(const Workspace &workspace, const Run &run, const ComputeTarget &target);
    ~RemoteRunSupervisor();

    void setPollInterval(int ms) { m_pollMs = ms; }
    /// Supervises the run to its end; false only when supervising itself failed.
    bool exec(QString *error);

private:
    bool load(QString *error);
    bool waitForSlot(QString *error);
    bool prepare(QString *error);
    void captureEnvironment(const RunConfig &config);
    bool watch(QString *error);
    bool finalize(QString *error);
    bool finalPoll(QString *error);
    QString finalMessage(qint64 code) const;
    SshResult withRetries(const std::function<SshResult()> &call, qint64 giveUpMs);
    SshResult pollOnce(RemoteRun::Poll *poll, bool *more);
    bool store(const RemoteRun::Poll &poll, QString *error);
    bool ingest(bool processEnded, QString *error);
    bool storeLogOffset(QString *error);
    bool keepExitCode(const RemoteRun::Poll &poll, QString *error);
    SshResult fetchOutputs();
    void stop();
    bool cancelRequested();
    void heartbeat();
    bool failRun(const QString &message, QString *error);
    RunStatus status();
    QString remotePgidFile() const;

    const Workspace &m_workspace;
    Run m_run;
    RunConfig m_config;
    SshConnection m_connection;
    RemoteRun m_remote;
    std::unique_ptr<RunFolder> m_folder;
    std::unique_ptr<MetricTail> m_tail;
    std::unique_ptr<MetricIngestor> m_ingestor;
    std::unique_ptr<DiskFullWait> m_diskFull;
    qint64 m_offset = 0;    // metrics ingested (the store's)
    qint64 m_logOffset = 0; // log bytes copied (the store's)
    qint64 m_pgid = -1;     // on the target
    int m_pollMs = 200;
    qint64 m_lastHeartbeat = 0;
    bool m_timedOut = false;
    bool m_stopping = false;
    bool m_reached = false; // the VM answered once: later link failures are waited out
};

} // namespace mlwb
