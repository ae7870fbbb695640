#include "query/runquery.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

using namespace mlwb;

namespace {

// One completed run with a bit of everything a query can look at.
QVariantHash sampleRun()
{
    return {
        {QStringLiteral("status"), QStringLiteral("Completed")},
        {QStringLiteral("name"), QStringLiteral("mnist-cnn")},
        {QStringLiteral("experiment"), QStringLiteral("mnist")},
        {QStringLiteral("target"), QStringLiteral("local")},
        {QStringLiteral("duration"), 3600},
        {QStringLiteral("started"), QDateTime(QDate(2026, 1, 31), QTime(10, 0))},
        {QStringLiteral("created"), QDateTime(QDate(2026, 1, 30), QTime(9, 0))},
        {QStringLiteral("id"), QStringLiteral("mnist_1700_3f2a")},
        {QStringLiteral("metrics.accuracy"), 0.93},
        {QStringLiteral("metrics.accuracy.min"), 0.5},
        {QStringLiteral("metrics.accuracy.max"), 0.95},
        {QStringLiteral("metrics.val/loss"), 0.21},
        {QStringLiteral("params.lr"), QStringLiteral("0.001")},
        {QStringLiteral("params.optimizer.name"), QStringLiteral("adam")},
        {QStringLiteral("tags.model"), QStringLiteral("cnn")},
        {QStringLiteral("tags.note"), QStringLiteral("say \"hi\"")},
        {QStringLiteral("properties.gpu"), QStringLiteral("A100")},
    };
}

bool matches(const QString &query, const QVariantHash &values)
{
    RunQueryError error;
    const RunQuery q = RunQuery::parse(query, &error);
    if (!q.isValid())
        qWarning() << "parse error:" << error.message;
    return q.matches(RunQueryRow{values, {}});
}

} // namespace

/// RunQuery: the runs-table filter language, its semantics and its errors.
class TestRunQuery : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void precedence_data();
    void precedence();
    void fields_data();
    void fields();
    void errors_data();
    void errors();
    void invalidMatchesNothing();
    void lookupFunction();
};

void TestRunQuery::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("expected");
    auto row = [](const char *name, const char *query, bool expected) {
        QTest::newRow(name) << QString::fromUtf8(query) << expected;
    };
    row("empty", "", true);
    row("blank", "   ", true);
    row("readme example",
        "metrics.accuracy > 0.9 and (tags.model = \"cnn\" or params.lr < 0.01) and status = "
        "completed",
        true);
    row("status ignores case", "status = COMPLETED", true);
    row("keywords ignore case", "STATUS == 'completed' AND NOT tags.model = rnn", true);
    row("= number", "metrics.accuracy = 0.93", true);
    row("== number", "metrics.accuracy == 0.93", true);
    row("!= number", "metrics.accuracy != 0.93", false);
    row("< number", "metrics.accuracy < 0.95", true);
    row("<= number", "metrics.accuracy <= 0.93", true);
    row("> number", "metrics.accuracy > 0.93", false);
    row(">= number", "metrics.accuracy >= 0.93", true);
    row("no spaces", "metrics.accuracy>=0.93", true);
    row("negative number", "duration > -1", true);
    row("exponent", "params.lr = 1e-3", true);
    row("text param as number", "params.lr < 0.01", true);
    row("quoted number is a number", "params.lr = \"0.0010\"", true);
    row("= text is case-sensitive", "name = MNIST-CNN", false);
    row("< text", "name < nz", true);
    row("~ contains any case", "name ~ CNN", true);
    row("!~", "name !~ rnn", true);
    row("!~ false", "name !~ Cnn", false);
    row("in", "tags.model in (\"rnn\", \"cnn\")", true);
    row("in status any case", "status in (failed, COMPLETED)", true);
    row("not in", "tags.model not in ('cnn')", false);
    row("is null", "tags.missing is null", true);
    row("is not null", "tags.model is not null", true);
    row("is null on present", "tags.model IS NULL", false);
    row("missing =", "tags.missing = x", false);
    row("missing !=", "tags.missing != x", true);
    row("missing <", "metrics.nope < 0", false);
    row("missing >", "metrics.nope > 0", false);
    row("missing ~", "tags.missing ~ x", false);
    row("missing !~", "tags.missing !~ x", true);
    row("missing in", "tags.missing in (x)", false);
    row("missing not in", "tags.missing not in (x)", true);
    row("backtick name", "metrics.`val/loss` < 0.3", true);
    row("min", "metrics.accuracy.min >= 0.5", true);
    row("max", "metrics.accuracy.max = 0.95", true);
    row("last is latest", "metrics.accuracy.last = 0.93", true);
    row("aggregate ignores case", "metrics.accuracy.MAX > 0.94", true);
    row("min in list", "metrics.accuracy.min in (0.5, 1)", true);
    row("min and max together", "metrics.accuracy.min < 0.6 and metrics.accuracy.max > 0.9", true);
    row("missing min is null", "metrics.nope.min is null", true);
    row("missing max !=", "metrics.nope.max != 1", true);
    row("dotted param", "params.optimizer.name = adam", true);
    row("date same day", "started = 2026-01-31", true);
    row("date after", "started > \"2026-01-30\"", true);
    row("date before", "started < '2026-01-31'", false);
    row("date time", "created >= 2026-01-30T08:00", true);
    row("date time after", "started > 2026-01-31T10:00:01", false);
    row("escaped quotes", "tags.note = \"say \\\"hi\\\"\"", true);
    row("single quotes hold double", "tags.note = 'say \"hi\"'", true);
    row("id", "id = mnist_1700_3f2a", true);
    row("plain fields", "experiment = mnist and target = local and properties.gpu ~ a100", true);
    row("field names ignore case", "Metrics.accuracy > 0.9 and Tags.model = cnn", true);
    row("metric names keep case", "metrics.Accuracy > 0.9", false);
}

