#include "window/tagchips.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace mlwb {

namespace {
constexpr int padding = 6; // inside a chip, left and right
constexpr int gap = 4;     // between chips and around them
} // namespace

QList<QRect> TagChips::layout(const QStringList &chips, int width, const QFontMetrics &metrics)
{
    QList<QRect> out;
    const int h = metrics.height() + 2;
    int x = gap, y = gap;
    for (const QString &chip : chips) {
        const int w = std::min(metrics.horizontalAdvance(chip) + 2 * padding, width - 2 * gap);
        if (x > gap && x + w > width - gap) { // the next line
            x = gap;
            y += h + gap;
        }
        out << QRect(x, y, w, h);
        x += w + gap;
    }
    return out;
}

int TagChips::height(const QStringList &chips, int width, const QFontMetrics &metrics)
{
    const QList<QRect> rects = layout(chips, width, metrics);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 1 + gap;
}

void TagChips::paint(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const
{
    const QStringList chips = index.data(ChipsRole).toStringList();
    if (chips.isEmpty())
        return QStyledItemDelegate::paint(painter, option, index);
    // Selection and alternate rows without the text: QStyledItemDelegate::paint
    // would fill the text in again from the index.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    const QFontMetrics metrics(option.font);
    const QList<QRect> rects = layout(chips, option.rect.width(), metrics);
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlpha(40);
    painter->save();
    painter->setFont(option.font); // as measured
    painter->setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < chips.size(); ++i) {
        const QRectF r = rects.at(i).translated(option.rect.topLeft());
        painter->setPen(option.palette.color(QPalette::Mid));
        painter->setBrush(fill);
        painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), r.height() / 2, r.height() / 2);
        painter->setPen(option.palette.color(QPalette::Text));
        // Elided only when the cell is narrower than the chip (+1: rounding).
        painter->drawText(
            r.adjusted(padding, 0, -padding, 0), Qt::AlignCenter,
            metrics.elidedText(chips.at(i), Qt::ElideMiddle, int(r.width()) - 2 * padding + 1));
    }
    painter->restore();
}

} // namespace mlwb
