#pragma once

#include "store/types.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace mlwb {

class Workspace;

/// The properties dock: the fields of the selected taxonomy node as a
/// two-column, read-only table; empty ones left out, technical ones folded
/// under Details, tags drawn as chips.
class PropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PropertiesPanel(QWidget *parent = nullptr);

    /// Shows the node at `index` of a TaxonomyModel, read from `workspace`.
    void showIndex(const Workspace *workspace, const QModelIndex &index);
    /// Shows a run (the one whose page is in front), not a tree node.
    void showRun(const Workspace *workspace, Id runId);
    /// Reads the shown node again (after the store changed).
    void reload(const Workspace *workspace);
    /// The value shown for a field, empty when there is none (for tests).
    QString value(const QString &field) const;

Q_SIGNALS:
    void errorOccurred(const QString &message);

public:
    /// Ids, the stored configuration and the like: shown under Details.
    static bool isTechnical(const QString &field);
    bool detailsShown() const { return m_showDetails; }

private:
    void toggleDetails(int row);
    /// Rows of tag chips as tall as their wrapped lines.
    void fitChipRows();

    QLabel *m_title;
    QTableWidget *m_table;
    QPersistentModelIndex m_index;
    Id m_runId = 0; // shown instead of m_index when set
    bool m_showDetails = false;
};

} // namespace mlwb
