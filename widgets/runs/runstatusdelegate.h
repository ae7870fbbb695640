#pragma once

#include <QStyledItemDelegate>

namespace mlwb {

/// Draws a status cell that holds the stored code ("Failed") as the tree
/// does: the status icon and the word in the user's language, a failure in red.
class RunStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace mlwb
