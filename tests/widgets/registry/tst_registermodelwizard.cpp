// The Register Model wizard, driven page by page as a user would (offscreen),
// for both sources; Finish registers through a task and the version is
// checked in the store.
#include "registry/identitypage.h"
#include "registry/modelregistry.h"
#include "registry/registermodelwizard.h"
#include "registry/registryactions.h"
#include "registry/sourcepage.h"
#include "registry/summarypage.h"
#include "runs/outputsbrowser.h"
#include "runs/runfolder.h"
#include "store/environments.h"
#include "store/experiments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/tasks.h"
#include "store/workspace.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace mlwb;

class TestRegisterModelWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fromRunOutputs();
    void fromDiskAsNewVersion();
    void vanishedFolderRefused();
    void runListIsSearchable();
    void progressCanCancelTheCopy();
    void outputsBrowserOffersRegisterModel();

private:
    RegisterModelWizard *open(Id runId = 0, const QString &outputPath = QString());
    void writeFile(const QString &path, const QByteArray &bytes);
    template <typename T> T *child(const char *name)
    {
        T *found = m_wizard->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }
    QAbstractButton *back() const { return m_wizard->button(QWizard::BackButton); }
    QAbstractButton *finish() const { return m_wizard->button(QWizard::FinishButton); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<RegistryActions> m_actions;
    RegisterModelWizard *m_wizard = nullptr;
    Run m_run;
    EnvironmentVersion m_env;
};

// A pickle that imports from sklearn: PROTO 2, GLOBAL, STOP.
static const QByteArray sklearnPickle("\x80\x02"
                                      "csklearn.linear_model._logistic\n"
                                      "LogisticRegression\n.");

void TestRegisterModelWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("credit"), &error);
    QVERIFY2(e, qPrintable(error));
    m_run = Run();
    m_run.experimentId = e->id;
    m_run.experimentName = e->name;
    m_run.displayName = QStringLiteral("baseline-lr");
    m_run.script = QStringLiteral("train.py");
    QVERIFY2(Runs(*m_ws).create(&m_run, &error), qPrintable(error));
    QVERIFY2(Runs(*m_ws).setStatus(m_run.id, RunStatus::Running, &error), qPrintable(error));
    QVERIFY2(Runs(*m_ws).finish(m_run.id, RunStatus::Completed, 0, QString(), &error),
             qPrintable(error));
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), m_run.uid);
    writeFile(QDir(folder.outputs()).filePath(QStringLiteral("model.pkl")), sklearnPickle);
    writeFile(QDir(folder.outputs()).filePath(QStringLiteral("report/metrics.txt")), "auc 0.91\n");
    // The run was submitted with an environment; a second one exists too.
    m_env.python = QStringLiteral("3.11");
    m_env.spec = QStringLiteral("scikit-learn==1.2.1\n");
    m_env.specKind = QStringLiteral("pip");
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("sklearn-env"), &m_env, &error),
             qPrintable(error));
    QVERIFY2(Environments(*m_ws).setForRun(m_run.id, m_env.id, &error), qPrintable(error));
    EnvironmentVersion other;
    other.python = QStringLiteral("3.12");
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("onnx-env"), &other, &error),
             qPrintable(error));
    m_window = std::make_unique<QWidget>();
    m_actions = std::make_unique<RegistryActions>(m_window.get());
    m_actions->setWorkspace(m_ws.get());
}

void TestRegisterModelWizard::cleanup()
{
    delete m_wizard;
    m_wizard = nullptr;
    m_actions.reset();
    m_window.reset();
    m_ws.reset();
    m_dir.reset();
}

void TestRegisterModelWizard::writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

RegisterModelWizard *TestRegisterModelWizard::open(Id runId, const QString &outputPath)
{
    m_wizard = m_actions->registerModel(runId, outputPath);
    if (m_wizard)
        m_wizard->setAttribute(Qt::WA_DeleteOnClose, false); // the test deletes it
    return m_wizard;
}

