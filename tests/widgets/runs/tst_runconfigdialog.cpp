// The Run Configuration dialog, offscreen, on a real temporary workspace:
// fields shown and read back, validation, targets and the variable table.
#include "runs/runconfigdialog.h"
#include "store/computetargets.h"
#include "store/experiments.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace mlwb;

class TestRunConfigDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fieldsAreFilled();
    void editsComeBack();
    void emptyCommandDisablesOk();
    void invalidRowsDisableOk_data();
    void invalidRowsDisableOk();
    void targetsAndExperimentsFromWorkspace();
    void unknownTargetIsKeptAndReported();
    void variableTableAddRemove();
    void worksWithoutWorkspace();

private:
    RunConfig sampleConfig() const;
    template <typename T> static T *child(const QDialog &dialog, const char *name);
    static QPushButton *okButton(const QDialog &dialog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void TestRunConfigDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_workspace = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_workspace, qPrintable(error));
    ComputeTarget vm;
    vm.name = QStringLiteral("gpu-vm");
    vm.kind = ComputeTarget::Kind::Ssh;
    vm.config.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    vm.config.insert(QStringLiteral("port"), 1); // closed: the reachability check stays local
    vm.config.insert(QStringLiteral("user"), QStringLiteral("ml"));
    QVERIFY2(ComputeTargets(*m_workspace).add(&vm, &error), qPrintable(error));
    Experiment mnist;
    mnist.name = QStringLiteral("mnist");
    QVERIFY2(Experiments(*m_workspace).create(&mnist, &error), qPrintable(error));
}

void TestRunConfigDialog::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

RunConfig TestRunConfigDialog::sampleConfig() const
{
    RunConfig c;
    c.experimentName = QStringLiteral("mnist");
    c.displayName = QStringLiteral("baseline");
    c.command = QStringLiteral("python3 train.py --lr 0.1");
    c.code = m_dir->path();
    c.interpreter = QStringLiteral("/opt/venv/bin/python");
    c.workingDirectory = QStringLiteral("src");
    c.environmentVariables = {{QStringLiteral("SEED"), QStringLiteral("1")},
                              {QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1")}};
    c.timeoutSeconds = 3600;
    c.compute = QStringLiteral("gpu-vm");
    c.tags = {{QStringLiteral("owner"), QStringLiteral("ana")}};
    return c;
}

template <typename T> T *TestRunConfigDialog::child(const QDialog &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

QPushButton *TestRunConfigDialog::okButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestRunConfigDialog::fieldsAreFilled()
{
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    QCOMPARE(child<QComboBox>(dialog, "experiment")->currentText(), QStringLiteral("mnist"));
    QCOMPARE(child<QLineEdit>(dialog, "displayName")->text(), QStringLiteral("baseline"));
    QCOMPARE(child<QLineEdit>(dialog, "command")->text(),
             QStringLiteral("python3 train.py --lr 0.1"));
    QCOMPARE(child<QLineEdit>(dialog, "interpreter")->text(),
             QStringLiteral("/opt/venv/bin/python"));
    QCOMPARE(child<QLineEdit>(dialog, "workingDirectory")->text(), QStringLiteral("src"));
    QCOMPARE(child<QSpinBox>(dialog, "timeout")->value(), 3600);
    QCOMPARE(child<QComboBox>(dialog, "compute")->currentData().toString(),
             QStringLiteral("gpu-vm"));
    auto *env = child<QTableWidget>(dialog, "environment");
    QCOMPARE(env->rowCount(), 2);
    QCOMPARE(env->item(0, 0)->text(), QStringLiteral("PYTHONUNBUFFERED"));
    QCOMPARE(child<QTableWidget>(dialog, "tags")->item(0, 1)->text(), QStringLiteral("ana"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "message")->isHidden());
    const RunConfig back = dialog.config();
    QCOMPARE(back.toJson(), sampleConfig().toJson());
}

void TestRunConfigDialog::editsComeBack()
{
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    child<QComboBox>(dialog, "experiment")->setCurrentText(QStringLiteral("new experiment"));
    child<QLineEdit>(dialog, "displayName")->setText(QStringLiteral("try 2"));
    child<QLineEdit>(dialog, "command")->setText(QStringLiteral("python3 train.py --lr 0.5"));
    child<QLineEdit>(dialog, "interpreter")->clear();
    child<QLineEdit>(dialog, "workingDirectory")->clear();
    child<QSpinBox>(dialog, "timeout")->setValue(0);
    auto *compute = child<QComboBox>(dialog, "compute");
    compute->setCurrentIndex(compute->findData(QStringLiteral("local")));
    child<QTableWidget>(dialog, "tags")->item(0, 1)->setText(QStringLiteral("ben"));
    const RunConfig c = dialog.config();
    QCOMPARE(c.experimentName, QStringLiteral("new experiment"));
    QCOMPARE(c.displayName, QStringLiteral("try 2"));
    QCOMPARE(c.command, QStringLiteral("python3 train.py --lr 0.5"));
    QVERIFY(c.interpreter.isEmpty());
    QVERIFY(c.workingDirectory.isEmpty());
    QCOMPARE(c.timeoutSeconds, 0);
    QCOMPARE(c.compute, QStringLiteral("local"));
    QCOMPARE(c.tags.value(QStringLiteral("owner")), QStringLiteral("ben"));
    QCOMPARE(c.code, m_dir->path());
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestRunConfigDialog::emptyCommandDisablesOk()
{
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    auto *command = child<QLineEdit>(dialog, "command");
    auto *message = child<QLabel>(dialog, "message");
    command->clear();
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!message->isHidden());
    QString expected;
    QVERIFY(!dialog.config().validate(&expected));
    QCOMPARE(message->text(), expected);
    QTest::keyClicks(command, QStringLiteral("python3 eval.py"));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(message->isHidden());
}

void TestRunConfigDialog::invalidRowsDisableOk_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("variable without name") << "environment"
                                           << ""
                                           << "1";
    QTest::newRow("bad variable name") << "environment"
                                       << "2FAST"
                                       << "1";
    QTest::newRow("duplicate variable") << "environment"
                                        << "SEED"
                                        << "2";
    QTest::newRow("duplicate tag") << "tags"
                                   << "owner"
                                   << "x";
}

void TestRunConfigDialog::invalidRowsDisableOk()
{
    QFETCH(QString, table);
    QFETCH(QString, name);
    QFETCH(QString, value);
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    auto *t = dialog.findChild<QTableWidget *>(table);
    const int row = t->rowCount();
    t->insertRow(row);
    t->setItem(row, 0, new QTableWidgetItem(name));
    t->setItem(row, 1, new QTableWidgetItem(value));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.problem().isEmpty());
    t->removeRow(row);
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestRunConfigDialog::targetsAndExperimentsFromWorkspace()
{
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    auto *compute = child<QComboBox>(dialog, "compute");
    QCOMPARE(compute->count(), 2);
    QStringList names, labels;
    for (int i = 0; i < compute->count(); ++i) {
        names << compute->itemData(i).toString();
        labels << compute->itemText(i);
    }
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("gpu-vm"), QStringLiteral("local")}));
    QVERIFY2(labels.join(QLatin1Char('|')).contains(QStringLiteral("ml@127.0.0.1")),
             qPrintable(labels.join(QLatin1Char('|'))));
    auto *experiment = child<QComboBox>(dialog, "experiment");
    QVERIFY(experiment->findText(QStringLiteral("mnist")) >= 0);
}

