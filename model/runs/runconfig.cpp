#include "runs/runconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace mlwb {

namespace {

QJsonObject toObject(const QMap<QString, QString> &map)
{
    QJsonObject out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, QString> fromObject(const QJsonObject &object)
{
    QMap<QString, QString> out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

const QRegularExpression &pythonPrefix()
{
    static const QRegularExpression re(QStringLiteral("^\\s*python3?(?=\\s|$)"));
    return re;
}

} // namespace

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool RunConfig::validate(QString *error) const
{
    if (command.trimmed().isEmpty()) {
        *error = tr("The run configuration has no command (e.g. \"command: python3 train.py\").");
        return false;
    }
    if (experimentName.trimmed().isEmpty()) {
        *error = tr("The run configuration needs an experiment_name.");
        return false;
    }
    if (timeoutSeconds < 0) {
        *error = tr("timeout must be a number of seconds, 0 for none.");
        return false;
    }
    if (QDir::isAbsolutePath(workingDirectory)
        || workingDirectory.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
        *error = tr("working_directory must be a folder inside the project.");
        return false;
    }
    return true;
}

QString RunConfig::effectiveCommand() const
{
    QString out = command.trimmed();
    if (!interpreter.isEmpty())
        out.replace(pythonPrefix(), shellQuote(interpreter));
    return out;
}

QString RunConfig::commandFor(const QString &interpreter, const QString &script,
                              const QStringList &arguments)
{
    QStringList words{interpreter.isEmpty() ? QStringLiteral("python3") : shellQuote(interpreter),
                      shellQuote(script)};
    for (const QString &a : arguments)
        words << shellQuote(a);
    return words.join(QLatin1Char(' '));
}

QString RunConfig::script() const
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*\\S*python3?\\s+(?:-u\\s+)?(\\S+\\.py)"));
    const auto m = re.match(effectiveCommand());
    return m.hasMatch() ? m.captured(1) : command.section(QLatin1Char(' '), 0, 0);
}

QJsonObject RunConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("experiment_name"), experimentName);
    o.insert(QStringLiteral("display_name"), displayName);
    o.insert(QStringLiteral("command"), command);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("interpreter"), interpreter);
    o.insert(QStringLiteral("working_directory"), workingDirectory);
    o.insert(QStringLiteral("timeout"), timeoutSeconds);
    o.insert(QStringLiteral("compute"), compute);
    if (!environment.isEmpty())
        o.insert(QStringLiteral("environment"), environment);
    o.insert(QStringLiteral("environment_variables"), toObject(environmentVariables));
    o.insert(QStringLiteral("tags"), toObject(tags));
    o.insert(QStringLiteral("snapshot_max_size_mb"), snapshotMaxMegabytes);
    o.insert(QStringLiteral("snapshot_max_files"), snapshotMaxFiles);
    return o;
}

RunConfig RunConfig::fromJson(const QJsonObject &o)
{
    RunConfig c;
    c.experimentName = o.value(QStringLiteral("experiment_name")).toString(c.experimentName);
    c.displayName = o.value(QStringLiteral("display_name")).toString();
    c.command = o.value(QStringLiteral("command")).toString();
    c.code = o.value(QStringLiteral("code")).toString(c.code);
    c.interpreter = o.value(QStringLiteral("interpreter")).toString();
    c.workingDirectory = o.value(QStringLiteral("working_directory")).toString();
    c.timeoutSeconds = o.value(QStringLiteral("timeout")).toInt();
    c.compute = o.value(QStringLiteral("compute")).toString(c.compute);
    c.environment = o.value(QStringLiteral("environment")).toString();
    c.environmentVariables =
        fromObject(o.value(QStringLiteral("environment_variables")).toObject());
    c.tags = fromObject(o.value(QStringLiteral("tags")).toObject());
    c.snapshotMaxMegabytes = o.value(QStringLiteral("snapshot_max_size_mb")).toInt();
    c.snapshotMaxFiles = o.value(QStringLiteral("snapshot_max_files")).toInt();
    return c;
}

} // namespace mlwb
