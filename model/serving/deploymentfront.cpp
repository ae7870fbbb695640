#include "serving/deploymentfront.h"

#include "runs/processgroup.h"
#include "serving/deploymentfolder.h"
#include "serving/deploymentsupervisor.h"
#include "store/deployments.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <optional>

namespace mlwb {

namespace {

const qint64 maxHeadBytes = 64 * 1024;
const QByteArray endOfHead = QByteArrayLiteral("\r\n\r\n");

// What the front needs of a message head: its first line and how its body is framed.
struct Head {
    QByteArray firstLine;
    qint64 length = 0;
    bool hasLength = false;
    bool followable = true; // false: chunked, an upgrade: its end cannot be told
};

Head parseHead(const QByteArray &text)
{
    Head head;
    const QList<QByteArray> lines = text.split('\n');
    head.firstLine = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        if (name == "content-length") {
            head.length = value.toLongLong(&head.hasLength);
            head.followable = head.followable && head.hasLength && head.length >= 0;
        } else if ((name == "transfer-encoding" && value != "identity") || name == "upgrade") {
            head.followable = false;
        }
    }
    return head;
}

// One direction of a connection, followed message by message.
struct Framing {
    QByteArray head; // of the message being read, until its blank line
    qint64 bodyLeft = 0;
    bool atStart() const { return head.isEmpty() && bodyLeft == 0; }

    // Consumes data up to the end of the current head or body; returns how
    // many bytes, and sets *parsed when a head was completed.
    qint64 consume(const char *data, qint64 size, std::optional<Head> *parsed)
    {
        if (bodyLeft > 0) {
            const qint64 taken = std::min(bodyLeft, size);
            bodyLeft -= taken;
            return taken;
        }
        qint64 skipped = 0; // CRLFs between messages
        while (head.isEmpty() && skipped < size && (data[skipped] == '\r' || data[skipped] == '\n'))
            ++skipped;
        const qsizetype before = head.size();
        head.append(data + skipped, size - skipped);
        const qsizetype end = head.indexOf(endOfHead, std::max<qsizetype>(0, before - 3));
        if (end < 0) {
            if (head.size() > maxHeadBytes)
                *parsed = Head{QByteArray(), 0, false, false};
            return size;
        }
        head.truncate(end + endOfHead.size());
        *parsed = parseHead(head);
        const qint64 used = skipped + head.size() - before;
        head.clear();
        return used;
    }
};

} // namespace

struct DeploymentFront::Link {
    QTcpSocket *client = nullptr;
    QTcpSocket *backend = nullptr;
    int port = 0;
    Framing request, response;
    QList<bool> awaiting; // requests whose answer has not ended; true: a HEAD
    bool pinned = false;  // its messages cannot be followed: stays with its server
    bool discard = false; // the rest of a body its server answered without reading (413)
    QByteArray pending;   // for a server still being connected to

    bool idle() const
    {
        return !pinned && awaiting.isEmpty() && request.atStart() && response.atStart();
    }

    void followRequests(const QByteArray &data)
    {
        for (qint64 at = 0; at < data.size() && !pinned;) {
            std::optional<Head> head;
            at += request.consume(data.constData() + at, data.size() - at, &head);
            if (!head)
                continue;
            pinned = !head->followable;
            awaiting.append(head->firstLine.startsWith("HEAD "));
            request.bodyLeft = head->hasLength ? head->length : 0;
        }
    }

    void followResponses(const QByteArray &data)
    {
        for (qint64 at = 0; at < data.size() && !pinned;) {
            const bool inBody = response.bodyLeft > 0;
            std::optional<Head> head;
            at += response.consume(data.constData() + at, data.size() - at, &head);
            if (inBody && response.bodyLeft == 0 && !awaiting.isEmpty())
                awaiting.removeFirst();
            if (!head)
                continue;
            const int status = head->firstLine.split(' ').value(1).toInt();
            if (status >= 100 && status < 200 && status != 101)
                continue; // an interim answer: the real one follows
            if (awaiting.isEmpty() || status == 101) {
                pinned = true;
                continue;
            }
            if (awaiting.first() || status == 204 || status == 304) {
                awaiting.removeFirst();
                continue;
            }
            if (!head->followable || !head->hasLength) {
                pinned = true; // read until the server closes
                continue;
            }
            response.bodyLeft = head->length;
            if (head->length == 0)
                awaiting.removeFirst();
        }
    }
};

