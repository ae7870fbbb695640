#pragma once

#include "query/runquery.h"
#include "query/runquerylexer.h"

#include <QDateTime>

#include <memory>
#include <vector>

namespace mlwb {

/// A literal a field is compared with, pre-parsed once for every row.
struct RunQueryLiteral {
    QString text;
    double number = 0;
    bool isNumber = false;
    QDate date;         // set for a date-only literal on a date field
    QDateTime dateTime; // set for a date-and-time literal on a date field
};

/// How a field's values compare; from the field's name.
enum class RunQueryFieldType { Text, Status, Seconds, Date };

/// One node of a parsed run query.
struct RunQueryNode {
    enum class Kind { And, Or, Not, Compare, In, IsNull };
    enum class Op {
        Equal,
        NotEqual,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Contains,
        NotContains
    };
    Kind kind = Kind::Compare;
    std::vector<std::unique_ptr<RunQueryNode>> children; // And, Or, Not
    QString field;                                       // canonical key
    RunQueryFieldType type = RunQueryFieldType::Text;
    Op op = Op::Equal;
    bool negated = false; // In: "not in"; IsNull: "is not null"
    std::vector<RunQueryLiteral> values;
};

/// Recursive-descent parser for run queries: not > and > or.
class RunQueryParser
{
public:
    explicit RunQueryParser(const QString &text);
    /// The tree, or null for an empty query or on error (then error is set).
    std::unique_ptr<RunQueryNode> parse(RunQueryError *error);

private:
    using NodePtr = std::unique_ptr<RunQueryNode>;
    NodePtr parseOr();
    NodePtr parseAnd();
    NodePtr parseNot();
    NodePtr parsePrimary();
    NodePtr parseCondition();
    NodePtr parseIn(NodePtr node, const RunQueryToken &in);
    NodePtr parseIsNull(NodePtr node, const RunQueryToken &is);
    NodePtr parseComparison(NodePtr node, const RunQueryToken &op);
    bool parseField(NodePtr &node);
    bool parseValue(const RunQueryNode &node, const RunQueryToken &after, RunQueryLiteral *value);
    NodePtr join(RunQueryNode::Kind kind, std::vector<NodePtr> children) const;

    const RunQueryToken &peek() const { return m_tokens.at(m_index); }
    const RunQueryToken &take();
    NodePtr fail(const RunQueryToken &at, const QString &message, const QString &hint = {});
    NodePtr unexpected(const RunQueryToken &at, const QString &hint = {});

    QList<RunQueryToken> m_tokens;
    int m_index = 0;
    RunQueryError m_error;
    bool m_failed = false;
};

} // namespace mlwb
