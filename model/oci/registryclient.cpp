#include "oci/registryclient.h"

#include "store/storagemedium.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

const int attempts = 3; // a dropped connection is retried this many times in all

QString sha256Of(const QByteArray &bytes)
{
    return QStringLiteral("sha256:")
           + QString::fromLatin1(
               QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The messages of a registry's {"errors": [{"code", "message", "detail"}]} body.
QString registryMessage(const QByteArray &body)
{
    QStringList messages;
    const QJsonArray errors =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &e : errors) {
        const QJsonObject o = e.toObject();
        const QString code = o.value(QStringLiteral("code")).toString();
        const QString message = o.value(QStringLiteral("message")).toString();
        messages << (code.isEmpty() ? message : code + QStringLiteral(": ") + message);
    }
    if (messages.isEmpty() && !body.isEmpty() && body.size() < 300)
        messages << QString::fromUtf8(body).trimmed();
    return messages.join(QStringLiteral("; "));
}

} // namespace

RegistryClient::RegistryClient(const RegistryReference &reference, bool tlsVerify)
    : m_ref(reference)
    , m_tlsVerify(tlsVerify)
    , m_scheme(reference.isLoopback() ? QStringLiteral("http") : QStringLiteral("https"))
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    const qint64 chunk = qEnvironmentVariableIntValue("MLWB_REGISTRY_CHUNK_BYTES");
    if (chunk > 0)
        m_chunkSize = chunk; // tests make small blobs go in chunks
}

QUrl RegistryClient::url(const QString &path) const
{
    // Docker Hub is named docker.io but served from registry-1.docker.io.
    const QString host = m_ref.registry == QLatin1String("docker.io")
                             ? QStringLiteral("registry-1.docker.io")
                             : m_ref.registry;
    return QUrl(m_scheme + QStringLiteral("://") + host + path);
}

RegistryResponse RegistryClient::sendOnce(const QByteArray &verb, const QUrl &url,
                                          const QMap<QByteArray, QByteArray> &headers,
                                          QIODevice *body, const Sink &sink)
{
    ++m_requests;
    QNetworkRequest request(url);
    request.setTransferTimeout(60000);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (body) {
        body->seek(0);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
    }
    QNetworkReply *reply =
        verb == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, verb, body);
#ifndef QT_NO_SSL
    if (!m_tlsVerify)
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
#endif
    RegistryResponse r;
    r.url = url;
    bool sinkFailed = false;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        if (sink && status >= 200 && status < 300) {
            if (!sinkFailed && !sink(data)) {
                sinkFailed = true;
                reply->abort();
            }
        } else {
            r.body += data;
        }
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray rest = reply->readAll();
    if (sink && r.status >= 200 && r.status < 300 && !sinkFailed)
        sinkFailed = !sink(rest);
    else
        r.body += rest;
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    // Codes below 200 are transport failures (refused, closed, timed out, TLS);
    // above are HTTP answers, which carry a status.
    const QNetworkReply::NetworkError code = reply->error();
    if (code != QNetworkReply::NoError && code < 200
        && code != QNetworkReply::OperationCanceledError) {
        r.networkFailed = true;
        r.networkError = reply->errorString();
        if (code == QNetworkReply::RemoteHostClosedError || r.status != 0)
            r.networkError = tr("the connection was dropped (%1)").arg(reply->errorString());
    }
    if (sinkFailed) {
        r.networkFailed = true;
        r.networkError = tr("the data could not be written");
    }
    reply->deleteLater();
    return r;
}

RegistryResponse RegistryClient::send(const QByteArray &verb, const QUrl &url,
                                      const QMap<QByteArray, QByteArray> &headers, QIODevice *body,
                                      const Sink &sink)
{
    const auto withAuth = [&] {
        QMap<QByteArray, QByteArray> h = headers;
        if (!m_authorization.isEmpty())
            h.insert("Authorization", m_authorization);
        return h;
    };
    RegistryResponse r = sendOnce(verb, url, withAuth(), body, sink);
    if (r.status == 401 && authorize(r, &m_authError))
        r = sendOnce(verb, url, withAuth(), body, sink);
    return r;
}

void RegistryClient::setCredentials(const RegistryCredentials &credentials)
{
    m_credentials = credentials;
    m_credentialsLoaded = true;
}

