#include "editor/editorarea.h"

#include "editor/findbar.h"
#include "editor/projectconfig.h"
#include "editor/projecttree.h"
#include "editor/scripteditor.h"
#include "runs/runconfig.h"
#include "runs/runconfigdialog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mlwb {

namespace {

QString fileList(const QList<ScriptEditor *> &editors)
{
    QStringList names;
    for (const ScriptEditor *e : editors)
        names << QDir::toNativeSeparators(e->filePath());
    return names.join(QLatin1Char('\n'));
}

} // namespace

EditorArea::EditorArea(QWidget *parent)
    : QWidget(parent)
    , m_tree(new ProjectTree(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_findBar(new FindBar(this))
{
    createActions();
    buildLayout();
    onCurrentChanged();
}

template <typename Slot>
QAction *EditorArea::addEditorAction(const QString &text, const QKeySequence &shortcut, Slot slot)
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action); // shortcuts work even before the main window adds them to menus
    return action;
}

void EditorArea::createActions()
{
    m_openFolder = addEditorAction(tr("Open &Folder…"), {}, &EditorArea::chooseFolder);
    m_openFile = addEditorAction(tr("Open F&ile…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                 &EditorArea::chooseFile);
    m_save = addEditorAction(tr("&Save"), QKeySequence::Save, &EditorArea::saveCurrent);
    m_saveAs = addEditorAction(tr("Save &As…"), QKeySequence::SaveAs, &EditorArea::saveCurrentAs);
    m_saveAll = addEditorAction(tr("Save A&ll"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S),
                                [this] { saveAll(); });
    m_closeTab = addEditorAction(tr("&Close Tab"), QKeySequence(Qt::CTRL | Qt::Key_W),
                                 &EditorArea::closeCurrentTab);
    m_undo = addEditorAction(tr("&Undo"), QKeySequence::Undo, [this] {
        if (ScriptEditor *editor = currentEditor())
            editor->undo();
    });
    m_redo = addEditorAction(tr("&Redo"), QKeySequence::Redo, [this] {
        if (ScriptEditor *editor = currentEditor())
            editor->redo();
    });
    m_find =
        addEditorAction(tr("&Find…"), QKeySequence(Qt::CTRL | Qt::Key_F), &EditorArea::showFind);
    m_replace = addEditorAction(tr("R&eplace…"), QKeySequence(Qt::CTRL | Qt::Key_H),
                                &EditorArea::showReplace);
    m_goToLine = addEditorAction(tr("&Go to Line…"), QKeySequence(Qt::CTRL | Qt::Key_L),
                                 &EditorArea::goToLine);
    m_run = addEditorAction(tr("&Run"), QKeySequence(Qt::Key_F5), &EditorArea::run);
    m_run->setToolTip(tr("Save and run the project's run configuration (F5)"));
    m_runConfiguration =
        addEditorAction(tr("Run &Configuration…"), {}, &EditorArea::editRunConfiguration);
}

void EditorArea::buildLayout()
{
    m_tree->hide();
    connect(m_tree, &ProjectTree::fileActivated, this, &EditorArea::openFile);

    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &EditorArea::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &EditorArea::onCurrentChanged);
    // Run where the script is: a visible button, not only F5 and the menu.
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    auto *run = new QToolButton;
    run->setObjectName(QStringLiteral("editorRunButton"));
    run->setDefaultAction(m_run);
    run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    run->setAutoRaise(true);
    auto *configure = new QToolButton;
    configure->setDefaultAction(m_runConfiguration);
    configure->setAutoRaise(true);
    auto *corner = new QWidget;
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->addWidget(configure);
    cornerLayout->addWidget(run);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    m_placeholder->setObjectName(QStringLiteral("editorPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // greyed, like other empty states
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_stack, 1);
    rightLayout->addWidget(m_findBar);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 680});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void EditorArea::setWorkspace(const Workspace *workspace)
{
    m_workspace = workspace;
}

bool EditorArea::openFolder(const QString &dir)
{
    const QString absolute = QDir(dir).absolutePath();
    if (!QFileInfo(absolute).isDir()) {
        QMessageBox::warning(this, tr("Open Folder"),
                             tr("%1 is not a folder.").arg(QDir::toNativeSeparators(absolute)));
        return false;
    }
    if (absolute == m_projectDir)
        return true;
    if (!maybeSaveAll())
        return false;
    while (m_tabs->count() > 0) {
        QWidget *editor = m_tabs->widget(0);
        m_tabs->removeTab(0);
        editor->deleteLater();
    }
    m_projectDir = absolute;
    m_tree->setRootPath(absolute);
    m_tree->show();
    onCurrentChanged();
    emit projectChanged(absolute);
    return true;
}

QString EditorArea::configPath() const
{
    return m_projectDir.isEmpty() ? QString() : ProjectConfig(m_projectDir).path();
}

ScriptEditor *EditorArea::editorAt(int index) const
{
    return qobject_cast<ScriptEditor *>(m_tabs->widget(index));
}

ScriptEditor *EditorArea::currentEditor() const
{
    return editorAt(m_tabs->currentIndex());
}

QList<ScriptEditor *> EditorArea::editors() const
{
    QList<ScriptEditor *> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        out << editorAt(i);
    return out;
}

QList<ScriptEditor *> EditorArea::dirtyEditors() const
{
    QList<ScriptEditor *> out;
    for (ScriptEditor *e : editors()) {
        if (e->isDirty())
            out << e;
    }
    return out;
}

ScriptEditor *EditorArea::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (ScriptEditor *e : editors()) {
        if (e->filePath() == absolute) {
            m_tabs->setCurrentWidget(e);
            return e;
        }
    }
    auto *editor = new ScriptEditor(m_tabs);
    QString error;
    if (!editor->load(absolute, &error)) {
        delete editor;
        QMessageBox::warning(this, tr("Open File"), error);
        return nullptr;
    }
    QList<QKeySequence> taken;
    for (const QAction *a : actions())
        taken << a->shortcut();
    editor->releaseShortcuts(taken);
    connect(editor, &ScriptEditor::dirtyChanged, this, [this, editor] { updateTab(editor); });
    connect(editor, &ScriptEditor::filePathChanged, this, [this, editor] { updateTab(editor); });
    connect(editor, &ScriptEditor::fileDeleted, this, [this, editor] { updateTab(editor); });
    connect(editor, &QsciScintilla::textChanged, this, &EditorArea::updateActions);
    // Queued: the question must not run inside the file watcher's signal.
    connect(
        editor, &ScriptEditor::externalChange, this, [this, editor] { onExternalChange(editor); },
        Qt::QueuedConnection);
    m_tabs->addTab(editor, editor->displayName());
    updateTab(editor);
    m_tabs->setCurrentWidget(editor);
    editor->setFocus();
    return editor;
}

