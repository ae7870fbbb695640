#pragma once

#include "items/taxonomyitem.h"

#include <QAbstractItemModel>
#include <QFileSystemWatcher>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <vector>

namespace mlwb {

class ChangeWatcher;
class TaxonomyLoader;
class Workspace;

/// The workspace taxonomy as a tree: every known workspace at the top, and
/// under the open one its groups (compute targets, datastores, experiments
/// with their runs, models, environments, images, deployments, pipelines).
/// Children load when first expanded, runs in pages; changes written by any
/// process are applied as minimal row inserts, removals and data changes, so
/// expansion and selection survive them.
class TaxonomyModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // int(NodeKind)
        IdRole,                          // the row id; for groups int(Group)
        WorkspacePathRole,               // the workspace the node belongs to
        StatusRole,                      // runs, images, deployments
        NameRole,                        // the name without count or details
        CountRole,                       // children known without loading them
        OwnerIdRole,                     // runs: experiment id; versions/steps: their parent's id
        GroupRole,                       // int(Group) of the group the node is in, -1 for none
        IsOpenWorkspaceRole,             // workspace nodes: the open one
        DetailRole,                      // runs: duration; versions: framework or python
    };
    Q_ENUM(Role)

    /// Runs are fetched this many at a time.
    static constexpr int runPageSize = 200;

    explicit TaxonomyModel(QObject *parent = nullptr);
    ~TaxonomyModel() override;

    /// Shows `workspace` (not owned; nullptr: none) under its own node.
    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return m_workspace; }
    /// The workspace folders to list besides the open one.
    void setKnownWorkspaces(const QStringList &paths);
    /// Re-reads the workspace list and everything loaded so far.
    void refresh();
    /// Polling interval of the change watcher in ms.
    void setPollInterval(int ms);

    NodeKind nodeKind(const QModelIndex &index) const;
    Id idOf(const QModelIndex &index) const;
    /// The node of a group of the open workspace.
    QModelIndex groupIndex(Group group) const;
    int groupItemCount(Group group) const { return m_counts.value(group); }
    /// The node of a workspace folder, if listed.
    QModelIndex workspaceIndex(const QString &path) const;
    /// The last error reading the store, empty when the last read worked.
    QString lastError() const { return m_lastError; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Renames a run (EditRole); a refused name is reported by errorOccurred.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// Topics of the open workspace that changed (see schema::topics()),
    /// after the tree has been brought up to date.
    void workspaceChanged(const QStringList &topics);
    /// A read of the store failed; the message is for the user.
    void errorOccurred(const QString &message);

private:
    struct Node;

    void onChanged(const QStringList &topics);
    bool applyChanges(const QStringList &topics);
    void onRegistryChanged();
    void watchRegistry();
    void rebuildWorkspaceNodes();
    std::vector<TaxonomyItem> workspaceItems() const;
    std::vector<TaxonomyItem> groupNodes() const;
    void refreshGroup(Group group);
    void refreshChildren(Node *node);
    void tickRunning(Node *node);
    bool loadChildren(Node *node, int offset, int limit, std::vector<TaxonomyItem> *out);
    void sync(Node *parent, std::vector<TaxonomyItem> items, bool recurse);
    void insertNode(Node *parent, int row, const TaxonomyItem &item);
    std::unique_ptr<Node> makeNode(Node *parent, const TaxonomyItem &item) const;
    void removeRows(Node *parent, int first, int last);
    void setItem(Node *node, const TaxonomyItem &item);
    bool isPaged(const Node *node) const;
    Node *openWorkspaceNode() const;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    Group groupOf(const Node *node) const;
    void report(const QString &error);

    std::unique_ptr<Node> m_root;
    Workspace *m_workspace = nullptr;
    QString m_workspacePath;
    std::unique_ptr<TaxonomyLoader> m_loader;
    ChangeWatcher *m_watcher = nullptr;
    int m_pollInterval = 200;
    QFileSystemWatcher m_registryWatcher;
    QTimer m_clock; // running runs' durations tick
    QStringList m_known;
    QHash<Group, int> m_counts;
    QString m_lastError;
    bool m_updating = false; // rows are being changed: no fetching, no nested refresh
};

} // namespace mlwb
