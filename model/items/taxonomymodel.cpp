#include "items/taxonomymodel.h"

#include "items/taxonomyloader.h"
#include "store/changewatcher.h"
#include "store/runs.h"
#include "store/schema.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QScopedValueRollback>
#include <QSet>

namespace mlwb {

struct TaxonomyModel::Node {
    TaxonomyItem item;
    Node *parent = nullptr;
    int row = 0;
    bool fetched = false;
    int knownCount = 0; // paged nodes: childCount when the loaded window was last read
    std::vector<std::unique_ptr<Node>> children;

    void renumber(size_t from = 0)
    {
        for (size_t i = from; i < children.size(); ++i)
            children[i]->row = int(i);
    }
};

namespace {

QString normalized(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

TaxonomyModel::TaxonomyModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    connect(&m_registryWatcher, &QFileSystemWatcher::fileChanged, this,
            &TaxonomyModel::onRegistryChanged);
    connect(&m_registryWatcher, &QFileSystemWatcher::directoryChanged, this,
            &TaxonomyModel::onRegistryChanged);
    watchRegistry();
    m_known = WorkspaceRegistry::list();
    rebuildWorkspaceNodes();
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_updating)
            tickRunning(m_root.get());
    });
    m_clock.start();
}

// Re-reads the loaded children of nodes with runs in flight, so their
// durations move; finished runs cost nothing.
void TaxonomyModel::tickRunning(Node *node)
{
    bool running = false;
    for (const auto &child : node->children) {
        const QString &s = child->item.status;
        running = running
                  || (child->item.kind == NodeKind::Run
                      && (s == QLatin1String("Running") || s == QLatin1String("Preparing")
                          || s == QLatin1String("Finalizing")));
    }
    if (running) {
        QScopedValueRollback<bool> busy(m_updating, true);
        refreshChildren(node);
    }
    for (size_t i = 0; i < node->children.size(); ++i)
        tickRunning(node->children[i].get());
}

TaxonomyModel::~TaxonomyModel() = default;

void TaxonomyModel::setWorkspace(Workspace *workspace)
{
    QScopedValueRollback<bool> busy(m_updating, true);
    beginResetModel();
    delete m_watcher;
    m_watcher = nullptr;
    m_workspace = workspace;
    m_workspacePath = workspace ? normalized(workspace->path()) : QString();
    m_loader.reset(workspace ? new TaxonomyLoader(*workspace) : nullptr);
    m_counts.clear();
    QString error;
    if (m_loader && !m_loader->counts(&m_counts, &error))
        report(error);
    m_root->children.clear();
    for (const TaxonomyItem &item : workspaceItems())
        m_root->children.push_back(makeNode(m_root.get(), item));
    m_root->renumber();
    endResetModel();
    if (workspace) {
        // Another process (a CLI command, a run supervisor) may write at any time.
        m_watcher = new ChangeWatcher(workspace->databasePath(), this);
        m_watcher->setInterval(m_pollInterval);
        connect(m_watcher, &ChangeWatcher::changed, this, &TaxonomyModel::onChanged);
        m_watcher->poll(); // takes the baseline, so the first change is a real one
        m_watcher->start();
    }
}

void TaxonomyModel::setPollInterval(int ms)
{
    m_pollInterval = ms;
    if (m_watcher)
        m_watcher->setInterval(ms);
}

void TaxonomyModel::setKnownWorkspaces(const QStringList &paths)
{
    m_known.clear();
    for (const QString &path : paths)
        m_known << normalized(path);
    rebuildWorkspaceNodes();
}

void TaxonomyModel::refresh()
{
    setKnownWorkspaces(WorkspaceRegistry::list());
    onChanged(schema::topics());
}

void TaxonomyModel::watchRegistry()
{
    // QSaveFile replaces the file, which drops a watch on it: watch the folder too.
    const QString file = WorkspaceRegistry::filePath();
    const QString folder = QFileInfo(file).absolutePath();
    QDir().mkpath(folder);
    if (!m_registryWatcher.directories().contains(folder))
        m_registryWatcher.addPath(folder);
    if (QFileInfo::exists(file) && !m_registryWatcher.files().contains(file))
        m_registryWatcher.addPath(file);
}

void TaxonomyModel::onRegistryChanged()
{
    watchRegistry();
    QString error;
    const QStringList paths = WorkspaceRegistry::list(&error);
    if (!error.isEmpty())
        return report(error);
    setKnownWorkspaces(paths);
}

