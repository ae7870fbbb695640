#include "serving/deploymentpage.h"

#include "runs/logview.h"
#include "serving/deployer.h"
#include "serving/remoteserving.h"
#include "serving/requesthistory.h"
#include "serving/scoringconsole.h"
#include "serving/servicekeysbox.h"
#include "serving/servicetelemetry.h"
#include "serving/servingconfig.h"
#include "serving/updatedeploymentdialog.h"
#include "store/computetargets.h"
#include "store/deployments.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
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
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mlwb {

namespace {

// The colour of each state's badge, as the runs table colours run states.
QString stateColour(const QString &status)
{
    if (status == QLatin1String("Healthy"))
        return QStringLiteral("#1e7b34");
    if (status == QLatin1String("Unhealthy") || status == QLatin1String("Failed"))
        return QStringLiteral("#b3261e");
    if (status == QLatin1String("Stopped"))
        return QStringLiteral("#5f6368");
    return QStringLiteral("#b06000"); // Transitioning
}

// The routes of an OpenAPI document as a reader wants them: method, path,
// the answers each gives.
QString openApiSummary(const QJsonObject &doc)
{
    const QJsonObject info = doc.value(QStringLiteral("info")).toObject();
    QString html = QStringLiteral("<b>%1</b> (OpenAPI %2)<table cellspacing=3>")
                       .arg(info.value(QStringLiteral("title")).toString().toHtmlEscaped(),
                            doc.value(QStringLiteral("openapi")).toString().toHtmlEscaped());
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto method = methods.begin(); method != methods.end(); ++method) {
            QStringList answers;
            const QJsonObject responses =
                method.value().toObject().value(QStringLiteral("responses")).toObject();
            for (auto r = responses.begin(); r != responses.end(); ++r)
                answers << QStringLiteral("%1 %2").arg(r.key(),
                                                       r.value()
                                                           .toObject()
                                                           .value(QStringLiteral("description"))
                                                           .toString()
                                                           .toHtmlEscaped());
            html += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td>"
                                   "<td>%3</td></tr>")
                        .arg(method.key().toUpper(), path.key().toHtmlEscaped(),
                             answers.join(QStringLiteral(" · ")));
        }
    }
    return html + QStringLiteral("</table>");
}

// The end of a log, for a state banner (the Logs tab has all of it).
QString lastLogLines(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(qMax<qint64>(0, file.size() - 4096));
    QStringList tail = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    while (!tail.isEmpty() && tail.last().trimmed().isEmpty())
        tail.removeLast();
    return tail.mid(qMax(0, int(tail.size()) - lines)).join(QLatin1Char('\n'));
}

QLabel *selectableLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setWordWrap(true);
    return label;
}

} // namespace

QString DeploymentPage::stateBadge(const QString &status, const QString &text)
{
    return QStringLiteral("<span style=\"color:white; background:%1;\">&nbsp;%2&nbsp;</span>")
        .arg(stateColour(status), text.toHtmlEscaped());
}

QString DeploymentPage::stateName(const QString &status)
{
    if (status == QLatin1String("Healthy"))
        return DeploymentPage::tr("Healthy");
    if (status == QLatin1String("Unhealthy"))
        return DeploymentPage::tr("Unhealthy");
    if (status == QLatin1String("Failed"))
        return DeploymentPage::tr("Failed");
    if (status == QLatin1String("Stopped"))
        return DeploymentPage::tr("Stopped");
    return DeploymentPage::tr("Transitioning");
}