DeploymentFront::DeploymentFront(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QTcpServer>())
    , m_control(std::make_unique<QLocalServer>())
{
    connect(m_server.get(), &QTcpServer::newConnection, this, &DeploymentFront::accept);
    connect(m_control.get(), &QLocalServer::newConnection, this, &DeploymentFront::control);
}

DeploymentFront::~DeploymentFront()
{
    const QList<Link *> links = m_links.values();
    for (Link *link : links)
        drop(link);
}

QString DeploymentFront::controlPath(const QString &deploymentRoot)
{
    const QString inFolder = QDir(deploymentRoot).filePath(QStringLiteral("front.sock"));
    if (inFolder.toLocal8Bit().size() < 100) // a local socket's path is at most 107 bytes
        return inFolder;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    const QByteArray key =
        QCryptographicHash::hash(deploymentRoot.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(dir).filePath(
        QStringLiteral("mlwb-front-%1.sock").arg(QLatin1String(key.left(16))));
}

bool DeploymentFront::listen(int port, const QString &controlPath, QString *error)
{
    // As the scoring server's own: many callers connecting at once are queued, not dropped.
    m_server->setListenBacklogSize(128);
    if (!m_server->listen(QHostAddress::LocalHost, quint16(port))) {
        *error = tr("The deployment's front cannot listen on 127.0.0.1:%1: %2")
                     .arg(port)
                     .arg(m_server->errorString());
        return false;
    }
    QLocalServer::removeServer(controlPath); // one a killed front left behind
    m_control->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_control->listen(controlPath)) {
        *error = tr("The deployment's front cannot listen on %1: %2")
                     .arg(QDir::toNativeSeparators(controlPath), m_control->errorString());
        return false;
    }
    return true;
}

int DeploymentFront::busy(int port) const
{
    int n = 0;
    for (const Link *link : m_links)
        n += link->port == port && link->backend && !link->idle();
    return n;
}

void DeploymentFront::accept()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *link = new Link;
        link->client = client;
        m_links.insert(client, link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] { fromClient(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { drop(link); });
    }
}

void DeploymentFront::fromClient(Link *link)
{
    QByteArray data = link->client->readAll();
    if (link->discard) {
        const qint64 dropped = std::min<qint64>(link->request.bodyLeft, data.size());
        link->request.bodyLeft -= dropped;
        data.remove(0, dropped);
        link->discard = link->request.bodyLeft > 0;
    }
    if (data.isEmpty())
        return;
    // Between two requests a connection goes to the server the front points at now.
    if (link->idle() && (!link->backend || link->port != m_backend))
        connectBackend(link);
    if (!link->backend)
        return drop(link); // its server went away in the middle of a request
    link->followRequests(data);
    if (link->backend->state() == QAbstractSocket::ConnectedState)
        link->backend->write(data);
    else
        link->pending += data;
}

void DeploymentFront::connectBackend(Link *link)
{
    if (link->backend) {
        link->backend->disconnect(this);
        link->backend->close();
        link->backend->deleteLater();
    }
    auto *backend = new QTcpSocket(this);
    link->backend = backend;
    link->port = m_backend;
    link->response = Framing();
    connect(backend, &QTcpSocket::connected, this, [link, backend] {
        backend->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        backend->write(link->pending);
        link->pending.clear();
    });
    connect(backend, &QTcpSocket::readyRead, this, [this, link] { fromBackend(link); });
    connect(backend, &QTcpSocket::disconnected, this, [this, link] { backendClosed(link); });
    connect(backend, &QTcpSocket::errorOccurred, this, [this, link, backend] {
        if (backend->state() != QAbstractSocket::ConnectedState)
            backendClosed(link); // refused: no server listens there (yet)
    });
    backend->connectToHost(QHostAddress::LocalHost, quint16(m_backend));
}

void DeploymentFront::fromBackend(Link *link)
{
    const QByteArray data = link->backend->readAll();
    link->followResponses(data);
    link->client->write(data);
}

