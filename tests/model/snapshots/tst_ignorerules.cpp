#include "snapshots/ignorerules.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using mlwb::IgnoreRules;

/// IgnoreRules against git's own behaviour (each row was checked with git 2.39).
class TestIgnoreRules : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void patterns_data();
    void patterns();
    void wildMatch_data();
    void wildMatch();
    void nestedGitignore_data();
    void nestedGitignore();
    void amlignoreWinsOverGitignore();
    void nestedAmlignoreWinsInItsFolder();
    void namesTheDecidingFile();
    void gitFolderAlwaysIgnored_data();
    void gitFolderAlwaysIgnored();
    void noIgnoreFiles();

private:
    void writeFile(const QString &relativePath, const QByteArray &content);
    static void addCase(const char *name, const char *patterns, const char *path, bool isDir,
                        bool ignored);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestIgnoreRules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestIgnoreRules::cleanup()
{
    m_dir.reset();
}

void TestIgnoreRules::writeFile(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_dir->filePath(relativePath);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

void TestIgnoreRules::addCase(const char *name, const char *patterns, const char *path, bool isDir,
                              bool ignored)
{
    QTest::newRow(name) << QString::fromUtf8(patterns) << QString::fromUtf8(path) << isDir
                        << ignored;
}

void TestIgnoreRules::patterns_data()
{
    QTest::addColumn<QString>("patterns");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");

    addCase("star suffix", "*.log", "debug.log", false, true);
    addCase("star suffix in subfolder", "*.log", "logs/debug.log", false, true);
    addCase("star suffix other ext", "*.log", "debug.txt", false, false);
    addCase("comment line", "# comment", "# comment", false, false);
    addCase("escaped hash", "\\#hash", "#hash", false, true);
    addCase("escaped bang", "\\!bang", "!bang", false, true);
    addCase("negation re-includes", "*.log\n!keep.log", "keep.log", false, false);
    addCase("last match wins", "!keep.log\n*.log", "keep.log", false, true);
    addCase("dir only matches dir", "build/", "build", true, true);
    addCase("dir only skips file", "build/", "build", false, false);
    addCase("file in ignored dir", "build/", "build/out.o", false, true);
    addCase("dir only at any depth", "build/", "src/build/x.o", false, true);
    addCase("leading slash anchors", "/build", "src/build", true, false);
    addCase("leading slash at root", "/build", "build", true, true);
    addCase("middle slash anchors", "doc/frotz", "doc/frotz", false, true);
    addCase("middle slash not deeper", "doc/frotz", "a/doc/frotz", false, false);
    addCase("question mark", "foo?", "food", false, true);
    addCase("question mark not slash", "a?b", "a/b", false, false);
    addCase("range", "[a-c].txt", "b.txt", false, true);
    addCase("range miss", "[a-c].txt", "d.txt", false, false);
    addCase("negated range", "[!a-c].txt", "d.txt", false, true);
    addCase("negated range miss", "[!a-c].txt", "a.txt", false, false);
    addCase("caret negation", "[^a].txt", "a.txt", false, false);
    addCase("char class", "[[:digit:]]*.txt", "1a.txt", false, true);
    addCase("leading double star root", "**/logs", "logs", true, true);
    addCase("leading double star deep", "**/logs", "a/b/logs", true, true);
    addCase("leading double star path", "**/logs/debug.log", "x/logs/debug.log", false, true);
    addCase("trailing double star inside", "logs/**", "logs/a/b.txt", false, true);
    addCase("trailing double star not dir", "logs/**", "logs", true, false);
    addCase("middle double star zero dirs", "a/**/b", "a/b", false, true);
    addCase("middle double star many dirs", "a/**/b", "a/x/y/b", false, true);
    addCase("middle double star needs slash", "a/**/b", "a/xb", false, false);
    addCase("slash double star slash anchored", "/**/x", "a/x", false, true);
    addCase("star in folder", "data/*", "data/sub/x.csv", false, true);
    addCase("star does not cross slash", "data/*.csv", "data/sub/x.csv", false, false);
    addCase("middle star one level", "a/*/c", "a/b/c", false, true);
    addCase("middle star two levels", "a/*/c", "a/b/d/c", false, false);
    addCase("no re-include in excluded dir", "build/\n!build/keep.txt", "build/keep.txt", false,
            true);
    addCase("re-include with dir star", "build/*\n!build/keep.txt", "build/keep.txt", false, false);
    addCase("whitelist keeps py", "*\n!*/\n!*.py", "src/a.py", false, false);
    addCase("whitelist drops txt", "*\n!*/\n!*.py", "src/a.txt", false, true);
    addCase("trailing spaces trimmed", "foo   ", "foo", false, true);
    addCase("escaped trailing space", "foo\\ ", "foo ", false, true);
    addCase("escaped trailing space exact", "foo\\ ", "foo", false, false);
    addCase("blank lines", "\n\n", "x", false, false);
    addCase("escaped star literal", "\\*star", "*star", false, true);
    addCase("escaped star no glob", "\\*star", "xstar", false, false);
    addCase("crlf line ending", "*.log\r\n", "a.log", false, true);
    addCase("double star everything", "**", "a/b", false, true);
    addCase("dir pattern with star", "*_cache/", "x/__py_cache/y.pyc", false, true);
    addCase("negated dir only", "tmp*\n!tmpkeep/", "tmpkeep/a", false, false);
    addCase("unicode name", "däta*.csv", "sub/däta1.csv", false, true);
}

void TestIgnoreRules::patterns()
{
    QFETCH(QString, patterns);
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    IgnoreRules rules;
    rules.addPatterns(patterns);
    QCOMPARE(rules.isIgnored(path, isDir), ignored);
}

void TestIgnoreRules::wildMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::newRow("literal") << QStringLiteral("abc") << QStringLiteral("abc") << true;
    QTest::newRow("literal prefix only")
        << QStringLiteral("abc") << QStringLiteral("abcd") << false;
    QTest::newRow("star empty") << QStringLiteral("a*") << QStringLiteral("a") << true;
    QTest::newRow("star no slash") << QStringLiteral("a*") << QStringLiteral("a/b") << false;
    QTest::newRow("double star slash") << QStringLiteral("a/**") << QStringLiteral("a/b/c") << true;
    QTest::newRow("star star not at boundary")
        << QStringLiteral("a**b") << QStringLiteral("a/b") << false;
    QTest::newRow("bracket first close") << QStringLiteral("[]a]") << QStringLiteral("]") << true;
    QTest::newRow("bracket unterminated") << QStringLiteral("[abc") << QStringLiteral("a") << false;
    QTest::newRow("bracket escaped dash")
        << QStringLiteral("[a\\-z]") << QStringLiteral("-") << true;
    QTest::newRow("bracket range end dash")
        << QStringLiteral("[a-]") << QStringLiteral("-") << true;
    QTest::newRow("bad class name") << QStringLiteral("[[:nope:]]") << QStringLiteral("a") << false;
    QTest::newRow("trailing backslash") << QStringLiteral("a\\") << QStringLiteral("a") << false;
    QTest::newRow("many stars backtrack")
        << QStringLiteral("*a*a*a*a*b")
        << QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") << false;
}

