#pragma once

#include "store/types.h"

#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>
#include <functional>
#include <optional>

namespace mlwb {

/// Which kind of versioned asset: its tables and the words of its messages.
enum class AssetKind { Model, Environment };

/// A reference typed by a user: NAME (the latest version), NAME:VERSION or NAME@ALIAS.
struct AssetRef {
    QString name;
    int version = 0; // 0: the latest, or the alias's
    QString alias;
    /// Parses `text`; false with a reason for an empty name, a bad number or alias.
    static bool parse(const QString &text, AssetRef *ref, QString *error);
};

/// One alias set, moved or removed (version 0: none).
struct AliasChange {
    QString alias;
    int fromVersion = 0;
    int toVersion = 0;
    QString changedBy;
    QDateTime changedAt;
};

/// The rules every versioned asset shares (models, environments, later data
/// assets and components), over each kind's own tables: valid names, numbers
/// from a per-name counter that never hands a deleted number out again, lookup
/// by number, alias or latest, aliases with their history, tags, and deleting
/// a version while nothing uses it. Writers call these inside their own
/// WriteTransaction; lookups run anywhere.
class VersionedAssets
{
public:
    VersionedAssets(QSqlDatabase db, AssetKind kind);

    bool checkName(const QString &name, QString *error) const;
    /// The name's row id and its stored spelling; fails with "There is no ... named".
    bool findName(const QString &name, Id *ownerId, QString *storedName, QString *error) const;
    /// The number `ref` means: its version, its alias's version, or the latest.
    bool resolve(const AssetRef &ref, Id *ownerId, int *version, QString *error) const;
    /// The row id of version `version` of a name, or 0 with the reason.
    Id versionId(const QString &name, int version, QString *error) const;

    /// In a write transaction: makes the name on first use (with the owner
    /// table's `extra` columns) and takes its next number from the counter.
    bool claimNumber(const QString &name, const QMap<QString, QVariant> &extra, Id *ownerId,
                     QString *storedName, int *version, QString *error);
    /// Deletes version `version` (0: the name and every version) unless
    /// `usedBy` sets a refusal naming a user of the version rows its WHERE
    /// clause (over versions `v`) matches. Deleting the last version deletes
    /// the name; its counter is kept (retired_counters), so registering the
    /// name again goes on from the number it had reached.
    using UsedBy =
        std::function<bool(const QString &where, Id id, QString *refusal, QString *error)>;
    bool remove(const QString &name, int version, const UsedBy &usedBy, QString *error);

    /// Points `alias` at one version, moving it from any other; recorded.
    bool setAlias(const QString &name, int version, const QString &alias, QString *error);
    bool removeAlias(const QString &name, const QString &alias, QString *error);
    QList<AliasChange> aliasHistory(const QString &name, QString *error = nullptr) const;
    /// Sets and removes tags of one version in one transaction.
    bool updateTags(const QString &name, int version, const QMap<QString, QString> &set,
                    const QStringList &remove, QString *error);

    /// SQL: the latest version number of owner row `alias`.id, and the
    /// comma-separated aliases of version row `alias`.id.
    QString latestColumn(const QString &ownerAlias) const;
    QString aliasesColumn(const QString &versionAlias) const;
    /// An alias starts with a letter (so it is never a number) and is not "latest".
    static bool checkAlias(const QString &alias, QString *error);
    /// The user registering things: $USER, else $LOGNAME, else the account's name.
    static QString currentUser();

private:
    QString message(int which) const;
    bool recordAlias(const QString &name, const QString &alias, int from, int to, QString *error);

    QSqlDatabase m_db;
    AssetKind m_kind;
    QString m_owners, m_versions, m_ownerColumn, m_aliases, m_kindName;
};

} // namespace mlwb
