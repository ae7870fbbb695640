#pragma once

#include "serving/scoringcall.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;

namespace mlwb {

/// The test console of a scoring service: a JSON request editor, Send (an
/// asynchronous POST with the key, so the window never waits), and the
/// answer: its status, its latency and its body pretty-printed.
class ScoringConsole : public QWidget
{
    Q_OBJECT
public:
    explicit ScoringConsole(QWidget *parent = nullptr);
    ~ScoringConsole() override;

    void setAddress(const ServiceAddress &address);
    ServiceAddress address() const { return m_address; }
    QString requestText() const;
    void setRequestText(const QString &text);
    /// Prefills the editor from the OpenAPI document's request example
    /// (else a generic example), unless the user already typed one.
    void prefillFrom(const QJsonObject &openApi);
    /// The /score request example of an OpenAPI document; empty if none.
    static QByteArray sampleFrom(const QJsonObject &openApi);
    /// JSON indented for reading; anything else as it is.
    static QString pretty(const QByteArray &body);
    bool isSending() const { return m_sending; }
    QString statusText() const;
    QString responseText() const;

public Q_SLOTS:
    /// The key sent as Authorization: Bearer KEY (the keys box's primary key).
    void setKey(const QString &key);
    void send();
    /// Puts an earlier call's request in the editor and its answer below.
    void showCall(const mlwb::ScoringCall &call);
    /// Sends an earlier call's request again.
    void resend(const mlwb::ScoringCall &call);

Q_SIGNALS:
    void answered(const mlwb::ScoringCall &call);

private:
    void showAnswer(const ScoringCall &call);

    ServiceAddress m_address;
    QNetworkAccessManager *m_network;
    bool m_sending = false;
    bool m_prefilled = false;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QLabel *m_status;
    QPushButton *m_send;
};

class RequestHistory;

/// The console beside its history: selecting a call shows it, Resend sends
/// it again, each answer is added. The deployment and endpoint pages share it.
QWidget *consoleWithHistory(ScoringConsole *console, RequestHistory *history, QWidget *parent);

} // namespace mlwb
