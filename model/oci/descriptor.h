#pragma once

#include <QJsonObject>
#include <QString>

namespace mlwb::oci {

/// Media types of the OCI image spec (and Docker's, which bases may use).
namespace media {
inline const QString index = QStringLiteral("application/vnd.oci.image.index.v1+json");
inline const QString manifest = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
inline const QString config = QStringLiteral("application/vnd.oci.image.config.v1+json");
inline const QString layerGzip = QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
inline const QString layerTar = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
inline const QString dockerManifest =
    QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
inline const QString dockerLayerGzip =
    QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
inline const QString dockerLayerTar =
    QStringLiteral("application/vnd.docker.image.rootfs.diff.tar");
} // namespace media

/// The annotation that names an image in an OCI layout's index.json.
inline const QString refNameAnnotation = QStringLiteral("org.opencontainers.image.ref.name");

/// What points at a blob: its media type, digest ("sha256:HEX") and size.
struct Descriptor {
    QString mediaType;
    QString digest;
    qint64 size = 0;
    QJsonObject annotations;

    QJsonObject toJson() const;
    /// False with a reason for a missing field or a digest that is not sha256.
    static bool fromJson(const QJsonObject &object, Descriptor *out, QString *error);
    /// The hex part of the digest.
    QString hex() const { return digest.mid(7); }
};

/// True for "sha256:" followed by 64 lowercase hex digits.
bool isSha256Digest(const QString &digest);

/// The OCI media type for a layer of this (possibly Docker) media type.
QString ociLayerType(const QString &mediaType);

} // namespace mlwb::oci
