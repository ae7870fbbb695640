#include "window/workspacechooser.h"

#include "store/workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace mlwb {

std::unique_ptr<Workspace> WorkspaceChooser::createNew(QWidget *parent)
{
    for (;;) {
        const QString dir = QFileDialog::getExistingDirectory(
            parent, tr("New Workspace: Choose an Empty Folder"), QDir::homePath());
        if (dir.isEmpty())
            return nullptr;
        QString error;
        if (auto ws = Workspace::create(dir, &error))
            return ws;
        QMessageBox::warning(parent, tr("New Workspace"),
                             tr("No workspace could be created in %1.\n\n%2")
                                 .arg(QDir::toNativeSeparators(dir), error));
    }
}

std::unique_ptr<Workspace> WorkspaceChooser::openExisting(QWidget *parent)
{
    for (;;) {
        const QString dir =
            QFileDialog::getExistingDirectory(parent, tr("Open Workspace"), QDir::homePath());
        if (dir.isEmpty())
            return nullptr;
        QString error;
        if (auto ws = Workspace::open(dir, &error))
            return ws;
        QMessageBox::warning(
            parent, tr("Open Workspace"),
            tr("%1 could not be opened.\n\n%2").arg(QDir::toNativeSeparators(dir), error));
    }
}

std::unique_ptr<Workspace> WorkspaceChooser::recover(QWidget *parent, const QString &path,
                                                     const QString &error)
{
    for (;;) {
        QMessageBox box(
            QMessageBox::Critical, tr("ML Workbench"),
            tr("The workspace in %1 could not be opened.").arg(QDir::toNativeSeparators(path)),
            QMessageBox::NoButton, parent);
        box.setInformativeText(error);
        QPushButton *create = box.addButton(tr("New Workspace…"), QMessageBox::AcceptRole);
        QPushButton *open = box.addButton(tr("Open Workspace…"), QMessageBox::AcceptRole);
        box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(create);
        box.exec();
        std::unique_ptr<Workspace> ws;
        if (box.clickedButton() == create)
            ws = createNew(parent);
        else if (box.clickedButton() == open)
            ws = openExisting(parent);
        else
            return nullptr;
        if (ws)
            return ws;
    }
}

} // namespace mlwb
