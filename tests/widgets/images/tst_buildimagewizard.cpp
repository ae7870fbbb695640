// The Build Image wizard driven page by page as a user would (offscreen):
// a script without run() refused with its reason, Back keeping what was
// typed, the base read off the GUI thread, then a real build of a tiny base
// as a task, and the image page showing its layers and inputs.
#include "images/basepage.h"
#include "images/buildimagewizard.h"
#include "images/buildsummarypage.h"
#include "images/configurationpage.h"
#include "images/environmentchoicepage.h"
#include "images/imageactions.h"
#include "images/imagepage.h"
#include "images/modelspage.h"
#include "images/scriptpage.h"
#include "items/taxonomymodel.h"
#include "oci/imagebuilder.h"
#include "registry/modelregistry.h"
#include "registry/modelversionpage.h"
#include "store/deployments.h"
#include "store/environments.h"
#include "store/images.h"
#include "store/tasks.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mlwb;
using namespace mlwb::testing;

namespace {

const QByteArray goodScript = "def init():\n    pass\n\ndef run(raw_data):\n    return raw_data\n";
const QByteArray noRunScript = "def init():\n    pass\n";

// With MLWB_SHOTS=DIR the pages are saved there for a person to look at.
void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MLWB_SHOTS");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // the layout settles, as it would on screen
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestBuildImageWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void buildsPageByPage();
    void templateScriptPassesTheCheck();
    void imagePageActions();
    void treeListsNamesThenVersions();
    void versionPageOffersBuildImage();

private:
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }
    QAbstractButton *back() const { return m_wizard->button(QWizard::BackButton); }
    Image buildDirectly();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<ImageActions> m_actions;
    BuildImageWizard *m_wizard = nullptr;
    ModelVersion m_version;
    TinyBase m_base;
};

void TestBuildImageWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_base = makeTinyBase(m_dir->filePath(QStringLiteral("base")));
    QVERIFY(m_base.ok);
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("model/model.pkl")), "weights"));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("score.py")), goodScript));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("norun.py")), noRunScript));
    RegisterRequest reg;
    reg.name = QStringLiteral("iris");
    reg.path = m_dir->filePath(QStringLiteral("model/model.pkl"));
    QVERIFY2(ModelRegistry(*m_ws).registerModel(reg, &m_version, &error), qPrintable(error));
    ModelVersion other;
    reg.name = QStringLiteral("churn");
    QVERIFY2(ModelRegistry(*m_ws).registerModel(reg, &other, &error), qPrintable(error));
    EnvironmentVersion env;
    env.packages = {QStringLiteral("numpy"), QStringLiteral("pandas>=2")};
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("sk"), &env, &error),
             qPrintable(error));
    m_window = std::make_unique<QWidget>();
    m_actions = std::make_unique<ImageActions>(m_window.get());
    m_actions->setWorkspace(m_ws.get());
}

void TestBuildImageWizard::cleanup()
{
    delete m_wizard;
    m_wizard = nullptr;
    m_actions.reset();
    m_window.reset();
    m_ws.reset();
    m_dir.reset();
}

