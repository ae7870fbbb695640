// A run configuration as a YAML file (`mlwb run submit --file`, the run
// dialog's Save). Apart from runconfig.cpp so that the run supervisor, which
// reads configurations as JSON only, links no YAML library.
#include "runs/runconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <yaml-cpp/yaml.h>

namespace mlwb {

namespace {

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QMap<QString, QString> stringMap(const YAML::Node &node, const char *field)
{
    QMap<QString, QString> out;
    if (!node)
        return out;
    if (!node.IsMap())
        throw YAML::Exception(node.Mark(),
                              std::string(field) + " must be a mapping of names to values");
    for (const auto &item : node)
        out.insert(text(item.first), item.second.IsNull() ? QString() : text(item.second));
    return out;
}

} // namespace

bool RunConfig::load(const QString &path, RunConfig *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    RunConfig c;
    try {
        const YAML::Node root = YAML::Load(file.readAll().toStdString());
        if (!root.IsMap())
            throw YAML::Exception(root.Mark(), "the file must be a mapping of fields");
        if (root["experiment_name"])
            c.experimentName = text(root["experiment_name"]);
        if (root["display_name"])
            c.displayName = text(root["display_name"]);
        if (root["command"])
            c.command = text(root["command"]).trimmed();
        if (root["code"])
            c.code = text(root["code"]);
        if (root["interpreter"])
            c.interpreter = text(root["interpreter"]);
        if (root["working_directory"])
            c.workingDirectory = text(root["working_directory"]);
        if (root["timeout"])
            c.timeoutSeconds = root["timeout"].as<int>();
        if (root["compute"])
            c.compute = text(root["compute"]);
        if (root["environment"])
            c.environment = text(root["environment"]).trimmed();
        c.environmentVariables = stringMap(root["environment_variables"], "environment_variables");
        c.tags = stringMap(root["tags"], "tags");
        if (const YAML::Node snapshot = root["snapshot"]) {
            if (snapshot["max_size_mb"])
                c.snapshotMaxMegabytes = snapshot["max_size_mb"].as<int>();
            if (snapshot["max_files"])
                c.snapshotMaxFiles = snapshot["max_files"].as<int>();
        }
    } catch (const YAML::Exception &e) {
        *error = tr("%1, line %2, column %3: %4")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    // `code` is relative to the file, so the file can move with its project.
    c.code = QDir::cleanPath(QFileInfo(path).absoluteDir().absoluteFilePath(c.code));
    *out = c;
    return c.validate(error);
}

bool RunConfig::save(const QString &path, QString *error) const
{
    YAML::Emitter y;
    y << YAML::BeginMap;
    y << YAML::Key << "experiment_name" << YAML::Value << experimentName.toStdString();
    if (!displayName.isEmpty())
        y << YAML::Key << "display_name" << YAML::Value << displayName.toStdString();
    y << YAML::Key << "command" << YAML::Value << command.toStdString();
    const QString relativeCode = QFileInfo(path).absoluteDir().relativeFilePath(code);
    y << YAML::Key << "code" << YAML::Value
      << (relativeCode.isEmpty() ? "." : relativeCode.toStdString());
    y << YAML::Key << "compute" << YAML::Value << compute.toStdString();
    if (!environment.isEmpty())
        y << YAML::Key << "environment" << YAML::Value << environment.toStdString();
    if (!interpreter.isEmpty())
        y << YAML::Key << "interpreter" << YAML::Value << interpreter.toStdString();
    if (!workingDirectory.isEmpty())
        y << YAML::Key << "working_directory" << YAML::Value << workingDirectory.toStdString();
    if (timeoutSeconds > 0)
        y << YAML::Key << "timeout" << YAML::Value << timeoutSeconds;
    if (snapshotMaxMegabytes > 0 || snapshotMaxFiles > 0) {
        y << YAML::Key << "snapshot" << YAML::Value << YAML::BeginMap;
        if (snapshotMaxMegabytes > 0)
            y << YAML::Key << "max_size_mb" << YAML::Value << snapshotMaxMegabytes;
        if (snapshotMaxFiles > 0)
            y << YAML::Key << "max_files" << YAML::Value << snapshotMaxFiles;
        y << YAML::EndMap;
    }
    for (const auto &[field, map] :
         {std::pair{"environment_variables", &environmentVariables}, std::pair{"tags", &tags}}) {
        if (map->isEmpty())
            continue;
        y << YAML::Key << field << YAML::Value << YAML::BeginMap;
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            y << YAML::Key << it.key().toStdString() << YAML::Value << YAML::DoubleQuoted
              << it.value().toStdString();
        y << YAML::EndMap;
    }
    y << YAML::EndMap;
    QSaveFile file(path);
    const QByteArray header = "# ML Workbench run configuration (see README: Run configuration).\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(header) < 0 || file.write(y.c_str()) < 0
        || file.write("\n") < 0 || !file.commit()) {
        *error =
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace mlwb
