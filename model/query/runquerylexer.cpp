#include "query/runquerylexer.h"

#include <QRegularExpression>

namespace mlwb {

namespace {

// Characters that end a bare word; everything else (dots, dashes, colons,
// slashes) may appear in one, so dates and paths need no quotes.
bool endsWord(QChar c)
{
    static const QString delimiters = QStringLiteral("()=!<>~,\"'");
    return c.isSpace() || delimiters.contains(c);
}

bool isNumber(const QString &word)
{
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?$"));
    return number.match(word).hasMatch();
}

} // namespace

bool RunQueryToken::isKeyword(const char *keyword) const
{
    return kind == Kind::Word && !quoted
           && text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

RunQueryLexer::RunQueryLexer(const QString &text)
    : m_text(text)
{}

QList<RunQueryToken> RunQueryLexer::tokenize()
{
    QList<RunQueryToken> tokens;
    do {
        tokens.append(next());
    } while (tokens.last().kind != RunQueryToken::Kind::End
             && tokens.last().kind != RunQueryToken::Kind::Error);
    return tokens;
}

RunQueryToken RunQueryLexer::next()
{
    while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
        ++m_pos;
    if (m_pos >= m_text.size())
        return make(RunQueryToken::Kind::End, m_pos);
    const QChar c = m_text.at(m_pos);
    const int start = m_pos;
    if (c == u'(' || c == u')' || c == u',') {
        ++m_pos;
        return make(c == u'('   ? RunQueryToken::Kind::LeftParen
                    : c == u')' ? RunQueryToken::Kind::RightParen
                                : RunQueryToken::Kind::Comma,
                    start);
    }
    if (c == u'"' || c == u'\'')
        return readString();
    if (c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u'~')
        return readOperator();
    return readWord();
}

RunQueryToken RunQueryLexer::readOperator()
{
    const int start = m_pos;
    const QChar c = m_text.at(m_pos++);
    const QChar n = m_pos < m_text.size() ? m_text.at(m_pos) : QChar();
    if ((c == u'=' || c == u'!' || c == u'<' || c == u'>') && n == u'=')
        ++m_pos;
    else if (c == u'!' && n == u'~')
        ++m_pos;
    else if (c == u'!')
        return error(start, 1, QStringLiteral("unexpected '!' (use 'not', '!=' or '!~')"));
    return make(RunQueryToken::Kind::Operator, start);
}

RunQueryToken RunQueryLexer::readString()
{
    const int start = m_pos;
    const QChar quote = m_text.at(m_pos++);
    QString value;
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (c == quote)
            return make(RunQueryToken::Kind::String, start, value);
        if (c != u'\\') {
            value += c;
            continue;
        }
        const QChar e = m_pos < m_text.size() ? m_text.at(m_pos++) : QChar();
        if (e == u'\\' || e == u'"' || e == u'\'')
            value += e;
        else if (e == u'n')
            value += u'\n';
        else if (e == u't')
            value += u'\t';
        else
            return error(m_pos - 2, 2, QStringLiteral("unknown escape '\\") % e % u'\'');
    }
    return error(start, m_pos - start, QStringLiteral("unclosed string"));
}

RunQueryToken RunQueryLexer::readWord()
{
    const int start = m_pos;
    RunQueryToken token;
    QString part;
    while (m_pos < m_text.size() && !endsWord(m_text.at(m_pos))) {
        const QChar c = m_text.at(m_pos++);
        if (c == u'.') {
            token.parts.append(part);
            part.clear();
            token.value += c;
            token.lastQuoted = false;
        } else if (c == u'`') {
            // `...` may hold anything but a backtick: dots, slashes, spaces.
            const int close = m_text.indexOf(u'`', m_pos);
            if (close < 0)
                return error(m_pos - 1, m_text.size() - m_pos + 1, QStringLiteral("unclosed '`'"));
            const QString quoted = m_text.mid(m_pos, close - m_pos);
            part += quoted;
            token.value += quoted;
            token.quoted = token.lastQuoted = true;
            m_pos = close + 1;
        } else {
            part += c;
            token.value += c;
        }
    }
    token.parts.append(part);
    const bool number = !token.quoted && isNumber(token.value);
    const RunQueryToken made =
        make(number ? RunQueryToken::Kind::Number : RunQueryToken::Kind::Word, start);
    token.kind = made.kind;
    token.text = made.text;
    token.position = made.position;
    token.length = made.length;
    return token;
}

RunQueryToken RunQueryLexer::make(RunQueryToken::Kind kind, int start, const QString &value) const
{
    RunQueryToken token;
    token.kind = kind;
    token.position = start;
    token.length = m_pos - start;
    token.text = m_text.mid(start, token.length);
    token.value = value;
    return token;
}

RunQueryToken RunQueryLexer::error(int start, int length, const QString &message) const
{
    RunQueryToken token;
    token.kind = RunQueryToken::Kind::Error;
    token.position = start;
    token.length = length;
    token.text = m_text.mid(start, length);
    token.value = message;
    return token;
}

} // namespace mlwb