DeploymentPage::DeploymentPage(Workspace *workspace, Id deploymentId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_id(deploymentId)
    , m_network(new QNetworkAccessManager(this))
    , m_tabs(new QTabWidget(this))
    , m_console(new ScoringConsole(this))
    , m_history(new RequestHistory(this))
    , m_telemetry(new ServiceTelemetry(this))
    , m_log(new LogView(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    QString error;
    m_deployment = Deployments(*m_workspace).find(m_id, &error);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    m_tabs->setObjectName(QStringLiteral("deploymentTabs"));
    m_tabs->addTab(createConsolePage(), tr("&Test"));
    m_tabs->addTab(createOpenApiPage(), tr("&OpenAPI"));
    m_tabs->addTab(m_telemetry, tr("Tele&metry"));
    m_tabs->addTab(m_log, tr("&Logs"));
    layout->addWidget(m_tabs, 1);
    if (!m_deployment) {
        setError(error);
        return;
    }
    if (m_deployment->auth == QLatin1String("key"))
        connect(m_keys, &ServiceKeysBox::primaryKeyChanged, m_console, &ScoringConsole::setKey);
    ServiceAddress address;
    address.scoringUrl = servingconfig::scoringUrl(*m_deployment);
    address.key = m_keys ? m_keys->primaryKey() : QString();
    m_console->setAddress(address);
    m_telemetry->setMetricsUrl(address.resolved(QStringLiteral("/metrics")));
    m_log->setFile(Deployer::logPath(*m_workspace, *m_deployment));
    m_log->setLive(true);
    connect(&m_refresh, &QTimer::timeout, this, &DeploymentPage::refresh);
    m_refresh.start(1000);
    refresh();
}

DeploymentPage::~DeploymentPage() = default;

QString DeploymentPage::title() const
{
    return m_deployment ? m_deployment->name : tr("Deployment");
}

QWidget *DeploymentPage::createHeader()
{
    auto *header = new QWidget(this);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("deploymentTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_state = selectableLabel(header, "deploymentState");
    m_banner = selectableLabel(header, "deploymentError");
    m_banner->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_banner->hide();
    m_logTail = selectableLabel(header, "deploymentLogTail");
    m_logTail->setWordWrap(false);
    m_logTail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logTail->setStyleSheet(QStringLiteral("background: #fdecea; padding: 4px;"));
    m_logTail->hide();
    m_facts = selectableLabel(header, "deploymentFacts");
    connect(m_facts, &QLabel::linkActivated, this, &DeploymentPage::onLink);
    m_uri = selectableLabel(header, "scoringUri");
    m_uri->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("&Copy"), header);
    copy->setObjectName(QStringLiteral("copyScoringUri"));
    copy->setToolTip(tr("Copy the scoring URI to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_uri->text()); });
    m_update = new QPushButton(tr("&Update…"), header);
    m_update->setObjectName(QStringLiteral("updateDeployment"));
    m_update->setToolTip(tr("Serve another model or image version without dropping a request"));
    connect(m_update, &QPushButton::clicked, this, &DeploymentPage::showUpdateDialog);
    m_start = new QPushButton(tr("St&art"), header);
    m_stop = new QPushButton(tr("Sto&p…"), header);
    m_delete = new QPushButton(tr("&Delete…"), header);
    m_start->setObjectName(QStringLiteral("startDeployment"));
    m_stop->setObjectName(QStringLiteral("stopDeployment"));
    m_delete->setObjectName(QStringLiteral("deleteDeployment"));
    connect(m_start, &QPushButton::clicked, this, &DeploymentPage::start);
    connect(m_stop, &QPushButton::clicked, this, &DeploymentPage::confirmStop);
    connect(m_delete, &QPushButton::clicked, this, &DeploymentPage::confirmDelete);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_state, 1);
    titleRow->addWidget(m_update);
    titleRow->addWidget(m_start);
    titleRow->addWidget(m_stop);
    titleRow->addWidget(m_delete);
    auto *uriRow = new QHBoxLayout;
    uriRow->addWidget(new QLabel(tr("Scoring URI:"), header));
    uriRow->addWidget(m_uri, 1);
    uriRow->addWidget(copy);
    auto *keysBox = new QGroupBox(tr("Keys"), header);
    auto *keysLayout = new QVBoxLayout(keysBox);
    const bool keyAuth = m_deployment && m_deployment->auth == QLatin1String("key");
    m_keys = new ServiceKeysBox(*m_workspace, m_deployment ? m_deployment->name : QString(),
                                keyAuth, keysBox);
    keysLayout->addWidget(m_keys);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_logTail);
    layout->addWidget(m_facts);
    layout->addLayout(uriRow);
    layout->addWidget(keysBox);
    return header;
}

QWidget *DeploymentPage::createConsolePage()
{
    return consoleWithHistory(m_console, m_history, this);
}

QWidget *DeploymentPage::createOpenApiPage()
{
    auto *page = new QWidget(this);
    m_openApi = new QPlainTextEdit(page);
    m_openApi->setObjectName(QStringLiteral("openApiText"));
    m_openApi->setReadOnly(true);
    m_openApi->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_openApi->setPlaceholderText(tr("The OpenAPI document is fetched from /swagger.json once "
                                     "the service is healthy."));
    auto *reload = new QPushButton(tr("&Reload"), page);
    connect(reload, &QPushButton::clicked, this, &DeploymentPage::reloadOpenApi);
    m_openApiSummary = selectableLabel(page, "openApiSummary");
    auto *row = new QHBoxLayout;
    row->addWidget(m_openApiSummary, 1);
    row->addWidget(reload, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(new QLabel(tr("The document, from GET /swagger.json:"), page));
    layout->addWidget(m_openApi, 1);
    return page;
}

QString DeploymentPage::stateText() const
{
    return m_state->text();
}

QString DeploymentPage::openApiText() const
{
    return m_openApi->toPlainText();
}

void DeploymentPage::refresh()
{
    QString error;
    const auto d = Deployments(*m_workspace).find(m_id, &error);
    if (!d) {
        m_refresh.stop();
        setError(error);
        return;
    }
    m_deployment = d;
    showState(*d);
    showFacts(*d);
    if (d->status == QLatin1String("Healthy") && !m_openApiLoaded)
        reloadOpenApi();
}

void DeploymentPage::showState(const Deployment &d)
{
    m_title->setText(d.name);
    QString text = stateBadge(d.status, stateName(d.status));
    // The reason's first words beside the badge; all of it in the tooltip (the
    // log's last lines are shown below when it is broken).
    QString reason = d.message.section(QLatin1Char('\n'), 0, 0).simplified();
    if (reason.size() > 140)
        reason = reason.left(140) + QChar(0x2026);
    if (!reason.isEmpty())
        text += QStringLiteral(" &nbsp;") + reason.toHtmlEscaped();
    m_state->setToolTip(d.message);
    if (d.restartCount > 0)
        text += QStringLiteral(" &nbsp;")
                + tr("(restarted %n time(s) after a crash)", nullptr, d.restartCount);
    m_state->setText(text);
    // Unhealthy or Failed: the server's last words say why.
    const bool broken =
        d.status == QLatin1String("Unhealthy") || d.status == QLatin1String("Failed");
    m_logTail->setVisible(broken);
    if (broken && m_deployment)
        m_logTail->setText(lastLogLines(Deployer::logPath(*m_workspace, d), 6));
    const bool stopped = d.desired == QLatin1String("stopped");
    m_start->setEnabled(stopped || d.status == QLatin1String("Failed"));
    m_stop->setEnabled(!stopped);
    // Only a healthy server is updated in place (Deployer::update).
    m_update->setEnabled(!stopped && d.status == QLatin1String("Healthy"));
    m_uri->setText(d.url.isEmpty() ? servingconfig::scoringUrl(d) : d.url);
    if (m_banner->isVisible() && m_lastError.isEmpty())
        m_banner->hide();
}

void DeploymentPage::showFacts(const Deployment &d)
{
    QStringList serves;
    QString ignored;
    if (d.imageId > 0) {
        if (const auto image = Images(*m_workspace).find(d.imageId, &ignored))
            serves << QStringLiteral("<a href=\"image:%1\">%2:%3</a>")
                          .arg(image->id)
                          .arg(image->name.toHtmlEscaped(), image->tag.toHtmlEscaped());
    }
    const QStringList refs = Deployer::modelRefs(*m_workspace, d);
    for (const QString &ref : refs) {
        AssetRef parsed;
        std::optional<ModelVersion> v;
        if (AssetRef::parse(ref, &parsed, &ignored))
            v = Models(*m_workspace).find(parsed, &ignored);
        serves << (v ? QStringLiteral("<a href=\"model:%1:%2\">%3</a>")
                           .arg(v->modelId)
                           .arg(v->id)
                           .arg(ref.toHtmlEscaped())
                     : ref.toHtmlEscaped());
    }
    if (!d.scoringScript.isEmpty())
        serves
            << tr("scoring script %1").arg(QFileInfo(d.scoringScript).fileName().toHtmlEscaped());
    QString environment = tr("the system Python");
    if (d.environmentVersionId > 0) {
        if (const auto env =
                Environments(*m_workspace).versionById(d.environmentVersionId, &ignored))
            environment = QStringLiteral("<a href=\"environment:%1:%2\">%3</a>")
                              .arg(env->environmentId)
                              .arg(env->id)
                              .arg(tr("environment version %1").arg(env->version));
    }
    const auto target = ComputeTargets(*m_workspace).find(d.targetId, &ignored);
    const QString where =
        target && target->kind == ComputeTarget::Kind::Ssh ? target->name : tr("this computer");
    const bool process =
        d.config.value(QStringLiteral("mode")).toString() == QLatin1String("process");
    const bool onVm = remoteserving::isRemote(d);
    const QString mode = onVm      ? tr("a detached process reached through an SSH forward")
                         : process ? tr("a supervised process")
                                   : tr("a container");
    if (!process)
        environment = tr("the image's own Python");
    else if (onVm)
        environment = tr("the VM's Python (%1)")
                          .arg(d.config.value(QStringLiteral("python")).toString().toHtmlEscaped());
    m_facts->setText(
        tr("<b>Serves</b> %1 with %2<br><b>Target</b> %3, as %4, port %5 · "
           "<b>Authentication</b> %6")
            .arg(serves.join(QStringLiteral(", ")), environment, where.toHtmlEscaped(), mode)
            .arg(d.port)
            .arg(d.auth == QLatin1String("key") ? tr("keys") : tr("none")));
}

void DeploymentPage::onLink(const QString &link)
{
    const QStringList parts = link.split(QLatin1Char(':'));
    if (parts.value(0) == QLatin1String("model") && parts.size() == 3)
        Q_EMIT openModelVersion(parts[1].toLongLong(), parts[2].toLongLong());
    else if (parts.value(0) == QLatin1String("environment") && parts.size() == 3)
        Q_EMIT openEnvironment(parts[1].toLongLong(), parts[2].toLongLong());
    else if (parts.value(0) == QLatin1String("image") && parts.size() == 2)
        Q_EMIT openImage(parts[1].toLongLong());
}

void DeploymentPage::reloadOpenApi()
{
    if (!m_deployment)
        return;
    m_openApiLoaded = true;
    QNetworkRequest request(m_console->address().resolved(QStringLiteral("/swagger.json")));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            m_openApiLoaded = false; // tried again on the next healthy refresh
            m_openApi->setPlainText(
                tr("Could not fetch the OpenAPI document: %1").arg(reply->errorString()));
            return;
        }
        const QJsonObject doc = QJsonDocument::fromJson(body).object();
        m_openApiSummary->setText(openApiSummary(doc));
        m_openApi->setPlainText(ScoringConsole::pretty(body));
        m_console->prefillFrom(doc);
    });
}

