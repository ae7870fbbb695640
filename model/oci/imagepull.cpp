#include "oci/imagepull.h"

#include "oci/registryclient.h"
#include "store/storagemedium.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>

#include <unistd.h>

namespace mlwb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mlwb::ImagePull", text);
}

QString hostArchitecture()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    return cpu; // arm64, riscv64, ... as OCI names them
}

bool isIndex(const QString &mediaType)
{
    return mediaType == oci::media::index
           || mediaType
                  == QLatin1String("application/vnd.docker.distribution.manifest.list.v2+json");
}

bool pickPlatform(const QByteArray &index, const QString &source, QString *digest, QString *error)
{
    const QString arch = hostArchitecture();
    QStringList offered;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(index).object().value(QStringLiteral("manifests")).toArray()) {
        const QJsonObject platform = v.toObject().value(QStringLiteral("platform")).toObject();
        const QString os = platform.value(QStringLiteral("os")).toString();
        const QString a = platform.value(QStringLiteral("architecture")).toString();
        if (os == QLatin1String("linux") && a == arch) {
            *digest = v.toObject().value(QStringLiteral("digest")).toString();
            return oci::isSha256Digest(*digest)
                   || (*error = tr("%1 lists a bad digest.").arg(source), false);
        }
        offered << os + QLatin1Char('/') + a;
    }
    *error = tr("%1 has no linux/%2 image (it has: %3).")
                 .arg(source, arch, offered.join(QStringLiteral(", ")));
    return false;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    QString reason;
    if (!file.open(QIODevice::WriteOnly))
        reason = file.errorString();
    else if (storage::writeAll(file, bytes, &reason))
        return true;
    *error = tr("Cannot write %1: %2").arg(path, reason);
    return false;
}

// Swaps the finished pull in place of the previous one.
bool replaceFolder(const QString &fresh, const QString &target, QString *error)
{
    const QString old = target + QStringLiteral(".old");
    QDir(old).removeRecursively();
    if (QFileInfo::exists(target) && !QDir().rename(target, old)) {
        *error = tr("Cannot replace %1.").arg(target);
        return false;
    }
    if (!QDir().rename(fresh, target)) {
        QDir().rename(old, target);
        *error = tr("Cannot move the pulled image to %1.").arg(target);
        return false;
    }
    QDir(old).removeRecursively();
    return true;
}

} // namespace

QString pulledBasePath(const Workspace &workspace, const QString &reference)
{
    oci::RegistryReference ref;
    QString ignored;
    if (!oci::RegistryReference::parse(reference, &ref, &ignored))
        return {};
    QString registry = ref.registry;
    registry.replace(QLatin1Char(':'), QLatin1Char('_'));
    QString tag = ref.manifestRef();
    tag.replace(QLatin1Char(':'), QLatin1Char('-'));
    return workspace.path() + QStringLiteral("/bases/") + registry + QLatin1Char('/')
           + ref.repository + QLatin1Char('/') + tag;
}

