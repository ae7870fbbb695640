#include "serving/requesthistory.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mlwb {

RequestHistory::RequestHistory(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_resend(new QPushButton(tr("&Resend"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
{
    m_list->setObjectName(QStringLiteral("historyList"));
    m_resend->setObjectName(QStringLiteral("historyResend"));
    m_resend->setEnabled(false);
    m_clear->setEnabled(false);
    connect(m_list, &QListWidget::currentRowChanged, this, &RequestHistory::onRowChanged);
    connect(m_resend, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row >= 0 && row < m_calls.size())
            Q_EMIT resendRequested(m_calls.at(row));
    });
    connect(m_clear, &QPushButton::clicked, this, &RequestHistory::clear);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resend);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("History"), this));
    layout->addWidget(m_list);
    layout->addLayout(buttons);
}

QString RequestHistory::summary(const ScoringCall &call)
{
    const QString time = call.sentAt.toString(QStringLiteral("HH:mm:ss"));
    if (call.status == 0)
        return tr("%1  no answer (%2)").arg(time, call.error);
    return tr("%1  HTTP %2  %3 ms").arg(time).arg(call.status).arg(call.latencyMs, 0, 'f', 1);
}

QString RequestHistory::rowText(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->text() : QString();
}

void RequestHistory::add(const ScoringCall &call)
{
    m_calls.prepend(call);
    auto *item = new QListWidgetItem(summary(call));
    item->setToolTip(QString::fromUtf8(call.request.left(2000)));
    if (call.status == 0 || call.status >= 400)
        item->setForeground(QColor(0xb3, 0x26, 0x1e));
    const QSignalBlocker blocker(m_list); // a new call is not a selection
    m_list->insertItem(0, item);
    m_list->setCurrentRow(0); // the console shows the newest; Resend sends it again
    while (m_calls.size() > maximumCalls()) {
        m_calls.removeLast();
        delete m_list->takeItem(m_list->count() - 1);
    }
    m_clear->setEnabled(true);
    m_resend->setEnabled(m_list->currentRow() >= 0);
}

void RequestHistory::clear()
{
    m_calls.clear();
    m_list->clear();
    m_resend->setEnabled(false);
    m_clear->setEnabled(false);
}

void RequestHistory::onRowChanged(int row)
{
    m_resend->setEnabled(row >= 0);
    if (row >= 0 && row < m_calls.size())
        Q_EMIT selected(m_calls.at(row));
}

} // namespace mlwb
