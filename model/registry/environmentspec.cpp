#include "registry/environmentspec.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace mlwb::environmentspec {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// PEP 503: "Scikit_Learn" and "scikit-learn" are one package.
QString normalizeRequirement(QString line)
{
    line.replace(QRegularExpression(QStringLiteral("\\s+")), QString());
    static const QRegularExpression name(QStringLiteral("^([A-Za-z0-9][A-Za-z0-9._-]*)"));
    const auto m = name.match(line);
    if (!m.hasMatch())
        return line;
    QString canonical = m.captured(1).toLower();
    canonical.replace(QRegularExpression(QStringLiteral("[-_.]+")), QStringLiteral("-"));
    return canonical + line.mid(m.capturedLength(1));
}

bool parsePip(const QByteArray &text, Spec *out)
{
    // Continuation lines first, then comments (" #" starts one; "#" in a URL does not).
    QString joined = QString::fromUtf8(text);
    joined.replace(QRegularExpression(QStringLiteral("\\\\\\r?\\n")), QStringLiteral(" "));
    QStringList lines;
    for (QString line : joined.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const int comment = line.indexOf(QRegularExpression(QStringLiteral("\\s#")));
        if (comment >= 0)
            line = line.left(comment).trimmed();
        if (line.isEmpty())
            continue;
        out->packages << line;
        lines << normalizeRequirement(line);
    }
    lines.sort();
    lines.removeDuplicates();
    out->normalized = lines.join(QLatin1Char('\n'));
    return true;
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
    *out = Spec();
    out->kind = kind;
    out->text = QString::fromUtf8(text);
    if (kind == QLatin1String("conda")) {
        if (!parseConda(text, out, error))
            return false;
    } else if (kind == QLatin1String("pip")) {
        parsePip(text, out);
    } else {
        return fail(
            error,
            QObject::tr("'%1' is not a kind of environment spec: use conda or pip.").arg(kind));
    }
    if (!python.trimmed().isEmpty())
        out->python = python.trimmed();
    const QByteArray key =
        (out->kind + QLatin1Char('\n') + out->python + QLatin1Char('\n') + out->normalized)
            .toUtf8();
    out->sha256 =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
    return true;
}

} // namespace mlwb::environmentspec
