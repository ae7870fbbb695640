// A model version's page, its comparison with other versions and its tree
// node, tested as the user sees them (offscreen) over a temp workspace.
#include "editor/scripteditor.h"
#include "items/runstablemodel.h"
#include "items/taxonomymodel.h"
#include "registry/environmentpage.h"
#include "registry/keyvaluetable.h"
#include "registry/modelregistry.h"
#include "registry/modelversionpage.h"
#include "registry/versioncomparison.h"
#include "runs/rundetails.h"
#include "runs/runfolder.h"
#include "runs/runstableview.h"
#include "store/environments.h"
#include "store/experiments.h"
#include "store/images.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"
#include "tree/workspacetree.h"

#include <Qsci/qscilexer.h>

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mlwb;

class TestModelVersionPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filesListedWithSizes();
    void descriptionEditSaved();
    void tagsAndPropertiesSaved();
    void lineageLinksToTheRun();
    void usedByImages();
    void uploadedVersionSaysWhereFrom();
    void compareVersionsShowsTheirRuns();
    void treeShowsAliasesAsBadges();
    void environmentLinkedAndShown();
    void treeMenusRegisterAndCompare();

private:
    Run makeRun(const QString &name, const QString &lr, double accuracy);
    ModelVersion registerFrom(const Run &run, const QStringList &aliases = {});
    void writeFile(const QString &path, const QByteArray &bytes);
    ModelVersionPage *page(const ModelVersion &v);
    template <typename T> T *child(const char *name)
    {
        T *found = m_page->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    Id m_experimentId = 0;
    std::unique_ptr<ModelVersionPage> m_page;
};

void TestModelVersionPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("credit"), &error);
    QVERIFY2(e, qPrintable(error));
    m_experimentId = e->id;
}

void TestModelVersionPage::cleanup()
{
    m_page.reset();
    m_ws.reset();
    m_dir.reset();
}

void TestModelVersionPage::writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

Run TestModelVersionPage::makeRun(const QString &name, const QString &lr, double accuracy)
{
    Run run;
    run.experimentId = m_experimentId;
    run.displayName = name;
    run.script = QStringLiteral("train.py");
    run.arguments = QStringList{QStringLiteral("--lr"), lr};
    QString error;
    if (!Runs(*m_ws).create(&run, &error)
        || !Runs(*m_ws).setStatus(run.id, RunStatus::Running, &error)
        || !Runs(*m_ws).finish(run.id, RunStatus::Completed, 0, QString(), &error))
        qWarning("%s", qPrintable(error));
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT INTO metric_series(run_id, name, kind, count, last_value, "
                             "min_value, max_value, last_step, last_time) "
                             "VALUES (?, 'accuracy', 'scalar', 10, ?, 0.5, ?, 9, 0)"));
    q.addBindValue(run.id);
    q.addBindValue(accuracy);
    q.addBindValue(accuracy);
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    writeFile(QDir(folder.outputs()).filePath(QStringLiteral("model/weights.bin")),
              QByteArray(2048, char(accuracy * 100)));
    writeFile(QDir(folder.outputs()).filePath(QStringLiteral("model/config.json")), "{}\n");
    return run;
}

ModelVersion TestModelVersionPage::registerFrom(const Run &run, const QStringList &aliases)
{
    RegisterRequest r;
    r.name = QStringLiteral("credit-risk");
    r.run = run.uid;
    r.path = QStringLiteral("outputs/model");
    r.description = QStringLiteral("first try");
    r.tags.insert(QStringLiteral("stage"), QStringLiteral("candidate"));
    r.aliases = aliases;
    ModelVersion v;
    QString error;
    if (!ModelRegistry(*m_ws).registerModel(r, &v, &error))
        qWarning("%s", qPrintable(error));
    return v;
}

