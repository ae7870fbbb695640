// Times building an image around a 200 MB model against what a user would
// run by hand for the same bytes: `tar -c | gzip` of the model folder plus
// `sha256sum` of its files. Each repetition builds into a fresh workspace,
// so nothing is reused. Runs alternate (ours, baseline, ...); prints the
// medians and the ratio, then the time of a rebuild with unchanged inputs.

#include "benchtiming.h"
#include "oci/imagebuilder.h"
#include "registry/modelregistry.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr qint64 ModelBytes = 200LL << 20;
constexpr int FileCount = 4;
constexpr int Repetitions = 3;

// xorshift64*: the same bytes on every machine; weights compress about as badly.
void fillRandom(QByteArray *data, quint64 seed)
{
    auto *words = reinterpret_cast<quint64 *>(data->data());
    quint64 state = seed * 2654435761ULL + 1;
    for (qsizetype i = 0; i < data->size() / 8; ++i) {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        words[i] = state * 2685821657736338717ULL;
    }
}

bool makeModel(const QString &dir)
{
    QDir().mkpath(dir);
    QByteArray data(ModelBytes / FileCount, Qt::Uninitialized);
    for (int i = 0; i < FileCount; ++i) {
        fillRandom(&data, quint64(i) + 1);
        QFile f(QStringLiteral("%1/part-%2.bin").arg(dir).arg(i));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return false;
    }
    return true;
}

bool buildOnce(const QString &root, const QString &modelDir, const QString &base,
               const QString &script, int run, double *buildMs, double *rebuildMs)
{
    QString error;
    auto ws = mlwb::Workspace::create(QStringLiteral("%1/ws-%2").arg(root).arg(run), &error);
    mlwb::RegisterRequest reg;
    reg.name = QStringLiteral("big");
    reg.path = modelDir;
    mlwb::ModelVersion v;
    if (!ws || !mlwb::ModelRegistry(*ws).registerModel(reg, &v, &error)) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error));
        return false;
    }
    mlwb::ImageBuildRequest request;
    request.name = QStringLiteral("big-svc");
    request.models = {QStringLiteral("big:1")};
    request.scoringScript = script;
    request.base = base;
    mlwb::Image image;
    QElapsedTimer timer;
    timer.start();
    if (!mlwb::ImageBuilder(*ws).build(request, &image, &error)) {
        std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        return false;
    }
    *buildMs = double(timer.nsecsElapsed()) / 1e6;
    if (rebuildMs) {
        timer.restart();
        mlwb::ImageBuilder(*ws).build(request, &image, &error);
        *rebuildMs = double(timer.nsecsElapsed()) / 1e6;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench-imagebuild-XXXXXX"));
    const QString modelDir = dir.filePath(QStringLiteral("model"));
    const mlwb::testing::TinyBase base =
        mlwb::testing::makeTinyBase(dir.filePath(QStringLiteral("base")));
    const QString script = dir.filePath(QStringLiteral("score.py"));
    if (!makeModel(modelDir) || !base.ok
        || !mlwb::testing::tinyWrite(script,
                                     "def init():\n    pass\ndef run(d):\n    return d\n")) {
        std::fprintf(stderr, "could not prepare the inputs\n");
        return 1;
    }
    std::printf("bench_imagebuild: %lld MB model in %d files, %d cores\n", ModelBytes >> 20,
                FileCount, QThread::idealThreadCount());
    // Only the build is timed: making the workspace and registering the model are not.
    int run = 0;
    bool ok = true;
    std::vector<double> ours, baseline;
    const QString baselineCommand =
        QStringLiteral(
            "tar -C '%1' -cf - . | gzip > '%2/baseline.tar.gz' && sha256sum '%1'/* >/dev/null")
            .arg(modelDir, dir.path());
    for (int i = 0; i < Repetitions && ok; ++i) {
        double ms = 0;
        ok = buildOnce(dir.path(), modelDir, QStringLiteral("oci:") + base.layout, script, run++,
                       &ms, nullptr);
        ours.push_back(ms);
        baseline.push_back(mlwb::bench::medianMs(1, [&] {
            QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), baselineCommand});
        }));
        std::printf("  run %d: ours %.0f ms, baseline %.0f ms\n", i + 1, ours.back(),
                    baseline.back());
    }
    double first = 0, rebuild = 0;
    ok = ok
         && buildOnce(dir.path(), modelDir, QStringLiteral("oci:") + base.layout, script, run++,
                      &first, &rebuild);
    if (!ok)
        return 1;
    const auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    std::printf("median build (ours):            %.0f ms\n", median(ours));
    std::printf("median tar | gzip + sha256sum:  %.0f ms\n", median(baseline));
    std::printf("ratio ours / baseline:          %.2f (target <= 1.0)\n",
                median(ours) / median(baseline));
    std::printf("rebuild, unchanged inputs:      %.0f ms (target < 1000)\n", rebuild);
    return 0;
}
