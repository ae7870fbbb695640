// A separate process that writes to a workspace, for the concurrency tests:
// storewriter DIR NAME COUNT creates COUNT experiments named NAME-0..N-1 and
// one run with a tag in each, one short transaction per item.
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 4) {
        err << "usage: storewriter DIR NAME COUNT\n";
        return 2;
    }
    QString error;
    auto ws = mlwb::Workspace::open(args[1], &error);
    if (!ws) {
        err << error << '\n';
        return 1;
    }
    mlwb::Experiments experiments(*ws);
    mlwb::Runs runs(*ws);
    const int count = args[3].toInt();
    for (int i = 0; i < count; ++i) {
        mlwb::Experiment e;
        e.name = args[2] + QLatin1Char('-') + QString::number(i);
        if (!experiments.create(&e, &error)) {
            err << error << '\n';
            return 1;
        }
        mlwb::Run run;
        run.experimentId = e.id;
        run.experimentName = e.name;
        run.tags.insert(QStringLiteral("writer"), args[2]);
        if (!runs.create(&run, &error)) {
            err << error << '\n';
            return 1;
        }
    }
    return 0;
}