ModelVersionPage *TestModelVersionPage::page(const ModelVersion &v)
{
    m_page = std::make_unique<ModelVersionPage>(m_ws.get(), v.modelId, v.id);
    m_page->resize(900, 600);
    m_page->show();
    return m_page.get();
}

void TestModelVersionPage::filesListedWithSizes()
{
    const ModelVersion v = registerFrom(makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8),
                                        {QStringLiteral("production")});
    QVERIFY(v.id > 0);
    page(v);
    QCOMPARE(m_page->lastError(), QString());
    QCOMPARE(m_page->title(), QStringLiteral("credit-risk:1"));
    QVERIFY(child<QLabel>("versionBadges")->text().contains(QLatin1String("production")));
    // An alias moved by another program shows up without a reload.
    QString error;
    QVERIFY2(Models(*m_ws).assets().setAlias(QStringLiteral("credit-risk"), 1,
                                             QStringLiteral("champion"), &error),
             qPrintable(error));
    QTRY_VERIFY(child<QLabel>("versionBadges")->text().contains(QLatin1String("champion")));
    auto *files = child<QTreeWidget>("versionFiles");
    QCOMPARE(files->topLevelItemCount(), 2);
    QCOMPARE(files->topLevelItem(0)->text(0), QStringLiteral("model/config.json"));
    QCOMPARE(files->topLevelItem(1)->text(0), QStringLiteral("model/weights.bin"));
    QCOMPARE(files->topLevelItem(1)->text(1), QLocale().formattedDataSize(2048));
    QCOMPARE(files->topLevelItem(1)->text(2).size(), 64);
    QVERIFY(child<QLabel>("versionFacts")->text().contains(v.sha256));
}

void TestModelVersionPage::descriptionEditSaved()
{
    const ModelVersion v = registerFrom(makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8));
    page(v);
    auto *description = child<QPlainTextEdit>("versionDescription");
    auto *save = child<QPushButton>("saveDescription");
    QCOMPARE(description->toPlainText(), QStringLiteral("first try"));
    QVERIFY(!save->isEnabled());
    description->selectAll();
    QTest::keyClicks(description, QStringLiteral("Balanced classes, AUC 0.91"));
    QVERIFY(save->isEnabled());
    save->click();
    QCOMPARE(m_page->lastError(), QString());
    QVERIFY(!save->isEnabled());
    QString error;
    const auto stored = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 1, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->description, QStringLiteral("Balanced classes, AUC 0.91"));
    // A refresh (the store changed) shows what is stored.
    m_page->refresh();
    QCOMPARE(description->toPlainText(), QStringLiteral("Balanced classes, AUC 0.91"));
}

void TestModelVersionPage::tagsAndPropertiesSaved()
{
    const ModelVersion v = registerFrom(makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8));
    page(v);
    auto *tags = child<QTableWidget>("versionTagsTable");
    QCOMPARE(tags->rowCount(), 1);
    tags->item(0, 1)->setText(QStringLiteral("approved"));
    auto *props = child<KeyValueTable>("versionProperties");
    child<QPushButton>("versionPropertiesAdd")->click();
    props->table()->setItem(0, 0, new QTableWidgetItem(QStringLiteral("auc")));
    props->table()->setItem(0, 1, new QTableWidgetItem(QStringLiteral("0.91")));
    QString error;
    auto stored = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 1, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->tags.value(QStringLiteral("stage")), QStringLiteral("approved"));
    QCOMPARE(stored->properties.value(QStringLiteral("auc")), QStringLiteral("0.91"));
    // Removing the tag removes it from the store.
    tags->setCurrentCell(0, 0);
    child<QPushButton>("versionTagsRemove")->click();
    stored = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 1, &error);
    QVERIFY(stored->tags.isEmpty());
    QCOMPARE(m_page->lastError(), QString());
}

