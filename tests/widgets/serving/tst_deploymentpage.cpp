// A deployment's page over a real deployment (a tiny scoring script served
// as a supervised local process), tested as the user sees it, offscreen:
// the console's answer and history, the telemetry series, the keys.
#include "items/taxonomymodel.h"
#include "oci/imagebuilder.h"
#include "registry/modelregistry.h"
#include "serving/createendpointdialog.h"
#include "serving/deploydialog.h"
#include "serving/deployer.h"
#include "serving/deploymentpage.h"
#include "serving/endpointpage.h"
#include "serving/endpointsupervisor.h"
#include "serving/endpointtraffic.h"
#include "serving/requesthistory.h"
#include "serving/scoringconsole.h"
#include "serving/servicekeys.h"
#include "serving/servicekeysbox.h"
#include "serving/servicetelemetry.h"
#include "sklearnservice.h"
#include "store/deployments.h"
#include "store/endpoints.h"
#include "store/workspace.h"
#include "tinybase.h"
#include "tree/workspacetree.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestDeploymentPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parsesPrometheusText();
    void dialogRefusesWhatTheCoreCannotServe();
    void dialogDeploysAnImage();
    void consoleSendsAndKeepsHistory();
    void endpointPageSplitsAndDeletes();
    void telemetryGetsPoints();
    void keysHiddenUntilShown();
    void treeMenusDeployAndOpen();
    void failedShowsTheLogsLastLines();
    void stopStartDelete();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    ModelVersion m_model;
    Deployment m_deployment;
    std::unique_ptr<DeploymentPage> m_page;
};

void TestDeploymentPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY); // mlwb-service-supervisor is found beside it
    // Keys live under the app's config folder, which the supervisors name "mlwb" too.
    QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
    QString error;
    m_ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY(testing::writeFile(path(QStringLiteral("weights.txt")), "2.0\n"));
    RegisterRequest model;
    model.name = QStringLiteral("doubler");
    model.path = path(QStringLiteral("weights.txt"));
    QVERIFY2(ModelRegistry(*m_ws).registerModel(model, &m_model, &error), qPrintable(error));
    // Doubles each number; a body without "data" raises (a 500).
    QVERIFY(testing::writeFile(path(QStringLiteral("score.py")),
                               "import json\n"
                               "def init():\n"
                               "    pass\n"
                               "def run(raw_data):\n"
                               "    return [2 * x for x in json.loads(raw_data)['data']]\n"));

    // Deployed through the dialog, as a user would.
    DeployDialog dialog(*m_ws);
    dialog.selectModelVersions({m_model.id});
    dialog.setScoringScript(path(QStringLiteral("score.py")));
    dialog.setKeyAuth(true);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("deployName"))->text(),
             QStringLiteral("doubler-service"));
    dialog.accept();
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    m_deployment = dialog.deployment();
    QVERIFY(m_deployment.id > 0);
    const auto settled = Deployer::waitUntilSettled(*m_ws, m_deployment.id, 30000, &error);
    QVERIFY2(settled, qPrintable(error));
    QCOMPARE(settled->status, QStringLiteral("Healthy"));

    m_page = std::make_unique<DeploymentPage>(m_ws.get(), m_deployment.id);
    m_page->setRefreshInterval(200);
    m_page->telemetry()->setPollInterval(200);
    m_page->resize(1200, 800);
    m_page->show();
    QTRY_VERIFY(m_page->stateText().contains(QStringLiteral("Healthy")));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("deploymentFacts"))
                ->text()
                .contains(QStringLiteral("doubler:1")));
    QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("scoringUri"))->text(), settled->url);
    QTRY_VERIFY(m_page->openApiText().contains(QStringLiteral("/score")));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("openApiSummary"))
                ->text()
                .contains(QStringLiteral("<code>POST</code></td><td><code>/score</code>")));
    // Without a sample in the service, the console starts from a generic example.
    QVERIFY(m_page->console()->requestText().contains(QStringLiteral("\"data\"")));
}

