#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mlwb {

/// What a host presents as its identity, read before it is trusted: the
/// keys `ssh-keyscan` sees and their fingerprints as `ssh-keygen -l` shows
/// them, so a user can compare them with the VM's console. Trusting itself
/// is left to ssh (StrictHostKeyChecking=accept-new), which writes
/// known_hosts in its own format and never replaces a changed key.
class HostKeys
{
    Q_DECLARE_TR_FUNCTIONS(HostKeys)
public:
    /// The known_hosts file ssh uses: $MLWB_SSH_KNOWN_HOSTS or ~/.ssh/known_hosts.
    static QString knownHostsFile();
    /// Scans host:port directly (not through a jump host); false with the
    /// reason when nothing answered. `fingerprints` are like
    /// "ED25519 SHA256:abc...".
    static bool scan(const QString &host, int port, QStringList *fingerprints, QString *error);
};

} // namespace mlwb