void TestRunQuery::matches()
{
    QFETCH(QString, query);
    QFETCH(bool, expected);
    QCOMPARE(::matches(query, sampleRun()), expected);
}

void TestRunQuery::precedence_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("abc"); // values of tags.a, tags.b, tags.c
    QTest::addColumn<bool>("expected");
    QTest::newRow("or below and") << QStringLiteral("a or b and c") << QStringLiteral("100")
                                  << true;
    QTest::newRow("parens first") << QStringLiteral("(a or b) and c") << QStringLiteral("100")
                                  << false;
    QTest::newRow("and before or")
        << QStringLiteral("a and b or c") << QStringLiteral("001") << true;
    QTest::newRow("not above and")
        << QStringLiteral("not a and b") << QStringLiteral("100") << false;
    QTest::newRow("not of group") << QStringLiteral("not (a and b)") << QStringLiteral("100")
                                  << true;
    QTest::newRow("not above or") << QStringLiteral("not a or b") << QStringLiteral("110") << true;
    QTest::newRow("double not") << QStringLiteral("not not a") << QStringLiteral("100") << true;
    QTest::newRow("chain") << QStringLiteral("a and b and c or not c") << QStringLiteral("110")
                           << true;
}

void TestRunQuery::precedence()
{
    QFETCH(QString, query);
    QFETCH(QString, abc);
    QFETCH(bool, expected);
    static const QRegularExpression letter(QStringLiteral("\\b([abc])\\b"));
    query.replace(letter, QStringLiteral("tags.\\1 = 1"));
    const QVariantHash values{{QStringLiteral("tags.a"), QString(abc[0])},
                              {QStringLiteral("tags.b"), QString(abc[1])},
                              {QStringLiteral("tags.c"), QString(abc[2])}};
    QCOMPARE(::matches(query, values), expected);
}

void TestRunQuery::fields_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("plain") << QStringLiteral("STATUS = x or Duration > 5")
                           << QStringList{QStringLiteral("status"), QStringLiteral("duration")};
    QTest::newRow("mixed") << QStringLiteral("metrics.acc > 1 and (tags.x = a or metrics.acc < 5) "
                                             "and metrics.`val/loss`.min > 0 and params.lr is null")
                           << QStringList{QStringLiteral("metrics.acc"), QStringLiteral("tags.x"),
                                          QStringLiteral("metrics.val/loss.min"),
                                          QStringLiteral("params.lr")};
    QTest::newRow("last folds into latest")
        << QStringLiteral("metrics.acc.last > 1 or metrics.acc < 0")
        << QStringList{QStringLiteral("metrics.acc")};
    QTest::newRow("quoted aggregate is a name") << QStringLiteral("metrics.acc.`max` > 1")
                                                << QStringList{QStringLiteral("metrics.acc.max")};
    QTest::newRow("dotted name with aggregate")
        << QStringLiteral("metrics.val.acc.min > 1")
        << QStringList{QStringLiteral("metrics.val.acc.min")};
    QTest::newRow("metric named max")
        << QStringLiteral("metrics.max > 1") << QStringList{QStringLiteral("metrics.max")};
}

void TestRunQuery::fields()
{
    QFETCH(QString, query);
    QFETCH(QStringList, fields);
    QCOMPARE(RunQuery::parse(query).fields(), fields);
}

