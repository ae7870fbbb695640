#include "serving/endpointpage.h"

#include "serving/deploymentpage.h"
#include "serving/endpointdeployer.h"
#include "serving/endpointsupervisor.h"
#include "serving/endpointtraffic.h"
#include "serving/requesthistory.h"
#include "serving/scoringconsole.h"
#include "serving/servicekeysbox.h"
#include "serving/servicetelemetry.h"
#include "serving/servingconfig.h"
#include "serving/workspacejob.h"
#include "store/deployments.h"
#include "store/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

std::optional<Endpoint> findById(const Workspace &ws, Id id, QString *error)
{
    const QList<Endpoint> all = Endpoints(ws).list(error);
    for (const Endpoint &e : all)
        if (e.id == id)
            return e;
    return std::nullopt;
}

bool sameSplit(const QList<TrafficShare> &a, const QList<TrafficShare> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].deployment.compare(b[i].deployment, Qt::CaseInsensitive) != 0
            || a[i].weight != b[i].weight)
            return false;
    return true;
}

} // namespace

EndpointPage::EndpointPage(Workspace *workspace, Id endpointId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_id(endpointId)
    , m_network(new QNetworkAccessManager(this))
    , m_traffic(new EndpointTraffic(this))
    , m_console(new ScoringConsole(this))
    , m_history(new RequestHistory(this))
    , m_pin(new QComboBox(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    QString error;
    m_endpoint = findById(*m_workspace, m_id, &error);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    auto *trafficBox = new QGroupBox(tr("Traffic"), this);
    auto *trafficLayout = new QVBoxLayout(trafficBox);
    auto *hint = new QLabel(tr("Requests are routed by weight. A request with the header "
                               "<code>azureml-model-deployment: NAME</code> goes to that "
                               "deployment. A new split takes effect without dropping requests "
                               "in flight."),
                            trafficBox);
    hint->setWordWrap(true);
    trafficLayout->addWidget(hint);
    trafficLayout->addWidget(m_traffic);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("endpointTabs"));
    m_pages->addTab(createConsole(), tr("T&est"));
    m_pages->addTab(createTelemetry(), tr("Tele&metry"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(trafficBox);
    split->addWidget(m_pages);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_traffic, &EndpointTraffic::applyRequested, this, &EndpointPage::applySplit);
    if (!m_endpoint) {
        setMessage(error.isEmpty() ? tr("This endpoint no longer exists.") : error, true);
        return;
    }
    showEndpoint(*m_endpoint);
    connect(&m_refresh, &QTimer::timeout, this, &EndpointPage::refresh);
    m_refresh.start(1000);
}

EndpointPage::~EndpointPage() = default;

QString EndpointPage::title() const
{
    return m_endpoint ? m_endpoint->name : tr("Endpoint");
}

QWidget *EndpointPage::createHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(title(), header);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_state = new QLabel(header);
    m_state->setObjectName(QStringLiteral("endpointState"));
    m_delete = new QPushButton(tr("&Delete…"), header);
    m_delete->setObjectName(QStringLiteral("deleteEndpoint"));
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete Endpoint"),
                                  tr("Delete the endpoint %1? Its URL stops answering; the "
                                     "deployments behind it keep running.")
                                      .arg(title()))
            == QMessageBox::Yes)
            remove();
    });
    m_uri = new QLabel(header);
    m_uri->setObjectName(QStringLiteral("endpointUri"));
    m_uri->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uri->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("&Copy"), header);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_uri->text()); });
    m_message = new QLabel(header);
    m_message->setObjectName(QStringLiteral("endpointMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_state, 1);
    titleRow->addWidget(m_delete);
    auto *uriRow = new QHBoxLayout;
    uriRow->addWidget(new QLabel(tr("Scoring URI:"), header));
    uriRow->addWidget(m_uri, 1);
    uriRow->addWidget(copy);
    auto *keysBox = new QGroupBox(tr("Keys"), header);
    auto *keysLayout = new QVBoxLayout(keysBox);
    const bool keyAuth = m_endpoint && m_endpoint->auth == QLatin1String("key");
    m_keys = new ServiceKeysBox(
        *m_workspace, m_endpoint ? EndpointSupervisor::keysName(m_endpoint->name) : QString(),
        keyAuth, keysBox);
    keysLayout->addWidget(m_keys);
    connect(m_keys, &ServiceKeysBox::primaryKeyChanged, m_console, &ScoringConsole::setKey);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_message);
    layout->addLayout(uriRow);
    layout->addWidget(keysBox);
    return header;
}

