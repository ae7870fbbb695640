// SSH targets against a real sshd on 127.0.0.1 (tests/sshfixture.h):
//  1. submit latency: from submit() to the first line of the sample project's
//     script running on the "VM" (the script stamps time.time()), against a
//     plain `scp` of the same snapshot zip plus `ssh host python3 -c
//     'import time; print(time.time())'`, measured in the same run;
//  2. metric streaming: a remote run logging N points, from submit to all N
//     stored, against the same run on the local target.
// Each figure is the median of `repetitions` runs.
//
//   bench_ssh [N=1000000] [repetitions=3]
#include "metrics/metrics.h"
#include "runs/runconfig.h"
#include "runs/runsubmitter.h"
#include "snapshots/snapshotwriter.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace mlwb;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QStringList names = QDir(from).entryList(QDir::Files);
    for (const QString &name : names)
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

Run waitForFinal(const Workspace &ws, Id id)
{
    while (true) {
        const auto run = Runs(ws).find(id);
        if (run && isFinal(run->status))
            return *run;
        QThread::msleep(20);
    }
}

// The run's first stamped line: "MLWB_T0 <seconds>".
double stampOf(const Workspace &ws, const Run &run)
{
    QFile log(
        QDir(ws.folder(Workspace::Folder::Runs)).filePath(run.uid + QStringLiteral("/output.log")));
    log.open(QIODevice::ReadOnly);
    const auto m = QRegularExpression(QStringLiteral("MLWB_T0 ([0-9.]+)"))
                       .match(QString::fromUtf8(log.readAll()));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

ComputeTarget addTarget(const Workspace &ws, const SshFixture &sshd, const QString &name,
                        const QString &workdir)
{
    ComputeTarget t;
    t.name = name;
    t.kind = ComputeTarget::Kind::Ssh;
    t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), sshd.port()},
                {QStringLiteral("user"), sshd.user()},
                {QStringLiteral("identity"), sshd.identity()},
                {QStringLiteral("workdir"), workdir}};
    QString error;
    ComputeTargets(ws).add(&t, &error);
    return t;
}

QStringList plainOptions(const SshFixture &sshd)
{
    return {QStringLiteral("-F"), QStringLiteral("/dev/null"),
            QStringLiteral("-i"), sshd.identity(),
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + sshd.knownHosts(),
            QStringLiteral("-o"), QStringLiteral("BatchMode=yes")};
}

// scp of the zip, then ssh python3 printing its clock: seconds to that clock.
double baselineLatency(const SshFixture &sshd, const QString &zip, const QString &remote)
{
    const double start = nowSeconds();
    QProcess scp;
    scp.start(QStringLiteral("scp"),
              plainOptions(sshd)
                  + QStringList{QStringLiteral("-P"), QString::number(sshd.port()), zip,
                                sshd.user() + QStringLiteral("@127.0.0.1:") + remote});
    scp.waitForFinished(60000);
    QProcess ssh;
    ssh.start(QStringLiteral("ssh"),
              plainOptions(sshd)
                  + QStringList{QStringLiteral("-p"), QString::number(sshd.port()),
                                sshd.user() + QStringLiteral("@127.0.0.1"),
                                QStringLiteral("python3 -c 'import time; print(time.time())'")});
    ssh.waitForFinished(60000);
    return ssh.readAllStandardOutput().trimmed().toDouble() - start;
}

double submitLatency(const Workspace &ws, const QString &project, const QString &target)
{
    RunConfig config;
    config.experimentName = QStringLiteral("bench");
    config.code = project;
    config.compute = target;
    config.command = QStringLiteral("python3 stamp.py");
    QString error;
    const double start = nowSeconds();
    const auto run = RunSubmitter(ws).submit(config, &error);
    if (!run) {
        std::fprintf(stderr, "submit failed: %s\n", qPrintable(error));
        return -1;
    }
    return stampOf(ws, waitForFinal(ws, run->id)) - start;
}

// Points per second from submit to all N stored.
double streaming(const Workspace &ws, const QString &project, const QString &target, int n)
{
    RunConfig config;
    config.experimentName = QStringLiteral("stream");
    config.code = project;
    config.compute = target;
    config.command = QStringLiteral("python3 many.py %1").arg(n);
    QString error;
    QElapsedTimer timer;
    timer.start();
    const auto run = RunSubmitter(ws).submit(config, &error);
    if (!run)
        return -1;
    const Run ended = waitForFinal(ws, run->id);
    const qint64 stored =
        Metrics(ws).find(run->id, QStringLiteral("x")).value_or(MetricSeries()).count;
    if (ended.status != RunStatus::Completed || stored != n)
        std::fprintf(stderr, "run %s: %s, %lld points\n", qPrintable(ended.uid),
                     qPrintable(statusName(ended.status)), stored);
    return double(n) / (double(timer.elapsed()) / 1000.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const int repetitions = argc > 2 ? std::atoi(argv[2]) : 3;
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    SshFixture sshd;
    QString error;
    if (!sshd.start(&error) || !sshd.trustHostKey(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    const QString project = dir.filePath(QStringLiteral("sample"));
    copyTree(QStringLiteral(MLWB_SOURCE_DIR "/resources/sample"), project);
    QFile stamp(project + QStringLiteral("/stamp.py"));
    stamp.open(QIODevice::WriteOnly);
    stamp.write("import time; print('MLWB_T0 %.6f' % time.time(), flush=True)\n");
    stamp.close();
    QFile many(project + QStringLiteral("/many.py"));
    many.open(QIODevice::WriteOnly);
    many.write("import sys, mlwb\nrun = mlwb.Run.get_context()\nfor i in "
               "range(int(sys.argv[1])):\n    run.log('x', float(i))\n");
    many.close();
    SnapshotWriter::Result snapshot;
    SnapshotWriter().write(project, dir.filePath(QStringLiteral("zips")), &snapshot, &error);
    const QString zip =
        dir.filePath(QStringLiteral("zips/") + snapshot.sha256 + QStringLiteral(".zip"));

    QList<double> ours, plain, remote, local;
    for (int i = 0; i < repetitions; ++i) {
        // A fresh working folder each time: the helper and the snapshot are shipped.
        const QString name = QStringLiteral("vm%1").arg(i);
        addTarget(*ws, sshd, name, dir.filePath(QStringLiteral("remote%1").arg(i)));
        ours << submitLatency(*ws, project, name);
        plain << baselineLatency(sshd, zip, dir.filePath(QStringLiteral("plain%1.zip").arg(i)));
    }
    std::printf("submit latency, sample project (%lld bytes zipped), median of %d:\n",
                QFileInfo(zip).size(), repetitions);
    std::printf("  mlwb submit to first line on the VM: %8.3f s\n", median(ours));
    std::printf("  plain scp + ssh python3:             %8.3f s\n", median(plain));
    std::printf("  ratio (mlwb / plain):                %8.2f\n", median(ours) / median(plain));
    for (int i = 0; i < repetitions; ++i) {
        remote << streaming(*ws, project, QStringLiteral("vm0"), n);
        local << streaming(*ws, project, QStringLiteral("local"), n);
    }
    std::printf("metric streaming, %d points, submit to all stored, median of %d:\n", n,
                repetitions);
    std::printf("  ssh target:   %12.0f points/s\n", median(remote));
    std::printf("  local target: %12.0f points/s\n", median(local));
    std::printf("  ratio (ssh / local): %.2f\n", median(remote) / median(local));
    return 0;
}