void TaxonomyModel::rebuildWorkspaceNodes()
{
    QScopedValueRollback<bool> busy(m_updating, true);
    sync(m_root.get(), workspaceItems(), false);
}

std::vector<TaxonomyItem> TaxonomyModel::workspaceItems() const
{
    QStringList paths = m_known;
    if (!m_workspacePath.isEmpty()) {
        paths.removeAll(m_workspacePath);
        paths.prepend(m_workspacePath);
    }
    std::vector<TaxonomyItem> out;
    for (const QString &path : std::as_const(paths)) {
        TaxonomyItem item;
        item.kind = NodeKind::Workspace;
        item.path = path;
        const bool open = path == m_workspacePath;
        item.name = open ? m_workspace->name() : QFileInfo(path).fileName();
        item.childCount = open ? groupCount : 0;
        item.toolTip = QDir::toNativeSeparators(path);
        if (!open && !Workspace::exists(path)) {
            item.status = QStringLiteral("missing");
            item.toolTip = tr("%1\nNo workspace here any more.").arg(item.toolTip);
        }
        out.push_back(item);
    }
    return out;
}

std::vector<TaxonomyItem> TaxonomyModel::groupNodes() const
{
    std::vector<TaxonomyItem> out;
    for (int g = 0; g < groupCount; ++g) {
        TaxonomyItem item;
        item.kind = NodeKind::Group;
        item.id = g;
        item.name = groupLabel(Group(g));
        item.childCount = m_counts.value(Group(g));
        out.push_back(item);
    }
    return out;
}

void TaxonomyModel::onChanged(const QStringList &topics)
{
    if (!m_loader || m_updating)
        return;
    if (!applyChanges(topics))
        return;
    Q_EMIT workspaceChanged(topics);
}

bool TaxonomyModel::applyChanges(const QStringList &topics)
{
    QScopedValueRollback<bool> busy(m_updating, true);
    QString error;
    QHash<Group, int> counts;
    if (!m_loader->counts(&counts, &error)) {
        report(error);
        return false;
    }
    QSet<Group> groups;
    for (const QString &topic : topics)
        for (Group g : groupsForTopic(topic))
            groups.insert(g);
    for (int g = 0; g < groupCount; ++g)
        if (counts.value(Group(g)) != m_counts.value(Group(g)))
            groups.insert(Group(g));
    m_counts = counts;
    for (int g = 0; g < groupCount; ++g)
        if (groups.contains(Group(g)))
            refreshGroup(Group(g));
    return true;
}

void TaxonomyModel::refreshGroup(Group group)
{
    Node *node = nodeOf(groupIndex(group));
    if (!node)
        return;
    TaxonomyItem item = node->item;
    item.childCount = m_counts.value(group);
    setItem(node, item);
    if (!node->fetched)
        return;
    std::vector<TaxonomyItem> items;
    QString error;
    if (!m_loader->groupItems(group, &items, &error))
        return report(error);
    sync(node, std::move(items), true);
}

void TaxonomyModel::refreshChildren(Node *node)
{
    if (!node->fetched || node->item.kind == NodeKind::Group)
        return;
    int limit = -1;
    if (isPaged(node)) {
        // Keep the loaded window, grown by what arrived since (new runs come first).
        const int arrived = qBound(0, node->item.childCount - node->knownCount, runPageSize);
        limit = int(node->children.size()) + arrived;
        node->knownCount = node->item.childCount;
    }
    std::vector<TaxonomyItem> items;
    if (loadChildren(node, 0, limit, &items))
        sync(node, std::move(items), true);
}

bool TaxonomyModel::loadChildren(Node *node, int offset, int limit, std::vector<TaxonomyItem> *out)
{
    QString error;
    const TaxonomyItem &item = node->item;
    bool ok = true;
    if (item.kind == NodeKind::Group)
        ok = m_loader->groupItems(Group(item.id), out, &error);
    else if (item.kind == NodeKind::Experiment)
        ok = m_loader->runs(item.id, 0, offset, limit, out, &error);
    else if (item.kind == NodeKind::Run)
        ok = m_loader->runs(item.ownerId, item.id, offset, limit, out, &error);
    else
        ok = m_loader->children(item, out, &error);
    if (!ok)
        report(error);
    return ok;
}