void TestRegisterModelWizard::fromRunOutputs()
{
    QVERIFY(open(m_run.id, QStringLiteral("outputs/model.pkl")));
    // Source: the run and its file are preselected.
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::SourcePageId));
    QVERIFY(child<QRadioButton>("fromRun")->isChecked());
    QCOMPARE(child<QListWidget>("runList")->currentItem()->toolTip(), m_run.uid);
    QCOMPARE(m_wizard->sourcePage()->requestPath(), QStringLiteral("outputs/model.pkl"));
    QVERIFY(next()->isEnabled());
    next()->click();

    // Identity: an empty name, then one the store refuses, then a good one.
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::IdentityPageId));
    auto *message = child<QLabel>("identityMessage");
    QCOMPARE(message->text(), QStringLiteral("Enter a name for the new model."));
    QVERIFY(!next()->isEnabled());
    auto *name = child<QLineEdit>("modelName");
    QTest::keyClicks(name, QStringLiteral("credit risk!"));
    QVERIFY2(message->text().contains(QLatin1String("is not a valid model name")),
             qPrintable(message->text()));
    QVERIFY(child<QLabel>("versionNumber")->isHidden()); // no number for a refused name
    QVERIFY(!next()->isEnabled());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("credit-risk"));
    QCOMPARE(message->text(), QString());
    QCOMPARE(child<QLabel>("versionNumber")->text(),
             QStringLiteral("This will be version 1 of 'credit-risk'."));
    QCOMPARE(child<QComboBox>("framework")->currentText(), QStringLiteral("scikit-learn"));
    // The run's environment is inherited; "(none)" is not offered for a run that has one.
    auto *environment = child<QComboBox>("environment");
    QCOMPARE(environment->currentData().toString(), QStringLiteral("sklearn-env:1"));
    QCOMPARE(environment->findData(QString()), -1);
    QCOMPARE(environment->count(), 2);
    child<QPlainTextEdit>("description")->setPlainText(QStringLiteral("Logistic regression"));
    auto *tags = child<QPlainTextEdit>("tags");
    tags->setPlainText(QStringLiteral("stage candidate"));
    QCOMPARE(message->text(), QStringLiteral("Tag line 1 is not KEY=VALUE: 'stage candidate'."));
    QVERIFY(!next()->isEnabled());
    tags->setPlainText(QStringLiteral("stage=candidate\nowner = risk team"));
    auto *aliases = child<QLineEdit>("aliases");
    QTest::keyClicks(aliases, QStringLiteral("7up"));
    QVERIFY2(!message->text().isEmpty(), "an alias starting with a digit is refused");
    aliases->setText(QStringLiteral("staging"));
    QCOMPARE(message->text(), QString());

    // Back keeps the source, Next keeps what was typed.
    back()->click();
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::SourcePageId));
    QCOMPARE(m_wizard->sourcePage()->requestPath(), QStringLiteral("outputs/model.pkl"));
    next()->click();
    QCOMPARE(name->text(), QStringLiteral("credit-risk"));
    QCOMPARE(child<QPlainTextEdit>("description")->toPlainText(),
             QStringLiteral("Logistic regression"));
    QCOMPARE(aliases->text(), QStringLiteral("staging"));
    next()->click();

    // Summary: the file, its size and digest, and the lineage.
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::SummaryPageId));
    auto *files = child<QTreeWidget>("summaryFiles");
    QTRY_COMPARE(files->topLevelItemCount(), 1);
    QCOMPARE(files->topLevelItem(0)->text(0), QStringLiteral("model.pkl"));
    QCOMPARE(files->topLevelItem(0)->text(2),
             QString::fromLatin1(
                 QCryptographicHash::hash(sklearnPickle, QCryptographicHash::Sha256).toHex()));
    const QString digest = m_wizard->summaryPage()->digest();
    QVERIFY(child<QLabel>("summaryTotal")->text().contains(digest));
    QVERIFY(child<QLabel>("summaryLineage")->text().contains(m_run.uid));
    QVERIFY(child<QLabel>("summaryWhat")->text().contains(QLatin1String("<b>1</b>")));
    QVERIFY(child<QLabel>("summaryWhat")->text().contains(QLatin1String("aliases: staging")));

    // Finish: a task registers it, then the version is reported.
    QSignalSpy registered(m_actions.get(), &RegistryActions::versionRegistered);
    finish()->click();
    QTRY_COMPARE_WITH_TIMEOUT(registered.count(), 1, 20000);
    QString error;
    const auto v = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 1, &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(registered.at(0).at(0).value<ModelVersion>().id, v->id);
    QCOMPARE(v->runId, m_run.id);
    QCOMPARE(v->source, QStringLiteral("outputs/model.pkl"));
    QCOMPARE(v->description, QStringLiteral("Logistic regression"));
    QCOMPARE(v->framework, QStringLiteral("scikit-learn"));
    QCOMPARE(v->tags.value(QStringLiteral("owner")), QStringLiteral("risk team"));
    QCOMPARE(v->aliases, QStringList{QStringLiteral("staging")});
    QCOMPARE(v->sha256, digest);
    QCOMPARE(v->environmentVersionId, m_env.id);
    const QList<Task> tasks = Tasks(*m_ws).list(false, &error);
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().kind, QStringLiteral("model-register"));
    QCOMPARE(tasks.first().state, Task::State::Succeeded);
    QCOMPARE(tasks.first().progress, 1.0);
}

