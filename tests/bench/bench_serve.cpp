// The scoring server under load: wrk (64 connections, 30 s by default) from
// 127.0.0.1 against a deployment served as a supervised process, and
// against a plain Python http.server answering the same payload in the
// same run. Prints throughput, p50/p99 latency, failed requests and the
// server's RSS before and after. Target: within 1.5x of http.server.
// Then the endpoint proxy's own cost: sequential calls straight to the
// deployment and through an endpoint in front of it (target: < 1 ms at
// p50), and wrk through the endpoint; the same again through a supervised
// endpoint (its own mlwb-supervisor process, as `mlwb endpoint create` runs it).
// And the deployment's front (which holds the public port so `service
// update` can switch servers): wrk and sequential calls on the server's
// internal port, without the front.
//
//   bench_serve [seconds=30] [connections=64]
#include "runs/processgroup.h"
#include "serving/deployer.h"
#include "serving/deploymentprocess.h"
#include "serving/endpointproxy.h"
#include "serving/endpointsupervisor.h"
#include "serving/scoringclient.h"
#include "store/endpoints.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <vector>

using namespace mlwb;

namespace {

const char *const payload = "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}";

struct WrkFigures {
    double requestsPerSecond = 0;
    double p50Ms = 0, p99Ms = 0;
    qint64 requests = 0;
    qint64 failed = 0; // non-2xx plus socket errors
};

bool write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

double toMs(const QString &value, const QString &unit)
{
    const double v = value.toDouble();
    return unit == QLatin1String("us") ? v / 1000 : unit == QLatin1String("s") ? v * 1000 : v;
}

WrkFigures runWrk(const QString &url, const QString &script, int seconds, int connections)
{
    QProcess wrk;
    wrk.start(QStringLiteral("wrk"),
              {QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections),
               QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency"),
               QStringLiteral("-s"), script, url});
    // An event loop, not waitForFinished(): an endpoint proxy in this process must answer.
    QEventLoop loop;
    QObject::connect(&wrk, &QProcess::finished, &loop, &QEventLoop::quit);
    if (wrk.state() != QProcess::NotRunning)
        loop.exec();
    const QString out = QString::fromUtf8(wrk.readAllStandardOutput());
    WrkFigures f;
    const QRegularExpression rps(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    const QRegularExpression p50(QStringLiteral("\\s50%\\s+([0-9.]+)(us|ms|s)"));
    const QRegularExpression p99(QStringLiteral("\\s99%\\s+([0-9.]+)(us|ms|s)"));
    const QRegularExpression total(QStringLiteral("(\\d+) requests in"));
    const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses: (\\d+)"));
    const QRegularExpression socket(
        QStringLiteral("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"));
    auto m = rps.match(out);
    f.requestsPerSecond = m.captured(1).toDouble();
    m = p50.match(out);
    f.p50Ms = toMs(m.captured(1), m.captured(2));
    m = p99.match(out);
    f.p99Ms = toMs(m.captured(1), m.captured(2));
    f.requests = total.match(out).captured(1).toLongLong();
    f.failed = non2xx.match(out).captured(1).toLongLong();
    m = socket.match(out);
    for (int i = 1; i <= 4; ++i)
        f.failed += m.captured(i).toLongLong();
    if (f.requests == 0 || qEnvironmentVariableIsSet("MLWB_BENCH_VERBOSE"))
        std::fprintf(stderr, "wrk said:\n%s%s\n", qPrintable(out),
                     qPrintable(QString::fromUtf8(wrk.readAllStandardError())));
    return f;
}

// The server itself: the wrapper shell's one child (it execs Python).
qint64 serverPid(qint64 wrapper)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(wrapper));
    if (!children.open(QIODevice::ReadOnly))
        return wrapper;
    const qint64 child = children.readAll().trimmed().split(' ').value(0).toLongLong();
    return child > 0 ? child : wrapper;
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Median latency in ms of `count` calls one after another.
double sequentialP50(ScoringClient &client, const QString &url, int count)
{
    std::vector<double> ms;
    for (int i = 0; i < count; ++i)
        ms.push_back(client.post(url, payload, QString(), 10000).latencyMs);
    std::nth_element(ms.begin(), ms.begin() + count / 2, ms.end());
    return ms[size_t(count / 2)];
}

