// mlwb-supervisor RUN --workspace DIR: watches one run to its end.
// Its own small program, linked against QtCore, QtSql and SQLite only (no
// GUI, no network, no keychain: services have mlwb-service-supervisor; no
// archives or OpenSSL: mlwb-run-helper), so a running run maps and touches
// as little as it can; `mlwb run supervise` does the same from the full program.
#include "runs/runsupervisor.h"
#include "store/runs.h"
#include "store/workspace.h"
#include "supervisorprogram.h"

int main(int argc, char *argv[])
{
    using namespace mlwb::supervisorprogram;
    QCoreApplication app(argc, argv);
    const QStringList args = arguments();
    if (args.size() != 4 || args.at(2) != QLatin1String("--workspace"))
        return fail("usage",
                    QStringLiteral("mlwb-supervisor RUN --workspace DIR (started by mlwb itself)"),
                    2);
    QString error;
    const auto workspace = mlwb::Workspace::open(args.at(3), &error);
    const auto run = workspace ? mlwb::Runs(*workspace).find(args.at(1), &error) : std::nullopt;
    if (run && mlwb::RunSupervisor(*workspace, run->id).exec(&error))
        return 0;
    return fail("mlwb-supervisor", error);
}