void TestRegisterModelWizard::fromDiskAsNewVersion()
{
    // Version 1 exists already; the wizard adds version 2 from disk.
    RegisterRequest first;
    first.name = QStringLiteral("credit-risk");
    first.run = m_run.uid;
    first.path = QStringLiteral("outputs/model.pkl");
    ModelVersion v1;
    QString error;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(first, &v1, &error), qPrintable(error));
    const QString folder = m_dir->filePath(QStringLiteral("export/onnx-model"));
    writeFile(QDir(folder).filePath(QStringLiteral("model.onnx")), QByteArray(300000, 'x'));
    writeFile(QDir(folder).filePath(QStringLiteral("labels.txt")), "good\nbad\n");

    QVERIFY(open());
    child<QRadioButton>("fromDisk")->click();
    QVERIFY(!next()->isEnabled()); // no path yet
    QTest::keyClicks(child<QLineEdit>("diskPath"), folder);
    QVERIFY(next()->isEnabled());
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::IdentityPageId));
    QCOMPARE(child<QComboBox>("framework")->currentText(), QStringLiteral("onnx"));
    // A new model under a taken name is refused with the way out.
    QTest::keyClicks(child<QLineEdit>("modelName"), QStringLiteral("credit-risk"));
    QVERIFY2(child<QLabel>("identityMessage")->text().contains(QLatin1String("already a model")),
             qPrintable(child<QLabel>("identityMessage")->text()));
    QVERIFY(!next()->isEnabled());
    child<QRadioButton>("existingModel")->click();
    QCOMPARE(child<QComboBox>("existingModels")->currentText(), QStringLiteral("credit-risk"));
    QCOMPARE(child<QLabel>("versionNumber")->text(),
             QStringLiteral("This will be version 2 of 'credit-risk'."));
    child<QComboBox>("framework")->setCurrentText(QStringLiteral("custom"));
    // Files on disk have no environment unless one is picked.
    auto *environment = child<QComboBox>("environment");
    QCOMPARE(environment->currentData().toString(), QString());
    environment->setCurrentIndex(environment->findData(QStringLiteral("onnx-env:1")));
    QVERIFY(environment->currentIndex() > 0);
    QVERIFY(next()->isEnabled());
    next()->click();
    auto *files = child<QTreeWidget>("summaryFiles");
    QTRY_COMPARE(files->topLevelItemCount(), 2);
    QCOMPARE(files->topLevelItem(0)->text(0), QStringLiteral("onnx-model/labels.txt"));
    QCOMPARE(files->topLevelItem(1)->text(0), QStringLiteral("onnx-model/model.onnx"));
    QVERIFY(child<QLabel>("summaryLineage")->text().contains(QLatin1String("uploaded from")));
    // Back to the identity page and forward again: the choice stays.
    back()->click();
    QVERIFY(child<QRadioButton>("existingModel")->isChecked());
    QCOMPARE(child<QComboBox>("framework")->currentText(), QStringLiteral("custom"));
    next()->click();
    QTRY_COMPARE(files->topLevelItemCount(), 2);
    const QString digest = m_wizard->summaryPage()->digest();

    QSignalSpy registered(m_actions.get(), &RegistryActions::versionRegistered);
    finish()->click();
    QTRY_COMPARE_WITH_TIMEOUT(registered.count(), 1, 20000);
    const auto v = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 2, &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->runId, Id(0));
    QCOMPARE(v->framework, QStringLiteral("custom"));
    QCOMPARE(v->sha256, digest);
    QCOMPARE(v->size, qint64(300000 + 9));
    QString envError;
    const auto env = Environments(*m_ws).versionById(v->environmentVersionId, &envError);
    QVERIFY2(env, qPrintable(envError));
    QCOMPARE(env->environmentName, QStringLiteral("onnx-env"));
    const auto manifest = ModelRegistry(*m_ws).files(*v, &error);
    QVERIFY2(manifest, qPrintable(error));
    QCOMPARE(manifest->entries.size(), 2);
}