void TestRunQuery::errors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    auto row = [](const char *name, const char *query, const char *message, int position,
                  int length) {
        QTest::newRow(name) << QString::fromUtf8(query) << QString::fromUtf8(message) << position
                            << length;
    };
    row("value missing at end", "metrics.accuracy >", "expected a value after '>' at column 19", 18,
        0);
    row("keyword as value", "metrics.accuracy > and status = x",
        "expected a value after '>' at column 20", 19, 3);
    row("null as value", "tags.x = null", "expected a value after '=' at column 10 (use 'is null')",
        9, 4);
    row("unknown group", "metric.acc > 1",
        "unknown field 'metric.acc' at column 1 (did you mean 'metrics.acc'?)", 0, 10);
    row("unknown group 2", "paramz.lr = 1",
        "unknown field 'paramz.lr' at column 1 (did you mean 'params.lr'?)", 0, 9);
    row("misspelt field", "stauts = done",
        "unknown field 'stauts' at column 1 (did you mean 'status'?)", 0, 6);
    row("unknown field", "foo = 1",
        "unknown field 'foo' at column 1 (use status, name, experiment, target, duration, "
        "started, created, id, or metrics.NAME, params.NAME, tags.NAME, properties.NAME)",
        0, 3);
    row("missing name", "metrics. > 1", "missing name in 'metrics.' at column 1", 0, 8);
    row("unclosed paren", "(status = x", "unclosed '(' at column 1", 0, 1);
    row("unclosed outer paren", "status = x and (name = a or (id = b)", "unclosed '(' at column 16",
        15, 1);
    row("leading and", "and status = x", "unexpected 'and' at column 1", 0, 3);
    row("stray close", "status = x)", "unexpected ')' at column 11", 10, 1);
    row("missing and", "status = x name = y",
        "unexpected 'name' at column 12 (missing 'and' or 'or'?)", 11, 4);
    row("missing and in parens", "(status = x name = y)",
        "unexpected 'name' at column 13 (missing 'and' or 'or'?)", 12, 4);
    row("missing operator", "status completed", "expected an operator after 'status' at column 8",
        7, 9);
    row("field alone", "status", "expected an operator after 'status' at column 7", 6, 0);
    row("literal first", "0.5 < metrics.acc", "expected a field before '0.5' at column 1", 0, 3);
    row("dangling and", "status = x and", "expected a condition after 'and' at column 15", 14, 0);
    row("dangling or", "status = x or", "expected a condition after 'or' at column 14", 13, 0);
    row("dangling not", "not", "expected a condition after 'not' at column 4", 3, 0);
    row("dangling paren", "name = \"a\" and (", "expected a condition after '(' at column 17", 16,
        0);
    row("unclosed string", "name = \"abc", "unclosed string at column 8", 7, 4);
    row("unknown escape", "name = 'a\\qb'", "unknown escape '\\q' at column 10", 9, 2);
    row("unclosed backtick", "metrics.`val/loss > 1", "unclosed '`' at column 9", 8, 13);
    row("lone bang", "status ! x", "unexpected '!' (use 'not', '!=' or '!~') at column 8", 7, 1);
    row("in without list", "tags.model in a", "expected '(' after 'in' at column 15", 14, 1);
    row("in list unclosed", "tags.model in (a, b", "unclosed '(' at column 15", 14, 1);
    row("in list no comma", "tags.model in (a b)", "expected ',' or ')' in the list at column 18",
        17, 1);
    row("in empty list", "tags.model in ()", "expected a value after '(' at column 16", 15, 1);
    row("is what", "tags.model is nothing", "expected 'null' or 'not null' after 'is' at column 15",
        14, 7);
    row("bad date", "started > yesterday",
        "'yesterday' is not a date at column 11 (use 2026-01-31 or 2026-01-31T14:30)", 10, 9);
    row("bad duration", "duration > long", "'long' is not a number of seconds at column 12", 11, 4);
}

void TestRunQuery::errors()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    QFETCH(int, position);
    QFETCH(int, length);
    RunQueryError error;
    const RunQuery q = RunQuery::parse(query, &error);
    QVERIFY(!q.isValid());
    QCOMPARE(error.message, message);
    QCOMPARE(error.position, position);
    QCOMPARE(error.length, length);
}

void TestRunQuery::invalidMatchesNothing()
{
    const RunQuery q = RunQuery::parse(QStringLiteral("status ="));
    QVERIFY(!q.isValid());
    QVERIFY(!q.isEmpty());
    QVERIFY(!q.matches(RunQueryRow{sampleRun(), {}}));
    QVERIFY(q.fields().isEmpty());
    QVERIFY(RunQuery().isEmpty());
    QVERIFY(RunQuery().matches(RunQueryRow{}));
}

void TestRunQuery::lookupFunction()
{
    QStringList asked;
    RunQueryRow row;
    row.lookup = [&](const QString &field) {
        asked.append(field);
        return field == u"metrics.loss" ? QVariant(0.2) : QVariant();
    };
    const RunQuery q = RunQuery::parse(QStringLiteral("metrics.loss < 0.5 and tags.x is null"));
    QVERIFY(q.matches(row));
    QCOMPARE(asked, q.fields());
}

QTEST_GUILESS_MAIN(TestRunQuery)
#include "tst_runquery.moc"
