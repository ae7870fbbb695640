#include "metrics/metriclineparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

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
    void scalars_data();
    void scalars();
    void scalarsNonFiniteRoundTrip();
    void scalarsMalformed_data();
    void scalarsMalformed();
    void scalarsBothPathsAgree();
    void scalarsReuseStorage();
    void badNames_data();
    void badNames();
    void goodUnicodeNames_data();
    void goodUnicodeNames();
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

// Base64 of 8-byte numbers, built explicitly little-endian whatever this
// machine's byte order.
template <typename T> QByteArray base64(const QVector<T> &items)
{
    QByteArray bytes;
    for (const T item : items) {
        quint64 bits = 0;
        std::memcpy(&bits, &item, sizeof bits);
        char little[8];
        qToLittleEndian(bits, little);
        bytes.append(little, 8);
    }
    return bytes.toBase64();
}

QByteArray scalarsLine(const QByteArray &fields)
{
    return R"({"kind":"scalars","name":"loss",)" + fields + '}';
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

void TestMetricLineParser::scalars_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("run");
    QTest::addColumn<QVector<double>>("numbers");
    QTest::addColumn<QVector<qint64>>("steps");
    QTest::addColumn<QVector<double>>("times");
    QTest::addColumn<double>("time");

    const QVector<double> values{0.25, -1.5e-3, 1e300};
    const QVector<qint64> steps{3, 4, qint64(1) << 60};
    const QVector<double> times{1700000000.125, 1700000000.5, 1700000001};
    const QVector<qint64> noSteps;
    const QVector<double> noTimes;
    const QByteArray v64 = base64(values), s64 = base64(steps), t64 = base64(times);
    QTest::newRow("base64") << scalarsLine(R"("values64":")" + v64 + R"(","steps64":")" + s64
                                           + R"(","times64":")" + t64 + "\"")
                            << QString() << values << steps << times << 0.0;
    QTest::newRow("base64, child run, keys reordered, spaces")
        << QByteArray(R"( { "times64" : ")" + t64 + R"(" , "run":"fold 1", "values64":")" + v64
                      + R"(","kind":"scalars","steps64":")" + s64 + R"(","name":"loss"} )")
        << QStringLiteral("fold 1") << values << steps << times << 0.0;
    QTest::newRow("base64, no steps or times") << scalarsLine(R"("values64":")" + v64 + "\"")
                                               << QString() << values << noSteps << noTimes << 0.0;
    QTest::newRow("base64, one time for all")
        << scalarsLine(R"("values64":")" + v64 + R"(","time":1700000002.5)") << QString() << values
        << noSteps << noTimes << 1700000002.5;
    QByteArray unpadded = base64(QVector<double>{0.25});
    QVERIFY(unpadded.endsWith('='));
    while (unpadded.endsWith('='))
        unpadded.chop(1);
    QTest::newRow("base64 without padding")
        << scalarsLine(R"("values64":")" + unpadded + "\"") << QString() << QVector<double>{0.25}
        << noSteps << noTimes << 0.0;
    QTest::newRow("arrays") << scalarsLine(
        R"("values":[0.25,-1.5e-3,1E+300],"steps":[3,4,1152921504606846976],)"
        R"("times":[1700000000.125,1700000000.5,1700000001])")
                            << QString() << values << steps << times << 0.0;
    QTest::newRow("arrays, spaces, no steps")
        << scalarsLine(R"("values" : [ 0.25 , -1.5e-3 , 1e300 ] , "time" : 1700000002.5)")
        << QString() << values << noSteps << noTimes << 1700000002.5;
    QTest::newRow("arrays, steps written as 3.0 (JSON path)")
        << scalarsLine(R"("values":[1,2],"steps":[3.0,4])") << QString() << QVector<double>{1, 2}
        << QVector<qint64>{3, 4} << noTimes << 0.0;
    QTest::newRow("escaped name (JSON path)")
        << QByteArray(R"({"kind":"scalars","name":"loss","values64":")" + v64 + R"(","steps64":")"
                      + s64 + R"(","times64":")" + t64 + R"("})")
        << QString() << values << steps << times << 0.0;
    QTest::newRow("base64 with a JSON escape (JSON path)")
        << scalarsLine(R"("values64":"AAAAAAAAAA\u0041=")") << QString() << QVector<double>{0.0}
        << noSteps << noTimes << 0.0;
    QTest::newRow("unknown key ignored (JSON path)")
        << scalarsLine(R"("values64":")" + v64 + R"(","description":"x")") << QString() << values
        << noSteps << noTimes << 0.0;
}

