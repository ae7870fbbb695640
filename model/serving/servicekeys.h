#pragma once

#include <QCoreApplication>
#include <QString>

namespace mlwb {

class Workspace;

/// The primary and secondary key of a deployment or endpoint with key
/// authentication. They are kept outside the workspace (which may be copied
/// or shared): in the desktop keychain (QtKeychain, Secret Service) where
/// one runs, else in a user-only (0600) file under the user's config
/// folder, the way ~/.docker/config.json keeps registry credentials.
/// Keys already in a file stay there. MLWB_KEY_STORE=file chooses the file.
///
/// The scoring server and the endpoint proxy read a file (MLWB_KEYS_FILE)
/// and re-read it when it changes, so a regenerated key takes effect at
/// once. For keys in the keychain that file is a 0600 copy in the user's
/// runtime folder (tmpfs, gone at logout), made again by ensureFile().
class ServiceKeys
{
    Q_DECLARE_TR_FUNCTIONS(ServiceKeys)
public:
    /// The keys of deployment `name` in `workspace`.
    ServiceKeys(const Workspace &workspace, const QString &name);

    /// The file the server reads.
    QString filePath() const;
    /// Where the keys are kept, in the user's words.
    QString storedIn() const;
    bool inKeychain() const { return m_store == Store::Keychain; }

    /// Makes a new primary and secondary key, replacing any there were.
    bool create(QString *error);
    /// Reads both keys; false (with the reason) if they cannot be read.
    bool read(QString *primary, QString *secondary, QString *error) const;
    /// Replaces one key ("primary" or "secondary"); the other stays valid.
    bool regenerate(const QString &which, QString *error);
    /// Makes the server's copy again when it is gone (after a logout).
    bool ensureFile(QString *error) const;
    /// Removes the keys wherever they are; says what could not be removed.
    void remove(QString *warning = nullptr);

private:
    enum class Store { File, Keychain };

    bool write(const QString &primary, const QString &secondary, QString *error) const;
    bool readFile(const QString &path, QString *primary, QString *secondary, QString *error) const;

    QString m_name;
    QString m_configPath; // the keys themselves, when kept in a file
    QString m_copyPath;   // the server's copy of keys kept in the keychain
    QString m_entry;      // the keychain entry's name
    QString m_noKeychain; // why the keychain cannot be used, if it cannot
    Store m_store = Store::File;
};

} // namespace mlwb
