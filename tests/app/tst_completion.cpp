// Shell completion as a user meets it: the generated bash and zsh scripts,
// driven with the words of a partial command line, against a real workspace
// and the real `mlwb __complete`.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestCompletion : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void dynamicValues_data();
    void dynamicValues();
    void unknownKindIsUsageError();
    void bash_data();
    void bash();
    void zsh_data();
    void zsh();

private:
    QString mlwb(const QStringList &arguments, int *code = nullptr);
    QStringList shell(const QString &program, const QString &script);
    void addRows();

    QTemporaryDir m_dir;
    QString m_workspace;
};

QString TestCompletion::mlwb(const QStringList &arguments, int *code)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLWB_REGISTRY"), m_dir.filePath(QStringLiteral("workspaces.json")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MLWB_BINARY), arguments);
    process.waitForFinished(60000);
    if (code)
        *code = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestCompletion::addRows()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
    db.setDatabaseName(m_workspace + QStringLiteral("/workspace.db"));
    QVERIFY(db.open());
    const char *const statements[] = {
        "INSERT INTO experiments(name, created_at) VALUES ('tuning', 1), ('baseline', 2)",
        "INSERT INTO runs(uid, experiment_id, status, created_at, display_name) VALUES "
        "('abc123', 1, 'Completed', 1, 'mnist-small'), ('abd456', 1, 'Failed', 2, 'resnet'), "
        "('xyz789', 2, 'Running', 3, 'Mnist-large')",
        "INSERT INTO models(name, created_at) VALUES ('resnet', 1), ('mnist', 1)",
        "INSERT INTO model_versions(model_id, version, sha256, created_at) VALUES "
        "(1, 1, 'a', 1), (1, 2, 'b', 1), (2, 1, 'c', 1)",
        "INSERT INTO compute_targets(name, kind, created_at) VALUES ('gpu-vm', 'ssh', 1)",
    };
    for (const char *sql : statements) {
        QSqlQuery q(db);
        QVERIFY2(q.exec(QString::fromUtf8(sql)), qPrintable(q.lastError().text()));
    }
    db.close();
}

void TestCompletion::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("ws"));
    int code = -1;
    mlwb({QStringLiteral("workspace"), QStringLiteral("create"), m_workspace}, &code);
    QCOMPARE(code, 0);
    addRows();
    if (QTest::currentTestFailed())
        return;
    QFile bash(m_dir.filePath(QStringLiteral("mlwb.bash")));
    QVERIFY(bash.open(QIODevice::WriteOnly));
    bash.write(mlwb({QStringLiteral("__bash-completion")}).toUtf8());
    QFile zsh(m_dir.filePath(QStringLiteral("_mlwb")));
    QVERIFY(zsh.open(QIODevice::WriteOnly));
    zsh.write(mlwb({QStringLiteral("__zsh-completion")}).toUtf8());
}

void TestCompletion::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));
}

void TestCompletion::dynamicValues_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("expected");
    const auto lines = [](const char *text) {
        return QString::fromUtf8(text).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    };
    QTest::newRow("all runs, newest first")
        << "runs"
        << "" << lines("xyz789\tMnist-large|abd456\tresnet|abc123\tmnist-small");
    QTest::newRow("run id prefix") << "runs"
                                   << "ab" << lines("abd456\tresnet|abc123\tmnist-small");
    QTest::newRow("run display name, any case")
        << "runs"
        << "mnist" << lines("xyz789\tMnist-large|abc123\tmnist-small");
    QTest::newRow("LIKE wildcards are literal") << "runs"
                                                << "a_c" << QStringList();
    QTest::newRow("experiments") << "experiments"
                                 << "" << lines("baseline|tuning");
    QTest::newRow("targets") << "targets"
                             << "g" << lines("gpu-vm");
    QTest::newRow("model versions") << "models"
                                    << "res" << lines("resnet:1|resnet:2");
    QTest::newRow("one model version") << "models"
                                       << "resnet:2" << lines("resnet:2");
    QTest::newRow("datastores") << "datastores"
                                << "" << lines("default");
}

void TestCompletion::dynamicValues()
{
    QFETCH(QString, kind);
    QFETCH(QString, prefix);
    QFETCH(QStringList, expected);
    int code = -1;
    const QString out = mlwb(
        {QStringLiteral("__complete"), kind, prefix, QStringLiteral("--workspace"), m_workspace},
        &code);
    QCOMPARE(code, 0);
    QCOMPARE(out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
}

void TestCompletion::unknownKindIsUsageError()
{
    int code = -1;
    mlwb({QStringLiteral("__complete"), QStringLiteral("nonsense")}, &code);
    QCOMPARE(code, 2);
    // A folder that is no workspace offers nothing, quietly.
    const QString out = mlwb({QStringLiteral("__complete"), QStringLiteral("runs"), QString(),
                              QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("no"))},
                             &code);
    QCOMPARE(code, 0);
    QVERIFY(out.isEmpty());
}

