#pragma once

#include "serving/scoringcall.h"

#include <QList>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace mlwb {

/// The requests sent from a console, newest first: time, status and
/// latency. Selecting one shows it in the console; Resend sends it again.
class RequestHistory : public QWidget
{
    Q_OBJECT
public:
    explicit RequestHistory(QWidget *parent = nullptr);

    /// At most this many calls are kept; older ones are dropped.
    static constexpr int maximumCalls() { return 200; }
    int count() const { return int(m_calls.size()); }
    const ScoringCall &call(int row) const { return m_calls.at(row); }
    /// The line shown for a call.
    static QString summary(const ScoringCall &call);
    QString rowText(int row) const;

public Q_SLOTS:
    void add(const mlwb::ScoringCall &call);
    void clear();

Q_SIGNALS:
    void selected(const mlwb::ScoringCall &call);
    void resendRequested(const mlwb::ScoringCall &call);

private:
    void onRowChanged(int row);

    QList<ScoringCall> m_calls; // newest first, as shown
    QListWidget *m_list;
    QPushButton *m_resend;
    QPushButton *m_clear;
};

} // namespace mlwb
