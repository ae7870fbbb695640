// mlwb-run-helper: a run's archive work, for a moment, on its supervisor's
// behalf (model/runs/runhelper.h): the supervisor, alive as long as its
// run, then maps no libarchive, OpenSSL or codec library.
//   mlwb-run-helper verify ZIP
//   mlwb-run-helper unpack ZIP DIR
//   mlwb-run-helper register RUN --workspace DIR
#include "registry/pendingregistrations.h"
#include "snapshots/snapshotreader.h"
#include "store/runs.h"
#include "store/workspace.h"
#include "supervisorprogram.h"

namespace {

bool registerModels(const QString &runUid, const QString &workspacePath, QString *error)
{
    const auto workspace = mlwb::Workspace::open(workspacePath, error);
    const auto run = workspace ? mlwb::Runs(*workspace).find(runUid, error) : std::nullopt;
    if (!run)
        return false;
    mlwb::pendingregistrations::registerAll(*workspace, *run,
                                            workspace->folder(mlwb::Workspace::Folder::Runs));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace mlwb::supervisorprogram;
    QCoreApplication app(argc, argv);
    const QStringList args = arguments();
    const QString verb = args.value(1);
    QString error;
    bool ok = false;
    if (verb == QLatin1String("verify") && args.size() == 3)
        ok = mlwb::SnapshotReader(args.at(2)).verify(&error);
    else if (verb == QLatin1String("unpack") && args.size() == 4)
        ok = mlwb::SnapshotReader(args.at(2)).extractTo(args.at(3), &error);
    else if (verb == QLatin1String("register") && args.size() == 5
             && args.at(3) == QLatin1String("--workspace"))
        ok = registerModels(args.at(2), args.at(4), &error);
    else
        return fail("usage",
                    QStringLiteral("mlwb-run-helper verify ZIP | unpack ZIP DIR | register RUN "
                                   "--workspace DIR (started by a run's supervisor)"),
                    2);
    return ok ? 0 : fail("mlwb-run-helper", error);
}