void TestBuildImageWizard::buildsPageByPage()
{
    m_wizard = m_actions->buildImage(m_version.id);
    QVERIFY(m_wizard);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose, false); // the test deletes it
    // 1 Models: the version it was started from is ticked; search narrows.
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ModelsPageId));
    QCOMPARE(m_wizard->modelsPage()->models(), QStringList{QStringLiteral("iris:1")});
    QTest::keyClicks(m_wizard->findChild<QLineEdit *>(QStringLiteral("modelSearch")),
                     QStringLiteral("chu"));
    QListWidget *list = m_wizard->modelsPage()->list();
    int visible = 0;
    for (int i = 0; i < list->count(); ++i)
        visible += list->item(i)->isHidden() ? 0 : 1;
    QCOMPARE(visible, 2); // churn:1 matches, iris:1 is ticked
    QVERIFY(next()->isEnabled());
    shoot(m_wizard, QStringLiteral("1-models"));
    next()->click();
    // 2 Script: one without run() is refused with its reason on the page.
    auto *path = m_wizard->findChild<QLineEdit *>(QStringLiteral("scriptPath"));
    path->setText(m_dir->filePath(QStringLiteral("norun.py")));
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ScriptPageId));
    QVERIFY2(m_wizard->scriptPage()->message()->text().contains(QStringLiteral("run")),
             qPrintable(m_wizard->scriptPage()->message()->text()));
    shoot(m_wizard, QStringLiteral("2-script-refused"));
    path->setText(m_dir->filePath(QStringLiteral("score.py")));
    // A sample request that is not JSON is refused with where it breaks.
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("bad.json")), "{\"data\": [1, 2"));
    QVERIFY(tinyWrite(m_dir->filePath(QStringLiteral("sample.json")), "{\"data\": [[1, 2]]}"));
    m_wizard->scriptPage()->setOptional({}, m_dir->filePath(QStringLiteral("bad.json")), {});
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ScriptPageId));
    QVERIFY2(m_wizard->scriptPage()->message()->text().contains(QStringLiteral("not JSON")),
             qPrintable(m_wizard->scriptPage()->message()->text()));
    m_wizard->scriptPage()->setOptional({}, m_dir->filePath(QStringLiteral("sample.json")), {});
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::EnvironmentPageId));
    // Back keeps what was typed.
    back()->click();
    QCOMPARE(path->text(), m_dir->filePath(QStringLiteral("score.py")));
    next()->click();
    // 3 Environment.
    auto *env = m_wizard->findChild<QComboBox *>(QStringLiteral("environmentChoice"));
    env->setCurrentIndex(env->findText(QStringLiteral("sk:1")));
    QVERIFY(env->currentIndex() > 0);
    shoot(m_wizard, QStringLiteral("3-environment"));
    next()->click();
    // 4 Base: Next waits for a base that was read.
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::BasePageId));
    QVERIFY(!next()->isEnabled());
    m_wizard->basePage()->setBase(BasePage::OciArchive, m_base.ociArchive);
    m_wizard->basePage()->readButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(next()->isEnabled(), 10000);
    const QString facts = m_wizard->basePage()->facts()->text();
    QVERIFY2(facts.contains(QStringLiteral("linux/amd64"))
                 && facts.contains(QStringLiteral("3.11")),
             qPrintable(facts));
    QString packages = m_wizard->basePage()->packageReport();
    QVERIFY2(packages.contains(QStringLiteral("In the image: numpy")), qPrintable(packages));
    QVERIFY2(packages.contains(QStringLiteral("Missing: pandas>=2"))
                 && packages.contains(QStringLiteral("wheel folder"))
                 && packages.contains(QStringLiteral("network")),
             qPrintable(packages));
    shoot(m_wizard, QStringLiteral("4-base"));
    // A wheel folder fills the gap (read from the wheels' names here) ...
    const QString wheels = m_dir->filePath(QStringLiteral("wheels"));
    QVERIFY(tinyWrite(wheels + QStringLiteral("/pandas-2.1.0-py3-none-any.whl"), "zip"));
    m_wizard->basePage()->setWheelFolder(wheels);
    packages = m_wizard->basePage()->packageReport();
    QVERIFY2(packages.contains(QStringLiteral("pandas 2.1.0"))
                 && packages.contains(QStringLiteral("Nothing is missing")),
             qPrintable(packages));
    shoot(m_wizard, QStringLiteral("4-base-wheels"));
    // ... and a wheel for another Python keeps the page until it is gone.
    QVERIFY(tinyWrite(wheels + QStringLiteral("/fast-1.0-cp312-cp312-linux_x86_64.whl"), "zip"));
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::BasePageId));
    QVERIFY2(m_wizard->basePage()->packageReport().contains(QStringLiteral("cp312")),
             qPrintable(m_wizard->basePage()->packageReport()));
    m_wizard->basePage()->setWheelFolder({}); // these are not real wheels: build without
    next()->click();
    // 5 Configuration: a name Docker refuses is refused here with the reason.
    auto *name = m_wizard->configurationPage()->nameEdit();
    name->setText(QStringLiteral("Bad Name!"));
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ConfigurationPageId));
    QVERIFY(
        !m_wizard->findChild<QLabel *>(QStringLiteral("configurationMessage"))->text().isEmpty());
    name->setText(QStringLiteral("iris-service"));
    m_wizard->findChild<QLineEdit *>(QStringLiteral("imageNote"))->setText(QStringLiteral("first"));
    // CPU, memory and variables are checked as the CLI checks them.
    m_wizard->configurationPage()->setResources(QStringLiteral("1.5"), QStringLiteral("lots"));
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ConfigurationPageId));
    QVERIFY(m_wizard->configurationPage()->message()->text().contains(QStringLiteral("lots")));
    m_wizard->configurationPage()->setResources(QStringLiteral("1.5"), QStringLiteral("512M"));
    m_wizard->configurationPage()->setEnvironmentVariables(
        {{QStringLiteral("MLWB_PORT"), QStringLiteral("1")}});
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::ConfigurationPageId));
    QVERIFY(m_wizard->configurationPage()->message()->text().contains(QStringLiteral("MLWB_PORT")));
    m_wizard->configurationPage()->setEnvironmentVariables(
        {{QStringLiteral("GREETING"), QStringLiteral("hi")}});
    shoot(m_wizard, QStringLiteral("5-configuration"));
    next()->click();
    // 6 Summary says what will be built.
    QCOMPARE(m_wizard->currentId(), int(BuildImageWizard::SummaryPageId));
    const QString summary = m_wizard->summaryPage()->summary()->text();
    QVERIFY2(summary.contains(QStringLiteral("iris:1")) && summary.contains(QStringLiteral("sk:1"))
                 && summary.contains(m_base.ociArchive),
             qPrintable(summary));
    shoot(m_wizard, QStringLiteral("6-summary"));
    QSignalSpy built(m_actions.get(), &ImageActions::imageBuilt);
    m_wizard->button(QWizard::FinishButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(built.size(), 1, 12000);
    const Image image = built.at(0).at(0).value<Image>();
    QCOMPARE(image.name, QStringLiteral("iris-service"));
    QCOMPARE(image.tag, QStringLiteral("1"));
    QCOMPARE(
        image.inputs.value(QStringLiteral("resources")).toObject().value(QStringLiteral("cpu")),
        QJsonValue(1.5));
    QCOMPARE(image.inputs.value(QStringLiteral("environment_variables"))
                 .toObject()
                 .value(QStringLiteral("GREETING"))
                 .toString(),
             QStringLiteral("hi"));
    QString error;
    const QList<Task> tasks = Tasks(*m_ws).list(false, &error);
    QVERIFY(std::any_of(tasks.begin(), tasks.end(), [](const Task &t) {
        return t.kind == QLatin1String("image-build") && t.state == Task::State::Succeeded;
    }));
    // The image page shows its layers (base + the builder's) and its inputs.
    ImagePage page(m_ws.get(), image.id);
    QCOMPARE(page.title(), QStringLiteral("iris-service:1"));
    const int added = int(image.inputs.value(QStringLiteral("added_layers")).toArray().size());
    QVERIFY(added >= 3);
    QCOMPARE(page.layers()->topLevelItemCount(), 1 + added);
    QCOMPARE(page.layers()->topLevelItem(0)->text(2), m_base.layerDigest);
    const QString inputs = page.findChild<QLabel *>(QStringLiteral("imageInputs"))->text();
    QVERIFY2(inputs.contains(QStringLiteral("iris:1")) && inputs.contains(QStringLiteral("sk:1")),
             qPrintable(inputs));
    const QString config = page.findChild<QLabel *>(QStringLiteral("imageConfig"))->text();
    QVERIFY2(config.contains(QStringLiteral("first")), qPrintable(config));
    page.resize(1100, 760);
    shoot(&page, QStringLiteral("7-image-page"));
}