void TestModelVersionPage::lineageLinksToTheRun()
{
    const Run run = makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8);
    const ModelVersion v = registerFrom(run);
    page(v);
    auto *lineage = child<QLabel>("versionLineage");
    QVERIFY2(lineage->text().contains(run.uid), qPrintable(lineage->text()));
    QVERIFY(lineage->text().contains(QLatin1String("outputs/model")));
    QSignalSpy open(m_page.get(), &ModelVersionPage::openRun);
    // Each link opens the run on its page: overview, then metrics.
    const QRegularExpression href(QStringLiteral("href=\"(run:[^\"]+)\""));
    QStringList links;
    for (auto it = href.globalMatch(lineage->text()); it.hasNext();)
        links << it.next().captured(1);
    QCOMPARE(links.size(), 2); // no snapshot was taken: run and metrics
    for (const QString &link : std::as_const(links))
        Q_EMIT lineage->linkActivated(link);
    QCOMPARE(open.count(), 2);
    QCOMPARE(open.at(0).at(0).toLongLong(), run.id);
    QCOMPARE(open.at(0).at(1).toInt(), int(RunDetails::OverviewPage));
    QCOMPARE(open.at(1).at(1).toInt(), int(RunDetails::MetricsPage));
}

void TestModelVersionPage::usedByImages()
{
    const ModelVersion v = registerFrom(makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8));
    page(v);
    QVERIFY(child<QLabel>("versionUsers")->text().contains(QLatin1String("No image")));
    Image image;
    image.name = QStringLiteral("credit-scoring");
    image.tag = QStringLiteral("1");
    image.modelVersionIds = {v.id};
    QString error;
    QVERIFY2(Images(*m_ws).create(&image, &error), qPrintable(error));
    m_page->refresh();
    QVERIFY2(child<QLabel>("versionUsers")->text().contains(QLatin1String("credit-scoring:1")),
             qPrintable(child<QLabel>("versionUsers")->text()));
}

void TestModelVersionPage::uploadedVersionSaysWhereFrom()
{
    const QString file = m_dir->filePath(QStringLiteral("net.onnx"));
    writeFile(file, "onnx bytes");
    RegisterRequest r;
    r.name = QStringLiteral("net");
    r.path = file;
    ModelVersion v;
    QString error;
    QVERIFY2(ModelRegistry(*m_ws).registerModel(r, &v, &error), qPrintable(error));
    page(v);
    QVERIFY(child<QLabel>("versionLineage")->text().startsWith(QLatin1String("Uploaded from")));
    QCOMPARE(child<QTreeWidget>("versionFiles")->topLevelItemCount(), 1);
    QVERIFY(child<QLabel>("versionFacts")->text().startsWith(QLatin1String("onnx")));
}

void TestModelVersionPage::compareVersionsShowsTheirRuns()
{
    const Run a = makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.81);
    const Run b = makeRun(QStringLiteral("b"), QStringLiteral("0.01"), 0.87);
    makeRun(QStringLiteral("unrelated"), QStringLiteral("1"), 0.5);
    const ModelVersion v1 = registerFrom(a);
    const ModelVersion v2 = registerFrom(b);
    VersionComparison comparison(*m_ws);
    QString error;
    QVERIFY(!comparison.setVersions({v1}, &error));
    QCOMPARE(error, QStringLiteral("Select two or more versions of one model to compare."));
    QVERIFY2(comparison.setVersions({v1, v2}, &error), qPrintable(error));
    QCOMPARE(comparison.title(), QStringLiteral("Compare credit-risk 1, 2"));
    QCOMPARE(comparison.versionList()->topLevelItemCount(), 2);
    QCOMPARE(comparison.versionList()->topLevelItem(1)->text(3), b.uid);
    RunsTableModel *model = comparison.runsTable()->model();
    QCOMPARE(model->rowCount(), 2); // the source runs only
    const int lr = model->columnOf(QStringLiteral("params.lr"));
    const int accuracy = model->columnOf(QStringLiteral("metrics.accuracy"));
    QVERIFY(lr >= 0 && accuracy >= 0);
    const int rowB = model->rowOf(b.id);
    QCOMPARE(model->index(rowB, lr).data().toString(), QStringLiteral("0.01"));
    QCOMPARE(model->index(rowB, accuracy).data(RunsTableModel::SortRole).toDouble(), 0.87);
    QVERIFY(!comparison.runsTable()->table()->isColumnHidden(accuracy));
    QVERIFY(comparison.runsTable()->table()->isColumnHidden(
        model->columnOf(QStringLiteral("experiment"))));
}

