#include "metriclineparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace mlwb;
using Kind = MetricRecord::Kind;

/// Decoding single lines of metrics.jsonl: every kind, both parser paths, and
/// the reasons given for lines that cannot be used.
class TestMetricLineParser : public QObject
{
    Q_OBJECT

private slots:
    void validLines_data();
    void validLines();
    void nonFinite_data();
    void nonFinite();
    void malformed_data();
    void malformed();
    void fastPathAgreesWithJson_data();
    void fastPathAgreesWithJson();
    void reusedRecordIsReset();
    void kindNames();
};

namespace {

// The expected "json" of a record, written as JSON text ("" for none).
QJsonValue jsonOf(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue();
    return QJsonDocument::fromJson("{\"v\":" + text + '}').object().value(QLatin1String("v"));
}

} // namespace

void TestMetricLineParser::validLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("number");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<double>("time");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");

    const QString none;
    const QString loss = QStringLiteral("loss");
    QTest::newRow("scalar") << QByteArray(
        R"({"name":"loss","value":0.25,"step":3,"time":1700000000.123})")
                            << Kind::Scalar << none << loss << 0.25 << qint64(3) << 1700000000.123
                            << none << QByteArray();
    QTest::newRow("scalar, keys reordered")
        << QByteArray(R"({"time":1700000000.5,"step":7,"value":-1.5e-3,"name":"loss"})")
        << Kind::Scalar << none << loss << -1.5e-3 << qint64(7) << 1700000000.5 << none
        << QByteArray();
    QTest::newRow("scalar, spaces, no step or time")
        << QByteArray(" { \"name\" : \"loss\" ,\t\"value\" : 2 } \r") << Kind::Scalar << none
        << loss << 2.0 << qint64(-1) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, big step and exponent")
        << QByteArray(R"({"name":"loss","value":1E+300,"step":123456789012})") << Kind::Scalar
        << none << loss << 1e300 << qint64(123456789012) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, child run")
        << QByteArray(R"({"run":"fold_1","name":"acc","value":0.9,"step":0})") << Kind::Scalar
        << QStringLiteral("fold_1") << QStringLiteral("acc") << 0.9 << qint64(0) << 0.0 << none
        << QByteArray();
    QTest::newRow("scalar, explicit kind")
        << QByteArray(R"({"name":"loss","kind":"scalar","value":1})") << Kind::Scalar << none
        << loss << 1.0 << qint64(-1) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, escaped name")
        << QByteArray(R"({"name":"a\"b\u00e4","value":1,"step":2})") << Kind::Scalar << none
        << QStringLiteral("a\"b\u00e4") << 1.0 << qint64(2) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, unicode name")
        << QByteArray(
               "{\"name\":\"Verlust \xc3\xa4 \xe6\x8d\x9f\xe5\xa4\xb1\",\"value\":1,\"step\":2}")
        << Kind::Scalar << none << QStringLiteral("Verlust \u00e4 \u635f\u5931") << 1.0 << qint64(2)
        << 0.0 << none << QByteArray();
    QTest::newRow("scalar, step written as 3.0")
        << QByteArray(R"({"name":"loss","value":1,"step":3.0})") << Kind::Scalar << none << loss
        << 1.0 << qint64(3) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, null step and time")
        << QByteArray(R"({"name":"loss","value":1,"step":null,"time":null})") << Kind::Scalar
        << none << loss << 1.0 << qint64(-1) << 0.0 << none << QByteArray();
    QTest::newRow("scalar, unknown keys ignored")
        << QByteArray(R"({"name":"loss","value":1,"description":"training loss"})") << Kind::Scalar
        << none << loss << 1.0 << qint64(-1) << 0.0 << none << QByteArray();
    QTest::newRow("string") << QByteArray(R"({"name":"phase","value":"warm up","step":1})")
                            << Kind::String << none << QStringLiteral("phase") << 0.0 << qint64(1)
                            << 0.0 << QStringLiteral("warm up") << QByteArray();
    QTest::newRow("string, explicit kind")
        << QByteArray(R"({"name":"phase","kind":"string","value":"NaN"})") << Kind::String << none
        << QStringLiteral("phase") << 0.0 << qint64(-1) << 0.0 << QStringLiteral("NaN")
        << QByteArray();
    QTest::newRow("list") << QByteArray(
        R"({"name":"l","kind":"list","value":[1,2.5,"x"],"step":0})")
                          << Kind::List << none << QStringLiteral("l") << 0.0 << qint64(0) << 0.0
                          << none << QByteArray(R"([1,2.5,"x"])");
    QTest::newRow("list, empty") << QByteArray(R"({"name":"l","kind":"list","value":[]})")
                                 << Kind::List << none << QStringLiteral("l") << 0.0 << qint64(-1)
                                 << 0.0 << none << QByteArray("[]");
    QTest::newRow("row") << QByteArray(
        R"({"name":"r","kind":"row","value":{"epoch":1,"acc":0.5,"set":"a"},"step":4})")
                         << Kind::Row << none << QStringLiteral("r") << 0.0 << qint64(4) << 0.0
                         << none << QByteArray(R"({"epoch":1,"acc":0.5,"set":"a"})");
    QTest::newRow("table") << QByteArray(
        R"({"name":"t","kind":"table","value":{"x":[1,2],"y":["a","b"]}})")
                           << Kind::Table << none << QStringLiteral("t") << 0.0 << qint64(-1) << 0.0
                           << none << QByteArray(R"({"x":[1,2],"y":["a","b"]})");
    QTest::newRow("image") << QByteArray(
        R"({"name":"roc","kind":"image","value":"outputs/images/roc.png","step":0})")
                           << Kind::Image << none << QStringLiteral("roc") << 0.0 << qint64(0)
                           << 0.0 << QStringLiteral("outputs/images/roc.png") << QByteArray();
    QTest::newRow("tag") << QByteArray(R"({"name":"lr","kind":"tag","value":"0.01"})") << Kind::Tag
                         << none << QStringLiteral("lr") << 0.0 << qint64(-1) << 0.0
                         << QStringLiteral("0.01") << QByteArray();
    QTest::newRow("tag, number value") << QByteArray(R"({"name":"epochs","kind":"tag","value":10})")
                                       << Kind::Tag << none << QStringLiteral("epochs") << 0.0
                                       << qint64(-1) << 0.0 << QStringLiteral("10") << QByteArray();
    QTest::newRow("tag, no value")
        << QByteArray(R"({"name":"baseline","kind":"tag"})") << Kind::Tag << none
        << QStringLiteral("baseline") << 0.0 << qint64(-1) << 0.0 << QString() << QByteArray();
    QTest::newRow("child") << QByteArray(
        R"({"name":"fold_1","kind":"child","run":"fold_1","display_name":"Fold 1"})")
                           << Kind::Child << QStringLiteral("fold_1") << QStringLiteral("fold_1")
                           << 0.0 << qint64(-1) << 0.0 << QStringLiteral("Fold 1") << QByteArray();
    QTest::newRow("child, no name")
        << QByteArray(R"({"kind":"child","run":"fold_2"})") << Kind::Child
        << QStringLiteral("fold_2") << QStringLiteral("fold_2") << 0.0 << qint64(-1) << 0.0
        << QStringLiteral("fold_2") << QByteArray();
    QTest::newRow("status") << QByteArray(
        R"({"name":"status","kind":"status","run":"fold_1","value":"Failed"})")
                            << Kind::Status << QStringLiteral("fold_1") << QStringLiteral("status")
                            << 0.0 << qint64(-1) << 0.0 << QStringLiteral("Failed") << QByteArray();
}