void EditorArea::updateTab(ScriptEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    QString text = editor->displayName();
    text.replace(QLatin1Char('&'), QLatin1String("&&")); // not a mnemonic
    if (editor->isDeletedOnDisk())
        text = tr("%1 (deleted)").arg(text);
    if (editor->isDirty())
        text += QStringLiteral(" •");
    m_tabs->setTabText(index, text);
    m_tabs->setTabToolTip(index, editor->isDeletedOnDisk()
                                     ? tr("%1\nDeleted on disk; save to write it again.")
                                           .arg(QDir::toNativeSeparators(editor->filePath()))
                                     : QDir::toNativeSeparators(editor->filePath()));
    updateActions();
}

void EditorArea::updateActions()
{
    const ScriptEditor *editor = currentEditor();
    const bool hasProject = !m_projectDir.isEmpty();
    m_save->setEnabled(editor && editor->isDirty());
    m_saveAs->setEnabled(editor);
    m_saveAll->setEnabled(!dirtyEditors().isEmpty());
    m_closeTab->setEnabled(editor);
    m_undo->setEnabled(editor && editor->isUndoAvailable());
    m_redo->setEnabled(editor && editor->isRedoAvailable());
    for (QAction *a : {m_find, m_replace, m_goToLine})
        a->setEnabled(editor);
    m_run->setEnabled(hasProject);
    m_runConfiguration->setEnabled(hasProject);
}

void EditorArea::onCurrentChanged()
{
    ScriptEditor *editor = currentEditor();
    m_findBar->setEditor(editor);
    if (!editor)
        m_findBar->hide();
    m_placeholder->setText(m_projectDir.isEmpty()
                               ? tr("Open a project folder to edit and run its scripts.")
                               : tr("Open a file from the project on the left."));
    m_stack->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget *>(m_tabs) : m_placeholder);
    updateActions();
    emit currentFileChanged(editor ? editor->filePath() : QString());
}

void EditorArea::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Project Folder"), m_projectDir.isEmpty() ? QDir::homePath() : m_projectDir);
    if (!dir.isEmpty())
        openFolder(dir);
}

void EditorArea::chooseFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open File"), m_projectDir.isEmpty() ? QDir::homePath() : m_projectDir);
    if (!file.isEmpty())
        openFile(file);
}

bool EditorArea::save(ScriptEditor *editor)
{
    QString error;
    if (editor->save(&error))
        return true;
    m_tabs->setCurrentWidget(editor);
    QMessageBox::warning(this, tr("Save"), error);
    return false;
}

void EditorArea::saveCurrent()
{
    if (ScriptEditor *editor = currentEditor())
        save(editor);
}

void EditorArea::saveCurrentAs()
{
    ScriptEditor *editor = currentEditor();
    if (!editor)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), editor->filePath());
    if (path.isEmpty())
        return;
    QString error;
    if (!editor->saveAs(path, &error))
        QMessageBox::warning(this, tr("Save As"), error);
}

