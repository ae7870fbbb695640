#pragma once

#include <Qsci/qsciscintilla.h>

#include <QByteArray>
#include <QKeySequence>
#include <QList>
#include <QString>

class QFileSystemWatcher;
class QTimer;

namespace mlwb {

/// An editor for one file of a project (a training script, its YAML
/// configuration, a shell helper): syntax colouring by file type, UTF-8,
/// atomic saves, and a watch on the file so changes made outside the app
/// are picked up (silently while there are no unsaved edits).
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit ScriptEditor(QWidget *parent = nullptr);

    /// Reads `path` (UTF-8) into the editor and starts watching it.
    bool load(const QString &path, QString *error);
    /// Writes the text to filePath() atomically, ending it with a newline.
    bool save(QString *error);
    /// Saves under a new name, which becomes filePath().
    bool saveAs(const QString &path, QString *error);
    /// Replaces the text with what is on disk, dropping unsaved edits.
    bool reload(QString *error);

    QString filePath() const { return m_path; }
    /// The file name, for a tab.
    QString displayName() const;
    /// Unsaved edits, or the file was deleted on disk.
    bool isDirty() const;
    /// True while the file is missing on disk.
    bool isDeletedOnDisk() const { return m_deleted; }
    /// Moves the cursor to the 1-based `line` and scrolls it into view.
    void goToLine(int line);
    /// The 1-based line of the cursor.
    int currentLine() const;
    /// Unbinds the editor's own key commands for `keys` (Scintilla binds
    /// e.g. Ctrl+L), so the owner's actions get them.
    void releaseShortcuts(const QList<QKeySequence> &keys);

signals:
    void dirtyChanged(bool dirty);
    /// The file changed on disk while the editor has unsaved edits; the
    /// owner asks whether to reload() or keep them.
    void externalChange();
    /// The file was deleted (or moved away) on disk.
    void fileDeleted();
    void filePathChanged(const QString &path);

public:
    /// Shows `content` read-only with the highlighting of `fileName` (a file
    /// from a run's snapshot: what ran, not what is in the project now).
    void showReadOnly(const QString &fileName, const QByteArray &content);

private:
    void setUpLook();
    void applyLexerFor(const QString &path);
    void updateMarginWidth();
    bool writeFile(const QString &path, QString *error);
    void watch();
    void checkDisk();
    void setDiskState(const QByteArray &bytes);
    void showBytes(const QByteArray &bytes);

    QString m_path;
    QByteArray m_diskHash; // what we last read or wrote, to tell our own saves apart
    bool m_deleted = false;
    bool m_bom = false;
    QFileSystemWatcher *m_watcher;
    QTimer *m_settle; // coalesces the several events one write produces
};

} // namespace mlwb
