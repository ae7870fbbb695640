#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace mlwb {

class Workspace;

/// The properties dock: every field of the selected taxonomy node as a
/// two-column, read-only table.
class PropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PropertiesPanel(QWidget *parent = nullptr);

    /// Shows the node at `index` of a TaxonomyModel, read from `workspace`.
    void showIndex(const Workspace *workspace, const QModelIndex &index);
    /// Reads the shown node again (after the store changed).
    void reload(const Workspace *workspace);
    /// The value shown for a field, empty when there is none (for tests).
    QString value(const QString &field) const;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QLabel *m_title;
    QTableWidget *m_table;
    QPersistentModelIndex m_index;
};

} // namespace mlwb