void TestModelVersionPage::treeShowsAliasesAsBadges()
{
    const ModelVersion v1 =
        registerFrom(makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8),
                     {QStringLiteral("production"), QStringLiteral("champion")});
    registerFrom(makeRun(QStringLiteral("b"), QStringLiteral("0.2"), 0.7));
    TaxonomyModel model;
    model.setWorkspace(m_ws.get());
    const QModelIndex models = model.groupIndex(Group::Models);
    QVERIFY(models.isValid());
    if (model.canFetchMore(models))
        model.fetchMore(models);
    QCOMPARE(model.rowCount(models), 1);
    const QModelIndex credit = model.index(0, 0, models);
    if (model.canFetchMore(credit))
        model.fetchMore(credit);
    QCOMPARE(model.rowCount(credit), 2);
    const QModelIndex oldest = model.index(1, 0, credit); // newest first
    QCOMPARE(model.idOf(oldest), v1.id);
    QCOMPARE(oldest.data(TaxonomyModel::BadgesRole).toStringList(),
             (QStringList{QStringLiteral("champion"), QStringLiteral("production")}));
    QVERIFY(model.index(0, 0, credit).data(TaxonomyModel::BadgesRole).toStringList().isEmpty());
    // Moving an alias shows up in the tree once the store says so.
    QString error;
    QVERIFY2(Models(*m_ws).assets().setAlias(QStringLiteral("credit-risk"), 2,
                                             QStringLiteral("production"), &error),
             qPrintable(error));
    QTRY_COMPARE(model.index(0, 0, credit).data(TaxonomyModel::BadgesRole).toStringList(),
                 QStringList{QStringLiteral("production")});
    QCOMPARE(oldest.data(TaxonomyModel::BadgesRole).toStringList(),
             QStringList{QStringLiteral("champion")});
}

void TestModelVersionPage::environmentLinkedAndShown()
{
    EnvironmentVersion env;
    env.python = QStringLiteral("3.11");
    env.spec =
        QStringLiteral("name: credit\ndependencies:\n  - python=3.11\n  - scikit-learn=1.2\n");
    env.specKind = QStringLiteral("conda");
    QString error;
    QVERIFY2(Environments(*m_ws).createVersion(QStringLiteral("credit-env"), &env, &error),
             qPrintable(error));
    const Run run = makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8);
    QVERIFY2(Environments(*m_ws).setForRun(run.id, env.id, &error), qPrintable(error));
    const ModelVersion v = registerFrom(run);
    QCOMPARE(v.environmentVersionId, env.id);
    page(v);
    auto *label = child<QLabel>("versionEnvironment");
    QVERIFY2(label->text().contains(QLatin1String("credit-env:1")), qPrintable(label->text()));
    QSignalSpy open(m_page.get(), &ModelVersionPage::openEnvironment);
    Q_EMIT label->linkActivated(
        QStringLiteral("environment:%1:%2").arg(env.environmentId).arg(env.id));
    QCOMPARE(open.count(), 1);
    QVERIFY(label->text().contains(
        QStringLiteral("environment:%1:%2").arg(env.environmentId).arg(env.id)));

    EnvironmentPage envPage(m_ws.get(), env.environmentId, env.id);
    QCOMPARE(envPage.lastError(), QString());
    QCOMPARE(envPage.title(), QStringLiteral("credit-env:1"));
    QCOMPARE(envPage.specView()->text(), env.spec);
    QVERIFY(envPage.specView()->isReadOnly());
    QVERIFY2(envPage.specView()->lexer(), "the spec is highlighted");
    QCOMPARE(QString::fromLatin1(envPage.specView()->lexer()->language()), QStringLiteral("YAML"));
}

