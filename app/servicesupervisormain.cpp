// mlwb-service-supervisor ROLE NAME --workspace DIR, where ROLE is
//   --deployment: watches one deployment;
//   --front: holds a deployment's port (DeploymentFront);
//   --endpoint: runs one endpoint's proxy.
// A small program without GUI libraries; `mlwb service supervise` does the
// same from the full program. Runs have mlwb-supervisor, which links less.
#include "serving/deploymentfront.h"
#include "serving/deploymentsupervisor.h"
#include "serving/endpointsupervisor.h"
#include "store/deployments.h"
#include "store/workspace.h"
#include "supervisorprogram.h"

int main(int argc, char *argv[])
{
    using namespace mlwb::supervisorprogram;
    QCoreApplication app(argc, argv);
    const QStringList args = arguments();
    if (args.size() != 5 || args.at(3) != QLatin1String("--workspace"))
        return fail("usage",
                    QStringLiteral("mlwb-service-supervisor --deployment NAME --workspace DIR, "
                                   "--front NAME --workspace DIR, or --endpoint NAME --workspace "
                                   "DIR (started by mlwb itself)"),
                    2);
    const QString role = args.at(1), name = args.at(2), dir = args.at(4);
    const char *program = "mlwb-service-supervisor";
    QString error;
    if (role == QLatin1String("--front"))
        return mlwb::DeploymentFront::serve(dir, name, &error) ? 0 : fail(program, error);
    if (role != QLatin1String("--endpoint") && role != QLatin1String("--deployment"))
        return fail(program, QStringLiteral("unknown role ") + role, 2);
    const auto workspace = mlwb::Workspace::open(dir, &error);
    if (!workspace)
        return fail(program, error);
    if (role == QLatin1String("--endpoint"))
        return mlwb::EndpointSupervisor(*workspace, name).exec(&error) ? 0 : fail(program, error);
    const auto deployment = mlwb::Deployments(*workspace).find(name, &error);
    if (deployment && mlwb::DeploymentSupervisor(*workspace, deployment->id).exec(&error))
        return 0;
    return fail(program, error);
}
