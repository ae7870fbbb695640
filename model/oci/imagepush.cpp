#include "oci/imagepush.h"

#include "oci/imagestore.h"
#include "oci/registryclient.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace mlwb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mlwb::ImagePush", text);
}

// Which repository of a registry we last pushed each blob to, so a push to
// another repository there can mount it instead of sending it again.
// {"REGISTRY": {"sha256:...": "REPO"}}; a stale entry only costs a declined mount.
class PushedBlobs
{
public:
    explicit PushedBlobs(const Workspace &workspace)
        : m_path(workspace.path() + QStringLiteral("/registry-pushes.json"))
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadOnly))
            m_all = QJsonDocument::fromJson(file.readAll()).object();
    }
    QString repositoryOf(const QString &registry, const QString &digest) const
    {
        return m_all.value(registry).toObject().value(digest).toString();
    }
    void remember(const QString &registry, const QString &digest, const QString &repository)
    {
        QJsonObject blobs = m_all.value(registry).toObject();
        blobs.insert(digest, repository);
        m_all.insert(registry, blobs);
    }
    void save() const
    {
        QSaveFile file(m_path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(m_all).toJson(QJsonDocument::Compact));
            file.commit();
        }
    }

private:
    QString m_path;
    QJsonObject m_all;
};

bool readImage(const oci::ImageStore &store, const QString &image, oci::Descriptor *manifest,
               QByteArray *bytes, QList<oci::Descriptor> *blobs, QString *error)
{
    const auto found = store.find(image, error);
    if (!found)
        return false;
    *manifest = *found;
    if (!store.readBlob(*manifest, bytes, error))
        return false;
    const QJsonObject m = QJsonDocument::fromJson(*bytes).object();
    oci::Descriptor d;
    for (const QJsonValue &layer : m.value(QStringLiteral("layers")).toArray()) {
        if (!oci::Descriptor::fromJson(layer.toObject(), &d, error))
            return false;
        blobs->append(d);
    }
    if (!oci::Descriptor::fromJson(m.value(QStringLiteral("config")).toObject(), &d, error))
        return false;
    blobs->append(d);
    return true;
}

} // namespace

bool pushImage(const Workspace &workspace, const PushRequest &request,
               const oci::CancelCheck &canceled,
               const std::function<void(const QString &)> &progress, PushResult *result,
               QString *error)
{
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    oci::RegistryReference ref;
    if (!oci::RegistryReference::parse(request.destination, &ref, error))
        return false;
    if (!ref.digest.isEmpty()) {
        *error = tr("Push to a tag (REGISTRY/REPO:TAG), not to a digest.");
        return false;
    }
    const oci::ImageStore store(workspace.folder(Workspace::Folder::Images));
    oci::Descriptor manifest;
    QByteArray manifestBytes;
    QList<oci::Descriptor> blobs;
    if (!readImage(store, request.image, &manifest, &manifestBytes, &blobs, error))
        return false;

    oci::RegistryClient client(ref, request.tlsVerify);
    if (!request.credentials.isEmpty())
        client.setCredentials(request.credentials);
    if (!client.ping(error))
        return false;
    PushedBlobs pushed(workspace);
    PushResult r;
    for (const oci::Descriptor &blob : std::as_const(blobs)) {
        if (canceled && canceled()) {
            *error = tr("The push was canceled.");
            return false;
        }
        bool present = false;
        if (!client.hasBlob(blob.digest, &present, error))
            return false;
        if (present) {
            ++r.blobsSkipped;
            say(tr("Skipped %1 (%2 bytes): already in %3")
                    .arg(blob.digest)
                    .arg(blob.size)
                    .arg(ref.repository));
            continue;
        }
        const QString from = pushed.repositoryOf(ref.registry, blob.digest);
        if (!from.isEmpty() && from != ref.repository) {
            bool mounted = false;
            if (!client.mountBlob(blob.digest, from, &mounted, error))
                return false;
            if (mounted) {
                ++r.blobsSkipped;
                pushed.remember(ref.registry, blob.digest, ref.repository);
                say(tr("Mounted %1 from %2").arg(blob.digest, from));
                continue;
            }
        }
        const QString path = store.blobPath(blob.digest);
        if (!client.uploadBlob(blob.digest, path, error))
            return false;
        ++r.blobsSent;
        r.bytesSent += blob.size;
        pushed.remember(ref.registry, blob.digest, ref.repository);
        say(tr("Sent %1 (%2 bytes)").arg(blob.digest).arg(blob.size));
    }
    pushed.save();
    if (!client.putManifest(manifestBytes, manifest.mediaType, ref.tag, &r.manifestDigest, error))
        return false;
    r.bytesSent += manifestBytes.size();
    say(tr("Sent the manifest %1 as %2").arg(r.manifestDigest, ref.toString()));
    if (result)
        *result = r;
    return true;
}

} // namespace mlwb
