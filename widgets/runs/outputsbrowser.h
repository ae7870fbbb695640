#pragma once

#include <QStringList>
#include <QWidget>

class QFileSystemModel;
class QLabel;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace mlwb {

/// The files a run produced, as a live tree of its outputs folder: open one
/// with the desktop's application, show it in the file manager, or save a
/// copy elsewhere. New files appear as the run writes them.
class OutputsBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit OutputsBrowser(QWidget *parent = nullptr);

    /// Shows the first of `folders` that exists (e.g. the collected outputs,
    /// then the live code/outputs of a running run); refresh() checks again.
    void setFolders(const QStringList &folders);
    /// The folder shown, or empty when none of them exists yet.
    QString folder() const { return m_folder; }
    void refresh();

    /// The path of the selected file or folder, or empty.
    QString selectedPath() const;
    QTreeView *view() const { return m_view; }
    /// Copies the file at `source` to `target`, replacing it.
    static bool copyFile(const QString &source, const QString &target, QString *error);

    /// The selection as the registry names it: "outputs/REL", or "outputs"
    /// for the whole folder when nothing is selected.
    QString selectedOutputPath() const;

Q_SIGNALS:
    /// "Register Model…" on the selection (see selectedOutputPath()).
    void registerModelRequested(const QString &outputPath);

public Q_SLOTS:
    void openSelected();
    void revealSelected();
    void saveSelectedAs();

private:
    QWidget *createButtons();
    void updateButtons();
    void showContextMenu(const QPoint &pos);
    void showError(const QString &message);

    QStringList m_folders;
    QString m_folder;
    QFileSystemModel *m_model;
    QTreeView *m_view;
    QLabel *m_empty;
    QPushButton *m_open;
    QPushButton *m_reveal;
    QPushButton *m_saveAs;
    QPushButton *m_register;
};

} // namespace mlwb