QString RegistryClient::credentialsHint() const
{
    if (m_credentials.isEmpty())
        return tr("no credentials for %1 were found in %2; log in with `podman login %1`")
            .arg(m_ref.registry, RegistryAuthFiles::candidates().join(QStringLiteral(", ")));
    return tr("the credentials for %1 from %2 were refused")
        .arg(m_ref.registry, m_credentials.source);
}

bool RegistryClient::authorize(const RegistryResponse &challenge, QString *error)
{
    if (!m_credentialsLoaded) {
        m_credentials = RegistryAuthFiles::find(m_ref.registry);
        m_credentialsLoaded = true;
    }
    const AuthChallenge c = AuthChallenge::parse(challenge.header("www-authenticate"));
    const QByteArray basic =
        "Basic "
        + (m_credentials.user + QLatin1Char(':') + m_credentials.password).toUtf8().toBase64();
    if (c.scheme == QLatin1String("basic")) {
        if (m_credentials.isEmpty() || m_authorization == basic) {
            *error = credentialsHint();
            return false;
        }
        m_authorization = basic;
        return true;
    }
    if (c.scheme != QLatin1String("bearer") || c.params.value(QStringLiteral("realm")).isEmpty()) {
        *error = tr("the registry asks for an authentication scheme this client does not speak "
                    "(%1)")
                     .arg(QString::fromLatin1(challenge.header("www-authenticate")));
        return false;
    }
    QUrl realm(c.params.value(QStringLiteral("realm")));
    QUrlQuery query(realm);
    for (const char *key : {"service", "scope"})
        if (c.params.contains(QLatin1String(key)))
            query.addQueryItem(QLatin1String(key), c.params.value(QLatin1String(key)));
    realm.setQuery(query);
    QMap<QByteArray, QByteArray> headers;
    if (!m_credentials.isEmpty())
        headers.insert("Authorization", basic);
    const RegistryResponse t = sendOnce("GET", realm, headers, nullptr, {});
    if (t.status != 200) {
        *error =
            t.networkFailed
                ? tr("the token service %1 cannot be reached: %2").arg(realm.host(), t.networkError)
            : t.status == 401 || t.status == 403 ? credentialsHint()
                                                 : tr("the token service answered %1: %2")
                                                       .arg(t.status)
                                                       .arg(registryMessage(t.body));
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(t.body).object();
    QString token = o.value(QStringLiteral("token")).toString();
    if (token.isEmpty())
        token = o.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty()) {
        *error = tr("the token service %1 sent no token").arg(realm.host());
        return false;
    }
    m_authorization = "Bearer " + token.toUtf8();
    return true;
}

QString RegistryClient::failure(const RegistryResponse &r, const QString &what) const
{
    const QString host = m_ref.registry;
    if (r.networkFailed)
        return r.status == 0 && !r.networkError.startsWith(tr("the connection was dropped"))
                   ? tr("Cannot reach the registry %1 while %2: %3").arg(host, what, r.networkError)
                   : tr("The registry %1 failed while %2: %3").arg(host, what, r.networkError);
    const QString message = registryMessage(r.body);
    switch (r.status) {
    case 401:
        return tr("The registry %1 refused access while %2: %3")
            .arg(host, what, m_authError.isEmpty() ? credentialsHint() : m_authError);
    case 403:
        return tr("The registry %1 denied access while %2 (%3): %4")
            .arg(host, what, credentialsHint(), message);
    case 404:
        return tr("Not found on %1 while %2: the repository %3 or the tag %4 does not exist (%5).")
            .arg(host, what, m_ref.repository, m_ref.manifestRef(), message);
    default:
        return tr("The registry %1 answered HTTP %2 while %3: %4")
            .arg(host)
            .arg(r.status)
            .arg(what, message.isEmpty() ? tr("no error message") : message);
    }
}

bool RegistryClient::ping(QString *error)
{
    RegistryResponse r = send("GET", url(QStringLiteral("/v2/")), {}, nullptr);
    if (r.networkFailed && !m_tlsVerify && m_scheme == QLatin1String("https")) {
        m_scheme = QStringLiteral("http"); // --tls-verify=false: a plain-http registry
        r = send("GET", url(QStringLiteral("/v2/")), {}, nullptr);
    }
    if (r.status == 200)
        return true;
    *error = failure(r, tr("checking it speaks the registry API v2"));
    return false;
}