void TestRunConfigDialog::unknownTargetIsKeptAndReported()
{
    RunConfig c = sampleConfig();
    c.compute = QStringLiteral("elsewhere");
    RunConfigDialog dialog(m_workspace.get(), c);
    QCOMPARE(dialog.config().compute, QStringLiteral("elsewhere"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(child<QLabel>(dialog, "message")->text().contains(QStringLiteral("elsewhere")));
    auto *compute = child<QComboBox>(dialog, "compute");
    compute->setCurrentIndex(compute->findData(QStringLiteral("local")));
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestRunConfigDialog::variableTableAddRemove()
{
    RunConfigDialog dialog(m_workspace.get(), sampleConfig());
    auto *env = child<QTableWidget>(dialog, "environment");
    child<QPushButton>(dialog, "addVariable")->click();
    QCOMPARE(env->rowCount(), 3);
    QCOMPARE(env->currentRow(), 2);
    env->item(2, 0)->setText(QStringLiteral("CUDA_VISIBLE_DEVICES"));
    env->item(2, 1)->setText(QStringLiteral("0"));
    QCOMPARE(dialog.config().environmentVariables.value(QStringLiteral("CUDA_VISIBLE_DEVICES")),
             QStringLiteral("0"));
    QVERIFY(okButton(dialog)->isEnabled());
    env->setCurrentCell(0, 0); // PYTHONUNBUFFERED
    child<QPushButton>(dialog, "removeVariable")->click();
    QCOMPARE(env->rowCount(), 2);
    const auto vars = dialog.config().environmentVariables;
    QCOMPARE(vars.keys(),
             QStringList({QStringLiteral("CUDA_VISIBLE_DEVICES"), QStringLiteral("SEED")}));
    child<QPushButton>(dialog, "addTag")->click();
    QCOMPARE(child<QTableWidget>(dialog, "tags")->rowCount(), 2);
    QVERIFY(okButton(dialog)->isEnabled()); // an empty row is ignored
}

void TestRunConfigDialog::worksWithoutWorkspace()
{
    RunConfig c;
    c.command = QStringLiteral("python3 train.py");
    RunConfigDialog dialog(nullptr, c);
    auto *compute = child<QComboBox>(dialog, "compute");
    QCOMPARE(compute->count(), 1);
    QCOMPARE(compute->currentData().toString(), QStringLiteral("local"));
    QVERIFY(okButton(dialog)->isEnabled());
}

QTEST_MAIN(TestRunConfigDialog)
#include "tst_runconfigdialog.moc"