QWidget *EndpointPage::createConsole()
{
    auto *box = new QWidget(this);
    m_pin->setObjectName(QStringLiteral("endpointPin"));
    connect(m_pin, &QComboBox::currentIndexChanged, this, [this] {
        ServiceAddress address = m_console->address();
        address.pinnedDeployment = m_pin->currentData().toString().toUtf8();
        m_console->setAddress(address);
    });
    auto *pinLabel = new QLabel(tr("Send &to:"), box);
    pinLabel->setBuddy(m_pin);
    auto *pinRow = new QHBoxLayout;
    pinRow->addWidget(pinLabel);
    pinRow->addWidget(m_pin, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(pinRow);
    layout->addWidget(consoleWithHistory(m_console, m_history, box), 1);
    return box;
}

QWidget *EndpointPage::createTelemetry()
{
    auto *page = new QWidget(this);
    m_telemetryChoice = new QComboBox(page);
    m_telemetryChoice->setObjectName(QStringLiteral("endpointTelemetryDeployment"));
    m_telemetryStack = new QStackedWidget(page);
    connect(m_telemetryChoice, &QComboBox::currentIndexChanged, m_telemetryStack,
            &QStackedWidget::setCurrentIndex);
    auto *label = new QLabel(tr("Deplo&yment:"), page);
    label->setBuddy(m_telemetryChoice);
    auto *hint = new QLabel(tr("From the deployment's own /metrics: every request it answered, "
                               "through this endpoint or called directly."),
                            page);
    hint->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_telemetryChoice, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(m_telemetryStack, 1);
    return page;
}

void EndpointPage::showTelemetry(const QList<TrafficShare> &split)
{
    QStringList names;
    for (const TrafficShare &share : split)
        names << share.deployment;
    for (auto it = m_telemetries.begin(); it != m_telemetries.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_telemetries.erase(it);
    }
    const QString shown = m_telemetryChoice->currentText();
    m_telemetryChoice->blockSignals(true);
    m_telemetryChoice->clear();
    while (m_telemetryStack->count() > 0) // added again in the split's order
        m_telemetryStack->removeWidget(m_telemetryStack->widget(0));
    QString error;
    for (const QString &name : std::as_const(names)) {
        ServiceTelemetry *&telemetry = m_telemetries[name];
        if (!telemetry) {
            telemetry = new ServiceTelemetry(m_telemetryStack);
            telemetry->setPollInterval(m_telemetryPollMs);
        }
        // Its port can change when it is deployed again under the same name.
        if (const auto d = Deployments(*m_workspace).find(name, &error))
            telemetry->setMetricsUrl(
                QUrl(servingconfig::scoringUrl(*d)).resolved(QUrl(QStringLiteral("/metrics"))));
        m_telemetryStack->addWidget(telemetry);
        m_telemetryChoice->addItem(name);
    }
    const int index = qMax(0, m_telemetryChoice->findText(shown));
    m_telemetryChoice->setCurrentIndex(index);
    m_telemetryStack->setCurrentIndex(index);
    m_telemetryChoice->blockSignals(false);
}

ServiceTelemetry *EndpointPage::telemetry(const QString &deployment) const
{
    return m_telemetries.value(deployment);
}

void EndpointPage::setTelemetryPollInterval(int ms)
{
    m_telemetryPollMs = ms;
    for (ServiceTelemetry *telemetry : std::as_const(m_telemetries))
        telemetry->setPollInterval(ms);
}

void EndpointPage::showEndpoint(const Endpoint &e)
{
    const QString url = EndpointDeployer::baseUrl(e) + QStringLiteral("/score");
    m_uri->setText(url);
    ServiceAddress address = m_console->address();
    address.scoringUrl = url;
    address.key = m_keys->primaryKey();
    m_console->setAddress(address);
    QString error;
    QStringList names;
    const QList<Deployment> deployments = Deployments(*m_workspace).list(&error);
    for (const Deployment &d : deployments)
        names << d.name;
    m_traffic->setSplit(e.traffic, names);
    showTelemetry(e.traffic);
    const QString pinned = m_pin->currentData().toString();
    m_pin->blockSignals(true);
    m_pin->clear();
    m_pin->addItem(tr("Any deployment, by the split"), QString());
    for (const TrafficShare &share : e.traffic)
        m_pin->addItem(tr("%1 only (pinned)").arg(share.deployment), share.deployment);
    m_pin->setCurrentIndex(qMax(0, m_pin->findData(pinned)));
    m_pin->blockSignals(false);
    // The request starts from a deployment's sample, as its OpenAPI document (proxied) has it.
    QNetworkRequest request(QUrl(EndpointDeployer::baseUrl(e) + QStringLiteral("/swagger.json")));
    request.setTransferTimeout(3000);
    if (!address.key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + address.key.toUtf8());
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_console->prefillFrom(QJsonDocument::fromJson(reply->readAll()).object());
    });
    refresh();
}

