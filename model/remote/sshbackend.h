#pragma once

#include "remote/remoterun.h"
#include "remote/remotestream.h"
#include "remote/sshconnection.h"
#include "runs/targetbackend.h"

#include <QCoreApplication>
#include <functional>

namespace mlwb {

/// Runs on an attached Linux VM over the shared SSH connection: ships the
/// snapshot and the helper, starts the run detached on the VM, and copies
/// its log and metrics into the local run folder from the stored offsets,
/// so the rest of the app reads them as for a local run. They arrive over
/// one long-lived stream; a single poll bridges a lost stream. A restarted
/// supervisor finds the remote run through the `remote_pgid` file. A
/// dropped connection is retried with backoff.
class SshBackend : public TargetBackend
{
    Q_DECLARE_TR_FUNCTIONS(SshBackend)
public:
    SshBackend(const RunContext &context, const ComputeTarget &target);

    int pollIntervalMs() const override { return 200; }
    bool resume(QString *error) override;
    bool hasStarted() const override;
    bool prepare(QString *error) override;
    bool start(QString *error) override;
    Step poll(bool *ended, bool *more, QString *error) override;
    bool terminate() override;
    Step collect(QString *error) override;
    QString failureMessage(qint64 exitCode, bool timedOut) const override;

private:
    Step pollOnce(bool *ended, bool *more, QString *error);
    Step take(const RemoteRun::Poll &poll, bool *ended, bool more, QString *error);
    void startStream();
    SshResult withRetries(const std::function<SshResult()> &call, qint64 giveUpMs);
    bool store(const RemoteRun::Poll &poll, QString *error);
    bool storeLogOffset(QString *error);
    bool keepExitCode(const RemoteRun::Poll &poll, QString *error);
    SshResult fetchOutputs();
    RunConfig runConfig() const;
    QString spoolFile() const;
    QString streamScript();
    void keepEnvironment(const RemoteRun::Poll &poll);
    bool outputsFromStream();
    SshResult unpackStreamedOutputs();
    void removeRunFolder();
    QString remotePgidFile() const;

    RunContext m_context;
    SshConnection m_connection;
    RemoteRun m_remote;
    RemoteStream m_stream;
    QString m_sha;           // the snapshot shipped by prepare()
    QString m_helper, m_zip; // set when they go with the start, in one session
    qint64 m_logOffset = 0;  // log bytes copied (the store's)
    qint64 m_pgid = -1;      // on the target
    bool m_stopping = false;
    RemoteRun::Poll::Outputs m_outputs = RemoteRun::Poll::Outputs::NotYet; // from the stream
    QByteArray m_outputsTar;
    bool m_environmentKept = false; // stored, or asked of the VM once
    bool m_reached = false; // the VM answered once: later link failures are waited out
};

} // namespace mlwb
