#pragma once

#include <QMenu>

namespace mlwb {

/// A menu whose checkable actions toggle without closing it, so several
/// columns or axes can be picked in one go. Other actions close it as usual.
class StickyMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
};

} // namespace mlwb
