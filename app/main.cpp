// mlwb: with no arguments the desktop workbench, with arguments the CLI.
#include "cli.h"
#include "completer.h"
#include "store/defaultworkspace.h"
#include "store/workspace.h"
#include "window/mainwindow.h"
#include "window/workspacechooser.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>
#include <algorithm>
#include <memory>

// Our strings and Qt's own (dialog buttons) in the system's language, when
// a translation exists; English otherwise.
static void installTranslations()
{
    static QTranslator ours, qt;
    // No translation for this locale: English, whose plurals ("1 run") live in mlwb_en.
    if (ours.load(QLocale(), QStringLiteral("mlwb"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours.load(QStringLiteral(":/i18n/mlwb_en")))
        QCoreApplication::installTranslator(&ours);
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "__complete") == 0)
        return mlwb::runCompletion(argc, argv, 2);
    if (argc > 1) {
        // The CLI needs no display. Drawing a chart needs widgets, though,
        // so `chart` commands get a widgets application on the offscreen platform.
        const bool draws = std::any_of(argv + 1, argv + argc,
                                       [](const char *a) { return qstrcmp(a, "chart") == 0; });
        if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> app(draws ? new QApplication(argc, argv)
                                                    : new QCoreApplication(argc, argv));
        QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MLWB_VERSION));
        installTranslations();
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
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mlwb.svg")));
    QApplication::setDesktopFileName(QStringLiteral("mlwb"));
    installTranslations();
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