void TestDeploymentPage::cleanupTestCase()
{
    m_page.reset();
    if (!m_ws)
        return;
    QString error;
    const QList<Deployment> all = Deployments(*m_ws).list(&error);
    for (const Deployment &d : all)
        QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestDeploymentPage::parsesPrometheusText()
{
    ServiceCounters c;
    QString error;
    QVERIFY(ServiceCounters::parse("# TYPE mlwb_requests_total counter\n"
                                   "mlwb_requests_total{code=\"200\"} 7\n"
                                   "mlwb_requests_total{code=\"500\"} 3\n"
                                   "mlwb_request_errors_total 3\n"
                                   "mlwb_request_seconds{quantile=\"0.5\"} 0.002\n"
                                   "mlwb_request_seconds{quantile=\"0.95\"} 0.010\n"
                                   "mlwb_request_seconds{quantile=\"0.99\"} 0.020\n",
                                   &c, &error));
    QCOMPARE(c.requests, 10.0);
    QCOMPARE(c.errors, 3.0);
    QCOMPARE(c.p50, 0.002);
    QCOMPARE(c.p99, 0.020);
    QVERIFY(!ServiceCounters::parse("<html>not metrics</html>", &c, &error));
    QVERIFY(error.contains(QStringLiteral("no request count")));
}

void TestDeploymentPage::dialogRefusesWhatTheCoreCannotServe()
{
    DeployDialog dialog(*m_ws);
    dialog.setDeploymentName(QStringLiteral("no-script"));
    dialog.accept();
    QVERIFY(dialog.errorText().contains(QStringLiteral("scoring script")));
    QVERIFY(dialog.deployment().id == 0);
}

// An image chosen in the dialog is deployed off the GUI thread; where podman
// and docker run nothing, its models and script are served as a process,
// and the deployment says why.
void TestDeploymentPage::dialogDeploysAnImage()
{
    const testing::TinyBase base = testing::makeTinyBase(path(QStringLiteral("base")));
    QVERIFY(base.ok);
    ImageBuildRequest build;
    build.name = QStringLiteral("doubler-img");
    build.models = {QStringLiteral("doubler:1")};
    build.scoringScript = path(QStringLiteral("score.py"));
    build.base = QStringLiteral("oci-archive:") + base.ociArchive;
    Image image;
    QString error;
    QVERIFY2(ImageBuilder(*m_ws).build(build, &image, &error), qPrintable(error));
    const QString bin = path(QStringLiteral("bin"));
    for (const char *engine : {"podman", "docker"}) {
        const QString file = bin + QLatin1Char('/') + QLatin1String(engine);
        QVERIFY(testing::tinyWrite(file, "#!/bin/sh\necho 'Error: no containers here' >&2\n"
                                         "exit 125\n"));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ExeOwner);
    }
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", bin.toUtf8() + ':' + oldPath);

    DeployDialog dialog(*m_ws);
    dialog.selectImage(QStringLiteral("doubler-img:1"));
    dialog.setDeploymentName(QStringLiteral("from-image"));
    dialog.accept();
    // Busy: the buttons wait, and closing is refused until it is done.
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.reject();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.deployment().id > 0 || !dialog.errorText().isEmpty(), 60000);
    qputenv("PATH", oldPath);
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Deployment d = dialog.deployment();
    QCOMPARE(d.imageId, image.id);
    QVERIFY2(Deployer::modeReason(d).contains(QStringLiteral("no container engine")),
             qPrintable(Deployer::modeReason(d)));
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 30000, &error);
    QVERIFY2(settled, qPrintable(error));
    QCOMPARE(settled->status, QStringLiteral("Healthy"));
    QVERIFY2(Deployer::remove(*m_ws, d.name, &error), qPrintable(error));
}

void TestDeploymentPage::consoleSendsAndKeepsHistory()
{
    ScoringConsole *console = m_page->console();
    // The key comes from the keys box: without it this would be a 401.
    QVERIFY(!console->address().key.isEmpty());
    console->setRequestText(QStringLiteral("{\"data\": [1, 2.5]}"));
    m_page->findChild<QPushButton *>(QStringLiteral("consoleSend"))->click();
    RequestHistory *history = m_page->history();
    QTRY_COMPARE(history->count(), 1);
    QVERIFY2(console->statusText().startsWith(QStringLiteral("HTTP 200")),
             qPrintable(console->statusText()));
    QVERIFY(console->statusText().contains(QStringLiteral(" ms")));
    QCOMPARE(console->responseText().simplified(), QStringLiteral("[ 2, 5 ]"));
    QVERIFY(history->rowText(0).contains(QStringLiteral("HTTP 200")));

    // A bad request answers 500 and is kept too, newest first.
    console->setRequestText(QStringLiteral("{\"rows\": []}"));
    console->send();
    QTRY_COMPARE(history->count(), 2);
    QVERIFY(console->statusText().startsWith(QStringLiteral("HTTP 500")));
    QVERIFY(history->rowText(0).contains(QStringLiteral("HTTP 500")));

    // Selecting the first call shows it again; Resend sends it again.
    auto *list = history->findChild<QListWidget *>(QStringLiteral("historyList"));
    list->setCurrentRow(1);
    QCOMPARE(console->requestText(), QStringLiteral("{\"data\": [1, 2.5]}"));
    QVERIFY(console->statusText().startsWith(QStringLiteral("HTTP 200")));
    history->findChild<QPushButton *>(QStringLiteral("historyResend"))->click();
    QTRY_COMPARE(history->count(), 3);
    QVERIFY(history->rowText(0).contains(QStringLiteral("HTTP 200")));
}