void TestMetricLineParser::validLines()
{
    QFETCH(QByteArray, line);
    MetricRecord record;
    QString error;
    QVERIFY2(MetricLineParser::parse(line, &record, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QTEST(record.kind, "kind");
    QTEST(record.run, "run");
    QTEST(record.name, "name");
    QTEST(record.number, "number");
    QTEST(record.step, "step");
    QTEST(record.time, "time");
    QTEST(record.text, "text");
    QFETCH(QByteArray, json);
    QCOMPARE(record.json, jsonOf(json));
}

void TestMetricLineParser::nonFinite_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<double>("expected"); // what the first number decodes to

    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("NaN") << QByteArray(R"({"name":"loss","value":NaN,"step":1})") << nan;
    QTest::newRow("Infinity") << QByteArray(R"({"name":"loss","value":Infinity,"step":1})") << inf;
    QTest::newRow("-Infinity") << QByteArray(R"({"step":1,"value":-Infinity,"name":"loss"})")
                               << -inf;
    QTest::newRow("NaN, JSON path") << QByteArray(R"({"name":"lo\u0073s","value": NaN})") << nan;
    QTest::newRow("-Infinity, JSON path")
        << QByteArray(R"({"name":"loss","kind":"scalar","value":-Infinity})") << -inf;
    QTest::newRow("in a list") << QByteArray(
        R"({"name":"l","kind":"list","value":[Infinity,NaN,-Infinity]})")
                               << inf;
    QTest::newRow("in a row") << QByteArray(R"({"name":"r","kind":"row","value":{"a":NaN}})")
                              << nan;
}

void TestMetricLineParser::nonFinite()
{
    QFETCH(QByteArray, line);
    QFETCH(double, expected);
    MetricRecord record;
    QString error;
    QVERIFY2(MetricLineParser::parse(line, &record, &error), qPrintable(error));
    double number = record.number;
    if (record.kind == Kind::List)
        number = record.json.toArray().at(0).toDouble();
    else if (record.kind == Kind::Row)
        number = record.json.toObject().value(QLatin1String("a")).toDouble(0);
    if (std::isnan(expected))
        QVERIFY(std::isnan(number));
    else
        QCOMPARE(number, expected);
    if (record.kind == Kind::List) {
        QVERIFY(std::isnan(record.json.toArray().at(1).toDouble()));
        QCOMPARE(record.json.toArray().at(2).toDouble(), -expected);
    }
}

void TestMetricLineParser::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");

    const auto row = [](const char *name, const QByteArray &line, const char *error) {
        QTest::newRow(name) << line << QString::fromUtf8(error);
    };
    row("not JSON", "loss=0.25", "line is not a JSON object");
    row("JSON array", "[1,2]", "line is not a JSON object");
    row("empty line", "", "empty line");
    row("only spaces", "  \t\r", "empty line");
    row("truncated", R"({"name":"loss","value":0.2)", "line is not valid JSON: ");
    row("truncated in a string", R"({"name":"lo)", "line is not valid JSON: ");
    row("trailing garbage", R"({"name":"loss","value":1} x)", "line is not valid JSON: ");
    row("lowercase nan", R"({"name":"loss","value":nan})", "line is not valid JSON: ");
    row("missing name", R"({"value":1,"step":2})", "missing \"name\"");
    row("missing value", R"({"name":"loss","step":2})", "missing \"value\"");
    row("name is a number", R"({"name":5,"value":1})", "\"name\" must be a non-empty string");
    row("name is empty", R"({"name":"","value":1})", "\"name\" must be a non-empty string");
    row("value is an object", R"({"name":"x","value":{}})",
        "\"value\" must be a number or a string for a scalar");
    row("value is true", R"({"name":"x","value":true})",
        "\"value\" must be a number or a string for a scalar");
    row("scalar kind, string value", R"({"name":"x","kind":"scalar","value":"1"})",
        "\"value\" must be a number for a scalar");
    row("string kind, number value", R"({"name":"x","kind":"string","value":1})",
        "\"value\" must be a string for a string metric");
    row("negative step", R"({"name":"x","value":1,"step":-1})",
        "\"step\" must be a non-negative integer");
    row("fractional step", R"({"name":"x","value":1,"step":1.5})",
        "\"step\" must be a non-negative integer");
    row("step is a string", R"({"name":"x","value":1,"step":"3"})",
        "\"step\" must be a non-negative integer");
    row("time is a string", R"({"name":"x","value":1,"time":"now"})",
        "\"time\" must be a number of seconds since the epoch");
    row("time is NaN", R"({"name":"x","value":1,"time":NaN})",
        "\"time\" must be a number of seconds since the epoch");
    row("unknown kind", R"({"name":"x","kind":"histogram","value":1})",
        "unknown \"kind\": \"histogram\"");
    row("run is a number", R"({"name":"x","value":1,"run":3})",
        "\"run\" must be a string (a child run's name)");
    row("list of objects", R"({"name":"x","kind":"list","value":[{}]})",
        "\"value\" must be an array of numbers or strings for a list");
    row("row with an array", R"({"name":"x","kind":"row","value":{"a":[1]}})",
        "\"value\" must be an object of column: number or string for a row");
    row("table with a number column", R"({"name":"x","kind":"table","value":{"a":1}})",
        "\"value\" must be an object of column: array of numbers or strings for a table");
    row("image, absolute path", R"({"name":"x","kind":"image","value":"/etc/passwd"})",
        "\"value\" must be a relative path inside the run folder for an image");
    row("image, outside the run", R"({"name":"x","kind":"image","value":"a/../../b.png"})",
        "\"value\" must be a relative path inside the run folder for an image");
    row("unknown status", R"({"name":"status","kind":"status","run":"c","value":"Done"})",
        "\"value\" must be \"Completed\", \"Failed\" or \"Canceled\" for a status");
    row("child without run", R"({"name":"c","kind":"child"})",
        "a \"child\" line needs \"run\", the child run's name");
    row("1 MB line", "{\"name\":\"x\",\"value\":\"" + QByteArray(1 << 20, 'a'),
        "line is not valid JSON: ");
}

