#pragma once

#include <QCoreApplication>
#include <QString>

namespace mlwb {

class Workspace;

/// The primary and secondary key of a deployment with key authentication.
/// They are kept outside the workspace (which may be copied or shared), in
/// a user-only (0600) file under the user's config folder, one key a line,
/// the way ~/.docker/config.json keeps registry credentials. The scoring
/// server reads the same file (MLWB_KEYS_FILE) and re-reads it when it
/// changes, so a regenerated key takes effect at once.
class ServiceKeys
{
    Q_DECLARE_TR_FUNCTIONS(ServiceKeys)
public:
    /// The keys of deployment `name` in `workspace`.
    ServiceKeys(const Workspace &workspace, const QString &name);

    QString filePath() const { return m_path; }
    /// Makes a new primary and secondary key, replacing any there were.
    bool create(QString *error);
    /// Reads both keys; false (with the reason) if the file is missing or unreadable.
    bool read(QString *primary, QString *secondary, QString *error) const;
    /// Replaces one key ("primary" or "secondary"); the other stays valid.
    bool regenerate(const QString &which, QString *error);
    void remove();

private:
    bool write(const QString &primary, const QString &secondary, QString *error);

    QString m_path;
};

} // namespace mlwb