// Runs `script` in the shell and returns the lines it printed.
QStringList TestCompletion::shell(const QString &program, const QString &script)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(program, {QStringLiteral("-c"), script});
    if (!process.waitForFinished(30000))
        qWarning() << program << "did not finish";
    const QString err = QString::fromUtf8(process.readAllStandardError());
    if (!err.isEmpty())
        qWarning().noquote() << program << "said:" << err;
    return QString::fromUtf8(process.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Rows: the command line as bash splits it (at : and = too), the cursor in
// its last word, and the candidates expected.
void TestCompletion::bash_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    const auto split = [](const char *text) {
        QStringList list = QString::fromUtf8(text).split(QLatin1Char(' '));
        for (QString &word : list)
            if (word == QLatin1String("''"))
                word.clear();
        return list;
    };
    QTest::newRow("nouns") << split("r") << split("run");
    QTest::newRow("help and nouns")
        << split("''").mid(0, 1)
        << split("help chart compute datastore deployment endpoint environment "
                 "experiment image model pipeline run service workspace");
    QTest::newRow("verbs, hidden left out") << split("run s") << split("show submit");
    QTest::newRow("options") << split("run submit --ex") << split("--experiment");
    QTest::newRow("global options first") << split("--f") << split("--format");
    QTest::newRow("run ids") << split("run show ab") << split("abd456 abc123");
    QTest::newRow("run by display name") << split("run logs Mnist-l") << split("xyz789");
    QTest::newRow("run after an option with a value")
        << split("run metrics --name loss a") << split("abd456 abc123");
    QTest::newRow("experiment option") << split("run submit --experiment t") << split("tuning");
    QTest::newRow("experiment option before the verb")
        << split("run --experiment b") << split("baseline");
    QTest::newRow("experiment option with =")
        << split("run list --experiment = t") << split("tuning");
    QTest::newRow("compute target") << split("compute show g") << split("gpu-vm");
    QTest::newRow("target option") << split("run submit --target ''") << split("gpu-vm local");
    QTest::newRow("fixed choices") << split("--format ''") << split("table json");
    QTest::newRow("experiment to delete")
        << split("experiment delete ''") << split("baseline tuning");
    QTest::newRow("help verbs") << split("help run ca") << split("cancel");
    QTest::newRow("nothing for free text") << split("experiment create ''") << QStringList();
}

void TestCompletion::bash()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QString array =
        QStringLiteral("'%1' --workspace '%2'").arg(QStringLiteral(MLWB_BINARY), m_workspace);
    for (const QString &word : words)
        array += QStringLiteral(" '") + word + QLatin1Char('\'');
    const QString script = QStringLiteral("source ./mlwb.bash; COMP_WORDS=(%1); "
                                          "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _mlwb; "
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"")
                               .arg(array);
    QStringList got = shell(QStringLiteral("bash"), script);
    QCOMPARE(got, expected);
}

void TestCompletion::zsh_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("verbs") << "run s"
                           << QStringList{QStringLiteral("show"), QStringLiteral("submit")};
    QTest::newRow("run ids with names")
        << "run show mnist"
        << QStringList{QStringLiteral("xyz789"), QStringLiteral("abc123"),
                       QStringLiteral("shown: xyz789  -- Mnist-large abc123  -- mnist-small")};
    QTest::newRow("option value in one word")
        << "run list --experiment=t"
        << QStringList{QStringLiteral("tuning"), QStringLiteral("shown: tuning")};
}

// zsh's completion system needs a terminal; compadd is stubbed to print
// what would be offered, `words` and `CURRENT` are what zsh would set.
void TestCompletion::zsh()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    const QString script =
        QStringLiteral(
            "compdef() { :; }; _files() { :; }\n"
            "compadd() { local d; while [[ $1 != -- ]]; do "
            "[[ $1 == -d ]] && { d=$2; shift; }; shift; done; shift; print -l -- \"$@\"; "
            "[[ -n $d ]] && print -- \"shown: ${(P)d}\"; return 0 }\n"
            "source ./_mlwb\n"
            "words=('%1' --workspace '%2' %3); CURRENT=${#words}; _mlwb\n")
            .arg(QStringLiteral(MLWB_BINARY), m_workspace, line);
    QCOMPARE(shell(QStringLiteral("zsh"), QStringLiteral("emulate zsh; ") + script), expected);
}

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