void TestMetricLineParser::malformed()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    MetricRecord record;
    QString actual;
    QVERIFY(!MetricLineParser::parse(line, &record, &actual));
    QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void TestMetricLineParser::fastPathAgreesWithJson_data()
{
    QTest::addColumn<double>("value");
    const double samples[] = {0.0,
                              -0.0,
                              1.0,
                              0.1,
                              1.0 / 3.0,
                              123456.789,
                              1e-308,
                              4.9e-324,
                              1.7976931348623157e308,
                              -2.5e-7,
                              9007199254740993.0};
    for (const double sample : samples)
        QTest::newRow(QByteArray::number(sample, 'g', 17).constData()) << sample;
    QRandomGenerator random(42);
    for (int i = 0; i < 20; ++i) {
        const double sample =
            (random.generateDouble() - 0.5) * std::pow(10.0, random.bounded(-20, 20));
        QTest::addRow("random %d", i) << sample;
    }
}

void TestMetricLineParser::fastPathAgreesWithJson()
{
    QFETCH(double, value);
    for (const char format : {'g', 'e', 'f'}) {
        const QByteArray number = QByteArray::number(value, format, format == 'f' ? 30 : 17);
        const QByteArray line = R"({"name":"x","value":)" + number + R"(,"step":1})";
        MetricRecord fast;
        QString error;
        QVERIFY2(MetricLineParser::parse(line, &fast, &error), qPrintable(error));
        const double viaJson =
            QJsonDocument::fromJson(line).object().value(QLatin1String("value")).toDouble();
        QCOMPARE(fast.number, viaJson);
    }
}

