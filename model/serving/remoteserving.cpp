#include "serving/remoteserving.h"

#include "remote/sshconnection.h"
#include "runs/processgroup.h"
#include "runs/runconfig.h"
#include "runs/runending.h"
#include "serving/deploymentfolder.h"
#include "serving/servingconfig.h"
#include "store/computetargets.h"
#include "store/storagemedium.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <optional>

namespace mlwb::remoteserving {

namespace {

const int shipTimeoutMs = 600000;
const int callTimeoutMs = 30000;

QString tr(const char *text)
{
    return QCoreApplication::translate("mlwb::remoteserving", text);
}

std::optional<SshConnection> connectionFor(const Workspace &workspace, const Deployment &deployment,
                                           QString *error)
{
    const auto target = ComputeTargets(workspace).find(deployment.targetId, error);
    if (!target)
        return std::nullopt;
    return SshConnection(*target);
}

// The VM's folder for the server laid out in `folder`: the deployment's
// remote folder, or a subfolder of it for a server started by an update.
QString remoteFolder(const Workspace &workspace, const Deployment &deployment,
                     const DeploymentFolder &folder)
{
    const QString root = deployment.config.value(QStringLiteral("remote_folder")).toString();
    const DeploymentFolder own(workspace.folder(Workspace::Folder::Deployments), deployment.name);
    if (QFileInfo(folder.root()) == QFileInfo(own.root()))
        return root;
    return root + QLatin1Char('/') + QFileInfo(folder.root()).fileName();
}

QString file(const DeploymentFolder &folder, const char *name)
{
    return folder.root() + QLatin1Char('/') + QLatin1String(name);
}

bool fail(QString *error, bool *transient, const SshResult &r, const QString &what)
{
    *transient = r.transient();
    *error = r.failure != SshResult::Failure::None ? r.message
                                                   : tr("%1 (exit code %2): %3")
                                                         .arg(what)
                                                         .arg(r.exitCode)
                                                         .arg(QString::fromUtf8(r.err).trimmed());
    return false;
}

// "running PORT" when the VM's server from that folder is up, else "stopped".
QString statusScript(const QString &dir)
{
    return QStringLiteral("F=%1; cd \"$F\" 2>/dev/null || { echo stopped; exit 0; }\n"
                          "p=$(cat pgid 2>/dev/null)\n"
                          "if [ -n \"$p\" ] && [ ! -f exit_code ] && kill -0 \"$p\" 2>/dev/null; "
                          "then echo \"running $(cat port)\"; else echo stopped; fi\n")
        .arg(SshConnection::remotePath(dir));
}

bool ship(const SshConnection &ssh, const DeploymentFolder &folder, const QString &dir,
          bool *transient, QString *error)
{
    const QString tar = file(folder, "ship.tar");
    QProcess pack;
    pack.start(QStringLiteral("tar"), {QStringLiteral("-C"), folder.root(), QStringLiteral("-cf"),
                                       tar, QStringLiteral("app"), QStringLiteral("azureml-models"),
                                       QStringLiteral("mlwb_score_server.py")});
    if (!pack.waitForFinished(shipTimeoutMs) || pack.exitCode() != 0) {
        *error = tr("Cannot pack the deployment's files: %1")
                     .arg(QString::fromUtf8(pack.readAllStandardError()).trimmed());
        QFile::remove(tar);
        return false;
    }
    const SshResult r = ssh.runWithFiles(
        QStringLiteral("F=%1; mkdir -p \"$F\" && cd \"$F\" && rm -rf app azureml-models && "
                       "tar -xf -")
            .arg(SshConnection::remotePath(dir)),
        tar, QString(), shipTimeoutMs);
    QFile::remove(tar);
    return r.ok() || fail(error, transient, r, tr("Cannot copy the deployment's files to the VM"));
}

QString startScript(const Deployment &deployment, const QString &dir, const QString &root,
                    const QString &python)
{
    const QJsonObject &config = deployment.config;
    QStringList exports{QStringLiteral("MLWB_RUN_DIR=\"$F\""),
                        QStringLiteral("MLWB_PYTHON=") + shellQuote(python),
                        QStringLiteral("MLWB_SERVER=\"$F/mlwb_score_server.py\""),
                        QStringLiteral("MLWB_SCORING_SCRIPT=\"$F\"/app/")
                            + shellQuote(config.value(QStringLiteral("script")).toString()),
                        QStringLiteral("AZUREML_MODEL_DIR=\"$F\"/")
                            + shellQuote(config.value(QStringLiteral("model_dir")).toString()),
                        QStringLiteral("MLWB_HOST=127.0.0.1"),
                        QStringLiteral("MLWB_PORT=\"$port\""),
                        QStringLiteral("PYTHONUNBUFFERED=1"),
                        QStringLiteral("MALLOC_ARENA_MAX=2"), // as locally (servingconfig)
                        QStringLiteral("MLWB_COMMAND='exec \"$MLWB_PYTHON\" \"$MLWB_SERVER\"'")};
    if (deployment.auth == QLatin1String("key"))
        exports << QStringLiteral("MLWB_KEYS_FILE=%1/keys").arg(SshConnection::remotePath(root));
    if (config.contains(QStringLiteral("max_request_bytes")))
        exports << QStringLiteral("MLWB_MAX_REQUEST_BYTES=%1")
                       .arg(config.value(QStringLiteral("max_request_bytes")).toInteger());
    const QJsonObject variables = config.value(QStringLiteral("environment_variables")).toObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        exports << it.key() + QLatin1Char('=') + shellQuote(it.value().toString());
    const QString py = shellQuote(python);
    return QStringLiteral(
               "F=%1; cd \"$F\" || exit 2\n"
               "command -v %2 >/dev/null 2>&1 || { echo \"Python %3 is not on the VM\" >&2; "
               "exit 4; }\n"
               "rm -f exit_code pgid pgid.part\n"
               "port=$(%2 -c 'import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); "
               "print(s.getsockname()[1])') || exit 5\n"
               "echo \"$port\" > port\n"
               "export %4\n"
               "cd app\n"
               "setsid nohup /bin/sh -c %5 mlwb-serve >> \"$F/server.log\" 2>&1 < /dev/null &\n"
               "i=0; while [ ! -f \"$F/pgid\" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); "
               "done\n"
               "[ -f \"$F/pgid\" ] || { echo 'the server did not start' >&2; exit 6; }\n"
               "echo \"started $port\"\n")
        .arg(SshConnection::remotePath(dir), py, python, exports.join(QLatin1Char(' ')),
             shellQuote(QString::fromLatin1(RunEnding::wrapperScript())));
}

// The server's log from byte `offset` on, until the server ends; then its
// exit code as this command's.
QString attachScript(const QString &dir, qint64 offset)
{
    return QStringLiteral("F=%1; cd \"$F\" || exit 2\n"
                          "p=$(cat pgid 2>/dev/null); [ -n \"$p\" ] || exit 2\n"
                          "tail -c +%2 -s 0.2 --pid=\"$p\" -F server.log 2>/dev/null\n"
                          "i=0; while [ ! -f exit_code ] && [ $i -lt 50 ]; do sleep 0.1; "
                          "i=$((i+1)); done\n"
                          "[ -f exit_code ] && exit \"$(cat exit_code)\"\n"
                          "exit 1\n")
        .arg(SshConnection::remotePath(dir))
        .arg(offset + 1);
}

QString forwardSpec(int localPort, int remotePort)
{
    return QStringLiteral("127.0.0.1:%1:127.0.0.1:%2").arg(localPort).arg(remotePort);
}

bool control(const SshConnection &ssh, const char *operation, const QString &spec, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("ssh"),
                  ssh.options()
                      + QStringList{QStringLiteral("-O"), QLatin1String(operation),
                                    QStringLiteral("-L"), spec, ssh.destination()});
    if (!process.waitForFinished(callTimeoutMs) || process.exitCode() != 0) {
        *error = tr("ssh -O %1 -L %2 failed: %3")
                     .arg(QLatin1String(operation), spec,
                          QString::fromUtf8(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

} // namespace

bool isRemote(const Deployment &deployment)
{
    return !deployment.config.value(QStringLiteral("remote_folder")).toString().isEmpty();
}

QString vmName(const Workspace &workspace, const Deployment &deployment)
{
    QString ignored;
    const auto ssh = connectionFor(workspace, deployment, &ignored);
    return ssh ? QStringLiteral("%1 (%2)").arg(ssh->name(), ssh->address()) : tr("the VM");
}

QString remoteRoot(const Workspace &workspace, const QString &workdir, const QString &name)
{
    // Two workspaces may deploy the same name to one VM.
    const QByteArray key =
        QCryptographicHash::hash(workspace.path().toUtf8(), QCryptographicHash::Sha1).toHex();
    return workdir
           + QStringLiteral("/deployments/%1-%2").arg(name, QString::fromLatin1(key.left(8)));
}

QString mirrorLog(const DeploymentFolder &folder)
{
    return file(folder, "remote.log");
}

bool serverEnvironment(const Workspace &workspace, const Deployment &deployment,
                       const DeploymentFolder &folder, int localPort, QProcessEnvironment *env,
                       bool *transient, QString *error)
{
    *transient = false;
    auto ssh = connectionFor(workspace, deployment, error);
    if (!ssh)
        return false;
    const QString dir = remoteFolder(workspace, deployment, folder);
    SshResult r = ssh->run(statusScript(dir), callTimeoutMs);
    if (!r.ok())
        return fail(error, transient, r, tr("Cannot ask the VM about the scoring server"));
    if (!r.out.startsWith("running")) {
        const QString root = deployment.config.value(QStringLiteral("remote_folder")).toString();
        QString python = deployment.config.value(QStringLiteral("python")).toString();
        if (python.isEmpty())
            python = ssh->python();
        if (!ship(*ssh, folder, dir, transient, error)
            || (deployment.auth == QLatin1String("key")
                && !syncKeys(workspace, deployment, error, true)))
            return false;
        r = ssh->run(startScript(deployment, dir, root, python), callTimeoutMs);
        if (!r.ok())
            return fail(error, transient, r, tr("Cannot start the scoring server on the VM"));
    }
    const int remotePort = QString::fromUtf8(r.out).section(QLatin1Char(' '), 1).trimmed().toInt();
    if (remotePort <= 0) {
        *error = tr("The VM named no port for the scoring server: %1")
                     .arg(QString::fromUtf8(r.out).trimmed());
        return false;
    }
    QFile portFile(file(folder, "remote_port"));
    if (portFile.open(QIODevice::WriteOnly))
        portFile.write(QByteArray::number(remotePort));
    portFile.close();
    if (!control(*ssh, "forward", forwardSpec(localPort, remotePort), error)) {
        *transient = true;
        return false;
    }
    QFile::remove(file(folder, "local_port"));
    QFile localPortFile(file(folder, "local_port"));
    if (localPortFile.open(QIODevice::WriteOnly))
        localPortFile.write(QByteArray::number(localPort));
    localPortFile.close();
    QStringList words{QStringLiteral("exec"), QStringLiteral("ssh")};
    for (const QString &option : ssh->options())
        words << shellQuote(option);
    const qint64 have = QFileInfo(mirrorLog(folder)).size();
    words << shellQuote(ssh->destination())
          << shellQuote(QStringLiteral("sh -c ") + shellQuote(attachScript(dir, have)));
    *env = QProcessEnvironment::systemEnvironment();
    env->insert(QStringLiteral("MLWB_COMMAND"), words.join(QLatin1Char(' ')));
    return true;
}

void showLog(const DeploymentFolder &folder, const QString &log)
{
    const QString shownFile = file(folder, "remote.log.shown");
    const qint64 shown = std::max<qint64>(0, processgroup::readNumber(shownFile));
    QFile mirror(mirrorLog(folder));
    if (mirror.size() <= shown || !mirror.open(QIODevice::ReadOnly) || !mirror.seek(shown))
        return;
    const QByteArray bytes = mirror.read(4 << 20);
    QFile out(log);
    if (!out.open(QIODevice::Append) || !storage::writeAll(out, bytes, nullptr))
        return; // tried again next time: nothing is lost
    out.close();
    QFile mark(shownFile);
    if (mark.open(QIODevice::WriteOnly | QIODevice::Truncate))
        mark.write(QByteArray::number(shown + bytes.size()));
}

bool syncKeys(const Workspace &workspace, const Deployment &deployment, QString *error, bool always)
{
    const DeploymentFolder own(workspace.folder(Workspace::Folder::Deployments), deployment.name);
    const QString keysFile = deployment.config.value(QStringLiteral("keys_file")).toString();
    QFile keys(keysFile);
    const QString stamp = QString::number(QFileInfo(keysFile).lastModified().toMSecsSinceEpoch());
    QFile synced(file(own, "keys.synced"));
    if (!always && synced.open(QIODevice::ReadOnly)
        && QString::fromLatin1(synced.readAll()) == stamp)
        return true;
    synced.close();
    if (!keys.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the deployment's keys: %1").arg(keys.errorString());
        return false;
    }
    auto ssh = connectionFor(workspace, deployment, error);
    if (!ssh)
        return false;
    const QString root = deployment.config.value(QStringLiteral("remote_folder")).toString();
    const SshResult r =
        ssh->run(QStringLiteral("F=%1; umask 077; mkdir -p \"$F\" && cat > \"$F/keys.part\" && "
                                "mv -f \"$F/keys.part\" \"$F/keys\"")
                     .arg(SshConnection::remotePath(root)),
                 callTimeoutMs, keys.readAll());
    bool transient = false;
    if (!r.ok())
        return fail(error, &transient, r, tr("Cannot send the keys to the VM"));
    if (synced.open(QIODevice::WriteOnly | QIODevice::Truncate))
        synced.write(stamp.toLatin1());
    return true;
}

void stopServer(const Workspace &workspace, const Deployment &deployment,
                const DeploymentFolder &folder)
{
    QString error;
    auto ssh = connectionFor(workspace, deployment, &error);
    if (!ssh)
        return;
    const QString dir = remoteFolder(workspace, deployment, folder);
    ssh->run(QStringLiteral("F=%1; p=$(cat \"$F/pgid\" 2>/dev/null); [ -n \"$p\" ] || exit 0\n"
                            "kill -TERM -\"$p\" 2>/dev/null || exit 0\n"
                            // exit_code: the wrapper is done (its zombie may linger)
                            "i=0; while [ ! -f \"$F/exit_code\" ] && kill -0 -\"$p\" 2>/dev/null "
                            "&& [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done\n"
                            "kill -KILL -\"$p\" 2>/dev/null; exit 0\n")
                 .arg(SshConnection::remotePath(dir)),
             callTimeoutMs);
    const qint64 local = processgroup::readNumber(file(folder, "local_port"));
    const qint64 remote = processgroup::readNumber(file(folder, "remote_port"));
    if (local > 0 && remote > 0)
        control(*ssh, "cancel", forwardSpec(int(local), int(remote)), &error);
}

bool removeFolder(const Workspace &workspace, const Deployment &deployment, QString *error)
{
    auto ssh = connectionFor(workspace, deployment, error);
    if (!ssh)
        return false;
    const QString root = deployment.config.value(QStringLiteral("remote_folder")).toString();
    const SshResult r =
        ssh->run(QStringLiteral("rm -rf %1").arg(SshConnection::remotePath(root)), callTimeoutMs);
    bool transient = false;
    return r.ok()
           || fail(error, &transient, r, tr("Cannot remove the deployment's folder on the VM"));
}

} // namespace mlwb::remoteserving
