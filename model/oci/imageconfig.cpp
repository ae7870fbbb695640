#include "oci/imageconfig.h"

#include <QJsonArray>

namespace mlwb::oci {

namespace {

const QString fixedTime = QStringLiteral("1970-01-01T00:00:00Z");

QJsonArray mergedEnv(const QJsonArray &base, const QMap<QString, QString> &ours)
{
    QJsonArray out;
    for (const QJsonValue &value : base)
        if (!ours.contains(value.toString().section(QLatin1Char('='), 0, 0)))
            out.append(value);
    for (auto it = ours.cbegin(); it != ours.cend(); ++it)
        out.append(QString(it.key() + QLatin1Char('=') + it.value()));
    return out;
}

} // namespace

QJsonObject imageConfig(const QJsonObject &baseConfig, const QList<AddedLayer> &layers,
                        const RunSettings &run)
{
    QJsonObject config = baseConfig;
    QJsonObject settings = config.value(QStringLiteral("config")).toObject();
    QMap<QString, QString> env{
        {QStringLiteral("AZUREML_MODEL_DIR"), run.modelDir},
        {QStringLiteral("MLWB_SCORING_SCRIPT"), run.scoringScript},
        {QStringLiteral("MLWB_PORT"), QString::number(run.port)},
        {QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1")},
    };
    for (auto it = run.env.cbegin(); it != run.env.cend(); ++it)
        env.insert(it.key(), it.value());
    if (!settings.contains(QStringLiteral("Env")))
        env.insert(QStringLiteral("PATH"),
                   QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    settings.insert(QStringLiteral("Env"),
                    mergedEnv(settings.value(QStringLiteral("Env")).toArray(), env));
    settings.insert(QStringLiteral("Entrypoint"),
                    QJsonArray{QStringLiteral("python3"), paths::server});
    settings.remove(QStringLiteral("Cmd"));
    settings.insert(QStringLiteral("WorkingDir"), paths::app);
    QJsonObject ports = settings.value(QStringLiteral("ExposedPorts")).toObject();
    ports.insert(QStringLiteral("%1/tcp").arg(run.port), QJsonObject());
    settings.insert(QStringLiteral("ExposedPorts"), ports);
    QJsonObject labels = settings.value(QStringLiteral("Labels")).toObject();
    for (auto it = run.labels.cbegin(); it != run.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    settings.insert(QStringLiteral("Labels"), labels);
    config.insert(QStringLiteral("config"), settings);

    QJsonObject rootfs = config.value(QStringLiteral("rootfs")).toObject();
    QJsonArray diffIds = rootfs.value(QStringLiteral("diff_ids")).toArray();
    // History must list one entry per layer when it is there at all.
    QJsonArray history = config.value(QStringLiteral("history")).toArray();
    const bool keepHistory = !history.isEmpty();
    for (const AddedLayer &layer : layers) {
        diffIds.append(layer.diffId);
        history.append(
            QJsonObject{{QStringLiteral("created"), fixedTime},
                        {QStringLiteral("created_by"), QStringLiteral("mlwb image build")},
                        {QStringLiteral("comment"), layer.comment}});
    }
    rootfs.insert(QStringLiteral("type"), QStringLiteral("layers"));
    rootfs.insert(QStringLiteral("diff_ids"), diffIds);
    config.insert(QStringLiteral("rootfs"), rootfs);
    if (keepHistory)
        config.insert(QStringLiteral("history"), history);
    config.insert(QStringLiteral("created"), fixedTime);
    return config;
}

QJsonObject imageManifest(const Descriptor &config, const QList<Descriptor> &layers)
{
    QJsonArray list;
    for (const Descriptor &layer : layers)
        list.append(layer.toJson());
    return {{QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), media::manifest},
            {QStringLiteral("config"), config.toJson()},
            {QStringLiteral("layers"), list}};
}

} // namespace mlwb::oci