void TestRegisterModelWizard::vanishedFolderRefused()
{
    const QString folder = m_dir->filePath(QStringLiteral("gone"));
    writeFile(QDir(folder).filePath(QStringLiteral("model.pt")), "weights");
    QVERIFY(open());
    child<QRadioButton>("fromDisk")->click();
    QTest::keyClicks(child<QLineEdit>("diskPath"), folder);
    QVERIFY(QDir(folder).removeRecursively());
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::SourcePageId));
    QVERIFY2(child<QLabel>("sourceMessage")->text().contains(QLatin1String("does not exist")),
             qPrintable(child<QLabel>("sourceMessage")->text()));
    // It comes back; Next works, then it vanishes again before Finish.
    writeFile(QDir(folder).filePath(QStringLiteral("model.pt")), "weights");
    next()->click();
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::IdentityPageId));
    QCOMPARE(child<QComboBox>("framework")->currentText(), QStringLiteral("pytorch"));
    QTest::keyClicks(child<QLineEdit>("modelName"), QStringLiteral("net"));
    next()->click();
    QVERIFY(QDir(folder).removeRecursively());
    finish()->click();
    QCOMPARE(m_wizard->currentId(), int(RegisterModelWizard::SummaryPageId));
    QVERIFY(m_wizard->isVisible());
    QVERIFY(child<QLabel>("summaryMessage")->text().contains(QLatin1String("does not exist")));
    QString error;
    QVERIFY(!Models(*m_ws).find(QStringLiteral("net"), &error));
}

void TestRegisterModelWizard::runListIsSearchable()
{
    Run other = m_run;
    other.id = 0;
    other.uid.clear();
    other.displayName = QStringLiteral("xgb-depth6");
    QString error;
    QVERIFY2(Runs(*m_ws).create(&other, &error), qPrintable(error));
    QVERIFY(open());
    auto *runs = child<QListWidget>("runList");
    auto visible = [runs] {
        int n = 0;
        for (int i = 0; i < runs->count(); ++i)
            n += runs->item(i)->isHidden() ? 0 : 1;
        return n;
    };
    QCOMPARE(visible(), 2);
    QTest::keyClicks(child<QLineEdit>("runFilter"), QStringLiteral("XGB"));
    QCOMPARE(visible(), 1);
    QVERIFY(!next()->isEnabled()); // no run picked yet
    for (int i = 0; i < runs->count(); ++i)
        if (!runs->item(i)->isHidden())
            runs->setCurrentRow(i);
    // The queued run has no outputs yet: nothing to pick.
    QCOMPARE(child<QTreeWidget>("runOutputs")->topLevelItemCount(), 0);
    QVERIFY(!next()->isEnabled());
    child<QLineEdit>("runFilter")->clear();
    runs->setCurrentRow(1);
    QCOMPARE(runs->currentItem()->toolTip(), m_run.uid);
    auto *outputs = child<QTreeWidget>("runOutputs");
    QCOMPARE(outputs->topLevelItemCount(), 1); // outputs/ itself
    outputs->setCurrentItem(outputs->topLevelItem(0));
    QCOMPARE(m_wizard->sourcePage()->requestPath(), QStringLiteral("outputs"));
    QVERIFY(next()->isEnabled());
}

