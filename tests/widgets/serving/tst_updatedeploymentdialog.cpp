// The Update dialog of a deployment's page over a real deployment (a tiny
// scoring script served as a supervised process): a new version whose
// init() fails leaves the old one serving and says why; model v1 -> v2
// switches what the page shows and what the service answers.
#include "registry/modelregistry.h"
#include "serving/deployer.h"
#include "serving/deploymentpage.h"
#include "serving/scoringclient.h"
#include "serving/servesbox.h"
#include "serving/updatedeploymentdialog.h"
#include "sklearnservice.h"
#include "store/deployments.h"
#include "store/workspace.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestUpdateDeploymentDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startsFromWhatItServes();
    void failingInitKeepsTheOldVersion();
    void updatesToTheNextModelVersion();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    UpdateDeploymentDialog *openDialog();
    QString facts() const;
    QByteArray score() const;

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    ModelVersion m_v1, m_v2;
    Deployment m_deployment;
    std::unique_ptr<DeploymentPage> m_page;
};

void TestUpdateDeploymentDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY); // mlwb-service-supervisor is found beside it
    QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
    QString error;
    m_ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    // Two versions of one model: a factor of 2, then 3.
    ModelVersion *versions[] = {&m_v1, &m_v2};
    for (int i = 0; i < 2; ++i) {
        const QString folder = path(QStringLiteral("v%1").arg(i + 1));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(testing::writeFile(folder + QStringLiteral("/weights.txt"),
                                   QByteArray::number(i + 2) + '\n'));
        RegisterRequest model;
        model.name = QStringLiteral("scaler");
        model.path = folder + QStringLiteral("/weights.txt");
        QVERIFY2(ModelRegistry(*m_ws).registerModel(model, versions[i], &error), qPrintable(error));
    }
    QCOMPARE(m_v2.version, 2);
    QVERIFY(
        testing::writeFile(path(QStringLiteral("score.py")),
                           "import json, os\n"
                           "factor = None\n"
                           "def init():\n"
                           "    global factor\n"
                           "    for root, _, files in os.walk(os.environ['AZUREML_MODEL_DIR']):\n"
                           "        if 'weights.txt' in files:\n"
                           "            factor = float(open(os.path.join(root, "
                           "'weights.txt')).read())\n"
                           "def run(raw_data):\n"
                           "    return [factor * x for x in json.loads(raw_data)['data']]\n"));
    QVERIFY(testing::writeFile(path(QStringLiteral("crash.py")), testing::crashingInitScript()));
    DeployRequest request;
    request.name = QStringLiteral("scaler-service");
    request.models = {m_v1};
    request.scoringScript = path(QStringLiteral("score.py"));
    QVERIFY2(Deployer::deploy(*m_ws, request, &m_deployment, &error), qPrintable(error));
    const auto settled = Deployer::waitUntilSettled(*m_ws, m_deployment.id, 30000, &error);
    QVERIFY2(settled, qPrintable(error));
    QCOMPARE(settled->status, QStringLiteral("Healthy"));
    m_deployment = *settled;
    QCOMPARE(score(), QByteArray("[2.0]"));

    m_page = std::make_unique<DeploymentPage>(m_ws.get(), m_deployment.id);
    m_page->setRefreshInterval(200);
    m_page->resize(1200, 800);
    m_page->show();
    QTRY_VERIFY(m_page->findChild<QPushButton *>(QStringLiteral("updateDeployment"))->isEnabled());
    QVERIFY(facts().contains(QStringLiteral("scaler:1")));
}

void TestUpdateDeploymentDialog::cleanupTestCase()
{
    m_page.reset();
    QString error;
    if (m_ws && m_deployment.id > 0)
        QVERIFY2(Deployer::remove(*m_ws, m_deployment.name, &error), qPrintable(error));
}

UpdateDeploymentDialog *TestUpdateDeploymentDialog::openDialog()
{
    m_page->findChild<QPushButton *>(QStringLiteral("updateDeployment"))->click();
    return m_page->findChild<UpdateDeploymentDialog *>();
}

QString TestUpdateDeploymentDialog::facts() const
{
    return m_page->findChild<QLabel *>(QStringLiteral("deploymentFacts"))->text();
}

QByteArray TestUpdateDeploymentDialog::score() const
{
    ScoringClient client;
    const ScoringResponse r = client.post(m_deployment.url, "{\"data\": [1]}", QString(), 10000);
    return r.body.simplified().replace(" ", "");
}

// The dialog opens on what the deployment serves: its model version and script.
void TestUpdateDeploymentDialog::startsFromWhatItServes()
{
    QPointer<UpdateDeploymentDialog> dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    DeployRequest what;
    QString error;
    QVERIFY2(dialog->serves()->fill(&what, &error), qPrintable(error));
    QCOMPARE(what.models.size(), 1);
    QCOMPARE(what.models.first().id, m_v1.id);
    QVERIFY(what.scoringScript.endsWith(QStringLiteral("score.py")));
    QVERIFY(!what.image);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull()); // closed and deleted
}

void TestUpdateDeploymentDialog::failingInitKeepsTheOldVersion()
{
    QPointer<UpdateDeploymentDialog> dialog = openDialog();
    QVERIFY(dialog);
    dialog->serves()->setScoringScript(path(QStringLiteral("crash.py")));
    dialog->accept();
    // Busy: the progress shows, the buttons wait, closing is refused.
    QVERIFY(dialog->isBusy());
    QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("updateProgress"))->isVisible());
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QVERIFY(dialog->isVisible());
    // The new server's own last words.
    QVERIFY2(dialog->errorText().contains(QStringLiteral("weights.bin is missing")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(facts().contains(QStringLiteral("scaler:1")));
    QVERIFY(m_page->stateText().contains(QStringLiteral("Healthy")));
    QCOMPARE(score(), QByteArray("[2.0]"));
}

void TestUpdateDeploymentDialog::updatesToTheNextModelVersion()
{
    QPointer<UpdateDeploymentDialog> dialog = openDialog();
    QVERIFY(dialog);
    dialog->serves()->selectModelVersions({m_v2.id});
    dialog->serves()->setScoringScript(path(QStringLiteral("score.py")));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 30000); // accepted: closed
    QTRY_VERIFY(facts().contains(QStringLiteral("scaler:2")));
    QVERIFY(!facts().contains(QStringLiteral("scaler:1")));
    QVERIFY(m_page->stateText().contains(QStringLiteral("Healthy")));
    // Same URL, new model.
    QString error;
    const auto now = Deployments(*m_ws).find(m_deployment.id, &error);
    QVERIFY2(now, qPrintable(error));
    QCOMPARE(now->url, m_deployment.url);
    QCOMPARE(now->modelVersionIds, QList<Id>{m_v2.id});
    QCOMPARE(score(), QByteArray("[3.0]"));
}

QTEST_MAIN(TestUpdateDeploymentDialog)
#include "tst_updatedeploymentdialog.moc"
