#include "editor/projectconfig.h"

#include "store/experiments.h"

#include <QDir>
#include <QFileInfo>

namespace mlwb {

ProjectConfig::ProjectConfig(const QString &projectDir)
    : m_projectDir(QDir(projectDir).absolutePath())
{}

QString ProjectConfig::path() const
{
    return QDir(m_projectDir).absoluteFilePath(RunConfig::fileName());
}

bool ProjectConfig::exists() const
{
    return QFileInfo::exists(path());
}

QString ProjectConfig::defaultScript(const QString &currentFile) const
{
    const QDir project(m_projectDir);
    const QString relative = project.relativeFilePath(currentFile);
    if (currentFile.endsWith(QLatin1String(".py")) && !relative.startsWith(QLatin1String("..")))
        return relative;
    for (const QString &name : {QStringLiteral("train.py"), QStringLiteral("main.py")}) {
        if (project.exists(name))
            return name;
    }
    return project.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name).value(0);
}

RunConfig ProjectConfig::defaults(const QString &currentFile) const
{
    RunConfig config;
    config.code = m_projectDir;
    const QString folderName = QFileInfo(m_projectDir).fileName();
    QString ignored;
    if (isValidExperimentName(folderName, &ignored))
        config.experimentName = folderName;
    const QString script = defaultScript(currentFile);
    if (!script.isEmpty())
        config.command = RunConfig::commandFor(QString(), script, {});
    return config;
}

bool ProjectConfig::loadForEditing(RunConfig *out, QString *error) const
{
    if (!exists()) {
        *out = defaults();
        return true;
    }
    RunConfig loaded;
    loaded.code.clear(); // load() sets it only once the YAML is parsed
    if (!RunConfig::load(path(), &loaded, error) && loaded.code.isEmpty())
        return false;
    *out = loaded;
    return true;
}

} // namespace mlwb