void print(const char *name, const WrkFigures &f)
{
    std::printf("%-22s %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %lld requests, %lld failed\n",
                name, f.requestsPerSecond, f.p50Ms, f.p99Ms, f.requests, f.failed);
}

// A supervised endpoint with all traffic to `d`, as `mlwb endpoint create`
// and `mlwb endpoint traffic` make it; its scoring URI.
QString supervisedEndpoint(const Workspace &ws, const Deployment &d, QString *error)
{
    Endpoint e;
    e.name = QStringLiteral("bench-endpoint");
    e.auth = QStringLiteral("none");
    e.port = freePort();
    if (!Endpoints(ws).create(&e, error)
        || !Endpoints(ws).setTraffic(e.name, {{d.name, 100}}, error)
        || !EndpointSupervisor::start(ws, e.name, error))
        return QString();
    return QStringLiteral("http://127.0.0.1:%1/score").arg(e.port);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 30;
    const int connections = argc > 2 ? std::atoi(argv[2]) : 64;
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QString error;
    const auto ws = Workspace::create(dir.filePath(QStringLiteral("ws")), &error);
    const QString lua = dir.filePath(QStringLiteral("post.lua"));
    const QString score = dir.filePath(QStringLiteral("score.py"));
    const QString plain = dir.filePath(QStringLiteral("plain.py"));
    // The same trivial answer from both: run() echoes a constant.
    if (!ws
        || !write(lua, QByteArray("wrk.method = \"POST\"\nwrk.body = '") + payload
                           + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
        || !write(score, "def init():\n    pass\ndef run(raw_data):\n    return {'result': [0]}\n")
        || !write(plain, "import json, sys\n"
                         "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer\n"
                         "class H(BaseHTTPRequestHandler):\n"
                         "    protocol_version = 'HTTP/1.1'\n"
                         "    def log_message(self, *a): pass\n"
                         "    def do_POST(self):\n"
                         "        self.rfile.read(int(self.headers['Content-Length']))\n"
                         "        data = json.dumps({'result': [0]}).encode()\n"
                         "        self.send_response(200)\n"
                         "        self.send_header('Content-Type', 'application/json')\n"
                         "        self.send_header('Content-Length', str(len(data)))\n"
                         "        self.end_headers()\n"
                         "        self.wfile.write(data)\n"
                         "s = ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H)\n"
                         "s.daemon_threads = True\n"
                         "s.serve_forever()\n")) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error));
        return 1;
    }
    DeployRequest request;
    request.name = QStringLiteral("bench");
    request.scoringScript = score;
    Deployment d;
    if (!Deployer::deploy(*ws, request, &d, &error)) {
        std::fprintf(stderr, "deploy failed: %s\n", qPrintable(error));
        return 1;
    }
    const auto healthy = Deployer::waitUntilSettled(*ws, d.id, 60000, &error);
    if (!healthy || healthy->status != QLatin1String("Healthy")) {
        std::fprintf(stderr, "the deployment did not become healthy: %s\n",
                     healthy ? qPrintable(healthy->message) : qPrintable(error));
        return 1;
    }
    const qint64 server = serverPid(DeploymentProcess(*ws, d.id).liveServer());
    const int plainPort = freePort();
    QProcess baseline;
    baseline.start(QStringLiteral("/usr/bin/python3"), {plain, QString::number(plainPort)});
    baseline.waitForStarted();
    QThread::msleep(500);

    std::printf("wrk: %d connections, %d s each, POST %s\n", connections, seconds, payload);
    const qint64 rssStart = rssKiB(server);
    runWrk(healthy->url, lua, 5, connections); // warm up: threads, buffers, the latency window
    const qint64 rssBefore = rssKiB(server);
    const WrkFigures scoring = runWrk(healthy->url, lua, seconds, connections);
    const qint64 rssAfter = rssKiB(server);
    const WrkFigures python = runWrk(QStringLiteral("http://127.0.0.1:%1/score").arg(plainPort),
                                     lua, seconds, connections);
    const QString internal = QStringLiteral("http://127.0.0.1:%1/score")
                                 .arg(processgroup::readNumber(
                                     dir.filePath(QStringLiteral("ws/deployments/bench/port"))));
    const WrkFigures withoutFront = runWrk(internal, lua, seconds, connections);
    // Flat means a second run of the same load adds nothing once buffers have grown.
    const qint64 rssAfterSecond = rssKiB(server);
    print("mlwb scoring server", scoring);
    print("  without its front", withoutFront);
    print("plain http.server", python);
    std::printf("throughput ratio (http.server / scoring server): %.2fx (target <= 1.5x)\n",
                scoring.requestsPerSecond > 0 ? python.requestsPerSecond / scoring.requestsPerSecond
                                              : 0.0);
    std::printf("scoring server RSS: %lld KiB idle, %lld KiB after a 5 s warm-up, %lld KiB after "
                "the run, %lld KiB after a second run (%+lld KiB in the second run)\n",
                rssStart, rssBefore, rssAfter, rssAfterSecond, rssAfterSecond - rssAfter);

    EndpointProxy endpoint;
    if (!endpoint.listen(0, &error)
        || !endpoint.setBackends({{d.name, QStringLiteral("http://127.0.0.1:%1").arg(d.port), 0}},
                                 &error)) {
        std::fprintf(stderr, "endpoint: %s\n", qPrintable(error));
        return 1;
    }
    const QString viaEndpoint = QStringLiteral("http://127.0.0.1:%1/score").arg(endpoint.port());
    ScoringClient client;
    sequentialP50(client, healthy->url, 200); // warm both paths
    sequentialP50(client, viaEndpoint, 200);
    sequentialP50(client, internal, 200);
    const double own = sequentialP50(client, internal, 2000);
    const double front = sequentialP50(client, healthy->url, 2000);
    std::printf("sequential p50: %.3f ms on the server's own port, %.3f ms through the "
                "deployment's front: +%.3f ms\n",
                own, front, front - own);
    const double direct = sequentialP50(client, healthy->url, 2000);
    const double proxied = sequentialP50(client, viaEndpoint, 2000);
    std::printf("sequential p50: %.3f ms direct, %.3f ms through the endpoint: +%.3f ms "
                "(target < 1 ms)\n",
                direct, proxied, proxied - direct);
    const WrkFigures throughEndpoint = runWrk(viaEndpoint, lua, seconds, connections);
    print("through the endpoint", throughEndpoint);

    const QString supervised = supervisedEndpoint(*ws, d, &error);
    if (supervised.isEmpty()) {
        std::fprintf(stderr, "supervised endpoint: %s\n", qPrintable(error));
        return 1;
    }
    sequentialP50(client, supervised, 200);
    const double direct2 = sequentialP50(client, healthy->url, 2000);
    const double viaSupervised = sequentialP50(client, supervised, 2000);
    std::printf("sequential p50: %.3f ms direct, %.3f ms through the supervised endpoint: "
                "+%.3f ms (target < 1 ms)\n",
                direct2, viaSupervised, viaSupervised - direct2);
    const WrkFigures throughSupervised = runWrk(supervised, lua, seconds, connections);
    print("supervised endpoint", throughSupervised);
    Endpoints(*ws).remove(QStringLiteral("bench-endpoint"), &error);
    EndpointSupervisor::waitUntilGone(*ws, QStringLiteral("bench-endpoint"), 10000, &error);

    baseline.kill();
    baseline.waitForFinished();
    if (!Deployer::remove(*ws, d.name, &error))
        std::fprintf(stderr, "cleanup: %s\n", qPrintable(error));
    return scoring.failed == 0 && scoring.requests > 0 ? 0 : 1;
}
