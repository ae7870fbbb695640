// The script editor, its find bar and the editor area, offscreen: exact
// round trips, dirty state, changes made on disk by other programs, and
// Run (F5) on a project folder.
#include "editor/editorarea.h"
#include "editor/findbar.h"
#include "editor/scripteditor.h"
#include "runs/runconfig.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>

using namespace mlwb;

class TestScriptEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTripIsExact_data();
    void roundTripIsExact();
    void saveEndsWithNewline();
    void refusesBinaryFiles();
    void dirtyFlagAndSignal();
    void externalChangeWhileCleanReloads();
    void externalChangeWhileDirtyKeepsEdits();
    void ownSaveIsNotAnExternalChange();
    void deletedFileIsReported();
    void findBarFindsAndReplaces_data();
    void findBarFindsAndReplaces();
    void findBarShowsNoMatchesAndEscCloses();
    void goToLine();
    void areaOpensFolderAndFiles();
    void maybeSaveAll_data();
    void maybeSaveAll();
    void runCreatesConfigAndEmits();
    void runOffersToSaveDirtyFiles();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    static void write(const QString &path, const QByteArray &bytes);
    static QByteArray read(const QString &path);
    QString copySample();
    /// Clicks the button with `text` (or `standard`) in the next modal message box.
    static void answerMessageBox(QMessageBox::StandardButton standard, const QString &text = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestScriptEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestScriptEditor::cleanup()
{
    m_dir.reset();
}

void TestScriptEditor::write(const QString &path, const QByteArray &bytes)
{
    QFile file(path); // in place, as many tools write
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray TestScriptEditor::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString TestScriptEditor::copySample()
{
    const QString project = path(QStringLiteral("sample"));
    QDir().mkpath(project);
    const QDir source(QStringLiteral(MLWB_SOURCE_DIR "/resources/sample"));
    for (const QString &name : source.entryList(QDir::Files))
        QFile::copy(source.filePath(name), QDir(project).filePath(name));
    return project;
}

void TestScriptEditor::answerMessageBox(QMessageBox::StandardButton standard, const QString &text)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, standard, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        QAbstractButton *button =
            standard != QMessageBox::NoButton ? box->button(standard) : nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (!text.isEmpty() && b->text() == text)
                button = b;
        }
        QVERIFY2(button, qPrintable(box->text()));
        timer->deleteLater();
        button->click();
    });
    timer->start();
}

void TestScriptEditor::roundTripIsExact_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("unix utf-8") << QByteArray("# é ü ✓ — 日本\nprint(\"héllo\")\n\tx = 1\n");
    QTest::newRow("windows line ends") << QByteArray("a = 1\r\nb = 'ß'\r\n");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFkey: välue\n");
    QTest::newRow("empty") << QByteArray();
}

void TestScriptEditor::roundTripIsExact()
{
    QFETCH(QByteArray, bytes);
    const QString file = path(QStringLiteral("script.py"));
    write(file, bytes);
    ScriptEditor editor;
    QString error;
    QVERIFY2(editor.load(file, &error), qPrintable(error));
    QCOMPARE(editor.filePath(), QFileInfo(file).absoluteFilePath());
    QVERIFY(!editor.isDirty());
    QVERIFY2(editor.save(&error), qPrintable(error));
    QCOMPARE(read(file), bytes);
}

void TestScriptEditor::saveEndsWithNewline()
{
    const QString file = path(QStringLiteral("run.sh"));
    write(file, "echo hi");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    editor.insertAt(QStringLiteral("#!/bin/sh\n"), 0, 0);
    QVERIFY(editor.save(&error));
    QCOMPARE(read(file), QByteArray("#!/bin/sh\necho hi\n"));
    QVERIFY(!editor.isDirty());
}

