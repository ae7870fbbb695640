#pragma once

#include <QString>

namespace mlwb::oci {

class ImageStore;

/// Writes one image of the image store as a single file that other tools
/// load: an OCI archive (`podman load`, `skopeo ... oci-archive:`) or a
/// docker-archive (`docker load`). Blobs are streamed from the store and
/// checked against their digests on the way; the file appears only when complete.
class ImageExport
{
public:
    enum class Format { OciArchive, DockerArchive };

    static bool write(const ImageStore &store, const QString &ref, Format format,
                      const QString &target, QString *error);
};

} // namespace mlwb::oci
