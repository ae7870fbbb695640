#include "query/runquery.h"

#include "query/runqueryparser.h"

#include <algorithm>

namespace mlwb {

namespace {

using Op = RunQueryNode::Op;

bool isMissing(const QVariant &v)
{
    return !v.isValid() || v.isNull();
}

// Numbers stored as numbers or as text ("0.01" from a param) both count.
bool toNumber(const QVariant &v, double *number)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Float:
    case QMetaType::Double:
        *number = v.toDouble();
        return true;
    case QMetaType::QString: {
        bool ok = false;
        *number = v.toString().toDouble(&ok);
        return ok;
    }
    default:
        return false;
    }
}

template <typename T> bool ordered(const T &a, const T &b, Op op)
{
    switch (op) {
    case Op::Equal:
        return a == b;
    case Op::NotEqual:
        return !(a == b);
    case Op::Less:
        return a < b;
    case Op::LessEqual:
        return a < b || a == b;
    case Op::Greater:
        return b < a;
    case Op::GreaterEqual:
        return b < a || a == b;
    default:
        return false;
    }
}

QDateTime toDateTime(const QVariant &v)
{
    if (v.typeId() == QMetaType::QDateTime)
        return v.toDateTime();
    if (v.typeId() == QMetaType::QDate)
        return v.toDate().startOfDay();
    const QString text = v.toString();
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    return dateTime.isValid() ? dateTime : QDate::fromString(text, Qt::ISODate).startOfDay();
}

// Date-only literals compare with the local calendar day of the value.
bool compareDate(const QVariant &v, Op op, const RunQueryLiteral &literal)
{
    const QDateTime value = toDateTime(v);
    if (!value.isValid())
        return op == Op::NotEqual;
    if (literal.date.isValid())
        return ordered(value.toLocalTime().date(), literal.date, op);
    return ordered(value, literal.dateTime, op);
}

bool compareText(const QString &value, Op op, const QString &literal, Qt::CaseSensitivity cs)
{
    switch (op) {
    case Op::Contains:
        return value.contains(literal, Qt::CaseInsensitive);
    case Op::NotContains:
        return !value.contains(literal, Qt::CaseInsensitive);
    default: {
        const int c = QString::compare(value, literal, cs);
        return ordered(c, 0, op);
    }
    }
}

bool compare(const QVariant &v, Op op, const RunQueryLiteral &literal, RunQueryFieldType type)
{
    // Missing: only the negative operators hold, so "a != x" == "not a = x".
    if (isMissing(v))
        return op == Op::NotEqual || op == Op::NotContains;
    if (op == Op::Contains || op == Op::NotContains)
        return compareText(v.toString(), op, literal.text, Qt::CaseInsensitive);
    if (type == RunQueryFieldType::Date)
        return compareDate(v, op, literal);
    double number = 0;
    if (literal.isNumber && toNumber(v, &number))
        return ordered(number, literal.number, op);
    const Qt::CaseSensitivity cs =
        type == RunQueryFieldType::Status ? Qt::CaseInsensitive : Qt::CaseSensitive;
    return compareText(v.toString(), op, literal.text, cs);
}

bool evaluate(const RunQueryNode &node, const RunQueryRow &row)
{
    switch (node.kind) {
    case RunQueryNode::Kind::And:
        return std::all_of(node.children.begin(), node.children.end(),
                           [&](const auto &child) { return evaluate(*child, row); });
    case RunQueryNode::Kind::Or:
        return std::any_of(node.children.begin(), node.children.end(),
                           [&](const auto &child) { return evaluate(*child, row); });
    case RunQueryNode::Kind::Not:
        return !evaluate(*node.children.front(), row);
    case RunQueryNode::Kind::IsNull:
        return isMissing(row.value(node.field)) != node.negated;
    case RunQueryNode::Kind::In: {
        const QVariant v = row.value(node.field);
        const bool found = std::any_of(node.values.begin(), node.values.end(), [&](const auto &l) {
            return compare(v, Op::Equal, l, node.type);
        });
        return found != node.negated;
    }
    case RunQueryNode::Kind::Compare:
        return compare(row.value(node.field), node.op, node.values.front(), node.type);
    }
    return false;
}

void collectFields(const RunQueryNode &node, QStringList *fields)
{
    if (!node.field.isEmpty() && !fields->contains(node.field))
        fields->append(node.field);
    for (const auto &child : node.children)
        collectFields(*child, fields);
}

} // namespace

RunQuery::RunQuery() = default;

RunQuery RunQuery::parse(const QString &text, RunQueryError *error)
{
    RunQuery query;
    query.m_text = text;
    RunQueryError parseError;
    query.m_root = RunQueryParser(text).parse(&parseError);
    query.m_valid = parseError.position < 0;
    if (query.m_root)
        collectFields(*query.m_root, &query.m_fields);
    if (error)
        *error = parseError;
    return query;
}

bool RunQuery::matches(const RunQueryRow &row) const
{
    if (!m_valid)
        return false;
    return !m_root || evaluate(*m_root, row);
}

} // namespace mlwb