void TestIgnoreRules::wildMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(IgnoreRules::wildMatch(pattern, text), matches);
}

void TestIgnoreRules::nestedGitignore_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("root rule at root") << QStringLiteral("a.tmp") << false << true;
    QTest::newRow("root rule in sub") << QStringLiteral("sub/other.tmp") << false << true;
    QTest::newRow("sub re-includes") << QStringLiteral("sub/keep.tmp") << false << false;
    QTest::newRow("sub rule below sub") << QStringLiteral("sub/deeper/keep.tmp") << false << false;
    QTest::newRow("sub re-include not at root") << QStringLiteral("keep.tmp") << false << true;
    QTest::newRow("sub anchored rule") << QStringLiteral("sub/local.txt") << false << true;
    QTest::newRow("sub anchored not deeper")
        << QStringLiteral("sub/deeper/local.txt") << false << false;
    QTest::newRow("sub rule not at root") << QStringLiteral("local.txt") << false << false;
    QTest::newRow("ignored folder's file not read")
        << QStringLiteral("vendor/lib.py") << false << true;
}

void TestIgnoreRules::nestedGitignore()
{
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    writeFile(QStringLiteral(".gitignore"), "*.tmp\nvendor/\n");
    writeFile(QStringLiteral("sub/.gitignore"), "!keep.tmp\n/local.txt\n");
    writeFile(QStringLiteral("sub/deeper/x.py"), "");
    writeFile(QStringLiteral("vendor/.gitignore"), "!*\n");
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QCOMPARE(rules.isIgnored(path, isDir), ignored);
}

