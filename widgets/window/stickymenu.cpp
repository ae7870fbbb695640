#include "window/stickymenu.h"

#include <QMouseEvent>

namespace mlwb {

void StickyMenu::mouseReleaseEvent(QMouseEvent *event)
{
    QAction *action = actionAt(event->position().toPoint());
    if (action && action->isCheckable() && action->isEnabled()) {
        action->trigger();
        return;
    }
    QMenu::mouseReleaseEvent(event);
}

} // namespace mlwb
