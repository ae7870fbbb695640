#include "serving/scoringconsole.h"

#include "serving/requesthistory.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <memory>

namespace mlwb {

namespace {

const int sendTimeoutMs = 60000;

QPlainTextEdit *codeEditor(QWidget *parent, const char *objectName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    return edit;
}

} // namespace

ScoringConsole::ScoringConsole(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Services are reached on this computer (or through an SSH forward), never via a proxy.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_request = codeEditor(this, "consoleRequest");
    m_request->setPlaceholderText(tr("The JSON body to POST to /score"));
    m_response = codeEditor(this, "consoleResponse");
    m_response->setReadOnly(true);
    m_response->setPlaceholderText(tr("The answer appears here."));
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("consoleSend"));
    m_send->setToolTip(tr("POST the request to the scoring URI (Ctrl+Return)"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_status = new QLabel(tr("Not sent yet"), this);
    m_status->setObjectName(QStringLiteral("consoleStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_send, &QPushButton::clicked, this, &ScoringConsole::send);

    auto *requestBox = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addWidget(new QLabel(tr("Request"), requestBox));
    requestLayout->addWidget(m_request);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_status, 1);
    requestLayout->addLayout(sendRow);
    auto *responseBox = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responseBox);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->addWidget(new QLabel(tr("Response"), responseBox));
    responseLayout->addWidget(m_response);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(requestBox);
    split->addWidget(responseBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

ScoringConsole::~ScoringConsole() = default;

void ScoringConsole::setAddress(const ServiceAddress &address)
{
    m_address = address;
}

void ScoringConsole::setKey(const QString &key)
{
    m_address.key = key;
}

QWidget *consoleWithHistory(ScoringConsole *console, RequestHistory *history, QWidget *parent)
{
    auto *split = new QSplitter(Qt::Horizontal, parent);
    split->addWidget(console);
    split->addWidget(history);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    QObject::connect(console, &ScoringConsole::answered, history, &RequestHistory::add);
    QObject::connect(history, &RequestHistory::selected, console, &ScoringConsole::showCall);
    QObject::connect(history, &RequestHistory::resendRequested, console, &ScoringConsole::resend);
    return split;
}

QString ScoringConsole::requestText() const
{
    return m_request->toPlainText();
}

void ScoringConsole::setRequestText(const QString &text)
{
    m_request->setPlainText(text);
}

QString ScoringConsole::statusText() const
{
    return m_status->text();
}

QString ScoringConsole::responseText() const
{
    return m_response->toPlainText();
}

QByteArray ScoringConsole::sampleFrom(const QJsonObject &openApi)
{
    const QJsonObject json = openApi.value(QStringLiteral("paths"))
                                 .toObject()
                                 .value(QStringLiteral("/score"))
                                 .toObject()
                                 .value(QStringLiteral("post"))
                                 .toObject()
                                 .value(QStringLiteral("requestBody"))
                                 .toObject()
                                 .value(QStringLiteral("content"))
                                 .toObject()
                                 .value(QStringLiteral("application/json"))
                                 .toObject();
    QJsonValue example = json.value(QStringLiteral("example"));
    if (example.isUndefined())
        example = json.value(QStringLiteral("schema")).toObject().value(QStringLiteral("example"));
    if (example.isUndefined() || example.isNull())
        return {};
    if (example.isObject())
        return QJsonDocument(example.toObject()).toJson(QJsonDocument::Indented).trimmed();
    if (example.isArray())
        return QJsonDocument(example.toArray()).toJson(QJsonDocument::Indented).trimmed();
    // QJsonDocument holds objects and arrays only; wrap and cut for scalars.
    const QByteArray wrapped =
        QJsonDocument(QJsonArray{example}).toJson(QJsonDocument::Indented).trimmed();
    return wrapped.mid(1, wrapped.size() - 2).trimmed();
}

void ScoringConsole::prefillFrom(const QJsonObject &openApi)
{
    if (m_prefilled || !m_request->toPlainText().trimmed().isEmpty())
        return;
    m_prefilled = true;
    QByteArray sample = sampleFrom(openApi);
    // Without a sample in the service, the shape Azure ML's examples use.
    if (sample.isEmpty())
        sample = "{\n    \"data\": [[1.0, 2.0, 3.0, 4.0]]\n}";
    m_request->setPlainText(QString::fromUtf8(sample));
}

QString ScoringConsole::pretty(const QByteArray &body)
{
    QJsonParseError parsed;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parsed);
    if (parsed.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(body);
}

void ScoringConsole::send()
{
    if (m_sending)
        return;
    if (m_address.scoringUrl.isEmpty()) {
        m_status->setText(tr("The service has no scoring URI yet."));
        return;
    }
    QNetworkRequest request{QUrl(m_address.scoringUrl)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_address.key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_address.key.toUtf8());
    if (!m_address.pinnedDeployment.isEmpty())
        request.setRawHeader("azureml-model-deployment", m_address.pinnedDeployment);
    request.setTransferTimeout(sendTimeoutMs);
    auto call = std::make_shared<ScoringCall>();
    call->sentAt = QDateTime::currentDateTime();
    call->request = m_request->toPlainText().toUtf8();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_sending = true;
    m_send->setEnabled(false);
    m_status->setText(tr("Sending…"));
    QNetworkReply *reply = m_network->post(request, call->request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call, timer] {
        reply->deleteLater();
        call->latencyMs = double(timer->nsecsElapsed()) / 1e6;
        call->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        call->response = reply->readAll();
        if (call->status == 0)
            call->error = reply->errorString();
        m_sending = false;
        m_send->setEnabled(true);
        showAnswer(*call);
        Q_EMIT answered(*call);
    });
}

void ScoringConsole::showAnswer(const ScoringCall &call)
{
    if (call.status == 0) {
        m_status->setText(tr("No answer: %1").arg(call.error));
        m_response->clear();
        return;
    }
    const QString reason = call.status < 400 ? tr("OK") : tr("error");
    m_status->setText(
        tr("HTTP %1 (%2) in %3 ms").arg(call.status).arg(reason).arg(call.latencyMs, 0, 'f', 1));
    m_status->setStyleSheet(call.status < 400 ? QString() : QStringLiteral("color: #b3261e;"));
    m_response->setPlainText(pretty(call.response));
}

void ScoringConsole::showCall(const ScoringCall &call)
{
    m_request->setPlainText(QString::fromUtf8(call.request));
    showAnswer(call);
}

void ScoringConsole::resend(const ScoringCall &call)
{
    m_request->setPlainText(QString::fromUtf8(call.request));
    send();
}

} // namespace mlwb
