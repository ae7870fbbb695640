// mlwb-supervisor RUN --workspace DIR: watches one run to its end.
// Its own small program, linked against the core only (QtCore, QtSql,
// QtNetwork), so a running run costs a few MB instead of the whole GUI
// binary; `mlwb run supervise` does the same from the full program.
#include "runs/runsupervisor.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLWB_VERSION));
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 4 || args.at(2) != QLatin1String("--workspace")) {
        err << "usage: mlwb-supervisor RUN --workspace DIR (started by mlwb itself)" << Qt::endl;
        return 2;
    }
    QString error;
    const auto workspace = mlwb::Workspace::open(args.at(3), &error);
    const auto run = workspace ? mlwb::Runs(*workspace).find(args.at(1), &error) : std::nullopt;
    if (run && mlwb::RunSupervisor(*workspace, run->id).exec(&error))
        return 0;
    err << "mlwb-supervisor: " << error << Qt::endl;
    return 1;
}