void TaxonomyModel::sync(Node *parent, std::vector<TaxonomyItem> items, bool recurse)
{
    const QModelIndex parentIndex = indexOf(parent);
    QSet<QString> keys;
    for (const TaxonomyItem &item : items)
        keys.insert(item.key());
    // Removals first, as contiguous ranges from the end.
    for (int last = int(parent->children.size()) - 1; last >= 0; --last) {
        if (keys.contains(parent->children[last]->item.key()))
            continue;
        int first = last;
        while (first > 0 && !keys.contains(parent->children[first - 1]->item.key()))
            --first;
        removeRows(parent, first, last);
        last = first;
    }
    for (int i = 0; i < int(items.size()); ++i) {
        const QString key = items[i].key();
        auto &children = parent->children;
        if (i >= int(children.size()) || children[i]->item.key() != key) {
            auto found =
                std::find_if(children.begin() + qMin(i, int(children.size())), children.end(),
                             [&](const auto &n) { return n->item.key() == key; });
            if (found == children.end()) {
                insertNode(parent, i, items[i]);
                continue;
            }
            const int from = int(found - children.begin());
            beginMoveRows(parentIndex, from, from, parentIndex, i);
            std::unique_ptr<Node> moved = std::move(*found);
            children.erase(found);
            children.insert(children.begin() + i, std::move(moved));
            parent->renumber(size_t(i));
            endMoveRows();
        }
        setItem(children[i].get(), items[i]);
        if (recurse)
            refreshChildren(children[i].get());
    }
    if (parent->children.size() > items.size())
        removeRows(parent, int(items.size()), int(parent->children.size()) - 1);
}

void TaxonomyModel::insertNode(Node *parent, int row, const TaxonomyItem &item)
{
    beginInsertRows(indexOf(parent), row, row);
    parent->children.insert(parent->children.begin() + row, makeNode(parent, item));
    parent->renumber(size_t(row));
    endInsertRows();
}

std::unique_ptr<TaxonomyModel::Node> TaxonomyModel::makeNode(Node *parent,
                                                             const TaxonomyItem &item) const
{
    auto node = std::make_unique<Node>();
    node->item = item;
    node->parent = parent;
    node->knownCount = item.childCount;
    if (item.kind == NodeKind::Workspace && item.path == m_workspacePath) {
        // The open workspace's groups are always there; their contents load lazily.
        node->fetched = true;
        for (const TaxonomyItem &group : groupNodes())
            node->children.push_back(makeNode(node.get(), group));
        node->renumber();
    }
    return node;
}

void TaxonomyModel::removeRows(Node *parent, int first, int last)
{
    beginRemoveRows(indexOf(parent), first, last);
    parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
    parent->renumber(size_t(first));
    endRemoveRows();
}

void TaxonomyModel::setItem(Node *node, const TaxonomyItem &item)
{
    if (node->item == item)
        return;
    node->item = item;
    const QModelIndex index = indexOf(node);
    Q_EMIT dataChanged(index, index);
}

bool TaxonomyModel::isPaged(const Node *node) const
{
    return node->item.kind == NodeKind::Experiment || node->item.kind == NodeKind::Run;
}

TaxonomyModel::Node *TaxonomyModel::openWorkspaceNode() const
{
    for (const auto &child : m_root->children)
        if (child->item.path == m_workspacePath && !m_workspacePath.isEmpty())
            return child.get();
    return nullptr;
}

TaxonomyModel::Node *TaxonomyModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex TaxonomyModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

Group TaxonomyModel::groupOf(const Node *node) const
{
    while (node && node->item.kind != NodeKind::Group)
        node = node->parent;
    return node ? Group(node->item.id) : Group(-1);
}

void TaxonomyModel::report(const QString &error)
{
    m_lastError = error;
    Q_EMIT errorOccurred(error);
}

NodeKind TaxonomyModel::nodeKind(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->item.kind : NodeKind::Workspace;
}

Id TaxonomyModel::idOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->item.id : 0;
}

QModelIndex TaxonomyModel::groupIndex(Group group) const
{
    const Node *open = openWorkspaceNode();
    if (!open || int(group) < 0 || int(group) >= int(open->children.size()))
        return {};
    return indexOf(open->children[size_t(group)].get());
}

QModelIndex TaxonomyModel::workspaceIndex(const QString &path) const
{
    const QString clean = normalized(path);
    for (const auto &child : m_root->children)
        if (child->item.path == clean)
            return indexOf(child.get());
    return {};
}

