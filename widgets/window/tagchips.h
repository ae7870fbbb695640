#pragma once

#include <QStyledItemDelegate>

namespace mlwb {

/// Draws a cell whose ChipsRole holds a list of texts ("key=value") as small
/// rounded chips, wrapped onto as many lines as the cell's width needs; other
/// cells are drawn as usual.
class TagChips : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role { ChipsRole = Qt::UserRole + 20 };
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    /// The chips' rectangles laid out in a cell `width` wide, from (0, 0).
    static QList<QRect> layout(const QStringList &chips, int width, const QFontMetrics &metrics);
    /// The height a cell `width` wide needs for them.
    static int height(const QStringList &chips, int width, const QFontMetrics &metrics);
};

} // namespace mlwb
