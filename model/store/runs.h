#pragma once

#include "store/types.h"

#include <QSet>
#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// Runs and child runs: their records, status changes, tags and notes.
/// Lists leave out tags and properties (fetch one run with find() for those).
class Runs
{
public:
    explicit Runs(const Workspace &workspace);
    /// On a given connection, e.g. inside a caller's transaction.
    explicit Runs(const QSqlDatabase &db);

    /// Stores a new Queued run with its tags in one transaction (so not inside
    /// another); sets run->id, run->uid and run->createdAt.
    bool create(Run *run, QString *error);
    std::optional<Run> find(Id id, QString *error = nullptr) const;
    /// By run id ("mnist_1700000000_3f2a9c1e"), or a unique prefix of one.
    std::optional<Run> find(const QString &uid, QString *error = nullptr) const;
    /// Runs of an experiment under `parentId` (0: top level), newest first.
    QList<Run> list(Id experimentId, Id parentId, int offset, int limit,
                    QString *error = nullptr) const;
    int count(Id experimentId, Id parentId, QString *error = nullptr) const;
    /// Every run of every experiment that has not reached a final state.
    QList<Run> unfinished(QString *error = nullptr) const;
    /// The newest top-level runs of all experiments, newest first.
    QList<Run> recent(int limit, QString *error = nullptr) const;
    /// How many top-level runs the workspace holds.
    int countTopLevel(QString *error = nullptr) const;

    /// Records a state change. Entering Running stamps started_at once;
    /// a final state stamps ended_at. A final run's status never changes.
    bool setStatus(Id id, RunStatus status, QString *error);
    /// Records the end of a run: final status, exit code and error text.
    bool finish(Id id, RunStatus status, int exitCode, const QString &errorText, QString *error);
    bool setTag(Id id, const QString &key, const QString &value, QString *error);
    bool removeTag(Id id, const QString &key, QString *error);
    bool setProperty(Id id, const QString &key, const QString &value, QString *error);
    /// Gives a run a new display name, unique among its experiment's runs.
    bool rename(Id id, const QString &name, QString *error);
    bool setNotes(Id id, const QString &notes, QString *error);
    bool setSnapshot(Id id, Id snapshotId, QString *error);

private:
    std::optional<Run> findWhere(const QString &where, const QVariant &value, QString *error) const;
    /// The display names of an experiment's runs under parentId, but `except`.
    std::optional<QSet<QString>> namesIn(Id experimentId, Id parentId, Id except,
                                         QString *error) const;
    bool loadKeyValues(Run *run, QString *error) const;
    bool setKeyValue(const char *table, Id id, const QString &key, const QString &value,
                     QString *error);
    QSqlDatabase m_db;
};

} // namespace mlwb
