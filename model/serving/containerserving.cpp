#include "serving/containerserving.h"

#include "serving/containerengine.h"
#include "serving/deploymentfolder.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace mlwb::containerserving {

namespace {

QString shellQuoted(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

bool isContainer(const Deployment &deployment)
{
    return deployment.config.value(QStringLiteral("mode")).toString() == QLatin1String("container");
}

bool serverEnvironment(const Deployment &deployment, const DeploymentFolder &folder,
                       QProcessEnvironment *env, QString *error)
{
    Q_UNUSED(folder)
    const QJsonObject &config = deployment.config;
    const ContainerEngine engine =
        ContainerEngine::fromJson(config.value(QStringLiteral("engine")).toObject());
    if (!engine.isValid()) {
        *error = QCoreApplication::translate("mlwb::containerserving",
                                             "The deployment names no container engine.");
        return false;
    }
    const QString name = config.value(QStringLiteral("container")).toString();
    const int inside = config.value(QStringLiteral("container_port")).toInt(5001);
    QStringList args{QStringLiteral("run"),
                     QStringLiteral("--rm"),
                     QStringLiteral("--name"),
                     name,
                     QStringLiteral("-p"),
                     QStringLiteral("127.0.0.1:%1:%2").arg(deployment.port).arg(inside)};
    const double cpus = config.value(QStringLiteral("cpus")).toDouble();
    if (cpus > 0)
        args << QStringLiteral("--cpus") << QString::number(cpus);
    const qint64 memory = config.value(QStringLiteral("memory_bytes")).toInteger();
    if (memory > 0)
        args << QStringLiteral("--memory") << QString::number(memory);
    const QJsonObject variables = config.value(QStringLiteral("environment_variables")).toObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        args << QStringLiteral("-e") << it.key() + QLatin1Char('=') + it.value().toString();
    args << QStringLiteral("-e") << QStringLiteral("PYTHONUNBUFFERED=1");
    if (!variables.contains(QStringLiteral("MALLOC_ARENA_MAX"))) // as locally (servingconfig)
        args << QStringLiteral("-e") << QStringLiteral("MALLOC_ARENA_MAX=2");
    if (deployment.auth == QLatin1String("key")) {
        // The keys stay outside the image: the server reads them through a read-only mount.
        args << QStringLiteral("-v")
             << config.value(QStringLiteral("keys_file")).toString()
                    + QStringLiteral(":/run/mlwb-keys.json:ro")
             << QStringLiteral("-e") << QStringLiteral("MLWB_KEYS_FILE=/run/mlwb-keys.json");
    }
    args << config.value(QStringLiteral("tag")).toString();
    QStringList words{QStringLiteral("exec"), shellQuoted(engine.program)};
    for (const QString &arg : engine.arguments(args))
        words << shellQuoted(arg);
    *env = engine.environment();
    env->insert(QStringLiteral("MLWB_COMMAND"), words.join(QLatin1Char(' ')));
    return true;
}

void removeContainer(const Deployment &deployment)
{
    const ContainerEngine engine =
        ContainerEngine::fromJson(deployment.config.value(QStringLiteral("engine")).toObject());
    const QString name = deployment.config.value(QStringLiteral("container")).toString();
    if (!engine.isValid() || name.isEmpty())
        return;
    engine.run({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("3"), name}, nullptr,
               30000);
    engine.run({QStringLiteral("rm"), QStringLiteral("-f"), name}, nullptr, 30000);
}

} // namespace mlwb::containerserving
