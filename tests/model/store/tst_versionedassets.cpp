// The rules models and environments share (store/versionedassets.h):
// numbers from a counter, NAME:VERSION / NAME@ALIAS lookup, aliases with
// their history, tags, and the schema migration that brought the counter.
#include "store/environments.h"
#include "store/models.h"
#include "store/schema.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

namespace {

QString digest(int n)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestVersionedAssets : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void numberNotReusedAfterDeletingNewest();
    void environmentNumberNotReusedAfterDeletingNewest();
    void parseReference_data();
    void parseReference();
    void findByAliasAndLatest();
    void aliasMovesAndIsRecorded();
    void aliasRejects_data();
    void aliasRejects();
    void aliasGoesWithItsVersion();
    void tagsChange();
    void environmentRemoveRefusedWhileImageUsesIt();
    void migrationSeedsCounterFromExistingVersions();

private:
    int registered(const QString &name, int content = 1);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestVersionedAssets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestVersionedAssets::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

int TestVersionedAssets::registered(const QString &name, int content)
{
    ModelVersion v;
    v.modelName = name;
    v.sha256 = digest(content);
    QString error;
    if (!Models(*m_ws).registerVersion(&v, &error))
        qWarning("registerVersion: %s", qPrintable(error));
    return v.version;
}

void TestVersionedAssets::numberNotReusedAfterDeletingNewest()
{
    Models models(*m_ws);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(registered(QStringLiteral("m"), i), i);
    QString error;
    QVERIFY2(models.remove(QStringLiteral("m"), 3, &error), qPrintable(error));
    QCOMPARE(models.find(QStringLiteral("m"))->latestVersion, 2); // latest is what exists
    QCOMPARE(models.findVersion(QStringLiteral("m"), 0)->version, 2);
    // max+1 would hand out 3 again: the counter does not.
    QCOMPARE(registered(QStringLiteral("m"), 4), 4);
    QVERIFY(models.remove(QStringLiteral("m"), 4, &error));
    QVERIFY(models.remove(QStringLiteral("m"), 2, &error));
    QCOMPARE(registered(QStringLiteral("M"), 5), 5);
    QVERIFY(!models.findVersion(QStringLiteral("m"), 3, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no version 3."));
}

void TestVersionedAssets::environmentNumberNotReusedAfterDeletingNewest()
{
    Environments environments(*m_ws);
    QString error;
    for (int i = 1; i <= 2; ++i) {
        EnvironmentVersion v;
        QVERIFY2(environments.createVersion(QStringLiteral("env"), &v, &error), qPrintable(error));
        QCOMPARE(v.version, i);
        QVERIFY(!v.createdBy.isEmpty());
    }
    QVERIFY2(environments.remove(QStringLiteral("env"), 2, &error), qPrintable(error));
    EnvironmentVersion v;
    QVERIFY(environments.createVersion(QStringLiteral("env"), &v, &error));
    QCOMPARE(v.version, 3);
    QVERIFY(!environments.remove(QStringLiteral("env"), 2, &error));
    QCOMPARE(error, QStringLiteral("Environment 'env' has no version 2."));
}

void TestVersionedAssets::parseReference_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("message"); // empty: parses
    QTest::newRow("latest") << QStringLiteral("m") << QStringLiteral("m") << 0 << QString()
                            << QString();
    QTest::newRow("number") << QStringLiteral("m:12") << QStringLiteral("m") << 12 << QString()
                            << QString();
    QTest::newRow("alias") << QStringLiteral("m@prod") << QStringLiteral("m") << 0
                           << QStringLiteral("prod") << QString();
    QTest::newRow("zero") << QStringLiteral("m:0") << QString() << 0 << QString()
                          << QStringLiteral("'0' is not a version number.");
    QTest::newRow("word") << QStringLiteral("m:x") << QString() << 0 << QString()
                          << QStringLiteral("'x' is not a version number.");
    QTest::newRow("no name") << QStringLiteral(":3") << QString() << 0 << QString()
                             << QStringLiteral("':3' names no asset: use NAME, NAME:VERSION or "
                                               "NAME@ALIAS.");
    QTest::newRow("numeric alias")
        << QStringLiteral("m@3") << QString() << 0 << QString()
        << QStringLiteral("'3' is not a valid alias: use 1 to 64 letters, digits, '-', '_' or "
                          "'.', starting with a letter; 'latest' is taken.");
}

void TestVersionedAssets::parseReference()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(int, version);
    QFETCH(QString, alias);
    QFETCH(QString, message);
    AssetRef ref;
    QString error;
    QCOMPARE(AssetRef::parse(text, &ref, &error), message.isEmpty());
    QCOMPARE(error, message);
    if (message.isEmpty()) {
        QCOMPARE(ref.name, name);
        QCOMPARE(ref.version, version);
        QCOMPARE(ref.alias, alias);
    }
}

void TestVersionedAssets::findByAliasAndLatest()
{
    for (int i = 1; i <= 3; ++i)
        registered(QStringLiteral("m"), i);
    Models models(*m_ws);
    QString error;
    QVERIFY2(models.assets().setAlias(QStringLiteral("m"), 2, QStringLiteral("production"), &error),
             qPrintable(error));
    AssetRef ref;
    QVERIFY(AssetRef::parse(QStringLiteral("M@Production"), &ref, &error));
    const auto byAlias = models.find(ref, &error);
    QVERIFY2(byAlias, qPrintable(error));
    QCOMPARE(byAlias->version, 2);
    QCOMPARE(byAlias->sha256, digest(2));
    QCOMPARE(byAlias->aliases, QStringList{QStringLiteral("production")});
    QVERIFY(AssetRef::parse(QStringLiteral("m"), &ref, &error));
    QCOMPARE(models.find(ref)->version, 3);
    QVERIFY(AssetRef::parse(QStringLiteral("m:1"), &ref, &error));
    QCOMPARE(models.find(ref)->version, 1);
    QVERIFY(AssetRef::parse(QStringLiteral("m@staging"), &ref, &error));
    QVERIFY(!models.find(ref, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no alias 'staging'."));
    QVERIFY(AssetRef::parse(QStringLiteral("nope@production"), &ref, &error));
    QVERIFY(!models.find(ref, &error));
    QCOMPARE(error, QStringLiteral("There is no model named 'nope'."));
}

void TestVersionedAssets::aliasMovesAndIsRecorded()
{
    for (int i = 1; i <= 3; ++i)
        registered(QStringLiteral("m"), i);
    Models models(*m_ws);
    VersionedAssets &assets = models.assets();
    QString error;
    QVERIFY(assets.setAlias(QStringLiteral("m"), 1, QStringLiteral("production"), &error));
    QVERIFY(assets.setAlias(QStringLiteral("m"), 1, QStringLiteral("production"), &error));
    QVERIFY(assets.setAlias(QStringLiteral("m"), 3, QStringLiteral("production"), &error));
    // One version at a time: version 1 lost it.
    QVERIFY(models.findVersion(QStringLiteral("m"), 1)->aliases.isEmpty());
    QCOMPARE(models.findVersion(QStringLiteral("m"), 3)->aliases,
             QStringList{QStringLiteral("production")});
    QVERIFY(assets.setAlias(QStringLiteral("m"), 3, QStringLiteral("staging"), &error));
    QCOMPARE(models.findVersion(QStringLiteral("m"), 3)->aliases,
             (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
    QVERIFY2(assets.removeAlias(QStringLiteral("m"), QStringLiteral("staging"), &error),
             qPrintable(error));
    QVERIFY(!assets.removeAlias(QStringLiteral("m"), QStringLiteral("staging"), &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no alias 'staging'."));

    const QList<AliasChange> history = assets.aliasHistory(QStringLiteral("M"), &error);
    QCOMPARE(history.size(), 4); // setting it where it already is records nothing
    QCOMPARE(history[0].alias, QStringLiteral("production"));
    QCOMPARE(history[0].fromVersion, 0);
    QCOMPARE(history[0].toVersion, 1);
    QCOMPARE(history[1].fromVersion, 1);
    QCOMPARE(history[1].toVersion, 3);
    QCOMPARE(history[2].alias, QStringLiteral("staging"));
    QCOMPARE(history[3].fromVersion, 3);
    QCOMPARE(history[3].toVersion, 0);
    QVERIFY(history[3].changedAt.isValid());
    QCOMPARE(history[3].changedBy, VersionedAssets::currentUser());
}

void TestVersionedAssets::aliasRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing version") << QStringLiteral("m") << 9 << QStringLiteral("prod")
                                     << QStringLiteral("Model 'm' has no version 9.");
    QTest::newRow("missing model") << QStringLiteral("x") << 1 << QStringLiteral("prod")
                                   << QStringLiteral("There is no model named 'x'.");
    QTest::newRow("latest") << QStringLiteral("m") << 1 << QStringLiteral("Latest")
                            << QStringLiteral("'Latest' is not a valid alias: use 1 to 64 "
                                              "letters, digits, '-', '_' or '.', starting with a "
                                              "letter; 'latest' is taken.");
    QTest::newRow("space") << QStringLiteral("m") << 1 << QStringLiteral("my prod")
                           << QStringLiteral("'my prod' is not a valid alias: use 1 to 64 "
                                             "letters, digits, '-', '_' or '.', starting with a "
                                             "letter; 'latest' is taken.");
}

void TestVersionedAssets::aliasRejects()
{
    QFETCH(QString, name);
    QFETCH(int, version);
    QFETCH(QString, alias);
    QFETCH(QString, message);
    registered(QStringLiteral("m"));
    Models models(*m_ws);
    QString error;
    QVERIFY(!models.assets().setAlias(name, version, alias, &error));
    QCOMPARE(error, message);
    QVERIFY(models.assets().aliasHistory(name).isEmpty());
}

void TestVersionedAssets::aliasGoesWithItsVersion()
{
    registered(QStringLiteral("m"), 1);
    registered(QStringLiteral("m"), 2);
    Models models(*m_ws);
    QString error;
    QVERIFY(models.assets().setAlias(QStringLiteral("m"), 2, QStringLiteral("prod"), &error));
    QVERIFY2(models.remove(QStringLiteral("m"), 2, &error), qPrintable(error));
    AssetRef ref;
    QVERIFY(AssetRef::parse(QStringLiteral("m@prod"), &ref, &error));
    QVERIFY(!models.find(ref, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no alias 'prod'."));
    const QList<AliasChange> history = models.assets().aliasHistory(QStringLiteral("m"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[1].fromVersion, 2);
    QCOMPARE(history[1].toVersion, 0);
}

void TestVersionedAssets::tagsChange()
{
    ModelVersion v;
    v.modelName = QStringLiteral("m");
    v.sha256 = digest(1);
    v.tags = {{QStringLiteral("stage"), QStringLiteral("dev")},
              {QStringLiteral("owner"), QStringLiteral("ana")}};
    v.properties = {{QStringLiteral("accuracy"), QStringLiteral("0.93")}};
    Models models(*m_ws);
    QString error;
    QVERIFY2(models.registerVersion(&v, &error), qPrintable(error));
    QVERIFY2(models.assets().updateTags(QStringLiteral("m"), 1,
                                        {{QStringLiteral("stage"), QStringLiteral("prod")}},
                                        {QStringLiteral("owner")}, &error),
             qPrintable(error));
    const auto found = models.findVersion(QStringLiteral("m"), 1);
    QCOMPARE(found->tags,
             (QMap<QString, QString>{{QStringLiteral("stage"), QStringLiteral("prod")}}));
    QCOMPARE(found->properties, v.properties);
    QVERIFY(!models.assets().updateTags(QStringLiteral("m"), 2, {}, {}, &error));
    QCOMPARE(error, QStringLiteral("Model 'm' has no version 2."));
}

void TestVersionedAssets::environmentRemoveRefusedWhileImageUsesIt()
{
    Environments environments(*m_ws);
    EnvironmentVersion v;
    QString error;
    QVERIFY(environments.createVersion(QStringLiteral("env"), &v, &error));
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO images(name, tag, status, environment_version_id, "
                                  "created_at) VALUES ('scorer', '1', 'Succeeded', %1, 0)")
                       .arg(v.id)));
    QVERIFY(!environments.remove(QStringLiteral("env"), 1, &error));
    QCOMPARE(error, QStringLiteral("Version 1 of environment 'env' is used by image 'scorer:1'; "
                                   "delete the image first."));
    QVERIFY(!environments.remove(QStringLiteral("env"), 0, &error));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM images")));
    QVERIFY2(environments.remove(QStringLiteral("env"), 0, &error), qPrintable(error));
    QVERIFY(environments.list().isEmpty());
}

void TestVersionedAssets::migrationSeedsCounterFromExistingVersions()
{
    // A schema-3 workspace numbered by max+1; the counter starts where it left off.
    const QString dir = m_dir->filePath(QStringLiteral("old"));
    QDir().mkpath(dir);
    QString error;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QVERIFY2(schema::migrate(db, &error, 3), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO models(id, name, created_at) VALUES (1, 'm', 0)")));
        for (int i : {1, 2, 5})
            QVERIFY(q.exec(QStringLiteral("INSERT INTO model_versions(model_id, version, sha256, "
                                          "created_at) VALUES (1, %1, '%2', 0)")
                               .arg(i)
                               .arg(digest(i))));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO environments(id, name, created_at) "
                                      "VALUES (1, 'env', 0)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO environment_versions(environment_id, version, "
                                      "created_at) VALUES (1, 4, 0)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    auto ws = Workspace::open(dir, &error);
    QVERIFY2(ws, qPrintable(error));
    QCOMPARE(ws->schemaVersion(), schema::latestVersion());
    Models models(*ws);
    QVERIFY(models.remove(QStringLiteral("m"), 5, &error));
    ModelVersion v;
    v.modelName = QStringLiteral("m");
    v.sha256 = digest(6);
    QVERIFY2(models.registerVersion(&v, &error), qPrintable(error));
    QCOMPARE(v.version, 6);
    QCOMPARE(models.findVersion(QStringLiteral("m"), 1)->createdBy, QString()); // old rows
    EnvironmentVersion e;
    QVERIFY(Environments(*ws).createVersion(QStringLiteral("env"), &e, &error));
    QCOMPARE(e.version, 5);
}

QTEST_GUILESS_MAIN(TestVersionedAssets)
#include "tst_versionedassets.moc"
