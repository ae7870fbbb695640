// Conda environment files (YAML), and the choice between the two kinds.
// Apart from the requirements so that the run supervisor, which only reads
// what `pip freeze` printed, links no YAML library.
#include "registry/environmentspec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace mlwb::environmentspec {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QJsonValue toJson(const YAML::Node &node)
{
    if (node.IsMap()) {
        QJsonObject object; // keys sorted: their order in the file does not matter
        for (const auto &item : node)
            object.insert(QString::fromStdString(item.first.as<std::string>()),
                          toJson(item.second));
        return object;
    }
    if (node.IsSequence()) {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    if (node.IsNull())
        return QJsonValue();
    return QString::fromStdString(node.as<std::string>());
}

bool parseConda(const QByteArray &text, Spec *out, QString *error)
{
    QJsonObject root;
    try {
        const YAML::Node node = YAML::Load(text.toStdString());
        if (!node.IsMap())
            return fail(error, QObject::tr("A conda environment file is a mapping with "
                                           "'dependencies:'."));
        root = toJson(node).toObject();
    } catch (const YAML::Exception &e) {
        return fail(error, QObject::tr("Line %1, column %2: %3")
                               .arg(e.mark.line + 1)
                               .arg(e.mark.column + 1)
                               .arg(QString::fromStdString(e.msg)));
    }
    if (!root.value(QStringLiteral("dependencies")).isArray())
        return fail(error, QObject::tr("The conda environment file has no 'dependencies:' list."));
    // The name and prefix say where conda puts it, not what it holds.
    root.remove(QStringLiteral("name"));
    root.remove(QStringLiteral("prefix"));
    static const QRegularExpression pythonPin(QStringLiteral("^python\\s*=*\\s*([0-9][0-9.*]*)$"));
    const QJsonArray dependencies = root.value(QStringLiteral("dependencies")).toArray();
    for (const QJsonValue &d : dependencies) {
        if (d.isObject()) {
            const QJsonArray pip = d.toObject().value(QStringLiteral("pip")).toArray();
            for (const QJsonValue &p : pip)
                out->packages << QStringLiteral("pip: ") + p.toString();
            continue;
        }
        const QString dependency = d.toString().trimmed();
        const auto m = pythonPin.match(dependency);
        if (m.hasMatch())
            out->python = m.captured(1);
        else if (dependency != QLatin1String("python"))
            out->packages << dependency;
    }
    out->normalized = QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return true;
}

} // namespace

QString kindForFile(const QString &path)
{
    const QString lower = path.toLower();
    return lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".yaml"))
               ? QStringLiteral("conda")
               : QStringLiteral("pip");
}

bool parse(const QString &kind, const QByteArray &text, const QString &python, Spec *out,
           QString *error)
{
    if (kind == QLatin1String("pip")) {
        parseRequirements(text, python, out);
        return true;
    }
    if (kind != QLatin1String("conda"))
        return fail(
            error,
            QObject::tr("'%1' is not a kind of environment spec: use conda or pip.").arg(kind));
    *out = Spec();
    out->kind = kind;
    out->text = QString::fromUtf8(text);
    if (!parseConda(text, out, error))
        return false;
    seal(python, out);
    return true;
}

} // namespace mlwb::environmentspec
