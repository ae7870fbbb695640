#include "items/runtagsmodel.h"

#include "store/runs.h"
#include "store/workspace.h"

namespace mlwb {

RunTagsModel::RunTagsModel(Workspace *workspace, Id runId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_runId(runId)
{
    Q_ASSERT(workspace);
}

bool RunTagsModel::refresh(QString *error)
{
    QString message;
    const auto run = Runs(*m_workspace).find(m_runId, &message);
    if (!run) {
        if (error)
            *error = tr("The run's tags could not be read: %1").arg(message);
        return false;
    }
    apply(run->tags);
    return true;
}

// Removes, updates and inserts row by row so an open selection survives.
void RunTagsModel::apply(const QMap<QString, QString> &tags)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (tags.contains(m_rows.at(row).first))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    int row = 0;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it, ++row) {
        if (row < m_rows.size() && m_rows.at(row).first == it.key()) {
            if (m_rows.at(row).second != it.value()) {
                m_rows[row].second = it.value();
                Q_EMIT dataChanged(index(row, ValueColumn), index(row, ValueColumn));
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, Tag(it.key(), it.value()));
        endInsertRows();
    }
}

int RunTagsModel::addTag(QString *error)
{
    QString key = tr("tag");
    for (int n = 2; rowOf(key) >= 0; ++n)
        key = tr("tag_%1").arg(n);
    if (!Runs(*m_workspace).setTag(m_runId, key, QString(), error))
        return -1;
    QMap<QString, QString> tags;
    for (const Tag &tag : std::as_const(m_rows))
        tags.insert(tag.first, tag.second);
    tags.insert(key, QString());
    apply(tags);
    return rowOf(key);
}

bool RunTagsModel::removeTag(int row, QString *error)
{
    Q_ASSERT(row >= 0 && row < m_rows.size());
    if (!Runs(*m_workspace).removeTag(m_runId, m_rows.at(row).first, error))
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

bool RunTagsModel::setValue(int row, const QString &value, QString *error)
{
    if (!Runs(*m_workspace).setTag(m_runId, m_rows.at(row).first, value, error))
        return false;
    m_rows[row].second = value;
    Q_EMIT dataChanged(index(row, ValueColumn), index(row, ValueColumn));
    return true;
}

// A new key is a new row in the store: write it and drop the old one together.
bool RunTagsModel::renameKey(int row, const QString &key, QString *error)
{
    if (key.isEmpty()) {
        *error = tr("A tag needs a key.");
        return false;
    }
    if (rowOf(key) >= 0) {
        *error = tr("The run already has a tag '%1'.").arg(key);
        return false;
    }
    const Tag old = m_rows.at(row);
    WriteTransaction transaction(m_workspace->database());
    Runs runs(m_workspace->database());
    if (!transaction.begin(error) || !runs.setTag(m_runId, key, old.second, error)
        || !runs.removeTag(m_runId, old.first, error) || !transaction.commit(error))
        return false;
    QMap<QString, QString> tags;
    for (const Tag &tag : std::as_const(m_rows))
        tags.insert(tag.first == old.first ? key : tag.first, tag.second);
    apply(tags);
    return true;
}

int RunTagsModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).first == key)
            return row;
    return -1;
}

bool RunTagsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString text = value.toString();
    const bool isKey = index.column() == KeyColumn;
    const QString &current = isKey ? m_rows.at(index.row()).first : m_rows.at(index.row()).second;
    if (text == current)
        return true;
    QString error;
    const bool ok = isKey ? renameKey(index.row(), text.trimmed(), &error)
                          : setValue(index.row(), text, &error);
    if (!ok)
        Q_EMIT errorOccurred(tr("The tag could not be saved: %1").arg(error));
    return ok;
}

int RunTagsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunTagsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTagsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tag &tag = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return index.column() == KeyColumn ? tag.first : tag.second;
    case KeyRole:
        return tag.first;
    case ValueRole:
        return tag.second;
    }
    return {};
}

Qt::ItemFlags RunTagsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractTableModel::flags(index) | Qt::ItemIsEditable;
}

QVariant RunTagsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == KeyColumn ? tr("Key") : tr("Value");
}

QHash<int, QByteArray> RunTagsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(ValueRole, "value");
    return names;
}

} // namespace mlwb