void TestMetricLineParser::scalars()
{
    QFETCH(QByteArray, line);
    MetricRecord record;
    QString error;
    QVERIFY2(MetricLineParser::parse(line, &record, &error), qPrintable(error));
    QCOMPARE(record.kind, Kind::Scalars);
    QCOMPARE(record.name, QStringLiteral("loss"));
    QTEST(record.run, "run");
    QTEST(record.numbers, "numbers");
    QTEST(record.steps, "steps");
    QTEST(record.times, "times");
    QTEST(record.time, "time");
    QCOMPARE(record.step, qint64(-1));
    QVERIFY(record.text.isEmpty());
    QVERIFY(record.json.isNull());
}

void TestMetricLineParser::scalarsNonFiniteRoundTrip()
{
    const double inf = std::numeric_limits<double>::infinity();
    const QVector<double> values{std::numeric_limits<double>::quiet_NaN(),
                                 inf,
                                 -inf,
                                 -0.0,
                                 std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::max()};
    const auto sameBits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
    MetricRecord record;
    QString error;
    QVERIFY2(MetricLineParser::parse(scalarsLine(R"("values64":")" + base64(values) + "\""),
                                     &record, &error),
             qPrintable(error));
    QCOMPARE(record.numbers.size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QVERIFY2(sameBits(record.numbers.at(i), values.at(i)), qPrintable(QString::number(i)));
    for (const QByteArray &name : {QByteArray("loss"), QByteArray("lo\\u0073s")}) {
        const QByteArray line = R"({"kind":"scalars","name":")" + name
                                + R"(","values":[NaN,Infinity,-Infinity,-0.0,4.9e-324,)"
                                  R"(1.7976931348623157e308]})";
        QVERIFY2(MetricLineParser::parse(line, &record, &error), qPrintable(error));
        QVERIFY(std::isnan(record.numbers.at(0)));
        // QJsonDocument (the escaped name's path) turns -0.0 into 0: compare values there.
        const bool viaJson = name.contains('\\');
        for (qsizetype i = 1; i < values.size(); ++i)
            QVERIFY2(viaJson ? record.numbers.at(i) == values.at(i)
                             : sameBits(record.numbers.at(i), values.at(i)),
                     qPrintable(QString::number(i)));
    }
}

void TestMetricLineParser::scalarsMalformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");

    const auto row = [](const char *name, const QByteArray &fields, const char *error) {
        QTest::newRow(name) << scalarsLine(fields) << QString::fromUtf8(error);
    };
    const QByteArray two = base64(QVector<double>{1, 2});
    const QByteArray values = R"("values64":")" + two + R"(",)";
    row("no values", R"("steps":[1])", "a \"scalars\" line needs \"values64\" or \"values\"");
    row("both values", R"("values":[1,2],)" + values + R"("time":1)",
        "give \"values\" or \"values64\", not both");
    row("both steps",
        values + R"("steps":[1,2],"steps64":")" + base64(QVector<qint64>{1, 2}) + "\"",
        "give \"steps\" or \"steps64\", not both");
    row("bad base64 character", R"("values64":"AAAAAAAA*AA=")", "\"values64\" is not valid base64");
    row("base64 with a space", R"("values64":"AAAA AAAAAA=")", "\"values64\" is not valid base64");
    row("base64 padding inside", R"("values64":"AA==AAAAAAA=")",
        "\"values64\" is not valid base64");
    row("base64 length 4n+1", R"("values64":"AAAAAAAAAAAAA")", "\"values64\" is not valid base64");
    row("bytes not a multiple of 8", R"("values64":"AAAAAAAAAAAAAA==")",
        "\"values64\" must decode to whole 8-byte numbers");
    row("steps64 bytes not a multiple of 8", values + R"("steps64":"AAAA")",
        "\"steps64\" must decode to whole 8-byte numbers");
    row("values64 not a string", R"("values64":[1])", "\"values64\" must be a base64 string");
    row("values not an array", R"("values":"AAAAAAAAAAA=")",
        "\"values\" must be an array of numbers");
    row("values with a string", R"("values":[1,"2"])", "\"values\" must be an array of numbers");
    row("values with null", R"("values":[1,null])", "\"values\" must be an array of numbers");
    row("empty values", R"("values":[])",
        "\"values\" is empty: a \"scalars\" line needs at least one value");
    row("empty values64", R"("values64":"")",
        "\"values64\" is empty: a \"scalars\" line needs at least one value");
    row("fewer steps", values + R"("steps":[1])",
        "\"steps\" holds 1 steps for 2 values in \"values64\"");
    row("more steps64", values + R"("steps64":")" + base64(QVector<qint64>{1, 2, 3}) + "\"",
        "\"steps64\" holds 3 steps for 2 values in \"values64\"");
    row("empty steps", values + R"("steps":[])",
        "\"steps\" holds 0 steps for 2 values in \"values64\"");
    row("fewer times64", values + R"("times64":")" + base64(QVector<double>{1}) + "\"",
        "\"times64\" holds 1 times for 2 values in \"values64\"");
    row("negative step64", values + R"("steps64":")" + base64(QVector<qint64>{0, -1}) + "\"",
        "\"steps64\" must hold non-negative steps; item 1 is -1");
    row("negative step", R"("values":[1,2],"steps":[-3,1])",
        "\"steps\" must hold non-negative steps; item 0 is -3");
    row("fractional step", R"("values":[1,2],"steps":[1,1.5])",
        "\"steps\" must be an array of integers");
    row("negative time", values + R"("times":[1,-1])",
        "\"times\" must hold seconds since the epoch; item 1 is -1");
    row("NaN time64",
        values + R"("times64":")"
            + base64(QVector<double>{1, std::numeric_limits<double>::quiet_NaN()}) + "\"",
        "\"times64\" must hold seconds since the epoch; item 1 is ");
    row("infinite time", values + R"("times":[Infinity,1])",
        "\"times\" must hold seconds since the epoch; item 0 is ");
    row("single value key", values + R"("value":1)",
        "a \"scalars\" line takes \"values64\" or \"values\", not \"value\"");
    row("single step key", values + R"("step":1)",
        "a \"scalars\" line takes \"steps64\" or \"steps\", not \"step\"");
    row("bad time", values + R"("time":-5)",
        "\"time\" must be a number of seconds since the epoch");
    QTest::newRow("no name") << QByteArray(R"({"kind":"scalars","values":[1]})")
                             << QStringLiteral("missing \"name\"");
    QTest::newRow("truncated") << scalarsLine(R"("values64":")" + two).chopped(2)
                               << QStringLiteral("line is not valid JSON: ");
}

