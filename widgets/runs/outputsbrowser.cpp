#include "runs/outputsbrowser.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace mlwb {

OutputsBrowser::OutputsBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new QFileSystemModel(this))
    , m_view(new QTreeView(this))
    , m_empty(new QLabel(this))
{
    m_model->setReadOnly(true);
    m_model->setFilter(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    m_view->setObjectName(QStringLiteral("outputsTree"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->hide();
    m_empty->setObjectName(QStringLiteral("outputsEmpty"));
    m_empty->setText(tr("No outputs yet. Files the script writes to ./outputs appear here."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createButtons());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!m_model->isDir(index))
            openSelected();
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &OutputsBrowser::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutputsBrowser::updateButtons);
    updateButtons();
}

QWidget *OutputsBrowser::createButtons()
{
    auto *bar = new QWidget(this);
    m_open = new QPushButton(tr("Open"), bar);
    m_open->setObjectName(QStringLiteral("openOutput"));
    m_reveal = new QPushButton(tr("Reveal in Folder"), bar);
    m_reveal->setObjectName(QStringLiteral("revealOutput"));
    m_saveAs = new QPushButton(tr("Save As…"), bar);
    m_saveAs->setObjectName(QStringLiteral("saveOutputAs"));
    m_register = new QPushButton(tr("Register Model…"), bar);
    m_register->setObjectName(QStringLiteral("registerOutput"));
    m_register->setToolTip(tr("Register the selected file or folder (or all outputs) as a model"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_open);
    layout->addWidget(m_reveal);
    layout->addWidget(m_saveAs);
    layout->addStretch(1);
    layout->addWidget(m_register);
    connect(m_register, &QPushButton::clicked, this,
            [this] { Q_EMIT registerModelRequested(selectedOutputPath()); });
    connect(m_open, &QPushButton::clicked, this, &OutputsBrowser::openSelected);
    connect(m_reveal, &QPushButton::clicked, this, &OutputsBrowser::revealSelected);
    connect(m_saveAs, &QPushButton::clicked, this, &OutputsBrowser::saveSelectedAs);
    return bar;
}

void OutputsBrowser::setFolders(const QStringList &folders)
{
    m_folders = folders;
    refresh();
}

void OutputsBrowser::refresh()
{
    QString existing;
    for (const QString &folder : std::as_const(m_folders)) {
        if (QFileInfo(folder).isDir()) {
            existing = folder;
            break;
        }
    }
    if (existing == m_folder)
        return;
    m_folder = existing;
    m_view->setVisible(!existing.isEmpty());
    m_empty->setVisible(existing.isEmpty());
    if (!existing.isEmpty()) {
        m_view->setRootIndex(m_model->setRootPath(existing));
    }
    updateButtons();
}

QString OutputsBrowser::selectedPath() const
{
    const QModelIndex index = m_view->currentIndex();
    if (m_folder.isEmpty() || !index.isValid() || !m_view->selectionModel()->isSelected(index))
        return {};
    return m_model->filePath(index);
}

QString OutputsBrowser::selectedOutputPath() const
{
    const QString path = selectedPath();
    const QString rel = path.isEmpty() ? QString() : QDir(m_folder).relativeFilePath(path);
    return rel.isEmpty() || rel == QLatin1String(".") ? QStringLiteral("outputs")
                                                      : QStringLiteral("outputs/") + rel;
}

void OutputsBrowser::updateButtons()
{
    const QString path = selectedPath();
    m_open->setEnabled(!path.isEmpty());
    m_reveal->setEnabled(!m_folder.isEmpty());
    m_saveAs->setEnabled(!path.isEmpty() && QFileInfo(path).isFile());
    m_register->setEnabled(!m_folder.isEmpty());
}

void OutputsBrowser::openSelected()
{
    const QString path = selectedPath();
    if (!path.isEmpty() && !QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError(tr("No application could open %1.").arg(QDir::toNativeSeparators(path)));
}

// Desktops offer no portable "select this file": open the folder holding it.
void OutputsBrowser::revealSelected()
{
    const QString path = selectedPath();
    const QString folder = path.isEmpty() ? m_folder : QFileInfo(path).absolutePath();
    if (!folder.isEmpty() && !QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        showError(tr("The folder %1 could not be opened.").arg(QDir::toNativeSeparators(folder)));
}

void OutputsBrowser::saveSelectedAs()
{
    const QString path = selectedPath();
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save Output As"), QDir::home().filePath(QFileInfo(path).fileName()));
    if (target.isEmpty())
        return;
    QString error;
    if (!copyFile(path, target, &error))
        showError(error);
}

bool OutputsBrowser::copyFile(const QString &source, const QString &target, QString *error)
{
    if (QFileInfo(source).canonicalFilePath() == QFileInfo(target).canonicalFilePath()) {
        *error = tr("A file cannot be saved over itself.");
        return false;
    }
    // The dialog already asked about replacing; QFile::copy never overwrites.
    QFile existing(target);
    if (existing.exists() && !existing.remove()) {
        *error = tr("%1 could not be replaced: %2")
                     .arg(QDir::toNativeSeparators(target), existing.errorString());
        return false;
    }
    QFile file(source);
    if (!file.copy(target)) {
        *error = tr("%1 could not be saved as %2: %3")
                     .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(target),
                          file.errorString());
        return false;
    }
    return true;
}

void OutputsBrowser::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, &OutputsBrowser::openSelected);
    menu.addAction(tr("Reveal in Folder"), this, &OutputsBrowser::revealSelected);
    QAction *save = menu.addAction(tr("Save As…"), this, &OutputsBrowser::saveSelectedAs);
    save->setEnabled(m_saveAs->isEnabled());
    menu.addSeparator();
    menu.addAction(tr("Register Model…"), this,
                   [this] { Q_EMIT registerModelRequested(selectedOutputPath()); });
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void OutputsBrowser::showError(const QString &message)
{
    QMessageBox::warning(this, tr("Outputs"), message);
}

} // namespace mlwb
