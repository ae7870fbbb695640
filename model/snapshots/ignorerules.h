#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace mlwb {

/// The files a snapshot leaves out, read from `.amlignore` / `.gitignore`
/// files and evaluated the way git does: full gitignore pattern syntax, the
/// last matching pattern wins, a deeper ignore file overrides a shallower one,
/// and nothing inside an ignored folder can be re-included.
/// Paths are relative to the project folder and use `/`.
class IgnoreRules
{
public:
    /// The rules of a project folder. In each folder, `.amlignore` is read if
    /// present, else `.gitignore`; files in subfolders apply below their own
    /// folder. `.git/` is always ignored. Unreadable files are skipped.
    static IgnoreRules forProject(const QString &projectDir);

    /// Adds the lines of one ignore file whose folder is `baseDir` (relative,
    /// "" for the project root). Later calls take precedence over earlier ones.
    /// `source` names the file for isIgnored(), e.g. "sub/.gitignore".
    void addPatterns(const QString &text, const QString &baseDir = QString(),
                     const QString &source = QString());

    /// True when git would ignore `relativePath`, including when one of its
    /// parent folders is ignored. `source`, if given, is set to the ignore
    /// file whose pattern decided (empty for `.git/`).
    bool isIgnored(const QString &relativePath, bool isDir, QString *source = nullptr) const;

    /// gitignore-style glob match (`*`, `?`, `[...]`, `**`, `\` escapes);
    /// wildcards never match `/` except `**`. Exposed for tests.
    static bool wildMatch(QStringView pattern, QStringView text);

    int patternCount() const { return int(m_patterns.size()); }

private:
    struct Pattern {
        QString glob;
        QString base;   // folder of the ignore file, "" or "a/b"
        QString source; // the ignore file, for reports
        bool negated = false;
        bool dirOnly = false;
        bool anchored = false; // had a leading or middle slash: match the whole path
    };

    static bool parseLine(QString line, const QString &baseDir, Pattern *pattern);
    static bool matches(const Pattern &pattern, const QString &path, bool isDir);
    // The last pattern matching, or nullptr.
    const Pattern *decide(const QString &path, bool isDir) const;
    void loadFolder(const QString &projectDir, const QString &relDir);

    QList<Pattern> m_patterns;
};

} // namespace mlwb