void TestBuildImageWizard::templateScriptPassesTheCheck()
{
    ScriptPage page;
    const QString path = m_dir->filePath(QStringLiteral("fromtemplate.py"));
    QString error;
    QVERIFY2(page.writeTemplate(path, &error), qPrintable(error));
    QVERIFY2(checkScoringScript(path, &error), qPrintable(error));
    QCOMPARE(page.scriptPath(), path);
}

// Builds through the core (the wizard's own build is tested above).
Image TestBuildImageWizard::buildDirectly()
{
    ImageBuildRequest r;
    r.name = QStringLiteral("svc");
    r.models = {QStringLiteral("iris:1")};
    r.scoringScript = m_dir->filePath(QStringLiteral("score.py"));
    r.base = QStringLiteral("oci-archive:") + m_base.ociArchive;
    Image image;
    QString error;
    if (!ImageBuilder(*m_ws).build(r, &image, &error))
        qWarning("%s", qPrintable(error));
    return image;
}

void TestBuildImageWizard::imagePageActions()
{
    const Image image = buildDirectly();
    QVERIFY(image.id > 0);
    ImagePage page(m_ws.get(), image.id);
    // Deploy… hands the image on; the window wires it to the Deploy dialog.
    QSignalSpy deploy(&page, &ImagePage::deployRequested);
    page.findChild<QPushButton *>(QStringLiteral("deployImage"))->click();
    QCOMPARE(deploy.size(), 1);
    QCOMPARE(deploy.at(0).at(0).toString(), QStringLiteral("svc:1"));
    // Export runs as a task and writes the archive.
    const QString target = m_dir->filePath(QStringLiteral("svc.tar"));
    QSignalSpy messages(&page, &ImagePage::messageLogged);
    page.exportTo(target, false);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 8000);
    QVERIFY(QFileInfo(target).size() > 0);
    // A push that cannot happen shows its reason on the page.
    QSignalSpy errors(&page, &ImagePage::errorLogged);
    page.pushTo(QStringLiteral("127.0.0.1:1/team/svc:1"), false);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 8000);
    QVERIFY(!errors.at(0).at(0).toString().isEmpty());
    QVERIFY(page.lastError().contains(errors.at(0).at(0).toString()));
    // Delete is refused with the core's reason while a deployment serves it.
    Deployment d;
    d.name = QStringLiteral("svc-live");
    d.imageId = image.id;
    QString error;
    QVERIFY2(Deployments(*m_ws).create(&d, &error), qPrintable(error));
    QVERIFY(!page.deleteImage(&error));
    QVERIFY2(error.contains(QStringLiteral("svc-live")), qPrintable(error));
    QVERIFY(Images(*m_ws).find(image.id));
}

