#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace mlwb {

/// What the crosshair reads at one x: a title line, then a row per line
/// with its colour.
struct Readout {
    struct Row {
        QColor color;
        QString text;
    };
    QString title;
    QList<Row> rows;
    bool isEmpty() const { return rows.isEmpty(); }
    /// Title and rows, one per line (for tests and accessibility).
    QString toPlainText() const;
};

/// The crosshair's readout, painted in the chart beside the pointer. Not a
/// QToolTip: a rich-text tooltip is laid out again for every mouse move,
/// which with twenty lines cost a live panel more than drawing them.
class HoverReadout : public QGraphicsItem
{
public:
    explicit HoverReadout(QGraphicsItem *parent);

    /// Shows `readout` beside `at`, kept inside `bounds` (the chart's rect).
    void show(const Readout &readout, const QPointF &at, const QRectF &bounds);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Readout m_readout;
    QFont m_bold;
    QRectF m_rect;
    qreal m_lineHeight = 0;
};

} // namespace mlwb
