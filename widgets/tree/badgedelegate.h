#pragma once

#include <QStyledItemDelegate>

namespace mlwb {

/// Draws a tree node as usual, then its badges (a version's aliases, from
/// TaxonomyModel::BadgesRole) as small rounded labels after the text.
class BadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static constexpr int gap = 6;
    static constexpr int padding = 5;
    int badgesWidth(const QFontMetrics &metrics, const QStringList &badges) const;
};

} // namespace mlwb