void TestBuildImageWizard::treeListsNamesThenVersions()
{
    QVERIFY(buildDirectly().id > 0);
    const Image second = buildDirectly();
    QCOMPARE(second.tag, QStringLiteral("2"));
    TaxonomyModel model;
    model.setWorkspace(m_ws.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QModelIndex group = model.groupIndex(Group::Images);
    QCOMPARE(group.data().toString(), QStringLiteral("Images (1)")); // one name
    model.fetchMore(group);
    QCOMPARE(model.rowCount(group), 1);
    const QModelIndex name = model.index(0, 0, group);
    QCOMPARE(model.nodeKind(name), NodeKind::ImageName);
    QCOMPARE(name.data(TaxonomyModel::NameRole).toString(), QStringLiteral("svc"));
    QVERIFY(model.hasChildren(name));
    model.fetchMore(name); // (the tester may have fetched it already)
    QCOMPARE(model.rowCount(name), 2);
    const QModelIndex newest = model.index(0, 0, name);
    QCOMPARE(model.nodeKind(newest), NodeKind::Image);
    QCOMPARE(model.idOf(newest), second.id);
    QCOMPARE(newest.data(TaxonomyModel::NameRole).toString(), QStringLiteral("Version 2"));
    const QString tip = newest.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("iris:1")) && tip.contains(m_base.ociArchive),
             qPrintable(tip));
}

void TestBuildImageWizard::versionPageOffersBuildImage()
{
    ModelVersionPage page(m_ws.get(), m_version.modelId, m_version.id);
    QSignalSpy asked(&page, &ModelVersionPage::buildImageRequested);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("buildImageFromVersion"));
    QVERIFY(button);
    button->click();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.at(0).at(0).value<Id>(), m_version.id);
}

QTEST_MAIN(TestBuildImageWizard)
#include "tst_buildimagewizard.moc"
