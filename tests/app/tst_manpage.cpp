// The generated reference: the man page built from the command registry
// holds every verb and option, renders without groff warnings, and
// `mlwb help ...` is the same text as `--help`.
#include "cli.h"
#include "commandregistry.h"
#include "manpage.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace mlwb;

class TestManPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyVerbAndOption();
    void hiddenVerbsLeftOut();
    void sections();
    void rendersWithoutWarnings();
    void builtPageIsCurrent();
    void helpCommand_data();
    void helpCommand();

private:
    static QString run(const QStringList &arguments, int *code = nullptr);

    QString m_roff;
};

QString TestManPage::run(const QStringList &arguments, int *code)
{
    QProcess process;
    process.start(QStringLiteral(MLWB_BINARY), arguments);
    process.waitForFinished(60000);
    if (code)
        *code = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestManPage::initTestCase()
{
    m_roff = ManPage::roff(commandRegistry());
    QVERIFY(!m_roff.isEmpty());
}

static QString roffName(QString text)
{
    return text.replace(QLatin1Char('-'), QLatin1String("\\-"));
}

void TestManPage::everyVerbAndOption()
{
    int verbs = 0;
    for (const NounSpec &noun : commandRegistry().nouns()) {
        QVERIFY2(m_roff.contains(QStringLiteral(".SS \\fB") + roffName(noun.name)),
                 qPrintable(noun.name));
        for (const VerbSpec &verb : noun.verbs) {
            if (verb.hidden)
                continue;
            ++verbs;
            const QString usage =
                QStringLiteral("\\fBmlwb ") + roffName(noun.name + QLatin1Char(' ') + verb.name);
            QVERIFY2(m_roff.contains(usage), qPrintable(usage));
            const QString section = m_roff.mid(m_roff.indexOf(usage));
            for (const OptionSpec &option : verb.options) {
                const QString name = QStringLiteral("\\-\\-") + roffName(option.name);
                QVERIFY2(section.contains(name), qPrintable(usage + QLatin1Char(' ') + name));
            }
        }
    }
    QVERIFY(verbs >= 25);
}

void TestManPage::hiddenVerbsLeftOut()
{
    QVERIFY(!m_roff.contains(QLatin1String("supervise")));
    QVERIFY(!m_roff.contains(QLatin1String("__complete")));
}

void TestManPage::sections()
{
    for (const char *section :
         {".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS", ".SH EXIT STATUS",
          ".SH JSON OUTPUT", ".SH ENVIRONMENT", "\\-\\-workspace", "\\-\\-format", "snake_case"})
        QVERIFY2(m_roff.contains(QLatin1String(section)), section);
}

// The page as `man` shows it: groff must not complain about any line.
void TestManPage::rendersWithoutWarnings()
{
    const QString path = QStringLiteral(MLWB_GENERATED_DIR "/mlwb.1");
    QProcess man;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("100"));
    man.setProcessEnvironment(env);
    man.start(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-l"), path});
    QVERIFY(man.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(man.readAllStandardError()), QString());
    const QString text = QString::fromUtf8(man.readAllStandardOutput());
    QVERIFY2(text.contains(QLatin1String("mlwb run submit")), qPrintable(text.left(500)));
    QVERIFY(text.contains(QLatin1String("EXIT STATUS")));
}

// What the build installs is what the registry says now.
void TestManPage::builtPageIsCurrent()
{
    QFile built(QStringLiteral(MLWB_GENERATED_DIR "/mlwb.1"));
    QVERIFY(built.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(built.readAll()), run({QStringLiteral("__manpage")}));
}

void TestManPage::helpCommand_data()
{
    QTest::addColumn<QString>("help");
    QTest::addColumn<QString>("same");
    QTest::newRow("overview") << "help"
                              << "--help";
    QTest::newRow("noun") << "help run"
                          << "run --help";
    QTest::newRow("verb") << "help run submit"
                          << "run submit --help";
}

void TestManPage::helpCommand()
{
    QFETCH(QString, help);
    QFETCH(QString, same);
    int code = -1;
    const QString text = run(help.split(QLatin1Char(' ')), &code);
    QCOMPARE(code, 0);
    QVERIFY(text.startsWith(QLatin1String("Usage:")));
    QCOMPARE(text, run(same.split(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
