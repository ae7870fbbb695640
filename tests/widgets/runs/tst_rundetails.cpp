// RunDetails: the tab for one run, tested as the user sees it (offscreen).
#include "chartfixture.h"
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "charts/metricvaluesview.h"
#include "items/runmetricsmodel.h"
#include "items/runtagsmodel.h"
#include "runs/logview.h"
#include "runs/outputsbrowser.h"
#include "runs/rundetails.h"
#include "runs/runfolder.h"
#include "runs/runoverview.h"
#include "runs/runreason.h"
#include "runs/runsummary.h"
#include "runs/snapshotbrowser.h"
#include "runs/sparkline.h"
#include "runs/supervisornote.h"
#include "snapshots/snapshotwriter.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileSystemModel>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace mlwb;

class TestRunDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void overviewShowsFields();
    void statusFollowsTheStore();
    void failureReasonInTheReadersLanguage();
    void cancelDisabledForFinalRun();
    void supervisorNoteShownWhileItWaits();
    void editingTagStoresIt();
    void addAndRemoveTags();
    void notesAreSaved();
    void logShowsAppendedBytes();
    void logKeepsSplitUtf8Whole();
    void logStopsFollowingWhenScrolledUp();
    void logSearchFindsMatches();
    void metricsListed();
    void overviewLeadsWithParametersAndMetricTiles();
    void metricsPageShowsLiveCharts();
    void nonScalarMetricsHaveAPage();
    void outputsListed();
    void snapshotEntriesAndContent();
    void snapshotViewerWhenNobodyHandles();
    void diagnosticsCounted();
    void screenshot();

private:
    RunDetails *details();
    RunFolder folder() const;
    void appendLog(const QByteArray &bytes);
    void addDiagnostic(const QString &message);
    void addSeries(const QString &name, double last);
    void addString(const QString &name, const QString &value);
    void makeSnapshot();
    template <typename T> T *child(const char *name)
    {
        T *found = m_details->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    Run m_run;
    std::unique_ptr<RunDetails> m_details;
};

void TestRunDetails::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("mnist"), &error);
    QVERIFY2(e, qPrintable(error));
    m_run = Run();
    m_run.experimentId = e->id;
    m_run.experimentName = e->name;
    m_run.displayName = QStringLiteral("baseline");
    m_run.script = QStringLiteral("train.py");
    m_run.arguments = QStringList{QStringLiteral("--lr"), QStringLiteral("0.1"),
                                  QStringLiteral("--name"), QStringLiteral("two words")};
    m_run.tags.insert(QStringLiteral("model"), QStringLiteral("cnn"));
    QVERIFY2(Runs(*m_ws).create(&m_run, &error), qPrintable(error));
    QVERIFY2(Runs(*m_ws).setStatus(m_run.id, RunStatus::Running, &error), qPrintable(error));
    QVERIFY(QDir().mkpath(folder().root()));
}

void TestRunDetails::cleanup()
{
    m_details.reset(); // before the workspace it reads
    m_ws.reset();
    m_dir.reset();
}

RunDetails *TestRunDetails::details()
{
    m_details = std::make_unique<RunDetails>(m_ws.get(), m_run.id);
    m_details->resize(1000, 700);
    m_details->show();
    return m_details.get();
}

RunFolder TestRunDetails::folder() const
{
    return RunFolder(m_ws->folder(Workspace::Folder::Runs), m_run.uid);
}

void TestRunDetails::appendLog(const QByteArray &bytes)
{
    QFile log(folder().log());
    QVERIFY(log.open(QIODevice::Append));
    QCOMPARE(log.write(bytes), bytes.size());
}

void TestRunDetails::addDiagnostic(const QString &message)
{
    QSqlQuery q(m_ws->database());
    q.prepare(
        QStringLiteral("INSERT INTO run_diagnostics(run_id, source, message, raw, created_at) "
                       "VALUES (?, 'metrics', ?, '{\"loss\": ', ?)"));
    q.addBindValue(m_run.id);
    q.addBindValue(message);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(q.exec());
}

void TestRunDetails::addSeries(const QString &name, double last)
{
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT INTO metric_series(run_id, name, kind, count, last_value, "
                             "min_value, max_value, last_step, last_time) "
                             "VALUES (?, ?, 'scalar', 50, ?, ?, ?, 49, 0)"));
    q.addBindValue(m_run.id);
    q.addBindValue(name);
    q.addBindValue(last);
    q.addBindValue(last * 0.9);
    q.addBindValue(last * 3);
    QVERIFY(q.exec());
}