void TestMetricLineParser::scalarsMalformed()
{
    malformed(); // the same check over the batch lines' table
}

void TestMetricLineParser::scalarsBothPathsAgree()
{
    // Random bits, so every base64 digit and odd doubles appear.
    QRandomGenerator random(7);
    for (const int count : {1, 2, 3, 5, 8, 1000}) {
        QVector<double> values(count);
        QVector<qint64> steps(count);
        QVector<double> times(count);
        for (int i = 0; i < count; ++i) {
            const quint64 bits = random.generate64();
            std::memcpy(&values[i], &bits, sizeof bits);
            steps[i] = qint64(random.generate64() >> 1);
            times[i] = 1.7e9 + random.generateDouble();
        }
        const QByteArray fields = R"(","values64":")" + base64(values) + R"(","steps64":")"
                                  + base64(steps) + R"(","times64":")" + base64(times) + R"("})";
        MetricRecord fast, json;
        QString error;
        QVERIFY2(MetricLineParser::parse(QByteArray(R"({"kind":"scalars","name":"x)" + fields),
                                         &fast, &error),
                 qPrintable(error));
        // An escape in the name sends the line through QJsonDocument.
        QVERIFY2(MetricLineParser::parse(QByteArray(R"({"kind":"scalars","name":"\u0078)" + fields),
                                         &json, &error),
                 qPrintable(error));
        QCOMPARE(fast.name, json.name);
        QCOMPARE(fast.numbers.size(), count);
        QVERIFY(std::memcmp(fast.numbers.constData(), values.constData(), count * 8) == 0);
        QVERIFY(std::memcmp(json.numbers.constData(), values.constData(), count * 8) == 0);
        QCOMPARE(fast.steps, steps);
        QCOMPARE(json.steps, steps);
        QCOMPARE(fast.times, times);
        QCOMPARE(json.times, times);
    }
}

