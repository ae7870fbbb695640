#include "snapshots/ignorerules.h"

#include <QDir>
#include <QFile>

namespace mlwb {

namespace {

// A port of git's wildmatch() with WM_PATHNAME, so patterns behave exactly
// like in .gitignore. AbortAll / AbortToStarStar prune hopeless backtracking.
enum class Wild { Match, NoMatch, AbortAll, AbortToStarStar };

QChar at(QStringView s, qsizetype i)
{
    return i < s.size() ? s[i] : QChar();
}

bool isGlobSpecial(QChar c)
{
    return c == u'*' || c == u'?' || c == u'[' || c == u'\\';
}

// POSIX bracket classes such as [[:digit:]]; *known is false for a bad name.
bool classMatches(QStringView name, QChar c, bool *known)
{
    *known = true;
    const bool ascii = c.unicode() < 128;
    if (name == u"alnum")
        return ascii && c.isLetterOrNumber();
    if (name == u"alpha")
        return ascii && c.isLetter();
    if (name == u"blank")
        return c == u' ' || c == u'\t';
    if (name == u"cntrl")
        return c.unicode() < 32 || c.unicode() == 127;
    if (name == u"digit")
        return c >= u'0' && c <= u'9';
    if (name == u"graph")
        return c.unicode() > 32 && c.unicode() < 127;
    if (name == u"lower")
        return ascii && c.isLower();
    if (name == u"print")
        return c.unicode() >= 32 && c.unicode() < 127;
    if (name == u"punct")
        return ascii && c.isPunct();
    if (name == u"space")
        return ascii && c.isSpace();
    if (name == u"upper")
        return ascii && c.isUpper();
    if (name == u"xdigit")
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    *known = false;
    return false;
}

// Matches one bracket expression starting after '['. Advances *pi to its ']'.
Wild matchBracket(QStringView p, qsizetype *pi, QChar tc)
{
    QChar c = at(p, ++*pi);
    if (c == u'^')
        c = u'!';
    const bool negated = c == u'!';
    if (negated)
        c = at(p, ++*pi);
    QChar prev;
    bool matched = false;
    do {
        if (*pi >= p.size())
            return Wild::AbortAll;
        if (c == u'\\') {
            c = at(p, ++*pi);
            if (*pi >= p.size())
                return Wild::AbortAll;
            matched = matched || tc == c;
        } else if (c == u'-' && !prev.isNull() && *pi + 1 < p.size() && p[*pi + 1] != u']') {
            c = p[++*pi];
            if (c == u'\\') {
                c = at(p, ++*pi);
                if (*pi >= p.size())
                    return Wild::AbortAll;
            }
            matched = matched || (tc <= c && tc >= prev);
            c = QChar(); // a range end cannot start another range
        } else if (c == u'[' && at(p, *pi + 1) == u':') {
            const qsizetype start = *pi + 2;
            const qsizetype end = p.indexOf(u']', start);
            if (end < 0)
                return Wild::AbortAll;
            if (end == start || p[end - 1] != u':') {
                matched = matched || tc == u'['; // not a class: a literal '['
            } else {
                bool known = false;
                matched = classMatches(p.mid(start, end - 1 - start), tc, &known) || matched;
                if (!known)
                    return Wild::AbortAll;
                *pi = end;
                c = QChar();
            }
        } else {
            matched = matched || tc == c;
        }
        prev = c;
        c = at(p, ++*pi);
    } while (c != u']');
    return (matched == negated || tc == u'/') ? Wild::NoMatch : Wild::Match;
}

Wild doWild(QStringView p, QStringView t);

// Handles a '*' or '**' at p[*pi]; returns Match/NoMatch/abort, or sets
// *resume when the caller should continue its loop at (*pi, *ti).
Wild matchStar(QStringView p, QStringView t, qsizetype *pi, qsizetype *ti, bool *resume)
{
    *resume = false;
    bool matchSlash = false;
    if (at(p, ++*pi) == u'*') {
        const qsizetype prev = *pi - 2;
        while (at(p, ++*pi) == u'*') {
        }
        const QChar next = at(p, *pi);
        if ((prev < 0 || p[prev] == u'/')
            && (*pi >= p.size() || next == u'/' || (next == u'\\' && at(p, *pi + 1) == u'/'))) {
            // "**/" may match no folder at all: try the rest right here.
            if (next == u'/' && doWild(p.mid(*pi + 1), t.mid(*ti)) == Wild::Match)
                return Wild::Match;
            matchSlash = true;
        }
    }
    if (*pi >= p.size()) {
        if (!matchSlash && t.mid(*ti).contains(u'/'))
            return Wild::NoMatch;
        return Wild::Match;
    }
    if (!matchSlash && p[*pi] == u'/') {
        const qsizetype slash = t.indexOf(u'/', *ti);
        if (slash < 0)
            return Wild::NoMatch;
        *ti = slash; // both slashes are consumed by the caller's loop
        *resume = true;
        return Wild::Match;
    }
    while (*ti < t.size()) {
        if (!isGlobSpecial(p[*pi])) {
            // Skip ahead to the next occurrence of the literal that follows.
            const QChar literal = p[*pi];
            while (*ti < t.size() && (matchSlash || t[*ti] != u'/') && t[*ti] != literal)
                ++*ti;
            if (at(t, *ti) != literal)
                return Wild::NoMatch;
        }
        const Wild r = doWild(p.mid(*pi), t.mid(*ti));
        if (r != Wild::NoMatch) {
            if (!matchSlash || r != Wild::AbortToStarStar)
                return r;
        } else if (!matchSlash && at(t, *ti) == u'/') {
            return Wild::AbortToStarStar;
        }
        ++*ti;
    }
    return Wild::AbortAll;
}

Wild doWild(QStringView p, QStringView t)
{
    qsizetype pi = 0;
    qsizetype ti = 0;
    for (; pi < p.size(); ++pi, ++ti) {
        QChar pc = p[pi];
        const QChar tc = at(t, ti);
        if (ti >= t.size() && pc != u'*')
            return Wild::AbortAll;
        if (pc == u'?') {
            if (tc == u'/')
                return Wild::NoMatch;
        } else if (pc == u'*') {
            bool resume = false;
            const Wild r = matchStar(p, t, &pi, &ti, &resume);
            if (!resume)
                return r;
        } else if (pc == u'[') {
            const Wild r = matchBracket(p, &pi, tc);
            if (r != Wild::Match)
                return r;
        } else {
            if (pc == u'\\')
                pc = at(p, ++pi); // a trailing '\' matches nothing
            if (tc != pc)
                return Wild::NoMatch;
        }
    }
    return ti < t.size() ? Wild::NoMatch : Wild::Match;
}

// Drops unescaped trailing spaces, as git does ("a\ " keeps one space).
QString trimTrailingSpaces(const QString &line)
{
    qsizetype lastSpace = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u' ') {
            if (lastSpace < 0)
                lastSpace = i;
            continue;
        }
        if (line[i] == u'\\' && ++i >= line.size())
            return line;
        lastSpace = -1;
    }
    return lastSpace < 0 ? line : line.left(lastSpace);
}

