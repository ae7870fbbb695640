#include "tree/badgedelegate.h"

#include "items/taxonomymodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace mlwb {

namespace {
QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}
} // namespace

int BadgeDelegate::badgesWidth(const QFontMetrics &metrics, const QStringList &badges) const
{
    int width = 0;
    for (const QString &badge : badges)
        width += gap + metrics.horizontalAdvance(badge) + 2 * padding;
    return width;
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QStringList badges = index.data(TaxonomyModel::BadgesRole).toStringList();
    if (badges.isEmpty())
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QFont font = badgeFont(opt.font);
    const QFontMetrics metrics(font);
    int x = textRect.left() + opt.fontMetrics.horizontalAdvance(opt.text) + gap;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const QString &badge : badges) {
        const int w = metrics.horizontalAdvance(badge) + 2 * padding;
        const QRectF box(x, textRect.center().y() - metrics.height() / 2.0 - 1, w,
                         metrics.height() + 2);
        if (box.left() > option.rect.right())
            break;
        QPainterPath path;
        path.addRoundedRect(box, box.height() / 2, box.height() / 2);
        painter->fillPath(path, QColor(0x15, 0x65, 0xc0));
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, badge);
        x += w + gap;
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QStringList badges = index.data(TaxonomyModel::BadgesRole).toStringList();
    if (!badges.isEmpty())
        size.rwidth() += badgesWidth(QFontMetrics(badgeFont(option.font)), badges);
    return size;
}

} // namespace mlwb