bool pullImage(const Workspace &workspace, const QString &reference, bool tlsVerify,
               const oci::CancelCheck &canceled,
               const std::function<void(const QString &)> &progress, PullResult *result,
               QString *error, const oci::RegistryCredentials &credentials)
{
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    oci::RegistryReference ref;
    if (!oci::RegistryReference::parse(reference, &ref, error))
        return false;
    const QString target = pulledBasePath(workspace, reference);
    const QString parent = QFileInfo(target).path();
    if (!QDir().mkpath(parent)) {
        *error = tr("Cannot create %1.").arg(parent);
        return false;
    }
    QTemporaryDir staging(parent + QStringLiteral("/.pull-XXXXXX"));
    const QString blobs = staging.path() + QStringLiteral("/blobs/sha256/");
    if (!staging.isValid() || !QDir().mkpath(blobs)) {
        *error = tr("Cannot create a staging folder in %1.").arg(parent);
        return false;
    }
    oci::RegistryClient client(ref, tlsVerify);
    if (!credentials.isEmpty())
        client.setCredentials(credentials);
    QByteArray bytes;
    QString mediaType;
    if (!client.ping(error) || !client.getManifest(ref.manifestRef(), &bytes, &mediaType, error))
        return false;
    if (isIndex(mediaType)) {
        QString digest;
        if (!pickPlatform(bytes, reference, &digest, error)
            || !client.getManifest(digest, &bytes, &mediaType, error))
            return false;
    }
    if (mediaType != oci::media::manifest && mediaType != oci::media::dockerManifest) {
        *error =
            tr("%1 is a %2, not an image manifest this client reads.").arg(reference, mediaType);
        return false;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(bytes).object();
    QList<oci::Descriptor> wanted;
    oci::Descriptor d;
    if (!oci::Descriptor::fromJson(manifest.value(QStringLiteral("config")).toObject(), &d, error))
        return false;
    wanted << d;
    for (const QJsonValue &layer : manifest.value(QStringLiteral("layers")).toArray()) {
        if (!oci::Descriptor::fromJson(layer.toObject(), &d, error))
            return false;
        wanted << d;
    }
    PullResult r;
    r.layout = target;
    r.manifestDigest =
        QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    for (const oci::Descriptor &blob : std::as_const(wanted)) {
        if (canceled && canceled()) {
            *error = tr("The pull was canceled.");
            return false;
        }
        const QString path = blobs + blob.hex();
        if (QFileInfo::exists(path))
            continue; // listed twice
        // The previous pull of this reference already holds it: link, do not fetch.
        const QString previous = target + QStringLiteral("/blobs/sha256/") + blob.hex();
        if (QFileInfo(previous).size() == blob.size
            && ::link(QFile::encodeName(previous).constData(), QFile::encodeName(path).constData())
                   == 0) {
            ++r.blobsReused;
            continue;
        }
        say(tr("Fetching %1 (%2 bytes)").arg(blob.digest).arg(blob.size));
        if (!client.downloadBlob(blob.digest, blob.size, path, error))
            return false;
        ++r.blobsFetched;
        r.bytesFetched += blob.size;
    }
    const QJsonObject entry{
        {QStringLiteral("mediaType"), mediaType},
        {QStringLiteral("digest"), r.manifestDigest},
        {QStringLiteral("size"), bytes.size()},
        {QStringLiteral("annotations"), QJsonObject{{oci::refNameAnnotation, ref.manifestRef()}}}};
    const QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), oci::media::index},
                            {QStringLiteral("manifests"), QJsonArray{entry}}};
    if (!writeFile(blobs + r.manifestDigest.mid(7), bytes, error)
        || !writeFile(staging.path() + QStringLiteral("/oci-layout"),
                      QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}"), error)
        || !writeFile(staging.path() + QStringLiteral("/index.json"),
                      QJsonDocument(index).toJson(QJsonDocument::Compact), error)
        || !replaceFolder(staging.path(), target, error))
        return false;
    staging.setAutoRemove(false);
    say(tr("Stored %1 (%2) in %3").arg(reference, r.manifestDigest, target));
    if (result)
        *result = r;
    return true;
}

bool resolveRegistryBase(const Workspace &workspace, const QString &reference, bool tlsVerify,
                         const oci::CancelCheck &canceled,
                         const std::function<void(const QString &)> &progress, QString *local,
                         QString *error)
{
    const QString path = pulledBasePath(workspace, reference);
    if (path.isEmpty()) {
        oci::RegistryReference ignored;
        return oci::RegistryReference::parse(reference, &ignored, error);
    }
    if (!QFileInfo::exists(path + QStringLiteral("/index.json"))) {
        if (progress)
            progress(tr("Pulling the base image %1").arg(reference));
        if (!pullImage(workspace, reference, tlsVerify, canceled, progress, nullptr, error))
            return false;
    }
    *local = QStringLiteral("oci:") + path;
    return true;
}

} // namespace mlwb
