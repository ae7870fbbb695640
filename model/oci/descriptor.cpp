#include "oci/descriptor.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mlwb::oci {

QJsonObject Descriptor::toJson() const
{
    QJsonObject out{{QStringLiteral("mediaType"), mediaType},
                    {QStringLiteral("digest"), digest},
                    {QStringLiteral("size"), size}};
    if (!annotations.isEmpty())
        out.insert(QStringLiteral("annotations"), annotations);
    return out;
}

bool Descriptor::fromJson(const QJsonObject &object, Descriptor *out, QString *error)
{
    out->mediaType = object.value(QStringLiteral("mediaType")).toString();
    out->digest = object.value(QStringLiteral("digest")).toString();
    out->size = object.value(QStringLiteral("size")).toInteger(-1);
    out->annotations = object.value(QStringLiteral("annotations")).toObject();
    if (!isSha256Digest(out->digest)) {
        *error =
            QCoreApplication::translate("oci", "'%1' is not a sha256 digest.").arg(out->digest);
        return false;
    }
    if (out->size < 0) {
        *error = QCoreApplication::translate("oci", "The descriptor of %1 has no size.")
                     .arg(out->digest);
        return false;
    }
    return true;
}

bool isSha256Digest(const QString &digest)
{
    static const QRegularExpression pattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    return pattern.match(digest).hasMatch();
}

QString ociLayerType(const QString &mediaType)
{
    if (mediaType == media::dockerLayerGzip)
        return media::layerGzip;
    if (mediaType == media::dockerLayerTar)
        return media::layerTar;
    return mediaType;
}

} // namespace mlwb::oci
