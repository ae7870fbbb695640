#include "serving/containerengine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>

namespace mlwb {

namespace {

// The last line of an engine's error: the one that says what went wrong.
QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

QProcessEnvironment ContainerEngine::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!containersConf.isEmpty())
        env.insert(QStringLiteral("CONTAINERS_CONF"), containersConf);
    return env;
}

int ContainerEngine::run(const QStringList &args, QString *out, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments(args));
    const bool finished = p.waitForFinished(timeoutMs);
    if (out)
        *out = QString::fromUtf8(p.readAll());
    if (!finished) {
        p.kill();
        p.waitForFinished(1000);
        return -1;
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QJsonObject ContainerEngine::toJson() const
{
    return {{QStringLiteral("program"), program},
            {QStringLiteral("global_args"), QJsonArray::fromStringList(globalArgs)},
            {QStringLiteral("containers_conf"), containersConf}};
}

ContainerEngine ContainerEngine::fromJson(const QJsonObject &o)
{
    ContainerEngine e;
    e.program = o.value(QStringLiteral("program")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("global_args")).toArray())
        e.globalArgs << v.toString();
    e.containersConf = o.value(QStringLiteral("containers_conf")).toString();
    return e;
}

ContainerEngine
ContainerEngine::detect(const std::function<bool(bool, QString *, QString *)> &archiveFor,
                        const QString &tag, const QString &confDir)
{
    QStringList tried;
    QList<ContainerEngine> ways;
    const QString podman = QStandardPaths::findExecutable(QStringLiteral("podman"));
    if (!podman.isEmpty()) {
        ContainerEngine plain;
        plain.program = podman;
        ways << plain;
        // Where runc cannot set the default rlimits (containers inside
        // containers), podman works with runc and no default ulimits.
        const QString runc = QStandardPaths::findExecutable(
            QStringLiteral("runc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (!runc.isEmpty()) {
            ContainerEngine tuned;
            tuned.program = podman;
            tuned.globalArgs = {QStringLiteral("--runtime"), runc};
            tuned.containersConf = QDir(confDir).filePath(QStringLiteral("containers.conf"));
            ways << tuned;
        }
    } else {
        tried << tr("podman is not installed");
    }
    const QString docker = QStandardPaths::findExecutable(QStringLiteral("docker"));
    if (!docker.isEmpty()) {
        ContainerEngine d;
        d.program = docker;
        ways << d;
    } else {
        tried << tr("docker is not installed");
    }
    for (ContainerEngine way : std::as_const(ways)) {
        const QString name =
            QFileInfo(way.program).fileName()
            + (way.globalArgs.isEmpty() ? QString() : QLatin1Char(' ') + way.globalArgs.join(u' '));
        if (!way.containersConf.isEmpty()) {
            QDir().mkpath(confDir);
            QFile conf(way.containersConf);
            if (!conf.open(QIODevice::WriteOnly)
                || conf.write("[containers]\ndefault_ulimits = []\n") < 0) {
                tried << tr("%1: cannot write %2").arg(name, way.containersConf);
                continue;
            }
        }
        QString archive, error, out;
        if (!archiveFor(way.isDocker(), &archive, &error)) {
            tried << tr("%1: %2").arg(name, error);
            continue;
        }
        if (way.run({QStringLiteral("info")}, &out, 30000) != 0) {
            tried << tr("%1 does not answer (%2)").arg(name, lastLine(out));
            continue;
        }
        if (way.run({QStringLiteral("load"), QStringLiteral("-i"), archive}, &out) != 0) {
            tried << tr("%1 cannot load the image (%2)").arg(name, lastLine(out));
            continue;
        }
        if (way.run({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--entrypoint"),
                     QStringLiteral("python3"), tag, QStringLiteral("-c"), QStringLiteral("pass")},
                    &out, 120000)
            != 0) {
            tried << tr("%1 cannot run a container here (%2)").arg(name, lastLine(out));
            continue;
        }
        way.reason = tried.isEmpty()
                         ? tr("run as a container with %1, which runs containers here").arg(name)
                         : tr("run as a container with %1 (%2)").arg(name, tried.join(u"; "));
        return way;
    }
    ContainerEngine none;
    none.reason = tried.join(QStringLiteral("; "));
    return none;
}

} // namespace mlwb
