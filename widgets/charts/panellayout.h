#pragma once

#include "store/types.h"

#include <QHash>
#include <QStringList>

namespace mlwb {

/// Which metrics share a chart panel, which panels are pinned first and the
/// order the user dragged them into, remembered per experiment (the user's
/// settings, not the workspace).
class PanelLayout
{
public:
    struct Panel {
        QString metric;     // the panel's own metric
        QStringList merged; // overlaid on it
    };

    /// The panels for these metrics: pinned ones first, in pin order; then
    /// the rest in the order they were moved to, new ones in the given
    /// order; a merged metric inside its panel only.
    QList<Panel> panels(const QStringList &metrics) const;
    /// Puts `metric` (and what was merged into it) into `into`'s panel.
    void merge(const QString &metric, const QString &into);
    /// Merges every metric matching the pattern into the first that does;
    /// returns how many moved (an invalid pattern moves none).
    int mergeMatching(const QString &pattern, const QStringList &metrics);
    /// Gives every metric of `metric`'s panel its own panel again.
    void split(const QString &metric);
    /// Moves `metric`'s panel just before (or after) `target`'s; beside a
    /// pinned panel it is pinned too, beside an unpinned one it is not.
    void move(const QString &metric, const QString &target, bool after, const QStringList &metrics);
    void setPinned(const QString &metric, bool pinned);
    bool isPinned(const QString &metric) const { return m_pinned.contains(metric); }
    QStringList mergedInto(const QString &metric) const { return m_merged.value(metric); }
    bool isEmpty() const { return m_merged.isEmpty() && m_pinned.isEmpty() && m_order.isEmpty(); }

    void load(Id experimentId);
    void save(Id experimentId) const;

private:
    QHash<QString, QStringList> m_merged; // panel metric -> metrics merged into it
    QStringList m_pinned;
    QStringList m_order; // panels as the user moved them
};

} // namespace mlwb