void TestMetricLineParser::reusedRecordIsReset()
{
    MetricRecord record;
    QString error;
    QVERIFY(MetricLineParser::parse(R"({"name":"l","kind":"list","value":[1],"run":"c","step":3})",
                                    &record, &error));
    QVERIFY(MetricLineParser::parse(R"({"name":"loss","value":2})", &record, &error));
    QCOMPARE(record.kind, Kind::Scalar);
    QCOMPARE(record.run, QString());
    QCOMPARE(record.step, qint64(-1));
    QVERIFY(record.json.isNull());
    QVERIFY(MetricLineParser::parse(R"({"name":"phase","value":"x","time":5})", &record, &error));
    QVERIFY(MetricLineParser::parse(R"({"name":"loss","value":3})", &record, &error));
    QCOMPARE(record.text, QString());
    QCOMPARE(record.time, 0.0);
}

void TestMetricLineParser::kindNames()
{
    for (int i = 0; i <= int(Kind::Status); ++i) {
        Kind kind = Kind::Scalar;
        const QString name = MetricLineParser::kindName(Kind(i));
        QVERIFY(MetricLineParser::kindFromName(name, &kind));
        QCOMPARE(kind, Kind(i));
    }
    Kind kind = Kind::Scalar;
    QVERIFY(!MetricLineParser::kindFromName(u"Scalar", &kind));
}

QTEST_GUILESS_MAIN(TestMetricLineParser)
#include "tst_metriclineparser.moc"