bool RegistryClient::hasBlob(const QString &digest, bool *present, QString *error)
{
    const RegistryResponse r = send(
        "HEAD", url(QStringLiteral("/v2/%1/blobs/%2").arg(m_ref.repository, digest)), {}, nullptr);
    if (r.status == 200 || r.status == 404) {
        *present = r.status == 200;
        return true;
    }
    *error = failure(r, tr("checking for blob %1").arg(digest));
    return false;
}

bool RegistryClient::mountBlob(const QString &digest, const QString &fromRepository, bool *mounted,
                               QString *error)
{
    QUrl u = url(QStringLiteral("/v2/%1/blobs/uploads/").arg(m_ref.repository));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("mount"), digest);
    q.addQueryItem(QStringLiteral("from"), fromRepository);
    u.setQuery(q);
    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    const RegistryResponse r = send("POST", u, {}, &empty);
    *mounted = r.status == 201;
    if (r.status == 201 || r.status == 202)
        return true; // 202: declined, an ordinary upload session was opened (left to expire)
    *error = failure(r, tr("mounting blob %1 from %2").arg(digest, fromRepository));
    return false;
}

bool RegistryClient::uploadBlob(const QString &digest, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read blob %1: %2").arg(digest, file.errorString());
        return false;
    }
    // The blob is mapped, not read: pages come from the file as they are sent and
    // are never copied into memory whole. Qt sends a QBuffer in large slices, a
    // QFile in small reads (several times slower), so the map is wrapped in one.
    const qint64 size = file.size();
    uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    QBuffer view;
    if (mapped) {
        view.setData(QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size));
        view.open(QIODevice::ReadOnly);
    }
    QIODevice *body = mapped ? static_cast<QIODevice *>(&view) : &file;
    RegistryResponse r;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        QBuffer empty;
        empty.open(QIODevice::ReadOnly);
        r = send("POST", url(QStringLiteral("/v2/%1/blobs/uploads/").arg(m_ref.repository)), {},
                 &empty);
        if (r.status != 202) {
            if (r.networkFailed && attempt < attempts && r.status != 0)
                continue;
            *error = failure(r, tr("starting the upload of blob %1").arg(digest));
            return false;
        }
        const QUrl location = r.url.resolved(QUrl::fromEncoded(r.header("location")));
        // Large blobs go in chunks, so a dropped connection resumes where the
        // registry got to instead of starting over; small ones in one PUT.
        if (mapped && size > m_chunkSize) {
            if (uploadChunks(location, view.data(), digest, &r))
                return true;
            break; // uploadChunks retries by itself
        }
        r = send("PUT", withDigest(location, digest),
                 {{"Content-Type", "application/octet-stream"}}, body);
        if (r.status == 201)
            return true;
        if (!r.networkFailed)
            break;
    }
    *error = failure(r, tr("sending blob %1").arg(digest))
             + (r.networkFailed ? tr(" (tried %1 times)").arg(attempts) : QString());
    return false;
}

QUrl RegistryClient::withDigest(QUrl location, const QString &digest)
{
    QUrlQuery q(location);
    q.addQueryItem(QStringLiteral("digest"), digest);
    location.setQuery(q);
    return location;
}

bool RegistryClient::uploadChunks(QUrl location, const QByteArray &data, const QString &digest,
                                  RegistryResponse *r)
{
    qint64 offset = 0;
    int failures = 0;
    while (offset < data.size()) {
        const qint64 length = std::min<qint64>(m_chunkSize, data.size() - offset);
        QBuffer chunk;
        chunk.setData(QByteArray::fromRawData(data.constData() + offset, length));
        chunk.open(QIODevice::ReadOnly);
        *r = send("PATCH", location,
                  {{"Content-Type", "application/octet-stream"},
                   {"Content-Range",
                    QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1)}},
                  &chunk);
        if (r->status == 202) {
            location = r->url.resolved(QUrl::fromEncoded(r->header("location")));
            offset += length;
            continue;
        }
        // 416: the registry holds a different amount than we think (a chunk it took
        // before the connection dropped); ask it, like after a drop.
        if ((!r->networkFailed && r->status != 416) || ++failures >= attempts)
            return false;
        // Ask how far the registry got ("Range: 0-LAST") and go on from there.
        const RegistryResponse status = send("GET", location, {}, nullptr);
        if (status.status != 204)
            return false;
        location = status.url.resolved(QUrl::fromEncoded(status.header("location")));
        const QByteArray range = status.header("range");
        offset = range.isEmpty() ? 0 : range.mid(range.indexOf('-') + 1).toLongLong() + 1;
    }
    QBuffer empty;
    empty.open(QIODevice::ReadOnly);
    *r = send("PUT", withDigest(location, digest), {}, &empty);
    return r->status == 201;
}