void DeploymentFront::backendClosed(Link *link)
{
    if (!link->backend)
        return;
    if (link->backend->bytesAvailable() > 0)
        fromBackend(link);
    const bool unanswered = !link->awaiting.isEmpty() && link->response.atStart();
    const bool answered = !link->pinned && link->awaiting.isEmpty() && link->response.atStart();
    link->backend->disconnect(this);
    link->backend->deleteLater();
    link->backend = nullptr;
    link->pending.clear();
    // A kept-alive connection the server closed: the next request opens
    // another. An answer before the whole body was read (413): the rest of
    // the body is dropped here, so the caller is not reset while it sends.
    if (answered && link->request.head.isEmpty()) {
        link->discard = link->request.bodyLeft > 0;
        return;
    }
    if (unanswered) {
        const QByteArray body = tr("{\"error\": \"the scoring server on port %1 did not answer\"}")
                                    .arg(link->port)
                                    .toUtf8();
        link->client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\n"
                            "Connection: close\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    link->client->disconnectFromHost(); // after what is written has gone out
}

void DeploymentFront::drop(Link *link)
{
    if (!m_links.remove(link->client))
        return;
    link->client->disconnect(this);
    link->client->deleteLater();
    if (link->backend) {
        link->backend->disconnect(this);
        link->backend->abort();
        link->backend->deleteLater();
    }
    delete link;
}

void DeploymentFront::control()
{
    while (QLocalSocket *socket = m_control->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QList<QByteArray> words = socket->readLine().trimmed().split(' ');
                const QByteArray verb = words.value(0);
                const int port = words.value(1).toInt();
                QByteArray answer = "unknown command";
                if (verb == "backend" && port > 0) {
                    setBackend(port);
                    answer = "ok";
                } else if (verb == "busy") {
                    answer = QByteArray::number(busy(port));
                } else if (verb == "ping") {
                    answer = QByteArray::number(QCoreApplication::applicationPid()) + ' '
                             + QByteArray::number(m_backend);
                } else if (verb == "quit") {
                    answer = "ok";
                    m_server->close(); // the port is free once the answer is out
                    QMetaObject::invokeMethod(QCoreApplication::instance(), "quit",
                                              Qt::QueuedConnection);
                }
                socket->write(answer + '\n');
                socket->flush();
            }
        });
    }
}

bool DeploymentFront::serve(const QString &workspacePath, const QString &name, QString *error)
{
    int port = 0, backend = 0;
    QString root;
    {
        // Read once: the front keeps no database open while it serves.
        const auto workspace = Workspace::open(workspacePath, error);
        const auto deployment =
            workspace ? Deployments(*workspace).find(name, error) : std::nullopt;
        if (!deployment)
            return false;
        port = deployment->port;
        const QString deployments = workspace->folder(Workspace::Folder::Deployments);
        root = DeploymentFolder(deployments, name).root();
        // A front started again while its server runs serves it at once.
        backend = int(processgroup::readNumber(DeploymentSupervisor::serverPortFile(
            DeploymentSupervisor::serverFolder(deployments, *deployment))));
    }
    DeploymentFront front;
    front.setBackend(std::max(0, backend));
    if (!front.listen(port, controlPath(root), error))
        return false;
    QCoreApplication::exec();
    return true;
}

bool DeploymentFront::command(const QString &controlPath, const QByteArray &line,
                              QByteArray *answer, QString *error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(controlPath);
    if (!socket.waitForConnected(timeoutMs)) {
        *error = tr("No front answers on %1: %2")
                     .arg(QDir::toNativeSeparators(controlPath), socket.errorString());
        return false;
    }
    socket.write(line + '\n');
    socket.waitForBytesWritten(timeoutMs);
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            *error = tr("The front on %1 did not answer '%2'.")
                         .arg(QDir::toNativeSeparators(controlPath), QString::fromUtf8(line));
            return false;
        }
    }
    *answer = socket.readLine().trimmed();
    return true;
}

} // namespace mlwb

// Its own moc: the small supervisor must not pull in every model class (and QtGui).
#include "moc_deploymentfront.cpp"
