#pragma once

#include "store/endpoints.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <memory>

namespace mlwb {

class ChangeWatcher;
class EndpointProxy;
class Workspace;

/// Runs one endpoint's proxy in its own small detached process
/// (`mlwb-service-supervisor --endpoint NAME`), so the endpoint's URL outlives the
/// GUI and the CLI. It listens on the endpoint's stable port and follows
/// the store: a new traffic split (or a deployment's new port or key) is
/// applied in place, so requests in flight keep their deployment and none
/// is dropped; when the endpoint is deleted it closes the port and leaves.
/// One per endpoint: the port itself is the lock.
class EndpointSupervisor : public QObject
{
    Q_OBJECT
public:
    EndpointSupervisor(const Workspace &workspace, const QString &name, QObject *parent = nullptr);
    ~EndpointSupervisor() override;

    /// Serves until the endpoint is deleted. False (with the reason) when
    /// it cannot serve at all (no such endpoint, the port is taken).
    bool exec(QString *error);

    /// Starts the detached proxy process of `name` unless one runs.
    static bool start(const Workspace &workspace, const QString &name, QString *error);
    /// The pid of the running proxy of `name`, or 0 when none runs.
    static qint64 runningPid(const Workspace &workspace, const QString &name);
    /// Waits (at most `timeoutMs`) for the proxy of a deleted endpoint to
    /// leave, then ends it if it did not.
    static bool waitUntilGone(const Workspace &workspace, const QString &name, int timeoutMs,
                              QString *error);
    /// Starts proxies of endpoints whose process died (a kill, a reboot).
    static int reattach(const Workspace &workspace, QString *error);
    /// The endpoint's folder in the workspace (its pid file and log).
    static QString folder(const Workspace &workspace, const QString &name);
    /// The keys of an endpoint with key authentication (kept like a
    /// deployment's, outside the workspace).
    static QString keysName(const QString &name);

private:
    bool apply(QString *error);
    void reload();

    const Workspace &m_workspace;
    QString m_name;
    std::unique_ptr<EndpointProxy> m_proxy;
    std::unique_ptr<ChangeWatcher> m_watcher;
    QDateTime m_keysModified;
};

} // namespace mlwb