bool RegistryClient::putManifest(const QByteArray &bytes, const QString &mediaType,
                                 const QString &tagOrDigest, QString *digest, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const RegistryResponse r =
        send("PUT", url(QStringLiteral("/v2/%1/manifests/%2").arg(m_ref.repository, tagOrDigest)),
             {{"Content-Type", mediaType.toUtf8()}}, &buffer);
    if (r.status != 201 && r.status != 200) {
        *error = failure(r, tr("sending the manifest"));
        return false;
    }
    *digest = sha256Of(bytes);
    return true;
}

bool RegistryClient::getManifest(const QString &tagOrDigest, QByteArray *bytes, QString *mediaType,
                                 QString *error)
{
    const QByteArray accept = "application/vnd.oci.image.manifest.v1+json, "
                              "application/vnd.oci.image.index.v1+json, "
                              "application/vnd.docker.distribution.manifest.v2+json, "
                              "application/vnd.docker.distribution.manifest.list.v2+json";
    const RegistryResponse r =
        send("GET", url(QStringLiteral("/v2/%1/manifests/%2").arg(m_ref.repository, tagOrDigest)),
             {{"Accept", accept}}, nullptr);
    if (r.status != 200) {
        *error = failure(r, tr("fetching the manifest %1").arg(tagOrDigest));
        return false;
    }
    if (tagOrDigest.startsWith(QLatin1String("sha256:")) && sha256Of(r.body) != tagOrDigest) {
        *error = tr("The manifest %1 from %2 does not match its digest (got %3).")
                     .arg(tagOrDigest, m_ref.registry, sha256Of(r.body));
        return false;
    }
    *bytes = r.body;
    *mediaType =
        QString::fromLatin1(r.header("content-type")).section(QLatin1Char(';'), 0, 0).trimmed();
    if (mediaType->isEmpty() || mediaType->startsWith(QLatin1String("application/json")))
        *mediaType =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("mediaType")).toString();
    return true;
}

bool RegistryClient::downloadBlob(const QString &digest, qint64 size, const QString &path,
                                  QString *error)
{
    RegistryResponse r;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 received = 0;
        QString writeError;
        const Sink sink = [&](const QByteArray &data) {
            hash.addData(data);
            received += data.size();
            return storage::writeAll(file, data, &writeError);
        };
        r = send("GET", url(QStringLiteral("/v2/%1/blobs/%2").arg(m_ref.repository, digest)), {},
                 nullptr, sink);
        file.close();
        if (!writeError.isEmpty()) { // a full disk is the disk, not the registry
            QFile::remove(path);
            *error = tr("Cannot write %1: %2").arg(path, writeError);
            return false;
        }
        if (r.status == 200 && !r.networkFailed && size >= 0 && received < size) {
            // Qt may report a connection closed early as a short, successful reply.
            r.networkFailed = true;
            r.networkError =
                tr("the connection was dropped after %1 of %2 bytes").arg(received).arg(size);
        }
        if (r.status == 200 && !r.networkFailed) {
            const QString got =
                QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex());
            if (got == digest && (size < 0 || received == size))
                return true;
            QFile::remove(path);
            *error = tr("Blob %1 from %2 is corrupt: %3 bytes with digest %4 (expected %5 bytes).")
                         .arg(digest, m_ref.registry)
                         .arg(received)
                         .arg(got)
                         .arg(size);
            return false;
        }
        QFile::remove(path);
        if (!r.networkFailed || r.status == 0)
            break;
    }
    *error =
        failure(r, tr("downloading blob %1").arg(digest))
        + (r.networkFailed && r.status != 0 ? tr(" (tried %1 times)").arg(attempts) : QString());
    return false;
}

} // namespace mlwb::oci
