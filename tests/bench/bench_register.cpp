// Times registering a model folder (1 GB in 200 files) against `cp -r` plus
// `sha256sum` of the same files, the work a user would do by hand. Each
// repetition registers into a fresh workspace, so nothing is deduplicated.
// Runs alternate (ours, baseline, ...); prints medians and the ratio.

#include "benchtiming.h"
#include "registry/modelregistry.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int FileCount = 200;
constexpr qint64 TotalBytes = 1LL << 30;
constexpr int Repetitions = 3;

// xorshift64*: the same bytes on every machine, and not compressible.
void fillRandom(QByteArray *data, quint64 seed)
{
    auto *words = reinterpret_cast<quint64 *>(data->data());
    const qsizetype count = data->size() / qsizetype(sizeof(quint64));
    quint64 state = seed * 2654435761ULL + 1;
    for (qsizetype i = 0; i < count; ++i) {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        words[i] = state * 2685821657736338717ULL;
    }
}

bool makeModel(const QString &dir)
{
    QByteArray data(TotalBytes / FileCount, Qt::Uninitialized);
    for (int i = 0; i < FileCount; ++i) {
        fillRandom(&data, quint64(i) + 1);
        QDir().mkpath(dir + QStringLiteral("/layer%1").arg(i % 10));
        QFile file(dir + QStringLiteral("/layer%1/part%2.bin").arg(i % 10).arg(i));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("model"));
    std::printf("bench_register: writing %d files, %lld MB...\n", FileCount, TotalBytes >> 20);
    if (!makeModel(source))
        return 1;
    int run = 0;
    bool ok = true;
    const auto ours = [&] {
        const QString path = dir.filePath(QStringLiteral("ws%1").arg(run++));
        QString error;
        auto ws = mlwb::Workspace::create(path, &error);
        mlwb::RegisterRequest request;
        request.name = QStringLiteral("big");
        request.path = source;
        mlwb::ModelVersion v;
        if (!ws || !mlwb::ModelRegistry(*ws).registerModel(request, &v, &error)) {
            std::fprintf(stderr, "register: %s\n", qPrintable(error));
            ok = false;
        }
    };
    const auto baseline = [&] {
        const QString copy = dir.filePath(QStringLiteral("copy%1").arg(run++));
        const int code = QProcess::execute(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("cp -r \"$1\" \"$2\" && find \"$2\" -type f -exec sha256sum {} + "
                            ">/dev/null"),
             QStringLiteral("sh"), source, copy});
        ok = ok && code == 0;
    };
    std::vector<double> oursMs, baseMs;
    for (int i = 0; i < Repetitions; ++i) {
        oursMs.push_back(mlwb::bench::medianMs(1, ours));
        baseMs.push_back(mlwb::bench::medianMs(1, baseline));
        std::printf("  run %d: register %.0f ms, cp -r + sha256sum %.0f ms\n", i + 1, oursMs.back(),
                    baseMs.back());
    }
    std::sort(oursMs.begin(), oursMs.end());
    std::sort(baseMs.begin(), baseMs.end());
    const double ourMedian = oursMs[Repetitions / 2];
    const double baseMedian = baseMs[Repetitions / 2];
    std::printf("bench_register: register median %.0f ms (%.0f MB/s), cp -r + sha256sum median "
                "%.0f ms; ratio %.2f (target <= 1.3)\n",
                ourMedian, double(TotalBytes >> 20) / (ourMedian / 1000.0), baseMedian,
                ourMedian / baseMedian);
    return ok ? 0 : 1;
}
