#include "charts/panellayout.h"

#include "window/appsettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace mlwb {

namespace {
QString key(Id experimentId)
{
    return QStringLiteral("chartLayout/%1").arg(experimentId);
}
} // namespace

QList<PanelLayout::Panel> PanelLayout::panels(const QStringList &metrics) const
{
    QSet<QString> inside; // metrics drawn in another metric's panel
    for (auto it = m_merged.cbegin(); it != m_merged.cend(); ++it)
        if (metrics.contains(it.key()))
            for (const QString &m : it.value())
                inside.insert(m);
    QStringList order;
    for (const QString &m : m_pinned)
        if (metrics.contains(m) && !inside.contains(m))
            order << m;
    for (const QStringList &list : {m_order, metrics})
        for (const QString &m : list)
            if (metrics.contains(m) && !order.contains(m) && !inside.contains(m))
                order << m;
    QList<Panel> out;
    for (const QString &m : std::as_const(order)) {
        Panel panel{m, {}};
        for (const QString &other : m_merged.value(m))
            if (metrics.contains(other))
                panel.merged << other;
        out << panel;
    }
    return out;
}

void PanelLayout::merge(const QString &metric, const QString &into)
{
    if (metric == into)
        return;
    QStringList moving = QStringList{metric} + m_merged.take(metric);
    // `into` may itself sit in a third panel: merge into that one.
    QString target = into;
    for (auto it = m_merged.cbegin(); it != m_merged.cend(); ++it)
        if (it.value().contains(into))
            target = it.key();
    for (auto it = m_merged.begin(); it != m_merged.end(); ++it)
        for (const QString &m : std::as_const(moving))
            it.value().removeAll(m);
    QStringList &list = m_merged[target];
    for (const QString &m : std::as_const(moving))
        if (m != target && !list.contains(m))
            list << m;
    m_pinned.removeAll(metric);
}

int PanelLayout::mergeMatching(const QString &pattern, const QStringList &metrics)
{
    const QRegularExpression re(pattern);
    if (!re.isValid() || pattern.isEmpty())
        return 0;
    QStringList matching;
    for (const QString &m : metrics)
        if (re.match(m).hasMatch())
            matching << m;
    for (int i = 1; i < matching.size(); ++i)
        merge(matching.at(i), matching.first());
    return int(std::max<qsizetype>(0, matching.size() - 1));
}

void PanelLayout::split(const QString &metric)
{
    m_merged.remove(metric);
}

void PanelLayout::move(const QString &metric, const QString &target, bool after,
                       const QStringList &metrics)
{
    QStringList order;
    for (const Panel &panel : panels(metrics))
        order << panel.metric;
    if (metric == target || !order.contains(metric) || !order.contains(target))
        return;
    order.removeAll(metric);
    order.insert(order.indexOf(target) + (after ? 1 : 0), metric);
    m_pinned.removeAll(metric);
    if (isPinned(target))
        m_pinned.insert(m_pinned.indexOf(target) + (after ? 1 : 0), metric);
    m_order = order;
}

void PanelLayout::setPinned(const QString &metric, bool pinned)
{
    m_pinned.removeAll(metric);
    if (pinned)
        m_pinned << metric;
}

void PanelLayout::load(Id experimentId)
{
    const QJsonObject o =
        QJsonDocument::fromJson(appSettings().value(key(experimentId)).toByteArray()).object();
    m_merged.clear();
    const QJsonObject merged = o.value(QStringLiteral("merged")).toObject();
    for (auto it = merged.begin(); it != merged.end(); ++it)
        m_merged.insert(it.key(), it.value().toVariant().toStringList());
    m_pinned = o.value(QStringLiteral("pinned")).toVariant().toStringList();
    m_order = o.value(QStringLiteral("order")).toVariant().toStringList();
}

void PanelLayout::save(Id experimentId) const
{
    QSettings settings = appSettings();
    if (isEmpty()) {
        settings.remove(key(experimentId));
        return;
    }
    QJsonObject merged;
    for (auto it = m_merged.cbegin(); it != m_merged.cend(); ++it)
        merged.insert(it.key(), QJsonValue::fromVariant(it.value()));
    const QJsonObject o{{QStringLiteral("merged"), merged},
                        {QStringLiteral("pinned"), QJsonValue::fromVariant(m_pinned)},
                        {QStringLiteral("order"), QJsonValue::fromVariant(m_order)}};
    settings.setValue(key(experimentId), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace mlwb
