// Times pushing an image with a 200 MB model layer to a local registry
// (Debian's docker-registry) against `skopeo copy oci-archive:... docker://...`
// of the same image exported as an OCI archive, each into a fresh repository
// (nothing mounted, skopeo's blob cache in a fresh HOME). Runs alternate;
// prints the medians and the ratio, then a re-push after one layer changed
// and what it sent.

#include "benchtiming.h"
#include "localregistry.h"
#include "oci/imagebuilder.h"
#include "oci/imageexport.h"
#include "oci/imagepush.h"
#include "oci/imagestore.h"
#include "registry/modelregistry.h"
#include "store/workspace.h"
#include "tinybase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr qint64 ModelBytes = 200LL << 20;
constexpr int Repetitions = 3;

bool makeModel(const QString &path, quint64 seed)
{
    QByteArray data(ModelBytes, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint64 *>(data.data());
    quint64 state = seed * 2654435761ULL + 1;
    for (qsizetype i = 0; i < data.size() / 8; ++i) {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        words[i] = state * 2685821657736338717ULL;
    }
    return mlwb::testing::tinyWrite(path, data);
}

bool build(mlwb::Workspace &ws, const QString &modelPath, const QString &script,
           const QString &base, QString *ref)
{
    QString error;
    mlwb::RegisterRequest reg;
    reg.name = QStringLiteral("big");
    reg.path = modelPath;
    mlwb::ModelVersion v;
    mlwb::ImageBuildRequest request;
    request.name = QStringLiteral("big-svc");
    request.scoringScript = script;
    request.base = base;
    mlwb::Image image;
    if (!mlwb::ModelRegistry(ws).registerModel(reg, &v, &error)
        || (request.models = {QStringLiteral("big:%1").arg(v.version)},
            !mlwb::ImageBuilder(ws).build(request, &image, &error))) {
        std::fprintf(stderr, "build failed: %s\n", qPrintable(error));
        return false;
    }
    *ref = image.name + QLatin1Char(':') + image.tag;
    return true;
}

bool push(const mlwb::Workspace &ws, const QString &ref, const QString &dest,
          mlwb::PushResult *result)
{
    // Forget earlier pushes: a fresh repository must get every byte, not mounts.
    QFile::remove(ws.path() + QStringLiteral("/registry-pushes.json"));
    QString error;
    if (!mlwb::pushImage(ws, {ref, dest}, {}, {}, result, &error)) {
        std::fprintf(stderr, "push failed: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

double median(std::vector<double> v)
{
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench-push-XXXXXX"));
    QString error;
    const mlwb::testing::TinyBase base =
        mlwb::testing::makeTinyBase(dir.filePath(QStringLiteral("base")));
    const QString script = dir.filePath(QStringLiteral("score.py"));
    const QString model = dir.filePath(QStringLiteral("model.bin"));
    auto ws = mlwb::Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    QString ref;
    const QString archive = dir.filePath(QStringLiteral("image.tar"));
    if (!ws || !base.ok || !makeModel(model, 1)
        || !mlwb::testing::tinyWrite(script, "def init():\n    pass\ndef run(d):\n    return d\n")
        || !build(*ws, model, script, QStringLiteral("oci:") + base.layout, &ref)
        || !mlwb::oci::ImageExport::write(
            mlwb::oci::ImageStore(ws->folder(mlwb::Workspace::Folder::Images)), ref,
            mlwb::oci::ImageExport::Format::OciArchive, archive, &error)) {
        std::fprintf(stderr, "could not prepare the image: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("bench_push: %s with a %lld MB model layer, a fresh docker-registry per run\n",
                qPrintable(ref), ModelBytes >> 20);
    std::vector<double> ours, baseline;
    // A fresh registry each run: skopeo remembers where it put blobs (its blob-info
    // cache, outside HOME when run as root) and would mount them instead of sending.
    auto registry = std::make_unique<mlwb::testing::LocalRegistry>();
    for (int i = 0; i < Repetitions; ++i) {
        registry = std::make_unique<mlwb::testing::LocalRegistry>();
        if (!registry->start(dir.filePath(QStringLiteral("registry%1").arg(i)), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        mlwb::PushResult result;
        QElapsedTimer timer;
        timer.start();
        if (!push(*ws, ref, registry->address() + QStringLiteral("/ours%1/svc:1").arg(i), &result))
            return 1;
        ours.push_back(double(timer.nsecsElapsed()) / 1e6);
        QTemporaryDir home(dir.filePath(QStringLiteral("home-XXXXXX")));
        QProcess skopeo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path()); // no blob-info cache from earlier runs
        skopeo.setProcessEnvironment(env);
        timer.restart();
        skopeo.start(
            QStringLiteral("skopeo"),
            {QStringLiteral("copy"), QStringLiteral("--quiet"),
             QStringLiteral("--dest-tls-verify=false"), QStringLiteral("oci-archive:") + archive,
             QStringLiteral("docker://%1/skopeo%2/svc:1").arg(registry->address()).arg(i)});
        if (!skopeo.waitForFinished(300000) || skopeo.exitCode() != 0) {
            std::fprintf(stderr, "skopeo failed: %s\n", skopeo.readAllStandardError().constData());
            return 1;
        }
        baseline.push_back(double(timer.nsecsElapsed()) / 1e6);
        std::printf("  run %d: ours %.0f ms (%d blobs, %lld bytes), skopeo copy %.0f ms\n", i + 1,
                    ours.back(), result.blobsSent, result.bytesSent, baseline.back());
    }
    if (qEnvironmentVariableIsSet("BENCH_PUSH_LOG"))
        for (const QString &line : registry->requests())
            std::printf("    %s\n", qPrintable(line));
    std::printf("median push (ours):        %.0f ms\n", median(ours));
    std::printf("median skopeo copy:        %.0f ms\n", median(baseline));
    std::printf("ratio ours / skopeo:       %.2f (target <= 1.2)\n",
                median(ours) / median(baseline));

    // One layer changed: a new model of the same size, pushed over the first image's tag.
    QString changed;
    mlwb::PushResult result;
    if (!makeModel(model, 2)
        || !build(*ws, model, script, QStringLiteral("oci:") + base.layout, &changed))
        return 1;
    QElapsedTimer timer;
    timer.start();
    QString pushError;
    if (!mlwb::pushImage(
            *ws,
            {changed, registry->address() + QStringLiteral("/ours%1/svc:1").arg(Repetitions - 1)},
            {}, {}, &result, &pushError)) {
        std::fprintf(stderr, "re-push failed: %s\n", qPrintable(pushError));
        return 1;
    }
    std::printf("re-push, model layer changed: %.0f ms, %d blobs sent (%lld bytes), %d skipped\n",
                double(timer.nsecsElapsed()) / 1e6, result.blobsSent, result.bytesSent,
                result.blobsSkipped);
    return result.blobsSent == 2 ? 0 : 1;
}
