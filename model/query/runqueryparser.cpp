#include "query/runqueryparser.h"

#include <algorithm>

namespace mlwb {

namespace {

struct PlainField {
    const char *name;
    RunQueryFieldType type;
};

const PlainField plainFields[] = {
    {"status", RunQueryFieldType::Status},    {"name", RunQueryFieldType::Text},
    {"experiment", RunQueryFieldType::Text},  {"target", RunQueryFieldType::Text},
    {"duration", RunQueryFieldType::Seconds}, {"started", RunQueryFieldType::Date},
    {"created", RunQueryFieldType::Date},     {"id", RunQueryFieldType::Text},
};
const char *const groups[] = {"metrics", "params", "tags", "properties"};

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The known name within two edits of name, or an empty string.
template <typename List, typename NameOf>
QString closest(const QString &name, const List &list, NameOf nameOf)
{
    QString best;
    int bestDistance = 3;
    for (const auto &entry : list) {
        const QString candidate = QLatin1String(nameOf(entry));
        const int distance = editDistance(name, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

QString columnText(int position)
{
    return QStringLiteral(" at column ") + QString::number(position + 1);
}

RunQueryNode::Op operatorOf(const QString &text)
{
    using Op = RunQueryNode::Op;
    if (text == u"!=")
        return Op::NotEqual;
    if (text == u"<")
        return Op::Less;
    if (text == u"<=")
        return Op::LessEqual;
    if (text == u">")
        return Op::Greater;
    if (text == u">=")
        return Op::GreaterEqual;
    if (text == u"~")
        return Op::Contains;
    if (text == u"!~")
        return Op::NotContains;
    return Op::Equal; // "=" and "=="
}

bool isReservedWord(const RunQueryToken &t)
{
    return t.isKeyword("and") || t.isKeyword("or") || t.isKeyword("not") || t.isKeyword("in")
           || t.isKeyword("is") || t.isKeyword("null");
}

// Key for a group field ("metrics.loss.min"); empty with a reason on error.
QString groupFieldKey(const QString &group, const RunQueryToken &t, QString *error)
{
    QStringList rest = t.parts.mid(1);
    if (rest.contains(QString())) {
        *error = QStringLiteral("missing name in '") % t.text % u'\'';
        return {};
    }
    QString aggregate;
    const QString last = rest.last().toLower();
    if (group == u"metrics" && rest.size() > 1 && !t.lastQuoted
        && (last == u"min" || last == u"max" || last == u"last")) {
        rest.removeLast();
        aggregate = last == u"last" ? QString() : u'.' + last; // last == the latest value
    }
    return group % u'.' % rest.join(u'.') % aggregate;
}

QString unknownFieldHint(const RunQueryToken &t)
{
    const QString head = t.parts.first().toLower();
    if (t.parts.size() > 1) {
        const QString group = closest(head, groups, [](const char *g) { return g; });
        if (!group.isEmpty())
            return QStringLiteral(" (did you mean '") % group % u'.' % t.parts.mid(1).join(u'.')
                   % QStringLiteral("'?)");
    } else {
        const QString plain =
            closest(head, plainFields, [](const PlainField &f) { return f.name; });
        if (!plain.isEmpty())
            return QStringLiteral(" (did you mean '") % plain % QStringLiteral("'?)");
    }
    return QStringLiteral(" (use status, name, experiment, target, duration, started, created, "
                          "id, or metrics.NAME, params.NAME, tags.NAME, properties.NAME)");
}

// Canonical key and type of the field t names; empty key if unknown.
QString resolveField(const RunQueryToken &t, RunQueryFieldType *type, QString *error)
{
    const QString head = t.parts.first().toLower();
    if (t.parts.size() == 1 && !t.quoted) {
        for (const PlainField &f : plainFields) {
            if (head == QLatin1String(f.name)) {
                *type = f.type;
                return head;
            }
        }
    } else if (t.parts.size() > 1 && !(t.quoted && t.parts.first().isEmpty())) {
        for (const char *group : groups) {
            if (head == QLatin1String(group)) {
                *type = RunQueryFieldType::Text;
                return groupFieldKey(head, t, error);
            }
        }
    }
    *error = QStringLiteral("unknown field '") % t.text % u'\'';
    return {};
}

} // namespace

RunQueryParser::RunQueryParser(const QString &text)
    : m_tokens(RunQueryLexer(text).tokenize())
{}

std::unique_ptr<RunQueryNode> RunQueryParser::parse(RunQueryError *error)
{
    NodePtr root;
    if (peek().kind != RunQueryToken::Kind::End) {
        root = parseOr();
        if (!m_failed && peek().kind != RunQueryToken::Kind::End)
            unexpected(peek(), peek().kind == RunQueryToken::Kind::RightParen
                                   ? QString()
                                   : QStringLiteral(" (missing 'and' or 'or'?)"));
    }
    if (m_failed) {
        if (error)
            *error = m_error;
        return {};
    }
    return root;
}

RunQueryParser::NodePtr RunQueryParser::parseOr()
{
    std::vector<NodePtr> children;
    children.push_back(parseAnd());
    while (children.back() && peek().isKeyword("or")) {
        take();
        children.push_back(parseAnd());
    }
    if (!children.back())
        return {};
    return join(RunQueryNode::Kind::Or, std::move(children));
}

RunQueryParser::NodePtr RunQueryParser::parseAnd()
{
    std::vector<NodePtr> children;
    children.push_back(parseNot());
    while (children.back() && peek().isKeyword("and")) {
        take();
        children.push_back(parseNot());
    }
    if (!children.back())
        return {};
    return join(RunQueryNode::Kind::And, std::move(children));
}

RunQueryParser::NodePtr RunQueryParser::parseNot()
{
    if (!peek().isKeyword("not"))
        return parsePrimary();
    take();
    std::vector<NodePtr> child;
    child.push_back(parseNot());
    if (!child.back())
        return {};
    auto node = std::make_unique<RunQueryNode>();
    node->kind = RunQueryNode::Kind::Not;
    node->children = std::move(child);
    return node;
}

RunQueryParser::NodePtr RunQueryParser::parsePrimary()
{
    if (peek().kind != RunQueryToken::Kind::LeftParen)
        return parseCondition();
    const RunQueryToken &open = take();
    NodePtr inner = parseOr();
    if (!inner)
        return {};
    if (peek().kind == RunQueryToken::Kind::RightParen) {
        take();
        return inner;
    }
    if (peek().kind == RunQueryToken::Kind::End)
        return fail(open, QStringLiteral("unclosed '('"));
    return unexpected(peek(), QStringLiteral(" (missing 'and' or 'or'?)"));
}

RunQueryParser::NodePtr RunQueryParser::parseCondition()
{
    auto node = std::make_unique<RunQueryNode>();
    if (!parseField(node))
        return {};
    const RunQueryToken &field = m_tokens.at(m_index - 1);
    const RunQueryToken &t = take();
    if (t.isKeyword("in"))
        return parseIn(std::move(node), t);
    if (t.isKeyword("not") && peek().isKeyword("in")) {
        node->negated = true;
        return parseIn(std::move(node), take());
    }
    if (t.isKeyword("is"))
        return parseIsNull(std::move(node), t);
    if (t.kind == RunQueryToken::Kind::Operator)
        return parseComparison(std::move(node), t);
    return fail(t, QStringLiteral("expected an operator after '") % field.text % u'\'');
}

RunQueryParser::NodePtr RunQueryParser::parseComparison(NodePtr node, const RunQueryToken &op)
{
    node->kind = RunQueryNode::Kind::Compare;
    node->op = operatorOf(op.text);
    node->values.emplace_back();
    if (!parseValue(*node, op, &node->values.back()))
        return {};
    return node;
}

RunQueryParser::NodePtr RunQueryParser::parseIn(NodePtr node, const RunQueryToken &in)
{
    node->kind = RunQueryNode::Kind::In;
    if (peek().kind != RunQueryToken::Kind::LeftParen)
        return fail(peek(), QStringLiteral("expected '(' after '") % in.text % u'\'');
    const RunQueryToken &open = take();
    for (const RunQueryToken *after = &open;;) {
        if (peek().kind == RunQueryToken::Kind::End)
            return fail(open, QStringLiteral("unclosed '('"));
        node->values.emplace_back();
        if (!parseValue(*node, *after, &node->values.back()))
            return {};
        after = &take();
        if (after->kind == RunQueryToken::Kind::RightParen)
            return node;
        if (after->kind == RunQueryToken::Kind::End)
            return fail(open, QStringLiteral("unclosed '('"));
        if (after->kind != RunQueryToken::Kind::Comma)
            return fail(*after, QStringLiteral("expected ',' or ')' in the list"));
    }
}

RunQueryParser::NodePtr RunQueryParser::parseIsNull(NodePtr node, const RunQueryToken &is)
{
    node->kind = RunQueryNode::Kind::IsNull;
    if (peek().isKeyword("not")) {
        take();
        node->negated = true;
    }
    if (!peek().isKeyword("null"))
        return fail(peek(),
                    QStringLiteral("expected 'null' or 'not null' after '") % is.text % u'\'');
    take();
    return node;
}

bool RunQueryParser::parseField(NodePtr &node)
{
    const RunQueryToken &t = peek();
    if (t.kind == RunQueryToken::Kind::End && m_index > 0) {
        fail(t, QStringLiteral("expected a condition after '") % m_tokens.at(m_index - 1).text
                    % u'\'');
        return false;
    }
    if (t.kind != RunQueryToken::Kind::Word || isReservedWord(t)) {
        if (t.kind == RunQueryToken::Kind::Number || t.kind == RunQueryToken::Kind::String)
            fail(t, QStringLiteral("expected a field before '") % t.text % u'\'');
        else
            unexpected(t);
        return false;
    }
    QString error;
    node->field = resolveField(t, &node->type, &error);
    if (node->field.isEmpty()) {
        fail(t, error, error.startsWith(u"unknown") ? unknownFieldHint(t) : QString());
        return false;
    }
    take();
    return true;
}

bool RunQueryParser::parseValue(const RunQueryNode &node, const RunQueryToken &after,
                                RunQueryLiteral *value)
{
    const RunQueryToken &t = peek();
    using Kind = RunQueryToken::Kind;
    if ((t.kind != Kind::Word && t.kind != Kind::Number && t.kind != Kind::String)
        || isReservedWord(t)) {
        fail(t, QStringLiteral("expected a value after '") % after.text % u'\'',
             t.isKeyword("null") ? QStringLiteral(" (use 'is null')") : QString());
        return false;
    }
    value->text = t.kind == Kind::Number ? t.text : t.value;
    value->number = value->text.toDouble(&value->isNumber);
    const bool contains =
        node.kind == RunQueryNode::Kind::Compare
        && (node.op == RunQueryNode::Op::Contains || node.op == RunQueryNode::Op::NotContains);
    if (node.type == RunQueryFieldType::Date && !contains) {
        value->date = QDate::fromString(value->text, Qt::ISODate);
        if (!value->date.isValid())
            value->dateTime = QDateTime::fromString(value->text, Qt::ISODateWithMs);
        if (!value->date.isValid() && !value->dateTime.isValid()) {
            fail(t, u'\'' % value->text % QStringLiteral("' is not a date"),
                 QStringLiteral(" (use 2026-01-31 or 2026-01-31T14:30)"));
            return false;
        }
    } else if (node.type == RunQueryFieldType::Seconds && !contains && !value->isNumber) {
        fail(t, u'\'' % value->text % QStringLiteral("' is not a number of seconds"));
        return false;
    }
    take();
    return true;
}

RunQueryParser::NodePtr RunQueryParser::join(RunQueryNode::Kind kind,
                                             std::vector<NodePtr> children) const
{
    if (children.size() == 1)
        return std::move(children.front());
    auto node = std::make_unique<RunQueryNode>();
    node->kind = kind;
    node->children = std::move(children);
    return node;
}

const RunQueryToken &RunQueryParser::take()
{
    const RunQueryToken &t = m_tokens.at(m_index);
    if (t.kind != RunQueryToken::Kind::End && t.kind != RunQueryToken::Kind::Error)
        ++m_index;
    return t;
}

RunQueryParser::NodePtr RunQueryParser::fail(const RunQueryToken &at, const QString &message,
                                             const QString &hint)
{
    if (m_failed)
        return {};
    m_failed = true;
    // A lexer error is the real problem wherever the parser tripped on it.
    const QString what = at.kind == RunQueryToken::Kind::Error ? at.value : message;
    m_error.message = what % columnText(at.position) % hint;
    m_error.position = at.position;
    m_error.length = at.length;
    return {};
}

RunQueryParser::NodePtr RunQueryParser::unexpected(const RunQueryToken &at, const QString &hint)
{
    if (at.kind == RunQueryToken::Kind::End)
        return fail(at, QStringLiteral("unexpected end of query"));
    return fail(at, QStringLiteral("unexpected '") % at.text % u'\'', hint);
}

} // namespace mlwb
