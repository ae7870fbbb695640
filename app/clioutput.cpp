#include "clioutput.h"

#include "commandregistry.h"

#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace mlwb {

CliOutput::CliOutput(QTextStream &stream, Format format)
    : m_stream(stream)
    , m_format(format)
{}

void CliOutput::list(const QList<Column> &columns, const QJsonArray &rows)
{
    if (m_format == Format::Json) {
        m_stream << json(rows);
        return;
    }
    QList<QStringList> lines;
    QStringList header;
    for (const Column &column : columns)
        header << column.label.toUpper();
    lines << header;
    for (const QJsonValue &row : rows) {
        QStringList cells;
        for (const Column &column : columns)
            cells << cell(row.toObject().value(column.key));
        lines << cells;
    }
    QList<int> widths(columns.size(), 0);
    for (const QStringList &line : std::as_const(lines)) {
        for (int i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], int(line.at(i).size()));
    }
    for (const QStringList &line : std::as_const(lines)) {
        QString text;
        for (int i = 0; i < line.size(); ++i)
            text += i + 1 < line.size() ? line.at(i).leftJustified(widths[i] + 2) : line.at(i);
        m_stream << text << '\n';
    }
}

void CliOutput::show(const QList<Column> &fields, const QJsonObject &record)
{
    if (m_format == Format::Json) {
        m_stream << json(record);
        return;
    }
    for (const Column &field : fields) {
        const QJsonValue value = record.value(field.key);
        if (value.isObject()) {
            m_stream << field.label << ":\n";
            showObject(value.toObject(), 2);
        } else {
            m_stream << field.label << ": " << cell(value) << '\n';
        }
    }
}

void CliOutput::showObject(const QJsonObject &object, int indent)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        m_stream << QString(indent, QLatin1Char(' ')) << it.key();
        if (it.value().isObject()) {
            m_stream << ":\n";
            showObject(it.value().toObject(), indent + 2);
        } else {
            m_stream << ": " << cell(it.value()) << '\n';
        }
    }
}

void CliOutput::message(const QString &text, const QJsonObject &record)
{
    if (m_format == Format::Json)
        m_stream << json(record);
    else
        m_stream << text << '\n';
}

QJsonValue CliOutput::time(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue CliOutput::id(Id id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

QJsonValue CliOutput::text(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString CliOutput::json(const QJsonValue &value)
{
    QString text;
    writeJson(value, 0, &text);
    return text + QLatin1Char('\n');
}

// Qt's own indented JSON uses four spaces and spreads `{}` over two lines;
// the documented shape is two spaces and `{}` / `[]` for empty containers.
void CliOutput::writeJson(const QJsonValue &value, int indent, QString *text)
{
    const QString inner(indent + 2, QLatin1Char(' '));
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        *text += QStringLiteral("{\n");
        for (auto it = object.begin(); it != object.end(); ++it) {
            *text += inner + scalarJson(it.key()) + QStringLiteral(": ");
            writeJson(it.value(), indent + 2, text);
            *text += std::next(it) == object.end() ? QStringLiteral("\n") : QStringLiteral(",\n");
        }
        *text += QString(indent, QLatin1Char(' ')) + QLatin1Char('}');
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        *text += QStringLiteral("[\n");
        for (qsizetype i = 0; i < array.size(); ++i) {
            *text += inner;
            writeJson(array.at(i), indent + 2, text);
            *text += i + 1 == array.size() ? QStringLiteral("\n") : QStringLiteral(",\n");
        }
        *text += QString(indent, QLatin1Char(' ')) + QLatin1Char(']');
    } else if (value.isObject()) {
        *text += QStringLiteral("{}");
    } else if (value.isArray()) {
        *text += QStringLiteral("[]");
    } else {
        *text += scalarJson(value);
    }
}

// Qt writes scalars (escaping, number format); only its brackets are dropped.
QString CliOutput::scalarJson(const QJsonValue &value)
{
    const QByteArray compact = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(compact.mid(1, compact.size() - 2));
}

QString CliOutput::cell(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Bool:
        return value.toBool() ? Cli::tr("yes") : Cli::tr("no");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number))
                                                : QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            parts << cell(item);
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

} // namespace mlwb
