#pragma once

#include <QVector>
#include <QWidget>

namespace mlwb {

/// A small line of a metric's history, no axes: the shape at a glance.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QVector<double> values, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {120, 28}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<double> m_values;
};

} // namespace mlwb
