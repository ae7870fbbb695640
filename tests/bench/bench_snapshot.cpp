// Times SnapshotWriter against `zip -qr` on the same generated project:
// 2,000 files, about 300 MB, mostly CSV-like text plus random binaries.
// Runs alternate (ours, zip, ours, ...) three times each; prints medians.

#include "snapshots/snapshotwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

using mlwb::SnapshotWriter;

namespace {

constexpr int FileCount = 2000;
constexpr qint64 TargetBytes = 300LL * 1000 * 1000; // stays under the 300 MiB default limit
constexpr int Repetitions = 3;

// xorshift64*: fast and the same on every machine, so the project is too.
struct Random {
    quint64 state;
    quint64 next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ULL;
    }
};

QByteArray csvText(qint64 size, Random *random)
{
    QByteArray data;
    data.reserve(size + 128);
    data += "id,feature_a,feature_b,feature_c,label,split\n";
    static const char *const labels[] = {"cat", "dog", "bird", "fish"};
    static const char *const splits[] = {"train", "train", "train", "val"};
    char line[128];
    for (qint64 id = 0; data.size() < size; ++id) {
        const quint64 r = random->next();
        const int n = std::snprintf(line, sizeof line, "%lld,%.4f,%.3f,%d,%s,%s\n",
                                    static_cast<long long>(id), double(r % 100000) / 1e4,
                                    double((r >> 20) % 50000) / 1e3 - 25.0, int((r >> 40) % 1000),
                                    labels[(r >> 50) % 4], splits[(r >> 54) % 4]);
        data.append(line, n);
    }
    data.truncate(size);
    return data;
}

QByteArray randomBinary(qint64 size, Random *random)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i + 8 <= size; i += 8) {
        const quint64 r = random->next();
        std::memcpy(data.data() + i, &r, 8);
    }
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// 10 big CSVs and 5 big binaries of 10 MB; the rest about 75 KB each. One
// file in 20 is random binary, half of those with a compressed-format suffix.
QList<qint64> plannedSizes()
{
    QList<qint64> sizes;
    qint64 total = 0;
    for (int i = 0; i < FileCount; ++i) {
        const bool big = i % 200 == 0 || i % 400 == 19;
        sizes.append(big ? 10'000'000 : 75'000 + (qint64(i) * 7919) % 20001 - 10000);
        total += sizes.last();
    }
    sizes.last() += TargetBytes - total;
    return sizes;
}

bool generateProject(const QString &dir, qint64 *totalBytes)
{
    static const char *const binarySuffixes[] = {"bin", "npy", "pt", "npz"};
    Random random{0x5eed5eedULL};
    const QList<qint64> sizes = plannedSizes();
    *totalBytes = 0;
    for (int i = 0; i < FileCount; ++i) {
        const bool binary = i % 20 == 19;
        const QString name = binary ? QStringLiteral("models/m%1/w%2.%3")
                                          .arg(i / 100)
                                          .arg(i)
                                          .arg(QLatin1String(binarySuffixes[(i / 20) % 4]))
                                    : QStringLiteral("data/part%1/rows_%2.csv").arg(i / 100).arg(i);
        const qint64 size = qMax<qint64>(0, sizes.at(i));
        const QByteArray content = binary ? randomBinary(size, &random) : csvText(size, &random);
        if (!writeFile(dir + u'/' + name, content))
            return false;
        *totalBytes += size;
    }
    return true;
}

// CPU seconds (user + system) of this process or of its finished children:
// unlike wall time, not inflated when other work shares the cores.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
    double wall = 0;
    double cpu = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

Timing timeOurs(const QString &project, const QString &store, qint64 *zipBytes)
{
    QDir(store).removeRecursively();
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer timer;
    timer.start();
    SnapshotWriter::Result result;
    QString error;
    if (!SnapshotWriter().write(project, store, &result, &error)) {
        std::fprintf(stderr, "SnapshotWriter failed: %s\n", qPrintable(error));
        std::exit(1);
    }
    const Timing timing{double(timer.nsecsElapsed()) / 1e9, cpuSeconds(RUSAGE_SELF) - cpuBefore};
    *zipBytes = QFileInfo(result.zipPath).size();
    return timing;
}

Timing timeZip(const QString &project, const QString &zipPath, qint64 *zipBytes)
{
    QFile::remove(zipPath);
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QProcess zip;
    zip.setWorkingDirectory(project);
    QElapsedTimer timer;
    timer.start();
    zip.start(QStringLiteral("zip"), {QStringLiteral("-qr"), zipPath, QStringLiteral(".")});
    if (!zip.waitForFinished(-1) || zip.exitCode() != 0) {
        std::fprintf(stderr, "zip failed: %s\n", qPrintable(zip.errorString()));
        std::exit(1);
    }
    const Timing timing{double(timer.nsecsElapsed()) / 1e9,
                        cpuSeconds(RUSAGE_CHILDREN) - cpuBefore};
    *zipBytes = QFileInfo(zipPath).size();
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // show each run as it finishes
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project"));
    qint64 total = 0;
    std::printf("Generating %d files in %s ...\n", FileCount, qPrintable(project));
    if (!dir.isValid() || !generateProject(project, &total)) {
        std::fprintf(stderr, "cannot generate the project\n");
        return 1;
    }
    const double mb = double(total) / (1024.0 * 1024.0);
    std::printf("Project: %.1f MB (%lld bytes) in %d files\n", mb, static_cast<long long>(total),
                FileCount);

    QList<double> ours, oursCpu, zips, zipsCpu;
    qint64 ourBytes = 0;
    qint64 zipBytes = 0;
    for (int i = 0; i < Repetitions; ++i) {
        const Timing o = timeOurs(project, dir.filePath(QStringLiteral("store")), &ourBytes);
        const Timing z = timeZip(project, dir.filePath(QStringLiteral("out.zip")), &zipBytes);
        ours.append(o.wall);
        oursCpu.append(o.cpu);
        zips.append(z.wall);
        zipsCpu.append(z.cpu);
        std::printf("run %d: SnapshotWriter %.2f s (cpu %.2f s), zip -qr %.2f s (cpu %.2f s)\n",
                    i + 1, o.wall, o.cpu, z.wall, z.cpu);
    }
    const double o = median(ours);
    const double z = median(zips);
    std::printf("SnapshotWriter: median %.2f s, %.1f MB/s, cpu %.2f s, zip %.1f MB\n", o, mb / o,
                median(oursCpu), double(ourBytes) / (1024.0 * 1024.0));
    std::printf("zip -qr:        median %.2f s, %.1f MB/s, cpu %.2f s, zip %.1f MB\n", z, mb / z,
                median(zipsCpu), double(zipBytes) / (1024.0 * 1024.0));
    std::printf("ratio ours/zip: %.2f wall, %.2f cpu (lower is faster)\n", o / z,
                median(oursCpu) / median(zipsCpu));
    return 0;
}
