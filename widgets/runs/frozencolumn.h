#pragma once

#include <QObject>

class QTableView;

namespace mlwb {

/// Keeps a table's first visible column in place while the rest scrolls
/// sideways, as Qt's "Frozen Column" example does: a second view over the
/// same model and selection, laid on top of the table's left edge.
class FrozenColumn : public QObject
{
    Q_OBJECT
public:
    /// Freezes the column at logical index `column` of `table` (not owned).
    FrozenColumn(QTableView *table, int column);

    QTableView *view() const { return m_frozen; }
    /// After the table's columns were hidden, moved or resized.
    void update();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_table;
    QTableView *m_frozen;
    int m_column;
};

} // namespace mlwb