bool DeploymentPage::stop()
{
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_deployment && Deployer::stop(*m_workspace, m_deployment->name, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        setError(error);
    refresh();
    return ok;
}

bool DeploymentPage::start()
{
    QString error;
    const bool ok = m_deployment && Deployer::start(*m_workspace, m_deployment->name, &error);
    if (!ok)
        setError(error);
    m_openApiLoaded = false;
    refresh();
    return ok;
}

bool DeploymentPage::remove()
{
    QString error;
    m_refresh.stop();
    m_log->setLive(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString left; // what stayed on a VM that could not be reached
    const bool ok =
        m_deployment && Deployer::remove(*m_workspace, m_deployment->name, &error, &left);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        setError(error);
        m_refresh.start();
        return false;
    }
    if (!left.isEmpty())
        QMessageBox::warning(this, tr("Deployment Deleted"),
                             tr("%1 was deleted. %2").arg(m_deployment->name, left));
    Q_EMIT deleted();
    return true;
}

void DeploymentPage::showUpdateDialog()
{
    if (!m_deployment)
        return;
    auto *dialog = new UpdateDeploymentDialog(*m_workspace, *m_deployment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_openApiLoaded = false; // the new server's document
        refresh();
    });
    dialog->open();
}

void DeploymentPage::confirmStop()
{
    if (QMessageBox::question(
            this, tr("Stop Deployment"),
            tr("Stop %1? Its clients get no answer until it is started again.").arg(title()))
        == QMessageBox::Yes)
        stop();
}

void DeploymentPage::confirmDelete()
{
    if (QMessageBox::question(this, tr("Delete Deployment"),
                              tr("Delete %1? The service is stopped, and its record, folder, log "
                                 "and keys are removed. This cannot be undone.")
                                  .arg(title()))
        == QMessageBox::Yes)
        remove();
}

void DeploymentPage::setError(const QString &message)
{
    m_lastError = message;
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

} // namespace mlwb
