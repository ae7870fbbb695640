#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <memory>

class QLocalServer;
class QTcpServer;
class QTcpSocket;

namespace mlwb {

/// The front of a deployment: its own small process that holds the public
/// port (the scoring URI the user has) and passes each connection's bytes
/// to the scoring server behind it, which listens on an internal port. It
/// follows HTTP/1.1 message boundaries (Content-Length) without buffering
/// bodies, so a keep-alive connection moves to a new server between two
/// requests: `service update` starts the new server, points the front at
/// it, and stops the old one once no request is in flight to it. It
/// outlives the deployment's supervisor, like the server does.
///
/// Its supervisor steers it over a local socket, one line each way:
/// `backend PORT` -> `ok`, `busy PORT` -> the connections with a request in
/// flight to PORT, `ping` -> `PID BACKEND`, `quit` -> `ok` and it leaves.
class DeploymentFront : public QObject
{
    Q_OBJECT
public:
    explicit DeploymentFront(QObject *parent = nullptr);
    ~DeploymentFront() override;

    /// Listens on 127.0.0.1:port and on the control socket; false with the reason.
    bool listen(int port, const QString &controlPath, QString *error);
    /// Where new requests go from now on; requests in flight keep their server.
    void setBackend(int port) { m_backend = port; }
    int backend() const { return m_backend; }
    /// Connections to `port` that are in the middle of a request.
    int busy(int port) const;

    /// The front process: listens on the deployment's port and serves until
    /// told to quit. False (with the reason) when it cannot start.
    static bool serve(const QString &workspacePath, const QString &name, QString *error);
    /// The control socket of a deployment's front, in its folder.
    static QString controlPath(const QString &deploymentRoot);
    /// Sends one command to a running front; its one-line answer, or false
    /// with the reason (no front listens there, it did not answer).
    static bool command(const QString &controlPath, const QByteArray &line, QByteArray *answer,
                        QString *error, int timeoutMs = 3000);

private:
    struct Link;
    void accept();
    void fromClient(Link *link);
    void fromBackend(Link *link);
    void connectBackend(Link *link);
    void backendClosed(Link *link);
    void drop(Link *link);
    void control();

    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<QLocalServer> m_control;
    QHash<QTcpSocket *, Link *> m_links; // by client socket
    int m_backend = 0;
};

} // namespace mlwb
