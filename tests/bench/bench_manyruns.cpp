// Many runs through one target's queue: `runs` runs submitted at once to the
// local target with a limit of `limit`, each logging `rate` points/s for
// `seconds` s. Prints the supervisors' total memory (RSS and PSS, sampled
// every 250 ms, peak), points lost, and queue-to-start latency when a slot
// frees; and, as the baseline, what one queued run cost when it waited in a
// whole `mlwb run supervise` process.
//
//   bench_manyruns [runs=200] [limit=20] [seconds=60] [rate=100]
#include "runs/runconfig.h"
#include "runs/runlauncher.h"
#include "runs/runsubmitter.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace mlwb;

namespace {

struct Memory {
    int processes = 0;
    qint64 rssKb = 0, pssKb = 0;
};

qint64 field(const QByteArray &text, const char *name)
{
    const int at = text.indexOf(name);
    return at < 0 ? 0
                  : text.mid(at + int(qstrlen(name)), 64)
                        .simplified()
                        .split(' ')
                        .value(0)
                        .toLongLong();
}

// Every process whose command line holds `word` and `program`.
Memory supervisors(const QByteArray &program, const QByteArray &word)
{
    // One process per command line, that is per run: a supervisor starting
    // a process forks first, and until the child execs (for a moment, and
    // reparented once QProcess::startDetached's middle process is gone) it
    // is the same program with the parent's pages, copy on write. A
    // helper, once it runs, has a command line of its own and is counted.
    QSet<QByteArray> seen;
    Memory m;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmd.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = cmd.readAll();
        if (!line.contains(program) || !line.contains(word) || seen.contains(line))
            continue;
        QFile smaps(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
        if (!smaps.open(QIODevice::ReadOnly))
            continue;
        seen.insert(line);
        const QByteArray text = smaps.readAll();
        ++m.processes;
        m.rssKb += field(text, "\nRss:");
        m.pssKb += field(text, "\nPss:");
    }
    return m;
}

std::unique_ptr<Workspace> workspace(const QString &path, int limit, QString *error)
{
    auto ws = Workspace::create(path, error);
    if (!ws)
        return ws;
    ComputeTargets targets(*ws);
    auto local = targets.find(QStringLiteral("local"), error);
    local->maxConcurrent = limit;
    targets.update(*local, error);
    return ws;
}

std::optional<Run> submit(Workspace &ws, const QString &project, const QString &command,
                          QString *error)
{
    RunConfig config;
    config.code = project;
    config.command = command;
    return RunSubmitter(ws).submit(config, error);
}

// The old way: a queued run waiting in a whole `mlwb run supervise`.
qint64 wholeProgramQueuedRssKb(const QString &dir, const QString &project)
{
    QString error;
    auto ws = workspace(dir, 1, &error);
    const auto busy = submit(*ws, project, QStringLiteral("sleep 30"), &error);
    QThread::msleep(1500);
    RunSubmitter queued(*ws);
    queued.setStartSupervisor(false);
    RunConfig config;
    config.code = project;
    config.command = QStringLiteral("sleep 1");
    const auto waiting = queued.submit(config, &error);
    QProcess whole;
    whole.start(RunLauncher::program(), {QStringLiteral("run"), QStringLiteral("supervise"),
                                         waiting->uid, QStringLiteral("--workspace"), dir});
    QThread::msleep(2000);
    const qint64 rss = supervisors("supervise", waiting->uid.toUtf8()).rssKb;
    RunLauncher::cancel(*ws, waiting->id, &error);
    RunLauncher::cancel(*ws, busy->id, &error);
    whole.waitForFinished(10000);
    return rss;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runCount = argc > 1 ? std::atoi(argv[1]) : 200;
    const int limit = argc > 2 ? std::atoi(argv[2]) : 20;
    const int seconds = argc > 3 ? std::atoi(argv[3]) : 60;
    const int rate = argc > 4 ? std::atoi(argv[4]) : 100;
    if (qEnvironmentVariableIsEmpty("MLWB_PROGRAM"))
        qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile script(project + QStringLiteral("/tick.py"));
    script.open(QIODevice::WriteOnly);
    script.write("import sys, time, mlwb\n"
                 "seconds, rate = float(sys.argv[1]), float(sys.argv[2])\n"
                 "run = mlwb.Run.get_context()\n"
                 "start = time.time()\n"
                 "for i in range(int(seconds * rate)):\n"
                 "    run.log('t', i, i)\n"
                 "    time.sleep(max(0, start + (i + 1) / rate - time.time()))\n");
    script.close();
    const qint64 baselineKb = wholeProgramQueuedRssKb(dir.filePath(QStringLiteral("old")), project);

    QString error;
    const QString path = dir.filePath(QStringLiteral("ws"));
    auto ws = workspace(path, limit, &error);
    if (!ws || RunLauncher::supervisorProgram().isEmpty()) {
        std::fprintf(stderr, "no workspace or no mlwb-supervisor: %s\n", qPrintable(error));
        return 1;
    }
    QList<Id> runs;
    for (int i = 0; i < runCount; ++i) {
        const auto run = submit(
            *ws, project, QStringLiteral("python3 tick.py %1 %2").arg(seconds).arg(rate), &error);
        if (!run) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        runs << run->id;
    }
    Memory peak;
    int peakProcesses = 0;
    while (true) {
        // The helpers that unpack snapshots count too, for the moment they live.
        Memory now = supervisors("mlwb-supervisor", path.toUtf8());
        const Memory helpers = supervisors("mlwb-run-helper", path.toUtf8());
        now.rssKb += helpers.rssKb;
        now.pssKb += helpers.pssKb;
        peak.rssKb = std::max(peak.rssKb, now.rssKb);
        peak.pssKb = std::max(peak.pssKb, now.pssKb);
        peakProcesses = std::max(peakProcesses, now.processes);
        QSqlQuery q(ws->database());
        q.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status NOT IN "
                              "('Completed', 'Failed', 'Canceled')"));
        if (q.next() && q.value(0).toInt() == 0)
            break;
        QThread::msleep(250);
    }
    // Points and states.
    QSqlQuery q(ws->database());
    q.exec(QStringLiteral("SELECT coalesce(sum(count), 0) FROM metric_series"));
    q.next();
    const qint64 expected = qint64(runCount) * seconds * rate, stored = q.value(0).toLongLong();
    q.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status = 'Completed'"));
    q.next();
    const int completed = q.value(0).toInt();
    // The k-th start (in order) took the slot the (k - limit)-th end freed.
    QList<qint64> starts, ends;
    for (const Id id : std::as_const(runs)) {
        const auto run = Runs(*ws).find(id);
        starts << run->startedAt.toMSecsSinceEpoch();
        ends << run->endedAt.toMSecsSinceEpoch();
    }
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    QList<qint64> waits;
    for (int k = limit; k < starts.size(); ++k)
        waits << std::max<qint64>(0, starts[k] - ends[k - limit]);
    std::sort(waits.begin(), waits.end());
    auto pct = [&](double p) {
        return waits.isEmpty() ? 0 : waits.at(qMin(waits.size() - 1, int(p * waits.size())));
    };
    // Any run that did not complete: what the store says of it, and its
    // folder kept to look at.
    for (const Id id : std::as_const(runs)) {
        const auto run = Runs(*ws).find(id);
        if (run && run->status == RunStatus::Completed)
            continue;
        dir.setAutoRemove(false);
        std::printf("  NOT COMPLETED: %s status %s exit %lld error \"%s\" (workspace kept: %s)\n",
                    run ? qPrintable(run->uid) : "?",
                    run ? qPrintable(statusName(run->status)) : "?",
                    run ? qlonglong(run->exitCode) : -1LL, run ? qPrintable(run->error) : "",
                    qPrintable(path));
    }
    std::printf("%d runs, limit %d, each %d points/s for %d s:\n", runCount, limit, rate, seconds);
    std::printf("  completed %d of %d; points stored %lld of %lld (lost %lld)\n", completed,
                runCount, stored, expected, expected - stored);
    std::printf("  supervisors at once: at most %d processes; peak total RSS %.1f MB, PSS %.1f MB "
                "(target: <= 300 MB)\n",
                peakProcesses, peak.rssKb / 1024.0, peak.pssKb / 1024.0);
    std::printf("  per running run: RSS %.1f MB, PSS %.1f MB; per queued run: no process\n",
                peak.rssKb / 1024.0 / std::max(1, peakProcesses),
                peak.pssKb / 1024.0 / std::max(1, peakProcesses));
    std::printf("  queue-to-start when a slot frees: median %lld ms, p99 %lld ms (target p99 <= "
                "500 ms)\n",
                pct(0.5), pct(0.99));
    // Equal runs end in waves: how many slots freed within a second of each
    // other, and how far apart the starts that filled them were.
    int together = 0;
    for (int i = 0, j = 0; i < ends.size(); ++i) {
        while (ends[i] - ends[j] > 1000)
            ++j;
        together = std::max(together, i - j + 1);
    }
    QList<qint64> gaps;
    for (int k = 1; k < starts.size(); ++k)
        if (starts[k] - starts[k - 1] < 1000)
            gaps << starts[k] - starts[k - 1];
    std::sort(gaps.begin(), gaps.end());
    std::printf("  slots freed within 1 s of each other: up to %d; starts in a wave %lld ms "
                "apart (median)\n",
                together, gaps.isEmpty() ? 0 : gaps.at(gaps.size() / 2));
    std::printf("  baseline, one queued run in a whole `mlwb run supervise`: RSS %.1f MB; "
                "%d runs that way: %.0f MB (ratio ours/baseline %.3f)\n",
                baselineKb / 1024.0, runCount, baselineKb / 1024.0 * runCount,
                double(peak.rssKb) / std::max<qint64>(1, baselineKb * runCount));
    return stored == expected && completed == runCount ? 0 : 1;
}
