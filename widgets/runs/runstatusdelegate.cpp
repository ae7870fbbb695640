#include "runs/runstatusdelegate.h"

#include "runs/runstatustext.h"

#include <QIcon>
#include <QStyle>
#include <QWidget>

namespace mlwb {

void RunStatusDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString code = index.data(Qt::DisplayRole).toString();
    bool known = false;
    const RunStatus status = statusFromName(code, &known);
    if (!known)
        return;
    option->text = statusText(status);
    option->icon = QIcon(QStringLiteral(":/icons/run-%1.svg").arg(code.toLower()));
    option->features |= QStyleOptionViewItem::HasDecoration;
    // The model gives no icon, so the size the column is fitted to must be set here.
    const int side =
        option->widget ? option->widget->style()->pixelMetric(QStyle::PM_SmallIconSize) : 16;
    option->decorationSize = QSize(side, side);
    if (status == RunStatus::Failed) // the one a reader must not miss
        option->palette.setColor(QPalette::Text, QColor(statusColour(status)));
}

} // namespace mlwb