// An endpoint made in the dialog with all traffic to the deployment; its
// page sends through it (pinned), shows the proxy's counts, and deletes it.
void TestDeploymentPage::endpointPageSplitsAndDeletes()
{
    CreateEndpointDialog dialog(*m_ws);
    dialog.setEndpointName(QStringLiteral("front"));
    dialog.setFirstDeployment(m_deployment.name);
    dialog.setKeyAuth(true);
    dialog.accept();
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Endpoint made = dialog.endpoint();
    QVERIFY(made.id > 0);

    EndpointPage page(m_ws.get(), made.id);
    page.setRefreshInterval(200);
    page.resize(1100, 800);
    page.show();
    QCOMPARE(page.traffic()->split().size(), 1);
    QCOMPARE(page.traffic()->split().first().weight, 100);
    QTRY_VERIFY(page.stateText().contains(QStringLiteral("Running")));
    // Pinned to the deployment, with the endpoint's key from its keys box.
    page.pin()->setCurrentIndex(page.pin()->findData(m_deployment.name));
    page.console()->setRequestText(QStringLiteral("{\"data\": [4]}"));
    page.console()->send();
    QTRY_COMPARE_WITH_TIMEOUT(page.history()->count(), 1, 10000);
    QCOMPARE(page.history()->call(0).status, 200);
    QVERIFY(page.console()->responseText().contains(QStringLiteral("8")));
    // The proxy's counters reach the table (the page's /swagger.json fetch counts too).
    QTRY_VERIFY_WITH_TIMEOUT(page.traffic()->table()->item(0, 2)
                                 && page.traffic()->table()->item(0, 2)->text().toInt() >= 1,
                             5000);
    // A split that does not add up to 100 cannot be applied.
    page.traffic()->setWeight(m_deployment.name, 60);
    QVERIFY(!page.traffic()->applyButton()->isEnabled());
    page.traffic()->setWeight(m_deployment.name, 100);
    QVERIFY(page.traffic()->applyButton()->isEnabled());
    // Delete: the proxy leaves and the page says the tab may close.
    QSignalSpy deleted(&page, &EndpointPage::deleted);
    page.remove();
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, 15000);
    QString error;
    QVERIFY(!Endpoints(*m_ws).find(QStringLiteral("front"), &error));
    QCOMPARE(EndpointSupervisor::runningPid(*m_ws, QStringLiteral("front")), qint64(0));
}

void TestDeploymentPage::telemetryGetsPoints()
{
    m_page->pages()->setCurrentIndex(DeploymentPage::TelemetryPage);
    ServiceTelemetry *telemetry = m_page->telemetry();
    QTRY_VERIFY(telemetry->isPolling());
    // Requests made while it polls show up as a rate above zero. Sent while
    // waiting: a burst answered before its first reading would count for none.
    const ScoringCall call{{}, "{\"data\": [1]}", 0, {}, 0, {}};
    const auto sendAndSeeARate = [this, telemetry, &call] {
        if (!m_page->console()->isSending())
            m_page->console()->resend(call);
        for (const TelemetryPoint &p : telemetry->points())
            if (p.requestsPerSecond > 0 && p.p99Ms > 0)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sendAndSeeARate(), 10000);
    QTRY_VERIFY(!m_page->console()->isSending()); // its answer must not count for a later test
    QCOMPARE(telemetry->requestSeries()->count(), telemetry->points().size());
    QString error;
    const QString csv = path(QStringLiteral("telemetry.csv"));
    QVERIFY2(telemetry->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("seconds,requests_per_second"));
    QCOMPARE(lines.size(), telemetry->points().size() + 1);
    // Hidden, it stops polling.
    m_page->pages()->setCurrentIndex(DeploymentPage::ConsolePage);
    QVERIFY(!telemetry->isPolling());
}

void TestDeploymentPage::keysHiddenUntilShown()
{
    ServiceKeysBox *keys = m_page->keys();
    QString primary, secondary, error;
    QVERIFY2(ServiceKeys(*m_ws, m_deployment.name).read(&primary, &secondary, &error),
             qPrintable(error));
    QVERIFY(!keys->keysShown());
    QVERIFY(!keys->shownText(0).contains(primary));
    m_page->findChild<QPushButton *>(QStringLiteral("showKeys"))->click();
    QVERIFY(keys->keysShown());
    QCOMPARE(keys->shownText(0), primary);
    QCOMPARE(keys->shownText(1), secondary);
    // Regenerating the primary key: the console sends the new one and is answered.
    QVERIFY2(keys->regenerate(QStringLiteral("primary")), qPrintable(keys->lastError()));
    QVERIFY(keys->shownText(0) != primary);
    QCOMPARE(m_page->console()->address().key, keys->shownText(0));
    const int before = m_page->history()->count();
    m_page->console()->resend({{}, "{\"data\": [3]}", 0, {}, 0, {}});
    QTRY_COMPARE(m_page->history()->count(), before + 1);
    QVERIFY2(m_page->console()->statusText().startsWith(QStringLiteral("HTTP 200")),
             qPrintable(m_page->console()->statusText()));
}

