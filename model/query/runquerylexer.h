#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mlwb {

/// One token of a run query, with where it was written.
struct RunQueryToken {
    enum class Kind { End, Word, Number, String, Operator, LeftParen, RightParen, Comma, Error };
    Kind kind = Kind::End;
    QString text;            // exactly as written
    QString value;           // String: unescaped; Word: without backticks; Error: the message
    QStringList parts;       // Word: split on dots outside backticks
    bool quoted = false;     // Word: had a backtick segment (never a keyword then)
    bool lastQuoted = false; // Word: the last part was in backticks
    int position = 0;        // 0-based offset into the query
    int length = 0;

    /// True for an unquoted word equal to keyword, ignoring case.
    bool isKeyword(const char *keyword) const;
};

/// Splits run query text into tokens. Stops at the first malformed token and
/// reports it as an Error token, so the parser owns all error reporting.
class RunQueryLexer
{
public:
    explicit RunQueryLexer(const QString &text);
    /// All tokens, ending with End or with the first Error.
    QList<RunQueryToken> tokenize();

private:
    RunQueryToken next();
    RunQueryToken readString();
    RunQueryToken readWord();
    RunQueryToken readOperator();
    RunQueryToken make(RunQueryToken::Kind kind, int start, const QString &value = {}) const;
    RunQueryToken error(int start, int length, const QString &message) const;

    QString m_text;
    int m_pos = 0;
};

} // namespace mlwb
