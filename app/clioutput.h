#pragma once

#include "store/types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class QTextStream;

namespace mlwb {

/// One field of a printed record: its JSON key and its label in tables.
struct Column {
    QString key;   // snake_case, as in the JSON output
    QString label; // lower case; upper-cased for table headers
};

/// Prints command results as a table (aligned columns for lists, `label: value`
/// lines for one record) or as JSON (lists: an array of objects; one record:
/// an object; pretty-printed with a 2-space indent and a trailing newline).
/// Handlers build JSON values once and this decides how they look.
class CliOutput
{
public:
    enum class Format { Table, Json };

    CliOutput(QTextStream &stream, Format format);

    Format format() const { return m_format; }
    /// A list of records; in a table only `columns` are shown, in this order.
    void list(const QList<Column> &columns, const QJsonArray &rows);
    /// One record; in a table only `fields` are shown, in this order.
    void show(const QList<Column> &fields, const QJsonObject &record);
    /// A result that is one sentence in a table and an object in JSON.
    void message(const QString &text, const QJsonObject &record);

    /// ISO 8601 in UTC with a `Z`, or null for an unknown time.
    static QJsonValue time(const QDateTime &time);
    /// An id, or null for 0 (none).
    static QJsonValue id(Id id);
    /// Text, or null when empty.
    static QJsonValue text(const QString &text);
    /// The JSON text of a value: 2-space indent, trailing newline.
    static QString json(const QJsonValue &value);
    /// A value as a table cell: null is empty, true/false are yes/no.
    static QString cell(const QJsonValue &value);

private:
    void showObject(const QJsonObject &object, int indent);
    static void writeJson(const QJsonValue &value, int indent, QString *text);
    static QString scalarJson(const QJsonValue &value);

    QTextStream &m_stream;
    Format m_format;
};

} // namespace mlwb
