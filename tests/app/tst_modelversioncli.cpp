// `mlwb model update` and `mlwb model compare`, the CLI twins of the
// version page's edits and of comparing versions, run as a user would.
#include "mlwbprocess.h"
#include "registry/modelregistry.h"
#include "runs/runfolder.h"
#include "store/experiments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;
using namespace mlwb::testing;

class TestModelVersionCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void updateDescriptionAndProperties();
    void compareShowsParametersAndMetrics();
    void compareRefusesOneVersion();

private:
    Run makeRun(const QString &lr, double accuracy);
    MlwbResult mlwb(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    Id m_experimentId = 0;
};

void TestModelVersionCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("credit"), &error);
    QVERIFY2(e, qPrintable(error));
    m_experimentId = e->id;
}

void TestModelVersionCli::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

MlwbResult TestModelVersionCli::mlwb(const QStringList &arguments)
{
    return runMlwb(arguments, cliEnvironment(m_dir->path(), m_ws->path()), m_dir->path());
}

Run TestModelVersionCli::makeRun(const QString &lr, double accuracy)
{
    Run run;
    run.experimentId = m_experimentId;
    run.script = QStringLiteral("train.py");
    run.arguments = QStringList{QStringLiteral("--lr"), lr};
    QString error;
    if (!Runs(*m_ws).create(&run, &error)
        || !Runs(*m_ws).setStatus(run.id, RunStatus::Running, &error)
        || !Runs(*m_ws).finish(run.id, RunStatus::Completed, 0, QString(), &error))
        qWarning("%s", qPrintable(error));
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT INTO metric_series(run_id, name, kind, count, last_value, "
                             "min_value, max_value, last_step, last_time) "
                             "VALUES (?, 'accuracy', 'scalar', 10, ?, 0.1, 0.99, 9, 0)"));
    q.addBindValue(run.id);
    q.addBindValue(accuracy);
    q.exec();
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    QDir().mkpath(folder.outputs());
    QFile f(QDir(folder.outputs()).filePath(QStringLiteral("model.pkl")));
    f.open(QIODevice::WriteOnly);
    f.write(lr.toUtf8());
    f.close();
    RegisterRequest r;
    r.name = QStringLiteral("credit-risk");
    r.run = run.uid;
    r.path = QStringLiteral("outputs/model.pkl");
    ModelVersion v;
    if (!ModelRegistry(*m_ws).registerModel(r, &v, &error))
        qWarning("%s", qPrintable(error));
    return run;
}

void TestModelVersionCli::updateDescriptionAndProperties()
{
    makeRun(QStringLiteral("0.1"), 0.8);
    MlwbResult r = mlwb(
        {QStringLiteral("model"), QStringLiteral("update"), QStringLiteral("credit-risk:1"),
         QStringLiteral("--description"), QStringLiteral("Balanced"), QStringLiteral("--property"),
         QStringLiteral("auc=0.91"), QStringLiteral("--property"), QStringLiteral("owner=risk"),
         QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("description")).toString(), QStringLiteral("Balanced"));
    QCOMPARE(shown.value(QStringLiteral("properties")).toObject().size(), 2);
    r = mlwb({QStringLiteral("model"), QStringLiteral("update"), QStringLiteral("credit-risk"),
              QStringLiteral("--remove-property"), QStringLiteral("owner")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString error;
    const auto v = Models(*m_ws).findVersion(QStringLiteral("credit-risk"), 1, &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->description, QStringLiteral("Balanced"));
    QCOMPARE(v->properties,
             (QMap<QString, QString>{{QStringLiteral("auc"), QStringLiteral("0.91")}}));
    r = mlwb({QStringLiteral("model"), QStringLiteral("update"), QStringLiteral("credit-risk:1"),
              QStringLiteral("--property"), QStringLiteral("auc")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("'auc' is not KEY=VALUE.")), qPrintable(r.err));
}

void TestModelVersionCli::compareShowsParametersAndMetrics()
{
    const Run a = makeRun(QStringLiteral("0.1"), 0.8);
    const Run b = makeRun(QStringLiteral("0.01"), 0.87);
    const MlwbResult r =
        mlwb({QStringLiteral("model"), QStringLiteral("compare"), QStringLiteral("credit-risk:1"),
              QStringLiteral("credit-risk:2"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0)[QStringLiteral("run")].toString(), a.uid);
    QCOMPARE(rows.at(1)[QStringLiteral("run")].toString(), b.uid);
    QCOMPARE(rows.at(1)[QStringLiteral("params.lr")].toString(), QStringLiteral("0.01"));
    QCOMPARE(rows.at(1)[QStringLiteral("metrics.accuracy")].toDouble(), 0.87);
    QVERIFY(!rows.at(1).toObject().contains(QStringLiteral("metrics.accuracy.max")));
}

void TestModelVersionCli::compareRefusesOneVersion()
{
    makeRun(QStringLiteral("0.1"), 0.8);
    const MlwbResult r =
        mlwb({QStringLiteral("model"), QStringLiteral("compare"), QStringLiteral("credit-risk:1")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("two or more versions")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestModelVersionCli)
#include "tst_modelversioncli.moc"