// Appends a value to the string metric name, creating it on the first.
void TestRunDetails::addString(const QString &name, const QString &value)
{
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO metric_series(run_id, name, kind, count) "
                             "VALUES (?, ?, 'string', 0)"));
    q.addBindValue(m_run.id);
    q.addBindValue(name);
    QVERIFY(q.exec());
    q.prepare(QStringLiteral("SELECT id, count FROM metric_series WHERE run_id = ? AND name = ?"));
    q.addBindValue(m_run.id);
    q.addBindValue(name);
    QVERIFY(q.exec() && q.next());
    const Id series = q.value(0).toLongLong();
    const qint64 seq = q.value(1).toLongLong();
    q.prepare(QStringLiteral("INSERT INTO metric_values VALUES (?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(series), QVariant(seq), QVariant(seq), QVariant(1.7e9 + seq), QVariant(value)})
        q.addBindValue(v);
    QVERIFY(q.exec());
    q.prepare(QStringLiteral("UPDATE metric_series SET count = count + 1, last_step = ? "
                             "WHERE id = ?"));
    q.addBindValue(seq);
    q.addBindValue(series);
    QVERIFY(q.exec());
}

void TestRunDetails::makeSnapshot()
{
    const QString project = m_dir->filePath(QStringLiteral("project"));
    QVERIFY(QDir().mkpath(project + QStringLiteral("/data")));
    QFile script(project + QStringLiteral("/train.py"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("print('hello from the snapshot')\n");
    script.close();
    QFile config(project + QStringLiteral("/data/config.yaml"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("epochs: 3\n");
    config.close();
    SnapshotWriter::Result result;
    QString error;
    QVERIFY2(SnapshotWriter().write(project, m_ws->folder(Workspace::Folder::Snapshots), &result,
                                    &error),
             qPrintable(error));
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT INTO snapshots(sha256, size, file_count, created_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(result.sha256);
    q.addBindValue(result.totalBytes);
    q.addBindValue(result.fileCount);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(q.exec());
    QVERIFY(Runs(*m_ws).setSnapshot(m_run.id, q.lastInsertId().toLongLong(), &error));
}

void TestRunDetails::overviewShowsFields()
{
    details();
    QCOMPARE(child<QLabel>("statusChip")->text(), QStringLiteral("Running"));
    QCOMPARE(child<QLabel>("runTitle")->text(), QStringLiteral("baseline"));
    QCOMPARE(m_details->title(), QStringLiteral("baseline"));
    QCOMPARE(child<QLabel>("runIdValue")->text(), m_run.uid);
    QCOMPARE(child<QLabel>("experimentValue")->text(), QStringLiteral("mnist"));
    QCOMPARE(child<QLabel>("displayNameValue")->text(), QStringLiteral("baseline"));
    QCOMPARE(child<QLabel>("commandValue")->text(),
             QStringLiteral("train.py --lr 0.1 --name 'two words'"));
    QVERIFY(child<QLabel>("startedValue")->text() != QStringLiteral("—"));
    QCOMPARE(child<QLabel>("endedValue")->text(), QStringLiteral("—"));
    QVERIFY(child<QLabel>("durationValue")->text().contains(QLatin1String("running")));
    QVERIFY(child<QPushButton>("cancelRun")->isEnabled());
    QVERIFY(!child<QLabel>("errorValue")->isVisible()); // no error: no row
    QVERIFY(!child<QLabel>("errorBanner")->isVisible());
    QVERIFY(m_details->lastError().isEmpty());
}

void TestRunDetails::statusFollowsTheStore()
{
    details();
    QSignalSpy title(m_details.get(), &RunDetails::titleChanged);
    QString error;
    QVERIFY(Runs(*m_ws).finish(m_run.id, RunStatus::Failed, 3, QStringLiteral("Traceback: boom"),
                               &error));
    QTRY_COMPARE(child<QLabel>("statusChip")->text(), QStringLiteral("Failed"));
    QCOMPARE(child<QLabel>("exitCodeValue")->text(), QStringLiteral("3"));
    QCOMPARE(child<QLabel>("errorValue")->text(), QStringLiteral("Traceback: boom"));
    QVERIFY(child<QLabel>("errorValue")->isVisible());
    QVERIFY(child<QLabel>("errorValue")->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(!child<QPushButton>("cancelRun")->isEnabled());
    QVERIFY(!m_details->logView()->isLive());
    QCOMPARE(title.count(), 0);
}

// Supervisors store why a run failed as a code; the page says it in German
// under a German translator, with the log lines as stored.
void TestRunDetails::failureReasonInTheReadersLanguage()
{
    QTranslator german;
    QVERIFY(german.load(QStringLiteral("mlwb_de"), QStringLiteral(MLWB_TRANSLATIONS)));
    QCoreApplication::installTranslator(&german);
    const QString stored =
        RunReason::withLog(RunReason::exited(3), QStringLiteral("Traceback: boom"));
    QString error;
    QVERIFY(Runs(*m_ws).finish(m_run.id, RunStatus::Failed, 3, stored, &error));
    details();
    const QString shown = child<QLabel>("errorValue")->text();
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(shown, QStringLiteral("Mit Code 3 beendet.\nTraceback: boom"));
    QCOMPARE(RunReason::text(stored), QStringLiteral("Exited with code 3.\nTraceback: boom"));
    QCOMPARE(RunReason::summary(RunReason::exited(137)),
             QStringLiteral("Exited with code 137 (killed by signal 9)."));
    QCOMPARE(RunReason::summary(
                 RunReason::commandNotFound(QStringLiteral("python9"), QStringLiteral("gpu-box"))),
             QStringLiteral("Command not found on gpu-box: python9"));
}

void TestRunDetails::supervisorNoteShownWhileItWaits()
{
    details();
    QVERIFY(!child<QLabel>("supervisorNoteValue")->isVisible()); // nothing to wait on: no row
    SupervisorNote note(folder().noteFile());
    QVERIFY(note.reserve());
    const QString waiting = QStringLiteral("waiting: disk full on /data since 12:00:00.");
    QVERIFY(note.set(waiting));
    QTRY_VERIFY(child<QLabel>("supervisorNoteValue")->isVisible()); // read on the next tick
    QCOMPARE(child<QLabel>("supervisorNoteValue")->text(), waiting);
    QVERIFY(note.set(QString()));
    QTRY_VERIFY(!child<QLabel>("supervisorNoteValue")->isVisible());
}

void TestRunDetails::cancelDisabledForFinalRun()
{
    QString error;
    QVERIFY(Runs(*m_ws).finish(m_run.id, RunStatus::Completed, 0, {}, &error));
    details();
    QCOMPARE(child<QLabel>("statusChip")->text(), QStringLiteral("Completed"));
    QVERIFY(!child<QPushButton>("cancelRun")->isEnabled());
    QCOMPARE(child<QLabel>("exitCodeValue")->text(), QStringLiteral("0"));
    QVERIFY(!child<QLabel>("durationValue")->text().contains(QLatin1String("running")));
    QVERIFY(!m_details->logView()->isLive());
}

void TestRunDetails::editingTagStoresIt()
{
    details();
    auto *view = child<QTableView>("tagsView");
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(view->model()->rowCount(), 1);
    const QModelIndex value = view->model()->index(0, RunTagsModel::ValueColumn);
    QCOMPARE(value.data().toString(), QStringLiteral("cnn"));

    // Edit the value the way a user does: open the editor, type, press Enter.
    view->setCurrentIndex(value);
    view->edit(value);
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->clear();
    QTest::keyClicks(editor, QStringLiteral("resnet"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(Runs(*m_ws).find(m_run.id)->tags.value(QStringLiteral("model")),
                 QStringLiteral("resnet"));

    // A new key replaces the old one in the store.
    QVERIFY(view->model()->setData(view->model()->index(0, RunTagsModel::KeyColumn),
                                   QStringLiteral("architecture")));
    const auto tags = Runs(*m_ws).find(m_run.id)->tags;
    QCOMPARE(tags.size(), 1);
    QCOMPARE(tags.value(QStringLiteral("architecture")), QStringLiteral("resnet"));
}

void TestRunDetails::addAndRemoveTags()
{
    details();
    auto *view = child<QTableView>("tagsView");
    QTest::mouseClick(child<QPushButton>("addTag"), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(Runs(*m_ws).find(m_run.id)->tags.contains(QStringLiteral("tag")));
    if (QWidget *editor = view->viewport()->findChild<QLineEdit *>())
        QTest::keyClick(editor, Qt::Key_Escape);

    view->selectRow(0); // "model"
    QTest::mouseClick(child<QPushButton>("removeTag"), Qt::LeftButton);
    const auto tags = Runs(*m_ws).find(m_run.id)->tags;
    QCOMPARE(tags.keys(), QStringList{QStringLiteral("tag")});

    // A tag set elsewhere (the CLI) shows up.
    QString error;
    QVERIFY(Runs(*m_ws).setTag(m_run.id, QStringLiteral("seed"), QStringLiteral("42"), &error));
    QTRY_COMPARE(view->model()->rowCount(), 2);
}

void TestRunDetails::notesAreSaved()
{
    details();
    auto *notes = child<QPlainTextEdit>("notesEdit");
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("lr too high"));
    // Saved after a second of quiet...
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(m_run.id)->notes, QStringLiteral("lr too high"),
                              3000);
    // ...and at once when the user leaves the field.
    QTest::keyClicks(notes, QStringLiteral("!"));
    child<QPushButton>("cancelRun")->setFocus();
    QCOMPARE(Runs(*m_ws).find(m_run.id)->notes, QStringLiteral("lr too high!"));
}

void TestRunDetails::logShowsAppendedBytes()
{
    appendLog("epoch 1\n");
    details();
    LogView *log = m_details->logView();
    m_details->pages()->setCurrentIndex(RunDetails::LogPage);
    QTRY_VERIFY(log->text().contains(QLatin1String("epoch 1")));
    QByteArray more;
    for (int i = 2; i <= 300; ++i)
        more += "epoch " + QByteArray::number(i) + "\n";
    appendLog(more);
    QTRY_VERIFY_WITH_TIMEOUT(log->text().contains(QLatin1String("epoch 300")), 1000);
    QVERIFY(log->isFollowing());
    auto *text = log->findChild<QPlainTextEdit *>(QStringLiteral("logText"));
    QTRY_COMPARE(text->verticalScrollBar()->value(), text->verticalScrollBar()->maximum());
    QVERIFY(text->verticalScrollBar()->maximum() > 0);
    QCOMPARE(log->offset(), QFileInfo(folder().log()).size());
}

void TestRunDetails::logKeepsSplitUtf8Whole()
{
    details();
    LogView *log = m_details->logView();
    const QByteArray word = QStringLiteral("h\u00e9llo w\u00f6rld \u2713\n").toUtf8();
    const int split = word.indexOf('\xc3') + 1; // inside the two bytes of é
    appendLog(word.left(split));
    QTRY_COMPARE(log->offset(), qint64(split));
    appendLog(word.mid(split));
    QTRY_VERIFY_WITH_TIMEOUT(log->text().contains(QStringLiteral("h\u00e9llo w\u00f6rld \u2713")),
                             1000);
    QVERIFY(!log->text().contains(QChar::ReplacementCharacter));
}

void TestRunDetails::logStopsFollowingWhenScrolledUp()
{
    QByteArray lines;
    for (int i = 1; i <= 200; ++i)
        lines += "line " + QByteArray::number(i) + "\r\n";
    appendLog(lines);
    details();
    m_details->pages()->setCurrentIndex(RunDetails::LogPage);
    LogView *log = m_details->logView();
    auto *text = log->findChild<QPlainTextEdit *>(QStringLiteral("logText"));
    QScrollBar *bar = text->verticalScrollBar();
    QTRY_VERIFY(log->text().contains(QLatin1String("line 200")));
    QVERIFY(!log->text().contains(QLatin1Char('\r')));
    bar->setValue(0); // the user scrolls up
    QVERIFY(!log->isFollowing());
    QVERIFY(!log->findChild<QToolButton *>(QStringLiteral("followButton"))->isChecked());
    appendLog("line 201\n");
    QTRY_VERIFY(log->text().contains(QLatin1String("line 201")));
    QCOMPARE(bar->value(), 0);
    log->findChild<QToolButton *>(QStringLiteral("followButton"))->click();
    QVERIFY(log->isFollowing());
    QCOMPARE(bar->value(), bar->maximum());
}

void TestRunDetails::logSearchFindsMatches()
{
    appendLog("alpha\nbeta\nalpha again\ngamma\n");
    details();
    m_details->pages()->setCurrentIndex(RunDetails::LogPage);
    LogView *log = m_details->logView();
    QTRY_VERIFY(log->text().contains(QLatin1String("gamma")));
    auto *search = log->findChild<QLineEdit *>(QStringLiteral("logSearch"));
    auto *text = log->findChild<QPlainTextEdit *>(QStringLiteral("logText"));
    m_details->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_details.get()));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("alpha"));
    QTRY_COMPARE(log->findChild<QLabel *>(QStringLiteral("logMatches"))->text(),
                 QStringLiteral("2 matches"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("alpha"));
    const int first = text->textCursor().position();
    log->findNext();
    QVERIFY(text->textCursor().position() > first);
    log->findNext(); // wraps around
    QCOMPARE(text->textCursor().position(), first);
    log->findPrevious();
    QVERIFY(text->textCursor().position() > first);
}

void TestRunDetails::metricsListed()
{
    addSeries(QStringLiteral("loss"), 0.2);
    addSeries(QStringLiteral("accuracy"), 0.9);
    details();
    auto *view = child<QTableView>("metricsView");
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(m_details->pages()->tabText(RunDetails::MetricsPage), QStringLiteral("Metrics (2)"));
    addSeries(QStringLiteral("lr"), 0.01); // the run logs a new metric
    QTRY_COMPARE(view->model()->rowCount(), 3);
    view->sortByColumn(RunMetricsModel::LastColumn, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("lr"));
    QCOMPARE(view->model()->index(2, 0).data().toString(), QStringLiteral("accuracy"));
}

void TestRunDetails::overviewLeadsWithParametersAndMetricTiles()
{
    testing::addSeries(*m_ws, m_run.id, QStringLiteral("loss"), 40, testing::lossCurve);
    details();
    // Parameters from the command line, a tile per scalar metric.
    auto *parameters = m_details->findChild<QGroupBox *>(QStringLiteral("parameters"));
    QVERIFY(parameters && parameters->isVisibleTo(m_details.get()));
    QStringList texts;
    for (QLabel *label : parameters->findChildren<QLabel *>())
        texts << label->text();
    QVERIFY2(texts.contains(QStringLiteral("0.1")) && texts.contains(QStringLiteral("two words")),
             qPrintable(texts.join(u',')));
    RunSummary *summary = m_details->findChild<RunSummary *>();
    QVERIFY(summary);
    QCOMPARE(summary->tileCount(), 1);
    const auto *value = m_details->findChild<QLabel *>(QStringLiteral("tileValue"));
    QCOMPARE(value->text(), QString::number(testing::lossCurve(39, m_run.id), 'g', 6));
    QVERIFY(m_details->findChild<Sparkline *>());
    // No problems: no Diagnostics box at all.
    QVERIFY(!child<QTableView>("diagnosticsView")->parentWidget()->isVisibleTo(m_details.get()));
    // A metric logged later gets its tile (reads are at most every two seconds).
    testing::addSeries(*m_ws, m_run.id, QStringLiteral("acc"), 5, testing::accuracyCurve);
    QTRY_COMPARE_WITH_TIMEOUT(summary->tileCount(), 2, 6000);
}

void TestRunDetails::metricsPageShowsLiveCharts()
{
    testing::addSeries(*m_ws, m_run.id, QStringLiteral("loss"), 40, testing::lossCurve);
    testing::addSeries(*m_ws, m_run.id, QStringLiteral("accuracy"), 40, testing::accuracyCurve);
    details();
    // Nothing is drawn until the page is shown.
    QVERIFY(!m_details->findChild<ComparisonTab *>(QStringLiteral("runCharts")));
    m_details->pages()->setCurrentIndex(RunDetails::MetricsPage);
    auto *charts = m_details->findChild<ComparisonTab *>(QStringLiteral("runCharts"));
    QVERIFY(charts);
    QVERIFY(charts->isVisibleTo(m_details.get()));
    QCOMPARE(charts->panels().size(), 2);
    QCOMPARE(charts->panels().constFirst()->lineSeries().constFirst()->count(), 40);
    // A metric logged later gets its panel while the page is open.
    testing::addSeries(*m_ws, m_run.id, QStringLiteral("val_loss"), 10, testing::lossCurve);
    QTRY_COMPARE(charts->panels().size(), 3);
    // The table is one click away, and double-clicking a number metric there
    // comes back to the charts.
    child<QToolButton>("metricTableButton")->click();
    auto *table = child<QTableView>("metricsView");
    QVERIFY(table->isVisibleTo(m_details.get()));
    QVERIFY(!charts->isVisibleTo(m_details.get()));
    QTRY_COMPARE(table->model()->rowCount(), 3);
    Q_EMIT table->activated(table->model()->index(0, 0));
    QVERIFY(charts->isVisibleTo(m_details.get()));
}

void TestRunDetails::nonScalarMetricsHaveAPage()
{
    addSeries(QStringLiteral("loss"), 0.2);
    details();
    QTabWidget *pages = m_details->pages();
    QVERIFY(!pages->isTabVisible(RunDetails::ValuesPage)); // numbers only so far
    addString(QStringLiteral("note"), QStringLiteral("hello"));
    addString(QStringLiteral("note"), QStringLiteral("world"));
    QTRY_VERIFY(pages->isTabVisible(RunDetails::ValuesPage));

    // Double-clicking a string metric on the Metrics page opens its values.
    pages->setCurrentIndex(RunDetails::MetricsPage);
    auto *view = child<QTableView>("metricsView");
    QTRY_COMPARE(view->model()->rowCount(), 2);
    const auto rowNamed = [view](const QString &name) {
        const auto found = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, name,
                                                1, Qt::MatchExactly);
        return found.value(0);
    };
    Q_EMIT view->activated(rowNamed(QStringLiteral("loss")));
    QCOMPARE(pages->currentIndex(), int(RunDetails::MetricsPage)); // a number: nothing to open
    Q_EMIT view->activated(rowNamed(QStringLiteral("note")));
    QCOMPARE(pages->currentIndex(), int(RunDetails::ValuesPage));
    MetricValuesView *values = m_details->valuesView();
    QCOMPARE(values->currentMetric(), QStringLiteral("note"));
    QCOMPARE(values->currentPage(), values->stringTable());
    QCOMPARE(values->stringTable()->rowCount(), 2);
    QVERIFY(!values->findChild<QComboBox *>(QStringLiteral("valuesRun"))->isVisibleTo(values));

    // Live while shown: the run logs on.
    addString(QStringLiteral("note"), QStringLiteral("again"));
    QTRY_COMPARE(values->stringTable()->rowCount(), 3);
    QCOMPARE(values->stringTable()->item(2, 2)->text(), QStringLiteral("again"));
    QVERIFY(m_details->lastError().isEmpty());
}

void TestRunDetails::outputsListed()
{
    details();
    OutputsBrowser *outputs = m_details->outputsBrowser();
    QVERIFY(outputs->folder().isEmpty());
    QVERIFY(child<QLabel>("outputsEmpty")->isVisibleTo(outputs));
    QVERIFY(QDir().mkpath(folder().outputs() + QStringLiteral("/plots")));
    QFile model(folder().outputs() + QStringLiteral("/model.pkl"));
    QVERIFY(model.open(QIODevice::WriteOnly));
    model.write("weights");
    model.close();
    QTRY_COMPARE(outputs->folder(), folder().outputs()); // picked up while running
    QTreeView *tree = outputs->view();
    QTRY_COMPARE(tree->model()->rowCount(tree->rootIndex()), 2);

    // A file appearing later shows up without a refresh.
    QFile metrics(folder().outputs() + QStringLiteral("/metrics.csv"));
    QVERIFY(metrics.open(QIODevice::WriteOnly));
    metrics.close();
    QTRY_COMPARE(tree->model()->rowCount(tree->rootIndex()), 3);

    const QString copy = m_dir->filePath(QStringLiteral("copy.pkl"));
    QString error;
    QVERIFY2(OutputsBrowser::copyFile(model.fileName(), copy, &error), qPrintable(error));
    QVERIFY2(OutputsBrowser::copyFile(model.fileName(), copy, &error), qPrintable(error));
    QFile copied(copy);
    QVERIFY(copied.open(QIODevice::ReadOnly));
    QCOMPARE(copied.readAll(), QByteArray("weights"));
}

void TestRunDetails::snapshotEntriesAndContent()
{
    makeSnapshot();
    details();
    SnapshotBrowser *browser = m_details->snapshotBrowser();
    QStandardItemModel *model = browser->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->item(0)->text(), QStringLiteral("data")); // folders first
    QCOMPARE(model->item(0)->child(0)->text(), QStringLiteral("config.yaml"));
    QCOMPARE(model->item(1)->text(), QStringLiteral("train.py"));
    QVERIFY(child<QPushButton>("downloadZip")->isEnabled());

    QSignalSpy opened(m_details.get(), &RunDetails::openReadOnly);
    m_details->pages()->setCurrentIndex(RunDetails::SnapshotPage);
    QTreeView *tree = browser->view();
    const QRect rect = tree->visualRect(model->index(1, 0));
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    if (opened.isEmpty()) // some styles consume the first click of a double click
        Q_EMIT tree->doubleClicked(model->index(1, 0));
    QCOMPARE(opened.count(), 1);
    QVERIFY(opened.at(0).at(0).toString().contains(QLatin1String("train.py")));
    QCOMPARE(opened.at(0).at(1).toByteArray(), QByteArray("print('hello from the snapshot')\n"));
}

void TestRunDetails::snapshotViewerWhenNobodyHandles()
{
    makeSnapshot();
    details();
    QString error;
    QVERIFY2(m_details->snapshotBrowser()->open(QStringLiteral("data/config.yaml"), &error),
             qPrintable(error));
    auto *viewer = m_details->findChild<QDialog *>(QStringLiteral("readOnlyViewer"));
    QVERIFY(viewer);
    auto *text = viewer->findChild<QPlainTextEdit *>();
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->toPlainText(), QStringLiteral("epochs: 3\n"));
    viewer->close();
}

void TestRunDetails::diagnosticsCounted()
{
    addDiagnostic(QStringLiteral("line 3: not JSON"));
    addDiagnostic(QStringLiteral("line 9: not JSON"));
    details();
    auto *badge = child<QLabel>("diagnosticsBadge");
    QCOMPARE(badge->text(), QStringLiteral("2"));
    QVERIFY(badge->isVisibleTo(m_details.get()));
    QCOMPARE(child<QTableView>("diagnosticsView")->model()->rowCount(), 2);
    QVERIFY(!m_details->pages()->tabIcon(RunDetails::OverviewPage).isNull());
    addDiagnostic(QStringLiteral("line 12: no value"));
    QTRY_COMPARE(badge->text(), QStringLiteral("3"));
    QCOMPARE(child<QTableView>("diagnosticsView")->model()->index(2, 2).data().toString(),
             QStringLiteral("line 12: no value"));
}

// Not a check: with MLWB_SCREENSHOTS=<dir>, renders a realistic run there for a human to look at.
void TestRunDetails::screenshot()
{
    const QString dir = qEnvironmentVariable("MLWB_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set MLWB_SCREENSHOTS to a folder to render the run details there.");
    QString error;
    Runs(*m_ws).setTag(m_run.id, QStringLiteral("dataset"), QStringLiteral("mnist-v2"), &error);
    Runs(*m_ws).setTag(m_run.id, QStringLiteral("owner"), QStringLiteral("dana"), &error);
    Runs(*m_ws).setNotes(m_run.id, QStringLiteral("Trying a higher learning rate."), &error);
    QByteArray lines;
    for (int i = 1; i <= 50; ++i)
        lines += "2024-05-01 10:00:" + QByteArray::number(i).rightJustified(2, '0') + " INFO epoch "
                 + QByteArray::number(i) + " loss=" + QByteArray::number(2.0 / i) + "\n";
    appendLog(lines);
    addSeries(QStringLiteral("loss"), 0.04);
    addSeries(QStringLiteral("accuracy"), 0.93);
    addSeries(QStringLiteral("learning_rate"), 0.001);
    addDiagnostic(QStringLiteral("line 17: expected a JSON object"));
    QVERIFY(QDir().mkpath(folder().outputs()));
    QFile(folder().outputs() + QStringLiteral("/model.pkl")).open(QIODevice::WriteOnly);
    makeSnapshot();
    details();
    QTRY_VERIFY(m_details->logView()->text().contains(QLatin1String("epoch 50")));
    const char *const names[] = {"overview", "log", "metrics", "values", "outputs", "snapshot"};
    for (int page = 0; page < 6; ++page) {
        m_details->pages()->setCurrentIndex(page);
        QTest::qWait(300);
        const QString file =
            QDir(dir).filePath(QStringLiteral("rundetails-%1.png").arg(QLatin1String(names[page])));
        QVERIFY(m_details->grab().save(file));
    }
}

QTEST_MAIN(TestRunDetails)
#include "tst_rundetails.moc"