// The hook the task reports progress through and cancels with: a false
// answer stops the copy, and nothing of it stays in the store.
void TestRegisterModelWizard::progressCanCancelTheCopy()
{
    const QString file = m_dir->filePath(QStringLiteral("big.pt"));
    writeFile(file, QByteArray(10 << 20, 'w'));
    RegisterRequest r;
    r.name = QStringLiteral("big");
    r.path = file;
    ModelRegistry registry(*m_ws);
    QList<QPair<qint64, qint64>> reports;
    registry.setProgress([&](qint64 done, qint64 total) {
        reports << qMakePair(done, total);
        return reports.size() < 2;
    });
    ModelVersion v;
    QString error;
    QVERIFY(!registry.registerModel(r, &v, &error));
    QVERIFY2(error.contains(QLatin1String("canceled")), qPrintable(error));
    QCOMPARE(reports.size(), 2);
    QCOMPARE(reports.at(0).second, qint64(10 << 20));
    QVERIFY(reports.at(0).first > 0 && reports.at(1).first > reports.at(0).first);
    QVERIFY(!Models(*m_ws).find(QStringLiteral("big"), &error));
    const QDir blobs(m_ws->folder(Workspace::Folder::Models) + QStringLiteral("/blobs"));
    QCOMPARE(blobs.entryList(QDir::Files).size(), 0);
    // Without a cancel, every byte is reported.
    registry.setProgress([&](qint64 done, qint64 total) {
        reports << qMakePair(done, total);
        return true;
    });
    QVERIFY2(registry.registerModel(r, &v, &error), qPrintable(error));
    QCOMPARE(reports.last().first, qint64(10 << 20));
}

// The run's outputs browser names its selection as the registry does, and
// the wizard it opens starts on that file.
void TestRegisterModelWizard::outputsBrowserOffersRegisterModel()
{
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), m_run.uid);
    OutputsBrowser browser;
    browser.setFolders({folder.outputs()});
    browser.show();
    auto *button = browser.findChild<QPushButton *>(QStringLiteral("registerOutput"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QSignalSpy requested(&browser, &OutputsBrowser::registerModelRequested);
    button->click(); // nothing selected: the whole folder
    QCOMPARE(requested.takeFirst().at(0).toString(), QStringLiteral("outputs"));
    QTreeView *view = browser.view();
    auto *model = qobject_cast<QFileSystemModel *>(view->model());
    const QModelIndex file =
        model->index(QDir(folder.outputs()).filePath(QStringLiteral("report/metrics.txt")));
    QVERIFY(file.isValid());
    view->setCurrentIndex(file);
    view->selectionModel()->select(file, QItemSelectionModel::ClearAndSelect);
    button->click();
    const QString path = requested.takeFirst().at(0).toString();
    QCOMPARE(path, QStringLiteral("outputs/report/metrics.txt"));
    QVERIFY(open(m_run.id, path));
    QCOMPARE(m_wizard->sourcePage()->requestPath(), path);
    QVERIFY(next()->isEnabled());
}

QTEST_MAIN(TestRegisterModelWizard)
#include "tst_registermodelwizard.moc"
