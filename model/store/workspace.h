#pragma once

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace mlwb {

/// An open workspace: a folder holding `workspace.db` (SQLite, WAL) and the
/// artifact folders. Each instance owns one database connection, to be used
/// from the thread that opened it; other threads and processes open their own.
/// Several processes may share a workspace: writes are short IMMEDIATE
/// transactions and a busy timeout lets them queue instead of failing.
class Workspace
{
public:
    enum class Folder {
        Runs,
        Snapshots,
        Models,
        Images,
        DefaultDatastore,
        Projects,
        Python,
        Deployments
    };

    /// Creates a new workspace in `dir` (made if missing; must be empty or
    /// not yet exist) with the built-in `local` target and default datastore.
    static std::unique_ptr<Workspace> create(const QString &dir, QString *error);
    /// Opens an existing workspace, upgrading an older schema in place.
    /// Refuses a folder that is not a workspace, a damaged database and one
    /// written by a newer version of the app, with a message saying which.
    /// A workspace on a read-only file system, without write permission or
    /// on a full disk opens read-only: reads work, writes fail with the reason.
    static std::unique_ptr<Workspace> open(const QString &dir, QString *error);
    /// True when `dir` holds a workspace database (it may still fail to open).
    static bool exists(const QString &dir);

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    QString path() const { return m_path; }
    QString name() const;
    QString databasePath() const;
    QString folder(Folder folder) const;
    QSqlDatabase database() const;
    int schemaVersion() const;
    /// True when opened read-only; readOnlyReason() says why.
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    /// True when the workspace may be changed; otherwise sets *error to why not.
    bool checkWritable(QString *error) const;

private:
    explicit Workspace(const QString &path);
    bool connect(const QString &readOnly, QString *error);
    QString mediumProblem();

    QString m_path;
    QString m_connectionName;
    QString m_readOnlyReason;
};

/// A write transaction that takes SQLite's write lock up front (BEGIN
/// IMMEDIATE), so a concurrent writer waits on the busy timeout instead of
/// failing half-way. Rolls back unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    bool begin(QString *error);
    bool commit(QString *error);

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace mlwb
