#pragma once

#include <QString>
#include <QStringList>

namespace mlwb {

/// The list of workspaces this user knows, shared by the CLI and the GUI:
/// `mlwb workspace create` adds to it and a running GUI shows the change.
/// Stored as JSON in the user's data folder, written atomically under a lock.
class WorkspaceRegistry
{
public:
    /// The registry file (default: <user data folder>/mlwb/workspaces.json;
    /// $MLWB_REGISTRY overrides it, which tests use).
    static QString filePath();

    /// Known workspace folders, most recently used first, duplicates removed.
    static QStringList list(QString *error = nullptr);
    /// Puts `path` first (adding it when new).
    static bool touch(const QString &path, QString *error);
    static bool remove(const QString &path, QString *error);
};

} // namespace mlwb