void TestScriptEditor::refusesBinaryFiles()
{
    const QString file = path(QStringLiteral("weights.bin"));
    write(file, QByteArray("\x89PNG\0\0\xff\xfe", 8));
    ScriptEditor editor;
    QString error;
    QVERIFY(!editor.load(file, &error));
    QVERIFY(error.contains(QStringLiteral("weights.bin")));
    QVERIFY(!editor.load(path(QStringLiteral("missing.py")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.py")));
}

void TestScriptEditor::dirtyFlagAndSignal()
{
    const QString file = path(QStringLiteral("train.py"));
    write(file, "print(1)\n");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    QSignalSpy dirty(&editor, &ScriptEditor::dirtyChanged);
    editor.insertAt(QStringLiteral("x = 2\n"), 1, 0);
    QVERIFY(editor.isDirty());
    QCOMPARE(dirty.count(), 1);
    QCOMPARE(dirty.last().at(0).toBool(), true);
    QVERIFY(editor.save(&error));
    QVERIFY(!editor.isDirty());
    QCOMPARE(dirty.count(), 2);
    QCOMPARE(dirty.last().at(0).toBool(), false);
    QCOMPARE(read(file), QByteArray("print(1)\nx = 2\n"));
}

void TestScriptEditor::externalChangeWhileCleanReloads()
{
    const QString file = path(QStringLiteral("train.py"));
    write(file, "a = 1\nb = 2\nc = 3\nd = 4\n");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    editor.setCursorPosition(2, 0);
    QSignalSpy external(&editor, &ScriptEditor::externalChange);
    write(file, "a = 10\nb = 20\nc = 30\nd = 40\n");
    QTRY_COMPARE(editor.text(), QStringLiteral("a = 10\nb = 20\nc = 30\nd = 40\n"));
    QCOMPARE(editor.currentLine(), 3);
    QVERIFY(!editor.isDirty());
    QCOMPARE(external.count(), 0);
}

void TestScriptEditor::externalChangeWhileDirtyKeepsEdits()
{
    const QString file = path(QStringLiteral("train.py"));
    write(file, "a = 1\n");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    editor.insertAt(QStringLiteral("# mine\n"), 0, 0);
    QSignalSpy external(&editor, &ScriptEditor::externalChange);
    write(file, "a = 2\n");
    QTRY_COMPARE(external.count(), 1);
    QCOMPARE(editor.text(), QStringLiteral("# mine\na = 1\n"));
    QVERIFY(editor.isDirty());
    // The owner chose "Reload": the disk version replaces the edits.
    QVERIFY(editor.reload(&error));
    QCOMPARE(editor.text(), QStringLiteral("a = 2\n"));
    QVERIFY(!editor.isDirty());
}

void TestScriptEditor::ownSaveIsNotAnExternalChange()
{
    const QString file = path(QStringLiteral("train.py"));
    write(file, "a = 1\n");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    QSignalSpy external(&editor, &ScriptEditor::externalChange);
    QSignalSpy deleted(&editor, &ScriptEditor::fileDeleted);
    for (int i = 0; i < 3; ++i) {
        editor.insertAt(QStringLiteral("# edit\n"), 0, 0);
        QVERIFY(editor.save(&error));
        editor.insertAt(QStringLiteral("# unsaved\n"), 0, 0); // a reload would drop this
        QTest::qWait(400);
        QCOMPARE(external.count(), 0);
        QCOMPARE(deleted.count(), 0);
        QVERIFY(editor.text().startsWith(QStringLiteral("# unsaved\n")));
        editor.undo();
    }
    // The watch survived the atomic replacements.
    QVERIFY(editor.save(&error));
    write(file, "b = 1\n");
    QTRY_COMPARE(editor.text(), QStringLiteral("b = 1\n"));
}

void TestScriptEditor::deletedFileIsReported()
{
    const QString file = path(QStringLiteral("train.py"));
    write(file, "a = 1\n");
    ScriptEditor editor;
    QString error;
    QVERIFY(editor.load(file, &error));
    QSignalSpy deleted(&editor, &ScriptEditor::fileDeleted);
    QVERIFY(QFile::remove(file));
    QTRY_COMPARE(deleted.count(), 1);
    QVERIFY(editor.isDeletedOnDisk());
    QVERIFY(editor.isDirty());
    QVERIFY(editor.save(&error));
    QCOMPARE(read(file), QByteArray("a = 1\n"));
    QVERIFY(!editor.isDirty());
    QVERIFY(!editor.isDeletedOnDisk());
}

void TestScriptEditor::findBarFindsAndReplaces_data()
{
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("result");
    const QString text = QStringLiteral("lr = 0.1\nLR = lr * 2\nblr = 3\n");
    QTest::newRow("any case") << "lr"
                              << "rate" << false << false << false << 4
                              << "rate = 0.1\nrate = rate * 2\nbrate = 3\n";
    QTest::newRow("match case") << "lr"
                                << "rate" << true << false << false << 3
                                << "rate = 0.1\nLR = rate * 2\nbrate = 3\n";
    QTest::newRow("whole word") << "lr"
                                << "rate" << true << true << false << 2
                                << "rate = 0.1\nLR = rate * 2\nblr = 3\n";
    QTest::newRow("regex groups") << "(\\w+) = (\\d)"
                                  << "\\2 = \\1" << true << false << true << 2
                                  << "0 = lr.1\nLR = lr * 2\n3 = blr\n";
    QTest::newRow("no match") << "epochs"
                              << "x" << false << false << false << 0 << text;
}

void TestScriptEditor::findBarFindsAndReplaces()
{
    QFETCH(QString, find);
    QFETCH(QString, replace);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWord);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(QString, result);
    ScriptEditor editor;
    editor.setText(QStringLiteral("lr = 0.1\nLR = lr * 2\nblr = 3\n"));
    FindBar bar;
    bar.setEditor(&editor);
    bar.setFindText(find);
    bar.setReplaceText(replace);
    bar.setOptions(matchCase, wholeWord, regex);
    QCOMPARE(bar.countMatches(), count);
    QCOMPARE(bar.findNext(), count > 0);
    QCOMPARE(bar.replaceAll(), count);
    QCOMPARE(editor.text(), result);
    if (count > 0) { // one undo step takes it all back
        editor.undo();
        QCOMPARE(editor.text(), QStringLiteral("lr = 0.1\nLR = lr * 2\nblr = 3\n"));
    }
}

void TestScriptEditor::findBarShowsNoMatchesAndEscCloses()
{
    QWidget window;
    auto *editor = new ScriptEditor(&window);
    auto *bar = new FindBar(&window);
    bar->setEditor(editor);
    editor->setText(QStringLiteral("alpha beta\nalpha\n"));
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bar->showReplace();
    auto *field = bar->findChild<QLineEdit *>(QStringLiteral("findText"));
    auto *status = bar->findChild<QLabel *>(QStringLiteral("findStatus"));
    QVERIFY(field && status);
    QTest::keyClicks(field, QStringLiteral("alpha"));
    QCOMPARE(editor->selectedText(), QStringLiteral("alpha"));
    QVERIFY2(status->text().startsWith(QStringLiteral("2 match")), qPrintable(status->text()));
    // Replace: the first click replaces the selected match and moves on.
    bar->setReplaceText(QStringLiteral("gamma"));
    QVERIFY(bar->replace());
    QCOMPARE(editor->text(), QStringLiteral("gamma beta\nalpha\n"));
    QCOMPARE(editor->selectedText(), QStringLiteral("alpha"));
    QTest::keyClicks(field, QStringLiteral("zzz"));
    QCOMPARE(status->text(), QStringLiteral("No matches"));
    QVERIFY(!bar->findNext());
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}

void TestScriptEditor::goToLine()
{
    ScriptEditor editor;
    QStringList lines;
    for (int i = 1; i <= 200; ++i)
        lines << QStringLiteral("x%1 = %1").arg(i);
    editor.setText(lines.join(QLatin1Char('\n')));
    editor.resize(400, 300);
    editor.goToLine(150);
    QCOMPARE(editor.currentLine(), 150);
    QVERIFY(editor.firstVisibleLine() <= 149);
    QVERIFY(editor.firstVisibleLine() > 100);
    editor.goToLine(5000);
    QCOMPARE(editor.currentLine(), 200);
    editor.goToLine(0);
    QCOMPARE(editor.currentLine(), 1);
}

void TestScriptEditor::areaOpensFolderAndFiles()
{
    const QString project = copySample();
    EditorArea area;
    QSignalSpy projectChanged(&area, &EditorArea::projectChanged);
    QVERIFY(!area.runAction()->isEnabled());
    QVERIFY(area.openFolder(project));
    QCOMPARE(area.projectDir(), QDir(project).absolutePath());
    QCOMPARE(projectChanged.count(), 1);
    QVERIFY(area.runAction()->isEnabled());
    QCOMPARE(area.runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(area.openFileAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    ScriptEditor *editor = area.openFile(QDir(project).filePath(QStringLiteral("train.py")));
    QVERIFY(editor);
    QCOMPARE(area.currentEditor(), editor);
    QVERIFY(editor->lexer());
    auto *tabs = area.findChild<QTabWidget *>(QStringLiteral("editorTabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("train.py"));
    QCOMPARE(tabs->tabToolTip(0), QDir::toNativeSeparators(editor->filePath()));
    QVERIFY(!area.saveAction()->isEnabled());
    editor->insertAt(QStringLiteral("# note\n"), 0, 0);
    QCOMPARE(tabs->tabText(0), QStringLiteral("train.py •"));
    QVERIFY(area.saveAction()->isEnabled());
    QVERIFY(area.undoAction()->isEnabled());
    area.saveAction()->trigger();
    QCOMPARE(tabs->tabText(0), QStringLiteral("train.py"));
    QVERIFY(read(editor->filePath()).startsWith("# note\n"));

    QCOMPARE(area.openFile(QDir(project).filePath(QStringLiteral("train.py"))), editor);
    QVERIFY(area.openFile(QDir(project).filePath(QStringLiteral("mlwb.yaml"))));
    QCOMPARE(tabs->count(), 2);
    answerMessageBox(QMessageBox::Ok);
    QVERIFY(!area.openFile(QDir(project).filePath(QStringLiteral("missing.py"))));
    QCOMPARE(tabs->count(), 2);
    area.closeTabAction()->trigger();
    QCOMPARE(tabs->count(), 1);
}

void TestScriptEditor::maybeSaveAll_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("proceed");
    QTest::addColumn<bool>("saved");
    QTest::newRow("save") << int(QMessageBox::Save) << true << true;
    QTest::newRow("discard") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("cancel") << int(QMessageBox::Cancel) << false << false;
}

void TestScriptEditor::maybeSaveAll()
{
    QFETCH(int, answer);
    QFETCH(bool, proceed);
    QFETCH(bool, saved);
    const QString project = copySample();
    EditorArea area;
    QVERIFY(area.openFolder(project));
    QVERIFY(area.maybeSaveAll()); // nothing to ask
    ScriptEditor *editor = area.openFile(QDir(project).filePath(QStringLiteral("train.py")));
    QVERIFY(editor);
    editor->insertAt(QStringLiteral("# edited\n"), 0, 0);
    answerMessageBox(QMessageBox::StandardButton(answer));
    QCOMPARE(area.maybeSaveAll(), proceed);
    QCOMPARE(read(editor->filePath()).startsWith("# edited\n"), saved);
    QCOMPARE(editor->isDirty(), !saved);
}

void TestScriptEditor::runCreatesConfigAndEmits()
{
    const QString project = copySample();
    QVERIFY(QFile::remove(QDir(project).filePath(RunConfig::fileName())));
    EditorArea area;
    QVERIFY(area.openFolder(project));
    QVERIFY(area.openFile(QDir(project).filePath(QStringLiteral("train.py"))));
    QSignalSpy run(&area, &EditorArea::runRequested);
    // The visible Run button beside the script's tab is the same action as F5.
    area.show();
    auto *button = area.findChild<QToolButton *>(QStringLiteral("editorRunButton"));
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QCOMPARE(button->defaultAction(), area.runAction());
    QCOMPARE(area.runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    button->click();
    QCOMPARE(run.count(), 1);
    QCOMPARE(run.at(0).at(0).toString(), QDir(project).absolutePath());
    const QString configPath = QDir(project).absoluteFilePath(QStringLiteral("mlwb.yaml"));
    QCOMPARE(run.at(0).at(1).toString(), configPath);
    RunConfig config;
    QString error;
    QVERIFY2(RunConfig::load(configPath, &config, &error), qPrintable(error));
    QCOMPARE(config.command, QStringLiteral("python3 train.py"));
    QCOMPARE(config.experimentName, QStringLiteral("sample"));
    QCOMPARE(config.code, QDir(project).absolutePath());
}

void TestScriptEditor::runOffersToSaveDirtyFiles()
{
    const QString project = copySample();
    EditorArea area;
    QVERIFY(area.openFolder(project));
    ScriptEditor *editor = area.openFile(QDir(project).filePath(QStringLiteral("train.py")));
    editor->insertAt(QStringLiteral("# tuned\n"), 0, 0);
    QSignalSpy run(&area, &EditorArea::runRequested);
    answerMessageBox(QMessageBox::Cancel);
    area.runAction()->trigger();
    QCOMPARE(run.count(), 0);
    answerMessageBox(QMessageBox::NoButton, QStringLiteral("Save and Run"));
    area.runAction()->trigger();
    QCOMPARE(run.count(), 1);
    QVERIFY(!editor->isDirty());
    QVERIFY(read(editor->filePath()).startsWith("# tuned\n"));
    // The existing configuration is used as it is.
    QVERIFY(
        read(QDir(project).filePath(QStringLiteral("mlwb.yaml"))).contains("sample-classifier"));
}

QTEST_MAIN(TestScriptEditor)
#include "tst_scripteditor.moc"
