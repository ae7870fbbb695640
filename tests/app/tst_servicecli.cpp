// `mlwb service ...` end to end: the real binary registers a real
// scikit-learn model, deploys it as a supervised process, calls it with
// good and bad requests and keys, reads its logs, stops, starts, deletes.
#include "mlwbprocess.h"
#include "sklearnservice.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestServiceCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void deployPrintsScoringUri();
    void callAnswersLikeTheModel();
    void callReportsBadRequests();
    void metricsCountRequests();
    void keysAndRegeneration();
    void listShowAndLogs();
    void initFailureIsReported();
    void stopStartDelete();
    void oldNounStillLists();

private:
    testing::MlwbResult run(const QStringList &arguments);
    QJsonValue json(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QJsonArray m_expected;
};

testing::MlwbResult TestServiceCli::run(const QStringList &arguments)
{
    return testing::runMlwb(arguments, m_env, m_dir.path());
}

QJsonValue TestServiceCli::json(const QStringList &arguments)
{
    const testing::MlwbResult r =
        run(arguments + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    if (r.code != 0)
        qWarning() << arguments << r.code << r.err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void TestServiceCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = testing::cliEnvironment(m_dir.path(), path(QStringLiteral("ws")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    QString error;
    QVERIFY2(Workspace::create(path(QStringLiteral("ws")), &error), qPrintable(error));
    m_expected = testing::trainIrisModel(m_dir.path(), &error);
    QVERIFY2(!m_expected.isEmpty(), qPrintable(error));
    QVERIFY(testing::writeFile(path(QStringLiteral("score.py")), testing::irisScoringScript()));
    QVERIFY(testing::writeFile(path(QStringLiteral("crash.py")), testing::crashingInitScript()));
    const auto r = run({QStringLiteral("model"), QStringLiteral("register"), QStringLiteral("iris"),
                        QStringLiteral("--path"), QStringLiteral("model.pkl")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("iris:1"));
}

void TestServiceCli::cleanupTestCase()
{
    const QJsonArray all = json({QStringLiteral("service"), QStringLiteral("list")}).toArray();
    for (const QJsonValue &d : all) {
        const auto r = run({QStringLiteral("service"), QStringLiteral("delete"),
                            d.toObject().value(QStringLiteral("name")).toString()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
}

void TestServiceCli::deployPrintsScoringUri()
{
    const auto r = run({QStringLiteral("service"), QStringLiteral("deploy"), QStringLiteral("web"),
                        QStringLiteral("--model"), QStringLiteral("iris:1"),
                        QStringLiteral("--scoring-script"), QStringLiteral("score.py"),
                        QStringLiteral("--auth"), QStringLiteral("key"),
                        QStringLiteral("--max-request-bytes"), QStringLiteral("4096")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // The user is told which mode was chosen and why.
    QVERIFY2(r.err.contains(QStringLiteral("served as a local process")), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("web is Healthy: http://127.0.0.1:")),
             qPrintable(r.out));
    QVERIFY(r.out.trimmed().endsWith(QStringLiteral("/score")));
}

void TestServiceCli::callAnswersLikeTheModel()
{
    const QJsonObject answer =
        json({QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
              QStringLiteral("--data"), QStringLiteral("@request.json")})
            .toObject();
    QCOMPARE(answer.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(answer.value(QStringLiteral("response")).toArray(), m_expected);
    QVERIFY(answer.value(QStringLiteral("latency_ms")).toDouble() > 0);
    // In a table: the body, then the status and latency.
    const auto r =
        run({QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
             QStringLiteral("--data"), QStringLiteral("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("[0]\nstatus 200, ")), qPrintable(r.out));
}

void TestServiceCli::callReportsBadRequests()
{
    const QStringList call{QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
                           QStringLiteral("--data")};
    auto r = run(
        call
        + QStringList{QStringLiteral("{oops"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QJsonObject answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(answer.value(QStringLiteral("status")).toInt(), 400);
    r = run(call
            + QStringList{QStringLiteral("{\"rows\": 1}"), QStringLiteral("--format"),
                          QStringLiteral("json")});
    answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(answer.value(QStringLiteral("status")).toInt(), 500);
    const QString message = answer.value(QStringLiteral("response"))
                                .toObject()
                                .value(QStringLiteral("error"))
                                .toString();
    QVERIFY2(message.contains(QStringLiteral("no \"data\" field")), qPrintable(message));
    QVERIFY(!r.out.contains(QStringLiteral("Traceback")));
    QVERIFY(testing::writeFile(path(QStringLiteral("big.json")),
                               "{\"pad\": \"" + QByteArray(5000, 'x') + "\"}"));
    r = run(call
            + QStringList{QStringLiteral("@big.json"), QStringLiteral("--format"),
                          QStringLiteral("json")});
    QCOMPARE(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("status")).toInt(),
        413);
    r = run(call
            + QStringList{QStringLiteral("@request.json"), QStringLiteral("--key"),
                          QStringLiteral("none"), QStringLiteral("--format"),
                          QStringLiteral("json")});
    QCOMPARE(
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("status")).toInt(),
        401);
    r = run(call + QStringList{QStringLiteral("@missing.json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Cannot read missing.json")), qPrintable(r.err));
}

// The page's telemetry on the command line: totals and rates from /metrics.
void TestServiceCli::metricsCountRequests()
{
    const QStringList metrics{QStringLiteral("service"), QStringLiteral("metrics"),
                              QStringLiteral("web"), QStringLiteral("--interval"),
                              QStringLiteral("0.2")};
    const QJsonArray samples = json(metrics).toArray();
    QCOMPARE(samples.size(), 1);
    const QJsonObject sample = samples.first().toObject();
    QVERIFY2(sample.value(QStringLiteral("requests")).toDouble() > 0,
             QJsonDocument(sample).toJson().constData());
    QVERIFY(sample.value(QStringLiteral("errors")).toDouble() > 0); // the bad requests above
    QVERIFY(sample.value(QStringLiteral("p99_ms")).toDouble() > 0);
    QVERIFY(sample.contains(QStringLiteral("requests_per_second")));
    // CSV: the columns of the page's export, a row a sample.
    auto r = run(metrics
                 + QStringList{QStringLiteral("--samples"), QStringLiteral("2"),
                               QStringLiteral("--as"), QStringLiteral("csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.first(),
             QStringLiteral("seconds,requests_per_second,errors_per_second,p50_ms,p95_ms,p99_ms"));
    // A table, and the reasons for what cannot be done.
    r = run(metrics);
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("requests/s"), Qt::CaseInsensitive),
             qPrintable(r.out));
    r = run(metrics + QStringList{QStringLiteral("--samples"), QStringLiteral("0")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--samples")), qPrintable(r.err));
    r = run({QStringLiteral("service"), QStringLiteral("metrics"), QStringLiteral("nowhere")});
    QCOMPARE(r.code, 1);
}

void TestServiceCli::keysAndRegeneration()
{
    const QStringList keys{QStringLiteral("service"), QStringLiteral("keys"),
                           QStringLiteral("web")};
    const QJsonObject before = json(keys).toObject();
    const QString primary = before.value(QStringLiteral("primary")).toString();
    const QString secondary = before.value(QStringLiteral("secondary")).toString();
    QVERIFY(!primary.isEmpty() && !secondary.isEmpty() && primary != secondary);
    // Never in the workspace.
    const auto grep = run({QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("web"),
                           QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(!grep.out.contains(primary));
    const QJsonObject after =
        json(keys + QStringList{QStringLiteral("--regenerate"), QStringLiteral("secondary")})
            .toObject();
    QCOMPARE(after.value(QStringLiteral("primary")).toString(), primary);
    QVERIFY(after.value(QStringLiteral("secondary")).toString() != secondary);
    const QJsonObject called =
        json({QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
              QStringLiteral("--data"), QStringLiteral("@request.json"), QStringLiteral("--key"),
              QStringLiteral("secondary")})
            .toObject();
    QCOMPARE(called.value(QStringLiteral("status")).toInt(), 200);
    const auto bad =
        run(keys + QStringList{QStringLiteral("--regenerate"), QStringLiteral("third")});
    QCOMPARE(bad.code, 1);
    QCOMPARE(bad.err.trimmed(),
             QStringLiteral("mlwb: 'third' is not a key: say primary or secondary."));
}

void TestServiceCli::listShowAndLogs()
{
    const QJsonArray list = json({QStringLiteral("service"), QStringLiteral("list")}).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject web = list.first().toObject();
    QCOMPARE(web.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
    QCOMPARE(web.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(web.value(QStringLiteral("models")).toArray(), QJsonArray{QStringLiteral("iris:1")});
    QCOMPARE(web.value(QStringLiteral("auth")).toString(), QStringLiteral("key"));
    QCOMPARE(web.value(QStringLiteral("mode")).toString(), QStringLiteral("process"));
    QCOMPARE(web.value(QStringLiteral("target")).toString(), QStringLiteral("local"));
    QCOMPARE(web.value(QStringLiteral("restart_count")).toInt(), 0);
    const QJsonObject show =
        json({QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("web")}).toObject();
    QCOMPARE(show.value(QStringLiteral("scoring_uri")), web.value(QStringLiteral("scoring_uri")));
    const auto table =
        run({QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("web")});
    QVERIFY2(table.out.contains(QStringLiteral("scoring uri:")), qPrintable(table.out));
    const auto logs =
        run({QStringLiteral("service"), QStringLiteral("logs"), QStringLiteral("web")});
    QCOMPARE(logs.code, 0);
    QVERIFY2(logs.out.contains(QStringLiteral("mlwb scoring server listening on 127.0.0.1:")),
             qPrintable(logs.out));
    QVERIFY(logs.out.contains(QStringLiteral("model loaded")));
    // run() raising printed its traceback to the log, not to the client.
    QVERIFY(logs.out.contains(QStringLiteral("ValueError: the request has no \"data\" field")));
}

void TestServiceCli::initFailureIsReported()
{
    const auto r =
        run({QStringLiteral("service"), QStringLiteral("deploy"), QStringLiteral("broken"),
             QStringLiteral("--model"), QStringLiteral("iris:1"),
             QStringLiteral("--scoring-script"), QStringLiteral("crash.py")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("broken is Failed: The scoring script's init() failed")),
             qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("RuntimeError: cannot load the model")));
    // --follow ends on its own: a failed deployment writes nothing more.
    const auto logs = run({QStringLiteral("service"), QStringLiteral("logs"),
                           QStringLiteral("broken"), QStringLiteral("--follow")});
    QCOMPARE(logs.code, 0);
    QVERIFY(logs.out.contains(QStringLiteral("Traceback (most recent call last)")));
    QVERIFY(logs.out.contains(QStringLiteral("init() failed; the deployment is Failed")));
    const auto del =
        run({QStringLiteral("service"), QStringLiteral("delete"), QStringLiteral("broken")});
    QVERIFY2(del.code == 0, qPrintable(del.err));
}

void TestServiceCli::stopStartDelete()
{
    const QStringList service{QStringLiteral("service")};
    auto r = run(service + QStringList{QStringLiteral("stop"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("Stopped web."));
    QCOMPARE(json({QStringLiteral("service"), QStringLiteral("show"), QStringLiteral("web")})
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("Stopped"));
    r = run(service
            + QStringList{QStringLiteral("call"), QStringLiteral("web"), QStringLiteral("--data"),
                          QStringLiteral("{}")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("did not answer")), qPrintable(r.err));
    r = run(service + QStringList{QStringLiteral("start"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.startsWith(QStringLiteral("web is Healthy: ")));
    QCOMPARE(json({QStringLiteral("service"), QStringLiteral("call"), QStringLiteral("web"),
                   QStringLiteral("--data"), QStringLiteral("@request.json")})
                 .toObject()
                 .value(QStringLiteral("response"))
                 .toArray(),
             m_expected);
    r = run(service + QStringList{QStringLiteral("delete"), QStringLiteral("web")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(json({QStringLiteral("service"), QStringLiteral("list")}).toArray().size(), 0);
    r = run(service + QStringList{QStringLiteral("show"), QStringLiteral("web")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.trimmed(), QStringLiteral("mlwb: There is no deployment named 'web'."));
}

void TestServiceCli::oldNounStillLists()
{
    const auto r = run({QStringLiteral("deployment"), QStringLiteral("list"),
                        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
}

QTEST_GUILESS_MAIN(TestServiceCli)
#include "tst_servicecli.moc"