QModelIndex TaxonomyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *node = parent.isValid() ? nodeOf(parent) : m_root.get();
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex TaxonomyModel::parent(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? indexOf(node->parent) : QModelIndex();
}

int TaxonomyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = parent.isValid() ? nodeOf(parent) : m_root.get();
    return int(node->children.size());
}

int TaxonomyModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool TaxonomyModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = parent.isValid() ? nodeOf(parent) : m_root.get();
    // From counts, so nothing is loaded just to draw an expander.
    return !node->children.empty() || node->item.childCount > 0;
}

bool TaxonomyModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    // Not while rows are changing: a listener must not fetch into a half-made list.
    if (!node || !m_loader || m_updating || node->item.kind == NodeKind::Workspace)
        return false;
    if (isPaged(node))
        return int(node->children.size()) < node->item.childCount;
    return !node->fetched && (node->item.childCount > 0 || node->item.kind == NodeKind::Group);
}

void TaxonomyModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (!canFetchMore(parent))
        return;
    QScopedValueRollback<bool> busy(m_updating, true);
    const int offset = int(node->children.size());
    std::vector<TaxonomyItem> items;
    node->fetched = true;
    node->knownCount = node->item.childCount;
    if (!loadChildren(node, offset, isPaged(node) ? runPageSize : -1, &items))
        return;
    // Another process may have added rows since the counts were read: skip repeats.
    QSet<QString> present;
    for (const auto &child : node->children)
        present.insert(child->item.key());
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const TaxonomyItem &i) { return present.contains(i.key()); }),
                items.end());
    if (items.empty())
        return;
    beginInsertRows(parent, offset, offset + int(items.size()) - 1);
    for (const TaxonomyItem &item : items)
        node->children.push_back(makeNode(node, item));
    node->renumber(size_t(offset));
    endInsertRows();
}

QVariant TaxonomyModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const TaxonomyItem &item = node->item;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(item);
    case Qt::EditRole:
        return item.name;
    case Qt::DecorationRole:
        return itemIcon(item);
    case Qt::ToolTipRole:
        return item.toolTip.isEmpty() ? QVariant() : QVariant(item.toolTip);
    case Qt::FontRole:
        if (item.kind == NodeKind::Workspace && item.path == m_workspacePath) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (item.status == QLatin1String("missing"))
            return QColor(Qt::gray);
        return {};
    case NodeKindRole:
        return int(item.kind);
    case IdRole:
        return item.id;
    case WorkspacePathRole: {
        const Node *n = node;
        while (n->item.kind != NodeKind::Workspace)
            n = n->parent;
        return n->item.path;
    }
    case StatusRole:
        return item.status;
    case NameRole:
        return item.name;
    case CountRole:
        return item.childCount;
    case OwnerIdRole:
        return item.ownerId;
    case GroupRole:
        return int(groupOf(node));
    case IsOpenWorkspaceRole:
        return item.kind == NodeKind::Workspace && item.path == m_workspacePath;
    case DetailRole:
        return item.detail;
    }
    return {};
}

QVariant TaxonomyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Workspace");
    return {};
}

bool TaxonomyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node *node = nodeOf(index);
    if (role != Qt::EditRole || !node || node->item.kind != NodeKind::Run || !m_workspace)
        return false;
    if (value.toString() == node->item.name)
        return false;
    QString error;
    if (!Runs(*m_workspace).rename(node->item.id, value.toString(), &error)) {
        Q_EMIT errorOccurred(error);
        return false;
    }
    return true; // the change watcher brings the new name in with the other views
}

Qt::ItemFlags TaxonomyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeKind(index) == NodeKind::Run && m_workspace)
        f |= Qt::ItemIsEditable; // F2 renames a run
    return isLeafKind(nodeKind(index)) ? f | Qt::ItemNeverHasChildren : f;
}

QHash<int, QByteArray> TaxonomyModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(QHash<int, QByteArray>{{NodeKindRole, "nodeKind"},
                                        {IdRole, "id"},
                                        {WorkspacePathRole, "workspacePath"},
                                        {StatusRole, "status"},
                                        {NameRole, "name"},
                                        {CountRole, "count"},
                                        {OwnerIdRole, "ownerId"},
                                        {GroupRole, "group"},
                                        {IsOpenWorkspaceRole, "isOpenWorkspace"},
                                        {DetailRole, "detail"}});
    return names;
}

} // namespace mlwb