void EndpointPage::refresh()
{
    if (!m_endpoint || m_busy)
        return;
    QString error; // by name, kept once opened: one row, not the whole list, every second
    const auto now = Endpoints(*m_workspace).find(m_endpoint->name, &error);
    if (!now) {
        m_state->setText(QString());
        setMessage(error.isEmpty() ? tr("This endpoint was deleted.") : error, true);
        return;
    }
    const bool changed = !sameSplit(now->traffic, m_endpoint->traffic);
    m_endpoint = now;
    if (changed && !m_traffic->isEdited())
        showEndpoint(*now); // split by someone else (the CLI): show it unless the user is editing
    const bool running = EndpointSupervisor::runningPid(*m_workspace, now->name) > 0;
    // Coloured as a deployment's Healthy and Stopped are.
    m_state->setText(running
                         ? DeploymentPage::stateBadge(QStringLiteral("Healthy"), tr("Running"))
                         : DeploymentPage::stateBadge(QStringLiteral("Stopped"), tr("Stopped")));
    if (running)
        pollMetrics();
}

void EndpointPage::pollMetrics()
{
    if (m_polling || !m_endpoint)
        return;
    m_polling = true;
    QNetworkRequest request(
        QUrl(EndpointDeployer::baseUrl(*m_endpoint) + QStringLiteral("/metrics")));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_polling = false;
        if (reply->error() != QNetworkReply::NoError)
            return;
        QHash<QString, EndpointCounters> counters;
        QHash<QString, int> weights;
        parseEndpointMetrics(reply->readAll(), &counters, &weights);
        m_traffic->setCounters(counters);
    });
}

void EndpointPage::applySplit(const QList<TrafficShare> &traffic)
{
    if (!m_endpoint)
        return;
    const QString name = m_endpoint->name;
    setMessage(tr("Applying the split…"), false);
    runInBackground(
        [name, traffic](const Workspace &ws, QString *error) {
            Endpoint now;
            return EndpointDeployer::setTraffic(ws, name, traffic, &now, error);
        },
        [this] {
            QString error;
            if (const auto now = Endpoints(*m_workspace).find(m_endpoint->name, &error)) {
                m_endpoint = now;
                showEndpoint(*now);
                setMessage(tr("%1 now routes %2.")
                               .arg(now->name, EndpointDeployer::splitText(now->traffic)),
                           false);
            }
        });
}

void EndpointPage::remove()
{
    if (!m_endpoint)
        return;
    const QString name = m_endpoint->name;
    setMessage(tr("Deleting %1…").arg(name), false);
    runInBackground([name](const Workspace &ws,
                           QString *error) { return EndpointDeployer::remove(ws, name, error); },
                    [this] {
                        m_refresh.stop();
                        Q_EMIT deleted();
                    });
}

void EndpointPage::runInBackground(const std::function<bool(const Workspace &, QString *)> &job,
                                   const std::function<void()> &done)
{
    m_busy = true;
    m_delete->setEnabled(false);
    m_traffic->applyButton()->setEnabled(false);
    runWithWorkspace(this, m_workspace->path(), job, [this, done](bool ok, const QString &error) {
        m_busy = false;
        m_delete->setEnabled(true);
        m_traffic->applyButton()->setEnabled(true);
        if (!ok)
            setMessage(error, true);
        else
            done();
    });
}

QString EndpointPage::stateText() const
{
    return m_state->text();
}

QString EndpointPage::lastError() const
{
    return m_message->property("error").toBool() ? m_message->text() : QString();
}

void EndpointPage::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

} // namespace mlwb
