#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mlwb::oci {

/// A user name and password for one registry, and where they were found.
struct RegistryCredentials {
    QString user;
    QString password;
    QString source; // the auth file they came from
    bool isEmpty() const { return user.isEmpty() && password.isEmpty(); }
};

/// Reads the credentials `podman login`, `skopeo login` and `docker login`
/// store, in the order podman looks: $REGISTRY_AUTH_FILE,
/// $XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json,
/// ~/.docker/config.json. Only the "auths" entries with an inline "auth"
/// are used (credential helpers are not run). Never written anywhere.
class RegistryAuthFiles
{
public:
    /// The files looked at, existing or not, in order.
    static QStringList candidates();
    /// The first entry for `registry` (host[:port]); empty when none.
    static RegistryCredentials find(const QString &registry);
};

/// A WWW-Authenticate challenge: its scheme (Basic, Bearer) and parameters.
struct AuthChallenge {
    QString scheme;
    QMap<QString, QString> params; // realm, service, scope, ...
    static AuthChallenge parse(const QByteArray &header);
};

} // namespace mlwb::oci
