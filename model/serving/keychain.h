#pragma once

#include <QCoreApplication>
#include <QString>

namespace mlwb::keychain {

/// True when a Secret Service (GNOME Keyring, KWallet's bridge, KeePassXC)
/// is running on the session bus. Asked rather than D-Bus-activated, so a
/// headless session never starts a keyring that would prompt for a password.
bool available(QString *why = nullptr);

/// Blocking wrappers around QtKeychain's jobs, for the CLI and the
/// supervisors as much as for the GUI. `entry` names the secret; an
/// empty `*secret` with true means there is none.
bool read(const QString &entry, QString *secret, QString *error);
bool write(const QString &entry, const QString &secret, QString *error);
bool remove(const QString &entry, QString *error);

} // namespace mlwb::keychain
