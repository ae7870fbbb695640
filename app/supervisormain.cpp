// mlwb-supervisor RUN --workspace DIR: watches one run to its end.
// mlwb-supervisor --deployment NAME --workspace DIR: watches one deployment.
// mlwb-supervisor --front NAME --workspace DIR: holds a deployment's port (DeploymentFront).
// mlwb-supervisor --endpoint NAME --workspace DIR: runs one endpoint's proxy.
// Its own small program, linked against the core only (QtCore, QtSql,
// QtNetwork), so a running run costs a few MB instead of the whole GUI
// binary; `mlwb run supervise` does the same from the full program.
#include "runs/runsupervisor.h"
#include "serving/deploymentfront.h"
#include "serving/deploymentsupervisor.h"
#include "serving/endpointsupervisor.h"
#include "store/deployments.h"
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
    const bool deployment =
        args.size() == 5
        && (args.at(1) == QLatin1String("--deployment") || args.at(1) == QLatin1String("--front")
            || args.at(1) == QLatin1String("--endpoint"));
    if (!deployment && (args.size() != 4 || args.at(2) != QLatin1String("--workspace"))) {
        err << "usage: mlwb-supervisor RUN --workspace DIR, or --deployment NAME --workspace DIR, "
               "--front NAME --workspace DIR, or --endpoint NAME --workspace DIR (started by mlwb "
               "itself)"
            << Qt::endl;
        return 2;
    }
    QString error;
    if (args.at(1) == QLatin1String("--front") && args.at(3) == QLatin1String("--workspace")) {
        if (mlwb::DeploymentFront::serve(args.at(4), args.at(2), &error))
            return 0;
        err << "mlwb-supervisor: " << error << Qt::endl;
        return 1;
    }
    if (args.at(1) == QLatin1String("--endpoint") && args.at(3) == QLatin1String("--workspace")) {
        const auto workspace = mlwb::Workspace::open(args.at(4), &error);
        if (workspace && mlwb::EndpointSupervisor(*workspace, args.at(2)).exec(&error))
            return 0;
        err << "mlwb-supervisor: " << error << Qt::endl;
        return 1;
    }
    if (args.size() == 5 && args.at(1) == QLatin1String("--deployment")
        && args.at(3) == QLatin1String("--workspace")) {
        const auto workspace = mlwb::Workspace::open(args.at(4), &error);
        const auto deployment =
            workspace ? mlwb::Deployments(*workspace).find(args.at(2), &error) : std::nullopt;
        if (deployment && mlwb::DeploymentSupervisor(*workspace, deployment->id).exec(&error))
            return 0;
        err << "mlwb-supervisor: " << error << Qt::endl;
        return 1;
    }
    const auto workspace = mlwb::Workspace::open(args.at(3), &error);
    const auto run = workspace ? mlwb::Runs(*workspace).find(args.at(1), &error) : std::nullopt;
    if (run && mlwb::RunSupervisor(*workspace, run->id).exec(&error))
        return 0;
    err << "mlwb-supervisor: " << error << Qt::endl;
    return 1;
}
