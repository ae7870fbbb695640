#include "serving/servingconfig.h"

#include "serving/deploymentfolder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace mlwb::servingconfig {

QString scoringUrl(const Deployment &deployment)
{
    return QStringLiteral("http://127.0.0.1:%1/score").arg(deployment.port);
}

QString livenessUrl(const Deployment &deployment)
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(deployment.port);
}

int startupTimeoutSeconds(const Deployment &deployment)
{
    return deployment.config.value(QStringLiteral("startup_timeout_s")).toInt(120);
}

bool serverEnvironment(const Deployment &deployment, const DeploymentFolder &folder,
                       QProcessEnvironment *env, QString *error)
{
    const QJsonObject &config = deployment.config;
    const QString python = config.value(QStringLiteral("python")).toString();
    if (!QFileInfo(python).isExecutable()) {
        *error = QCoreApplication::translate("mlwb::servingconfig",
                                             "The deployment's Python interpreter %1 is not "
                                             "there (or cannot be run).")
                     .arg(python);
        return false;
    }
    *env = QProcessEnvironment::systemEnvironment();
    env->remove(QStringLiteral("MLWB_KEYS_FILE"));
    // A thread per connection would otherwise get glibc arenas of its own, and
    // the server's memory would creep with each new burst of connections.
    if (!env->contains(QStringLiteral("MALLOC_ARENA_MAX")))
        env->insert(QStringLiteral("MALLOC_ARENA_MAX"), QStringLiteral("2"));
    const QJsonObject variables = config.value(QStringLiteral("environment_variables")).toObject();
    for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
        env->insert(it.key(), it.value().toString());
    const QString script = config.value(QStringLiteral("script")).toString();
    const QString modelDir = config.value(QStringLiteral("model_dir")).toString();
    env->insert(QStringLiteral("MLWB_PYTHON"), python);
    env->insert(QStringLiteral("MLWB_SERVER"), folder.server());
    env->insert(QStringLiteral("MLWB_SCORING_SCRIPT"), folder.app() + QLatin1Char('/') + script);
    env->insert(QStringLiteral("AZUREML_MODEL_DIR"), folder.root() + QLatin1Char('/') + modelDir);
    env->insert(QStringLiteral("MLWB_HOST"), QStringLiteral("127.0.0.1"));
    env->insert(QStringLiteral("MLWB_PORT"), QString::number(deployment.port));
    env->insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    if (deployment.auth == QLatin1String("key"))
        env->insert(QStringLiteral("MLWB_KEYS_FILE"),
                    config.value(QStringLiteral("keys_file")).toString());
    if (config.contains(QStringLiteral("max_request_bytes")))
        env->insert(QStringLiteral("MLWB_MAX_REQUEST_BYTES"),
                    QString::number(config.value(QStringLiteral("max_request_bytes")).toInteger()));
    return true;
}

} // namespace mlwb::servingconfig
