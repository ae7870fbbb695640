#pragma once

#include "oci/registryauth.h"
#include "oci/registryreference.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>
#include <functional>

class QIODevice;

namespace mlwb::oci {

/// One HTTP exchange's outcome: the status (0 when no answer came) and,
/// for a failure, a sentence naming its cause.
struct RegistryResponse {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    bool networkFailed = false;           // no answer, or the connection dropped
    QString networkError;
    QUrl url;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

/// A blocking client for one repository of an OCI registry (distribution API
/// v2). Each call runs its own QEventLoop, so it works from the CLI and from
/// a GUI worker thread (create the client in the thread that uses it).
/// Handles anonymous access, HTTP Basic and the Bearer token dance from a
/// 401's WWW-Authenticate challenge, with credentials from the auth files.
///
/// Transport: loopback registries (127.x, localhost, ::1) are spoken to over
/// plain http, like docker's default insecure 127.0.0.0/8; any other host
/// over https. tlsVerify=false accepts self-signed certificates and falls
/// back to plain http when the host does not speak TLS.
class RegistryClient
{
public:
    RegistryClient(const RegistryReference &reference, bool tlsVerify);

    const RegistryReference &reference() const { return m_ref; }
    /// Credentials typed by the user (the Push dialog, --username): used
    /// instead of the auth files; `source` names where they came from.
    void setCredentials(const RegistryCredentials &credentials);
    /// GET /v2/: checks the registry answers and speaks API v2.
    bool ping(QString *error);
    /// HEAD on a blob: *present is set; false only on an error.
    bool hasBlob(const QString &digest, bool *present, QString *error);
    /// Tries a cross-repository mount; *mounted false means the registry
    /// declined (the upload then goes the ordinary way).
    bool mountBlob(const QString &digest, const QString &fromRepository, bool *mounted,
                   QString *error);
    /// Uploads a blob from a file, streamed: POST, then one PUT ?digest=, or for
    /// a blob over the chunk size (64 MiB; $MLWB_REGISTRY_CHUNK_BYTES) PATCH
    /// chunks, resumed from the registry's Range after a dropped connection.
    bool uploadBlob(const QString &digest, const QString &path, QString *error);
    /// Sends a manifest under the reference's tag; *digest is its sha256.
    bool putManifest(const QByteArray &bytes, const QString &mediaType, const QString &tagOrDigest,
                     QString *digest, QString *error);
    /// Fetches a manifest or index by tag or digest; checks it against a digest ref.
    bool getManifest(const QString &tagOrDigest, QByteArray *bytes, QString *mediaType,
                     QString *error);
    /// Downloads a blob into `path`, hashing as it arrives; a digest or size
    /// mismatch is an error and removes the file.
    bool downloadBlob(const QString &digest, qint64 size, const QString &path, QString *error);

    /// Requests sent so far (for tests and progress).
    int requestCount() const { return m_requests; }

private:
    using Sink = std::function<bool(const QByteArray &)>;
    RegistryResponse send(const QByteArray &verb, const QUrl &url,
                          const QMap<QByteArray, QByteArray> &headers, QIODevice *body,
                          const Sink &sink = {});
    RegistryResponse sendOnce(const QByteArray &verb, const QUrl &url,
                              const QMap<QByteArray, QByteArray> &headers, QIODevice *body,
                              const Sink &sink);
    bool authorize(const RegistryResponse &challenge, QString *error);
    bool uploadChunks(QUrl location, const QByteArray &data, const QString &digest,
                      RegistryResponse *r);
    static QUrl withDigest(QUrl location, const QString &digest);
    QUrl url(const QString &path) const;
    QString failure(const RegistryResponse &r, const QString &what) const;
    QString credentialsHint() const;

    RegistryReference m_ref;
    bool m_tlsVerify;
    QString m_scheme;
    QNetworkAccessManager m_network;
    QByteArray m_authorization; // the Authorization header value in use
    RegistryCredentials m_credentials;
    bool m_credentialsLoaded = false;
    QString m_authError; // why the last 401 could not be answered
    int m_requests = 0;
    qint64 m_chunkSize = 64LL << 20;
};

} // namespace mlwb::oci
