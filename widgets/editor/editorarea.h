#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace mlwb {

class FindBar;
class ProjectTree;
class ScriptEditor;
class Workspace;

/// Where a data scientist edits a project: the project folder's files on the
/// left, a tab per open file on the right, find/replace below, and Run (F5)
/// to start the project's run configuration (mlwb.yaml).
///
/// The actions carry standard shortcuts with window context, for the main
/// window to put in its menus and toolbars.
class EditorArea : public QWidget
{
    Q_OBJECT
public:
    explicit EditorArea(QWidget *parent = nullptr);

    /// The workspace whose experiments and compute targets the run
    /// configuration offers (may be null). Not owned.
    void setWorkspace(const Workspace *workspace);

    /// Shows `dir` in the file tree. Asks to save edits first; false when the
    /// user cancels or the folder does not exist (the reason is shown).
    bool openFolder(const QString &dir);
    QString projectDir() const { return m_projectDir; }
    /// Opens `path` in a tab, or shows its tab when already open; errors are
    /// shown to the user and give null.
    ScriptEditor *openFile(const QString &path);
    ScriptEditor *currentEditor() const;
    QList<ScriptEditor *> editors() const;
    /// The run configuration file of the project.
    QString configPath() const;

    /// For closing: offers Save / Discard / Cancel for the files with unsaved
    /// edits; true when it is fine to go on.
    bool maybeSaveAll();
    /// Saves every file with edits; stops at the first failure (shown).
    bool saveAll();

    QAction *openFolderAction() const { return m_openFolder; }
    QAction *openFileAction() const { return m_openFile; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *saveAllAction() const { return m_saveAll; }
    QAction *closeTabAction() const { return m_closeTab; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *findAction() const { return m_find; }
    QAction *replaceAction() const { return m_replace; }
    QAction *goToLineAction() const { return m_goToLine; }
    QAction *runAction() const { return m_run; }
    QAction *runConfigurationAction() const { return m_runConfiguration; }

public slots:
    /// Saves edits (after asking), writes a default mlwb.yaml when there is
    /// none, then emits runRequested().
    void run();
    /// Edits the project's mlwb.yaml with the Run Configuration dialog.
    void editRunConfiguration();

signals:
    void runRequested(const QString &projectDir, const QString &configPath);
    void projectChanged(const QString &dir);
    void currentFileChanged(const QString &path);

private:
    void createActions();
    template <typename Slot>
    QAction *addEditorAction(const QString &text, const QKeySequence &shortcut, Slot slot);
    void buildLayout();
    void chooseFolder();
    void chooseFile();
    void saveCurrent();
    void saveCurrentAs();
    void closeCurrentTab();
    bool closeTab(int index);
    void showFind();
    void showReplace();
    void goToLine();
    bool save(ScriptEditor *editor);
    void updateTab(ScriptEditor *editor);
    void updateActions();
    void onCurrentChanged();
    void onExternalChange(ScriptEditor *editor);
    bool saveBeforeRun();
    /// Writes a default mlwb.yaml for the project (asking when no script is found).
    bool ensureConfig();
    ScriptEditor *editorAt(int index) const;
    QList<ScriptEditor *> dirtyEditors() const;

    const Workspace *m_workspace = nullptr;
    QString m_projectDir;
    ProjectTree *m_tree;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    FindBar *m_findBar;
    QAction *m_openFolder, *m_openFile, *m_save, *m_saveAs, *m_saveAll, *m_closeTab;
    QAction *m_undo, *m_redo, *m_find, *m_replace, *m_goToLine, *m_run, *m_runConfiguration;
};

} // namespace mlwb
