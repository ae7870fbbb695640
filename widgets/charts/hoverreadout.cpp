#include "charts/hoverreadout.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QToolTip>

namespace mlwb {

namespace {
constexpr qreal margin = 6, swatch = 8, gap = 5, offset = 16;
} // namespace

QString Readout::toPlainText() const
{
    QString text = title;
    for (const Row &row : rows)
        text += QLatin1Char('\n') + row.text;
    return text;
}

HoverReadout::HoverReadout(QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_bold(QToolTip::font())
{
    m_bold.setBold(true);
    setZValue(101); // over the crosshair
    setAcceptedMouseButtons(Qt::NoButton);
}

void HoverReadout::show(const Readout &readout, const QPointF &at, const QRectF &bounds)
{
    const QFontMetricsF plain(QToolTip::font()), bold(m_bold);
    m_lineHeight = std::max(plain.height(), bold.height());
    qreal width = bold.horizontalAdvance(readout.title);
    for (const Readout::Row &row : readout.rows)
        width = std::max(width, swatch + gap + plain.horizontalAdvance(row.text));
    const QSizeF size(width + 2 * margin, m_lineHeight * (readout.rows.size() + 1) + 2 * margin);
    // Right of and below the pointer; flipped where it would leave the chart.
    QPointF corner = at + QPointF(offset, offset / 2);
    if (corner.x() + size.width() > bounds.right())
        corner.setX(at.x() - offset - size.width());
    if (corner.y() + size.height() > bounds.bottom())
        corner.setY(std::max(bounds.top(), bounds.bottom() - size.height()));
    prepareGeometryChange();
    m_readout = readout;
    m_rect = QRectF(QPointF(0, 0), size);
    setPos(corner);
    setVisible(true);
    update();
}

QRectF HoverReadout::boundingRect() const
{
    return m_rect;
}

void HoverReadout::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = QToolTip::palette();
    painter->setPen(palette.color(QPalette::ToolTipText));
    painter->setBrush(palette.color(QPalette::ToolTipBase));
    painter->drawRect(m_rect.adjusted(0.5, 0.5, -0.5, -0.5));
    painter->setFont(m_bold);
    const QFontMetricsF metrics(m_bold);
    qreal y = margin + metrics.ascent();
    painter->drawText(QPointF(margin, y), m_readout.title);
    painter->setFont(QToolTip::font());
    for (const Readout::Row &row : std::as_const(m_readout.rows)) {
        y += m_lineHeight;
        painter->fillRect(QRectF(margin, y - swatch, swatch, swatch), row.color);
        painter->drawText(QPointF(margin + swatch + gap, y), row.text);
    }
}

} // namespace mlwb
