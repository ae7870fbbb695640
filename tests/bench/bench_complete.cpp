// `mlwb __complete runs PREFIX` on a workspace of 10,000 runs, as a shell's
// Tab runs it: a fresh process each time. Prints median and p99 (target
// p99 <= 100 ms) and the ratio to two plain baselines measured in the same
// run: `mlwb --version` (process start alone) and the sqlite3 CLI selecting
// the ids.
#include "benchworkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

#include <sys/resource.h>

using namespace mlwb;

namespace {

struct Timing {
    double median = 0;
    double p99 = 0;
    double cpu = 0; // mean user + system CPU ms of the child: less at the mercy of load
    int lines = 0;
};

double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

Timing measure(const QString &program, const QStringList &arguments, int repetitions)
{
    std::vector<double> times;
    int lines = 0;
    const double cpuBefore = childrenCpuMs();
    for (int i = 0; i < repetitions; ++i) {
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            qFatal("%s failed: %s", qPrintable(program),
                   process.readAllStandardError().constData());
        const QByteArray out = process.readAllStandardOutput();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        lines = int(out.count('\n'));
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) {
        return times[std::min(times.size() - 1, size_t(q * times.size()))];
    };
    return {at(0.5), at(0.99), (childrenCpuMs() - cpuBefore) / repetitions, lines};
}

void print(const char *label, const Timing &t)
{
    QTextStream(stdout) << "  " << label << ": median " << QString::number(t.median, 'f', 1)
                        << " ms, p99 " << QString::number(t.p99, 'f', 1) << " ms, CPU "
                        << QString::number(t.cpu, 'f', 1) << " ms (" << t.lines << " lines)\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    QTemporaryDir dir;
    QString error;
    const QString path = dir.path() + QStringLiteral("/ws");
    {
        auto ws = Workspace::create(path, &error);
        if (!ws)
            qFatal("%s", qPrintable(error));
        bench::fill(*ws, 10'000, 1);
        bench::exec(*ws, QStringLiteral("UPDATE runs SET display_name = 'trial-' || id"));
    }
    const QString mlwb = QStringLiteral(MLWB_BINARY);
    const QStringList workspace{QStringLiteral("--workspace"), path};
    const Timing all = measure(
        mlwb,
        QStringList{QStringLiteral("__complete"), QStringLiteral("runs"), QString()} + workspace,
        repetitions);
    const Timing prefix = measure(mlwb,
                                  QStringList{QStringLiteral("__complete"), QStringLiteral("runs"),
                                              QStringLiteral("bench_12")}
                                      + workspace,
                                  repetitions);
    // What the completion scripts call: the small program beside mlwb.
    const QString small = QFileInfo(mlwb).dir().filePath(QStringLiteral("mlwb-complete"));
    const Timing smallAll =
        measure(small, QStringList{QStringLiteral("runs"), QString()} + workspace, repetitions);
    const Timing smallPrefix =
        measure(small, QStringList{QStringLiteral("runs"), QStringLiteral("bench_12")} + workspace,
                repetitions);
    const Timing version = measure(mlwb, {QStringLiteral("--version")}, repetitions);
    const Timing sqlite =
        measure(QStringLiteral("sqlite3"),
                {QStringLiteral("-readonly"), path + QStringLiteral("/workspace.db"),
                 QStringLiteral("SELECT uid, display_name FROM runs ORDER BY created_at DESC")},
                repetitions);
    QTextStream(stdout) << "bench_complete: mlwb __complete runs on 10,000 runs, " << repetitions
                        << " fresh processes each\n";
    print("mlwb-complete, all run ids (what Tab runs)", smallAll);
    print("mlwb-complete, prefix 'bench_12'", smallPrefix);
    print("mlwb __complete, all run ids (empty prefix)", all);
    print("mlwb __complete, prefix 'bench_12'", prefix);
    print("baseline mlwb --version", version);
    print("baseline sqlite3 CLI select of the ids", sqlite);
    const Timing nothing = measure(QStringLiteral("/bin/true"), {}, repetitions);
    print("the machine's process start (/bin/true)", nothing);
    QTextStream(stdout) << "  ratio p50 of mlwb-complete to sqlite3: "
                        << smallAll.median / sqlite.median
                        << ", of mlwb __complete to mlwb --version: " << all.median / version.median
                        << "\n"
                        << "  target p99 <= 100 ms (mlwb-complete): "
                        << (smallAll.p99 <= 100 ? "met" : "NOT met") << "\n";
    return 0;
}