void TestIgnoreRules::amlignoreWinsOverGitignore()
{
    writeFile(QStringLiteral(".gitignore"), "*.csv\n");
    writeFile(QStringLiteral(".amlignore"), "*.bin\n");
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QVERIFY(!rules.isIgnored(QStringLiteral("data/train.csv"), false));
    QVERIFY(rules.isIgnored(QStringLiteral("data/weights.bin"), false));
}

void TestIgnoreRules::nestedAmlignoreWinsInItsFolder()
{
    writeFile(QStringLiteral("sub/.gitignore"), "*.csv\n");
    writeFile(QStringLiteral("sub/.amlignore"), "*.bin\n");
    writeFile(QStringLiteral("other/.gitignore"), "*.csv\n");
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QVERIFY(!rules.isIgnored(QStringLiteral("sub/a.csv"), false));
    QVERIFY(rules.isIgnored(QStringLiteral("sub/a.bin"), false));
    QVERIFY(rules.isIgnored(QStringLiteral("other/a.csv"), false));
}

// Reports say which file left a path out: the last matching pattern's, or
// the parent folder's when a folder was ignored as a whole.
void TestIgnoreRules::namesTheDecidingFile()
{
    writeFile(QStringLiteral(".gitignore"), "*.log\nbuild/\n");
    writeFile(QStringLiteral("sub/.amlignore"), "*.tmp\n!keep.log\n");
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QString source = QStringLiteral("unset");
    QVERIFY(rules.isIgnored(QStringLiteral("a.log"), false, &source));
    QCOMPARE(source, QStringLiteral(".gitignore"));
    QVERIFY(rules.isIgnored(QStringLiteral("sub/x.tmp"), false, &source));
    QCOMPARE(source, QStringLiteral("sub/.amlignore"));
    QVERIFY(rules.isIgnored(QStringLiteral("build/deep/x.txt"), false, &source));
    QCOMPARE(source, QStringLiteral(".gitignore"));
    QVERIFY(!rules.isIgnored(QStringLiteral("sub/keep.log"), false, &source));
    QVERIFY(rules.isIgnored(QStringLiteral(".git/HEAD"), false, &source));
    QVERIFY(source.isEmpty());
}

void TestIgnoreRules::gitFolderAlwaysIgnored_data()
{
    QTest::addColumn<QByteArray>("gitignore");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("git folder") << QByteArray() << QStringLiteral(".git") << true << true;
    QTest::newRow("file in git folder")
        << QByteArray() << QStringLiteral(".git/config") << false << true;
    QTest::newRow("nested git folder")
        << QByteArray() << QStringLiteral("lib/.git/HEAD") << false << true;
    QTest::newRow("git file of a worktree")
        << QByteArray() << QStringLiteral("lib/.git") << false << true;
    QTest::newRow("negation cannot re-include")
        << QByteArray("!.git\n!.git/**\n") << QStringLiteral(".git/config") << false << true;
    QTest::newRow("gitignore itself kept")
        << QByteArray() << QStringLiteral(".gitignore") << false << false;
    QTest::newRow("github folder kept")
        << QByteArray() << QStringLiteral(".github/ci.yml") << false << false;
}

void TestIgnoreRules::gitFolderAlwaysIgnored()
{
    QFETCH(QByteArray, gitignore);
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    if (!gitignore.isEmpty())
        writeFile(QStringLiteral(".gitignore"), gitignore);
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QCOMPARE(rules.isIgnored(path, isDir), ignored);
}

void TestIgnoreRules::noIgnoreFiles()
{
    writeFile(QStringLiteral("train.py"), "print(1)\n");
    const IgnoreRules rules = IgnoreRules::forProject(m_dir->path());
    QCOMPARE(rules.patternCount(), 0);
    QVERIFY(!rules.isIgnored(QStringLiteral("train.py"), false));
    QVERIFY(!rules.isIgnored(QStringLiteral("data"), true));
}

QTEST_GUILESS_MAIN(TestIgnoreRules)
#include "tst_ignorerules.moc"