void TestDeploymentPage::treeMenusDeployAndOpen()
{
    TaxonomyModel model;
    model.setWorkspace(m_ws.get());
    WorkspaceTree tree;
    tree.setTaxonomyModel(&model);
    auto expanded = [&](const QModelIndex &index) {
        if (model.canFetchMore(index))
            model.fetchMore(index);
        tree.expand(index);
        return model.index(0, 0, index);
    };
    QSignalSpy deploy(&tree, &WorkspaceTree::deployRequested);
    QSignalSpy open(&tree, &WorkspaceTree::deploymentActivated);
    // On a model version: Deploy… with that version.
    const QModelIndex version = expanded(expanded(model.groupIndex(Group::Models)));
    tree.setCurrentIndex(version);
    std::unique_ptr<QMenu> menu(tree.createContextMenu(version));
    QVERIFY(menu);
    menu->findChild<QAction *>(QStringLiteral("deployAction"))->trigger();
    QCOMPARE(deploy.count(), 1);
    QCOMPARE(deploy.at(0).at(0).value<QList<Id>>(), QList<Id>{m_model.id});
    // On the Deployments group: Deploy… with nothing chosen.
    const QModelIndex group = model.groupIndex(Group::Deployments);
    menu.reset(tree.createContextMenu(group));
    menu->findChild<QAction *>(QStringLiteral("deployAction"))->trigger();
    QCOMPARE(deploy.count(), 2);
    QVERIFY(deploy.at(1).at(0).value<QList<Id>>().isEmpty());
    // On a deployment: Open.
    const QModelIndex deployment = expanded(group);
    QCOMPARE(deployment.data(TaxonomyModel::NameRole).toString(), m_deployment.name);
    menu.reset(tree.createContextMenu(deployment));
    menu->findChild<QAction *>(QStringLiteral("openDeploymentAction"))->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toLongLong(), m_deployment.id);
}

void TestDeploymentPage::failedShowsTheLogsLastLines()
{
    QVERIFY(testing::writeFile(path(QStringLiteral("crash.py")), testing::crashingInitScript()));
    DeployRequest request;
    request.name = QStringLiteral("broken");
    request.scoringScript = path(QStringLiteral("crash.py"));
    Deployment d;
    QString error;
    QVERIFY2(Deployer::deploy(*m_ws, request, &d, &error), qPrintable(error));
    const auto settled = Deployer::waitUntilSettled(*m_ws, d.id, 30000, &error);
    QVERIFY2(settled, qPrintable(error));
    QCOMPARE(settled->status, QStringLiteral("Failed"));
    DeploymentPage page(m_ws.get(), d.id);
    page.show();
    QVERIFY(page.stateText().contains(QStringLiteral("Failed")));
    auto *tail = page.findChild<QLabel *>(QStringLiteral("deploymentLogTail"));
    QVERIFY(tail->isVisible());
    QVERIFY2(tail->text().contains(QStringLiteral("weights.bin is missing")),
             qPrintable(tail->text()));
    QVERIFY(page.findChild<QPushButton *>(QStringLiteral("startDeployment"))->isEnabled());
}

void TestDeploymentPage::stopStartDelete()
{
    auto *stop = m_page->findChild<QPushButton *>(QStringLiteral("stopDeployment"));
    auto *start = m_page->findChild<QPushButton *>(QStringLiteral("startDeployment"));
    QVERIFY(stop->isEnabled() && !start->isEnabled());
    QVERIFY2(m_page->stop(), qPrintable(m_page->lastError()));
    QTRY_VERIFY(m_page->stateText().contains(QStringLiteral("Stopped")));
    QVERIFY(!stop->isEnabled() && start->isEnabled());
    QVERIFY2(m_page->start(), qPrintable(m_page->lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->stateText().contains(QStringLiteral("Healthy")), 10000);
    QSignalSpy deleted(m_page.get(), &DeploymentPage::deleted);
    QVERIFY2(m_page->remove(), qPrintable(m_page->lastError()));
    QCOMPARE(deleted.count(), 1);
    QString error;
    QVERIFY(!Deployments(*m_ws).find(m_deployment.name, &error));
}

QTEST_MAIN(TestDeploymentPage)
#include "tst_deploymentpage.moc"