bool EditorArea::saveAll()
{
    for (ScriptEditor *editor : dirtyEditors()) {
        if (!save(editor))
            return false;
    }
    return true;
}

bool EditorArea::maybeSaveAll()
{
    const QList<ScriptEditor *> dirty = dirtyEditors();
    if (dirty.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Save the changes to these files?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(fileList(dirty));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return saveAll();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void EditorArea::closeCurrentTab()
{
    closeTab(m_tabs->currentIndex());
}

bool EditorArea::closeTab(int index)
{
    ScriptEditor *editor = editorAt(index);
    if (!editor)
        return false;
    if (editor->isDirty()) {
        m_tabs->setCurrentIndex(index);
        const auto answer = QMessageBox::warning(
            this, tr("Close Tab"), tr("Save the changes to %1?").arg(editor->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save(editor)))
            return false;
    }
    m_tabs->removeTab(m_tabs->indexOf(editor));
    editor->deleteLater();
    return true;
}

void EditorArea::showFind()
{
    if (currentEditor())
        m_findBar->showFind();
}

void EditorArea::showReplace()
{
    if (currentEditor())
        m_findBar->showReplace();
}

void EditorArea::goToLine()
{
    ScriptEditor *editor = currentEditor();
    if (!editor)
        return;
    bool ok = false;
    const int line =
        QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1–%1):").arg(editor->lines()),
                             editor->currentLine(), 1, editor->lines(), 1, &ok);
    if (ok)
        editor->goToLine(line);
    editor->setFocus();
}

void EditorArea::onExternalChange(ScriptEditor *editor)
{
    QPointer<ScriptEditor> guard(editor);
    m_tabs->setCurrentWidget(editor);
    QMessageBox box(QMessageBox::Question, tr("File Changed on Disk"),
                    tr("%1 was changed by another program while you have unsaved edits.")
                        .arg(editor->displayName()),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Saving your version later overwrites the other change."));
    QPushButton *reload =
        box.addButton(tr("Reload (Lose Your Edits)"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(tr("Keep Mine"), QMessageBox::RejectRole));
    box.exec();
    if (!guard || box.clickedButton() != reload)
        return;
    QString error;
    if (!editor->reload(&error))
        QMessageBox::warning(this, tr("Reload"), error);
}

bool EditorArea::saveBeforeRun()
{
    const QList<ScriptEditor *> dirty = dirtyEditors();
    if (dirty.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Run"),
                    tr("Save your changes before running? The run uses the files as saved."),
                    QMessageBox::NoButton, this);
    box.setInformativeText(fileList(dirty));
    QPushButton *saveButton = box.addButton(tr("Save and Run"), QMessageBox::AcceptRole);
    QPushButton *runButton = box.addButton(tr("Run Without Saving"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(saveButton);
    box.exec();
    if (box.clickedButton() == saveButton)
        return saveAll();
    return box.clickedButton() == runButton;
}

bool EditorArea::ensureConfig()
{
    const ScriptEditor *editor = currentEditor();
    RunConfig config =
        ProjectConfig(m_projectDir).defaults(editor ? editor->filePath() : QString());
    if (config.command.isEmpty()) { // no script to guess: ask
        RunConfigDialog dialog(m_workspace, config, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        config = dialog.config();
    }
    QString error;
    if (!config.save(configPath(), &error)) {
        QMessageBox::warning(this, tr("Run"), error);
        return false;
    }
    return true;
}

void EditorArea::run()
{
    if (m_projectDir.isEmpty()) {
        QMessageBox::information(this, tr("Run"),
                                 tr("Open a project folder first: Run starts its run "
                                    "configuration (%1).")
                                     .arg(RunConfig::fileName()));
        return;
    }
    if (!saveBeforeRun())
        return;
    if (!QFileInfo::exists(configPath()) && !ensureConfig())
        return;
    RunConfig config;
    QString error;
    if (!RunConfig::load(configPath(), &config, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Run"),
                        tr("The run configuration cannot be used."), QMessageBox::Cancel, this);
        box.setInformativeText(error);
        QPushButton *edit = box.addButton(tr("Edit Run Configuration…"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() == edit)
            editRunConfiguration();
        return;
    }
    emit runRequested(m_projectDir, configPath());
}

void EditorArea::editRunConfiguration()
{
    if (m_projectDir.isEmpty())
        return;
    RunConfig config; // possibly invalid: the dialog says why
    QString error;
    if (!ProjectConfig(m_projectDir).loadForEditing(&config, &error)) {
        openFile(configPath());
        QMessageBox::warning(
            this, tr("Run Configuration"),
            tr("%1 cannot be read; fix it in the editor.\n\n%2").arg(RunConfig::fileName(), error));
        return;
    }
    RunConfigDialog dialog(m_workspace, config, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.config().save(configPath(), &error))
        QMessageBox::warning(this, tr("Run Configuration"), error);
}

} // namespace mlwb