void TestMetricLineParser::scalarsReuseStorage()
{
    const auto line = [](double first) {
        return scalarsLine(R"("values64":")" + base64(QVector<double>(100, first)) + R"(","steps":)"
                           + "[" + QByteArray("1,").repeated(99) + "1]");
    };
    MetricRecord record;
    QString error;
    QVERIFY(MetricLineParser::parse(line(1), &record, &error));
    const double *storage = record.numbers.constData();
    QVERIFY(MetricLineParser::parse(line(2), &record, &error));
    QCOMPARE(record.numbers.constData(), storage);
    QCOMPARE(record.numbers.at(99), 2.0);

    // A copy kept by the caller (as MetricTail does) is left alone.
    const MetricRecord kept = record;
    QVERIFY(MetricLineParser::parse(line(3), &record, &error));
    QCOMPARE(kept.numbers, QVector<double>(100, 2.0));
    QCOMPARE(record.numbers, QVector<double>(100, 3.0));

    // Every other kind clears the arrays, on both paths.
    QVERIFY(MetricLineParser::parse(R"({"name":"loss","value":2})", &record, &error));
    QVERIFY(record.numbers.isEmpty() && record.steps.isEmpty() && record.times.isEmpty());
    QVERIFY(MetricLineParser::parse(line(4), &record, &error));
    QVERIFY(MetricLineParser::parse(R"({"name":"l","kind":"list","value":[1]})", &record, &error));
    QVERIFY(record.numbers.isEmpty() && record.steps.isEmpty() && record.times.isEmpty());
    QVERIFY(MetricLineParser::parse(line(5), &record, &error));
    QVERIFY(MetricLineParser::parse(scalarsLine(R"("values":[7])"), &record, &error));
    QCOMPARE(record.numbers, QVector<double>{7});
    QVERIFY(record.steps.isEmpty());
}

void TestMetricLineParser::badNames_data()
{
    QTest::addColumn<QByteArray>("name"); // as it appears between the quotes
    QTest::newRow("invalid UTF-8 (issue 10)") << QByteArray("u\xff\xfe");
    QTest::newRow("raw NUL") << QByteArray("lo\0ss", 5);
    QTest::newRow("raw DEL") << QByteArray("lo\x7fss");
    QTest::newRow("raw C1 control") << QByteArray("lo\xc2\x85ss");
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf"
                                                  "b");
    QTest::newRow("encoded surrogate") << QByteArray("a\xed\xa0\x80"
                                                     "b");
    QTest::newRow("cut sequence") << QByteArray("a\xe6\x8d");
    QTest::newRow("escaped NUL") << QByteArray("lo\\u0000ss");
    QTest::newRow("escaped newline") << QByteArray("lo\\nss");
    QTest::newRow("escaped C1 control") << QByteArray("lo\\u0085ss");
    QTest::newRow("escaped lone surrogate") << QByteArray("lo\\ud800ss");
}

// Every path refuses the name, and for the root and a child run alike: the
// scalar fast path, the "scalars" fast path (plain and base64) and JSON.
void TestMetricLineParser::badNames()
{
    QFETCH(QByteArray, name);
    const QByteArray v64 = base64(QVector<double>{1.5});
    const QByteArray lines[] = {
        R"({"name":")" + name + R"(","value":1,"step":0})",
        R"({"name":")" + name + R"(","value":"text"})",
        R"({"name":")" + name + R"(","kind":"list","value":[1]})",
        R"({"kind":"scalars","name":")" + name + R"(","values":[1]})",
        R"({"kind":"scalars","name":")" + name + R"(","values64":")" + v64 + R"("})",
        R"({"name":"loss","run":")" + name + R"(","value":1})",
        R"({"kind":"scalars","name":"loss","run":")" + name + R"(","values":[1]})",
        R"({"kind":"child","run":")" + name + R"("})",
    };
    for (const QByteArray &line : lines) {
        MetricRecord record;
        QString error;
        QVERIFY2(!MetricLineParser::parse(line, &record, &error),
                 qPrintable(QString::fromUtf8(line.toPercentEncoding("{}:\",:[]"))));
        QVERIFY2(!error.isEmpty(), line.constData());
    }
}

void TestMetricLineParser::goodUnicodeNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("umlaut") << QByteArray("Verlust \xc3\xa4") << QStringLiteral("Verlust \u00e4");
    QTest::newRow("CJK") << QByteArray("\xe6\x8d\x9f\xe5\xa4\xb1")
                         << QStringLiteral("\u635f\u5931");
    QTest::newRow("emoji") << QByteArray("\xf0\x9f\x94\xa5") << QStringLiteral("\U0001F525");
    QTest::newRow("escaped pair") << QByteArray("\\ud83d\\udd25") << QStringLiteral("\U0001F525");
    QTest::newRow("replacement char") << QByteArray("\xef\xbf\xbd") << QStringLiteral("\ufffd");
}

void TestMetricLineParser::goodUnicodeNames()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, expected);
    const QByteArray lines[] = {
        R"({"name":")" + name + R"(","value":1})",
        R"({"kind":"scalars","name":")" + name + R"(","values":[1]})",
        R"({"name":")" + name + R"(","kind":"list","value":[1]})",
    };
    for (const QByteArray &line : lines) {
        MetricRecord record;
        QString error;
        QVERIFY2(MetricLineParser::parse(line, &record, &error), qPrintable(error));
        QCOMPARE(record.name, expected);
    }
}

void TestMetricLineParser::kindNames()
{
    for (int i = 0; i <= int(Kind::Scalars); ++i) {
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
