// mlwb: with no arguments the desktop workbench, with arguments the CLI.
#include "cli.h"
#include "defaultworkspace.h"
#include "mainwindow.h"
#include "workspace.h"
#include "workspacechooser.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    if (argc > 1) {
        // The CLI never needs a display: a core application only.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MLWB_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeFirst();
        return mlwb::runCommandLine(arguments, out, err);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mlwb"));
    QApplication::setApplicationDisplayName(QStringLiteral("ML Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MLWB_VERSION));
    // A damaged or too new workspace must not stop the app: say why, offer another.
    const QString path = mlwb::MainWindow::startupWorkspacePath();
    QString error;
    std::unique_ptr<mlwb::Workspace> workspace = mlwb::defaults::openOrCreate(path, &error);
    if (!workspace)
        workspace = mlwb::WorkspaceChooser::recover(nullptr, path, error);
    if (!workspace)
        return 1;
    mlwb::MainWindow window(std::move(workspace));
    window.show();
    return QApplication::exec();
}
