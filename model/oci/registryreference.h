#pragma once

#include <QString>

namespace mlwb::oci {

/// An image in a registry, as a user writes it: REGISTRY/REPO:TAG or
/// REGISTRY/REPO@sha256:HEX. The registry part is required (there is no
/// implied docker.io) so a reference never silently goes somewhere else.
struct RegistryReference {
    QString registry;   // host[:port]
    QString repository; // path, e.g. team/iris
    QString tag;        // "latest" when neither tag nor digest is given
    QString digest;     // set for @sha256:...

    /// The tag or the digest, as the manifest URL wants it.
    QString manifestRef() const { return digest.isEmpty() ? tag : digest; }
    QString toString() const;
    /// The host without the port.
    QString host() const;
    /// True for 127.0.0.1, ::1 and localhost, where plain http is allowed.
    bool isLoopback() const;

    static bool parse(const QString &text, RegistryReference *out, QString *error);
    /// True when `text` names a registry image rather than a file base
    /// (oci-archive:, docker-archive:, oci:).
    static bool looksLikeRegistry(const QString &text);
};

} // namespace mlwb::oci