// The tree's menus: Register Model… on a run, Compare on selected versions,
// and a double-clicked version opens its page.
void TestModelVersionPage::treeMenusRegisterAndCompare()
{
    const Run run = makeRun(QStringLiteral("a"), QStringLiteral("0.1"), 0.8);
    const ModelVersion v1 = registerFrom(run);
    const ModelVersion v2 = registerFrom(makeRun(QStringLiteral("b"), QStringLiteral("0.2"), 0.7));
    TaxonomyModel model;
    model.setWorkspace(m_ws.get());
    WorkspaceTree tree;
    tree.setTaxonomyModel(&model);
    tree.show();
    auto expand = [&](const QModelIndex &index) {
        if (model.canFetchMore(index))
            model.fetchMore(index);
        tree.expand(index);
    };
    const QModelIndex experiments = model.groupIndex(Group::Experiments);
    expand(experiments);
    const QModelIndex experiment = model.index(0, 0, experiments);
    expand(experiment);
    QModelIndex runIndex;
    for (int r = 0; r < model.rowCount(experiment); ++r)
        if (model.idOf(model.index(r, 0, experiment)) == run.id)
            runIndex = model.index(r, 0, experiment);
    QVERIFY(runIndex.isValid());
    QSignalSpy registerSpy(&tree, &WorkspaceTree::registerModelRequested);
    std::unique_ptr<QMenu> menu(tree.createContextMenu(runIndex));
    QVERIFY(menu);
    auto *registerAction = menu->findChild<QAction *>(QStringLiteral("registerModelAction"));
    QVERIFY(registerAction);
    registerAction->trigger();
    QCOMPARE(registerSpy.count(), 1);
    QCOMPARE(registerSpy.at(0).at(0).toLongLong(), run.id);

    const QModelIndex models = model.groupIndex(Group::Models);
    expand(models);
    const QModelIndex credit = model.index(0, 0, models);
    expand(credit);
    QCOMPARE(model.rowCount(credit), 2);
    const QModelIndex first = model.index(0, 0, credit), second = model.index(1, 0, credit);
    tree.selectionModel()->select(first, QItemSelectionModel::ClearAndSelect);
    menu.reset(tree.createContextMenu(first));
    auto *compare = menu->findChild<QAction *>(QStringLiteral("compareVersionsAction"));
    QVERIFY(compare);
    QVERIFY(!compare->isEnabled()); // one version: nothing to compare with
    tree.selectionModel()->select(second, QItemSelectionModel::Select);
    menu.reset(tree.createContextMenu(second));
    compare = menu->findChild<QAction *>(QStringLiteral("compareVersionsAction"));
    QVERIFY(compare->isEnabled());
    QSignalSpy compareSpy(&tree, &WorkspaceTree::compareVersionsRequested);
    compare->trigger();
    QCOMPARE(compareSpy.count(), 1);
    QCOMPARE(compareSpy.at(0).at(0).toLongLong(), v1.modelId);
    QList<Id> ids = compareSpy.at(0).at(1).value<QList<Id>>();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, (QList<Id>{v1.id, v2.id}));

    QSignalSpy openSpy(&tree, &WorkspaceTree::modelVersionActivated);
    Q_EMIT tree.doubleClicked(second);
    QCOMPARE(openSpy.count(), 1);
    QCOMPARE(openSpy.at(0).at(1).toLongLong(), v1.id); // newest first: the second row is v1
}

QTEST_MAIN(TestModelVersionPage)
#include "tst_modelversionpage.moc"