bool hasGitComponent(const QString &path)
{
    const QStringView git = u".git";
    return path == git || path.startsWith(QStringView(u".git/"))
           || path.endsWith(QStringView(u"/.git")) || path.contains(QStringView(u"/.git/"));
}

} // namespace

bool IgnoreRules::wildMatch(QStringView pattern, QStringView text)
{
    return doWild(pattern, text) == Wild::Match;
}

bool IgnoreRules::parseLine(QString line, const QString &baseDir, Pattern *pattern)
{
    if (line.endsWith(u'\r'))
        line.chop(1);
    if (line.isEmpty() || line.startsWith(u'#'))
        return false;
    line = trimTrailingSpaces(line);
    pattern->negated = line.startsWith(u'!');
    if (pattern->negated)
        line.remove(0, 1);
    pattern->dirOnly = line.endsWith(u'/');
    if (pattern->dirOnly)
        line.chop(1);
    pattern->anchored = line.contains(u'/');
    if (line.startsWith(u'/'))
        line.remove(0, 1);
    if (line.isEmpty())
        return false;
    pattern->glob = line;
    pattern->base = baseDir;
    return true;
}

void IgnoreRules::addPatterns(const QString &text, const QString &baseDir, const QString &source)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        Pattern pattern;
        pattern.source = source;
        if (parseLine(line, baseDir, &pattern))
            m_patterns.append(pattern);
    }
}

bool IgnoreRules::matches(const Pattern &pattern, const QString &path, bool isDir)
{
    if (pattern.dirOnly && !isDir)
        return false;
    QStringView rel(path);
    if (!pattern.base.isEmpty()) {
        if (path.size() <= pattern.base.size() || !path.startsWith(pattern.base)
            || path[pattern.base.size()] != u'/')
            return false;
        rel = rel.mid(pattern.base.size() + 1);
    }
    if (!pattern.anchored)
        rel = rel.mid(rel.lastIndexOf(u'/') + 1); // match the name at any depth
    return wildMatch(pattern.glob, rel);
}

const IgnoreRules::Pattern *IgnoreRules::decide(const QString &path, bool isDir) const
{
    for (qsizetype i = m_patterns.size() - 1; i >= 0; --i) {
        if (matches(m_patterns[i], path, isDir))
            return &m_patterns[i];
    }
    return nullptr;
}

bool IgnoreRules::isIgnored(const QString &relativePath, bool isDir, QString *source) const
{
    QString path = relativePath;
    while (path.startsWith(QStringView(u"./")))
        path.remove(0, 2);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty())
        return false;
    if (hasGitComponent(path)) {
        if (source)
            source->clear();
        return true;
    }
    const auto ignoring = [source](const Pattern *pattern) {
        if (!pattern || pattern->negated)
            return false;
        if (source)
            *source = pattern->source;
        return true;
    };
    // git never looks inside an ignored folder, so a parent's verdict is final.
    for (qsizetype slash = path.indexOf(u'/'); slash >= 0; slash = path.indexOf(u'/', slash + 1)) {
        if (ignoring(decide(path.left(slash), true)))
            return true;
    }
    return ignoring(decide(path, isDir));
}

void IgnoreRules::loadFolder(const QString &projectDir, const QString &relDir)
{
    const QDir dir(relDir.isEmpty() ? projectDir : projectDir + u'/' + relDir);
    for (const QString &name : {QStringLiteral(".amlignore"), QStringLiteral(".gitignore")}) {
        QFile file(dir.filePath(name));
        if (!file.exists())
            continue;
        if (file.open(QIODevice::ReadOnly))
            addPatterns(QString::fromUtf8(file.readAll()), relDir,
                        relDir.isEmpty() ? name : relDir + u'/' + name);
        break; // .amlignore wins over .gitignore in the same folder
    }
    const QStringList subdirs = dir.entryList(
        QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    for (const QString &name : subdirs) {
        const QString rel = relDir.isEmpty() ? name : relDir + u'/' + name;
        if (!isIgnored(rel, true))
            loadFolder(projectDir, rel);
    }
}

IgnoreRules IgnoreRules::forProject(const QString &projectDir)
{
    IgnoreRules rules;
    rules.loadFolder(projectDir, QString());
    return rules;
}

} // namespace mlwb
