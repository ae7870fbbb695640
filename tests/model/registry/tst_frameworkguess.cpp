// Guessing a model's framework from its files. Pickles are made by python3
// from stand-in packages named like the real ones (sklearn, xgboost, ...), at
// every protocol, and are read as opcodes: never unpickled.
#include "registry/frameworkguess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

namespace {

// Writes stand-in packages and a pickle of `expression` at `protocol`.
const char *const makePickle = R"PY(
import os, pickle, sys
root, out, protocol, expression = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
for package, cls in [("sklearn/linear_model", "LogisticRegression"), ("xgboost/core", "Booster"),
                     ("lightgbm/basic", "Booster"), ("torch/nn", "Module"), ("mypkg", "Model")]:
    os.makedirs(os.path.join(root, package), exist_ok=True)
    parts = package.split("/")
    for i in range(1, len(parts) + 1):
        init = os.path.join(root, *parts[:i], "__init__.py")
        if not os.path.exists(init):
            open(init, "w").close()
    with open(os.path.join(root, package, "__init__.py"), "w") as f:
        f.write("class %s:\n    def __init__(self):\n        self.coef_ = [0.5] * 3\n" % cls)
sys.path.insert(0, root)
class Evil:
    def __reduce__(self):
        return (os.system, ("touch " + os.path.join(root, "UNPICKLED"),))
from sklearn.linear_model import LogisticRegression
from xgboost.core import Booster as XgbBooster
from lightgbm.basic import Booster as LgbBooster
from mypkg import Model
with open(out, "wb") as f:
    pickle.dump(eval(expression), f, protocol=protocol)
)PY";

} // namespace

class TestFrameworkGuess : public QObject
{
    Q_OBJECT

private slots:
    void byFileName_data();
    void byFileName();
    void pickles_data();
    void pickles();
    void garbageIsNotAPickle();
};

void TestFrameworkGuess::byFileName_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("framework");
    QTest::newRow("pt") << QStringList{QStringLiteral("model.pt")} << QStringLiteral("pytorch");
    QTest::newRow("pth in folder")
        << QStringList{QStringLiteral("m/config.json"), QStringLiteral("m/weights.PTH")}
        << QStringLiteral("pytorch");
    QTest::newRow("onnx") << QStringList{QStringLiteral("net.onnx")} << QStringLiteral("onnx");
    QTest::newRow("saved model") << QStringList{QStringLiteral("m/saved_model.pb"),
                                                QStringLiteral("m/variables/v.index")}
                                 << QStringLiteral("tensorflow");
    QTest::newRow("keras") << QStringList{QStringLiteral("m.h5")} << QStringLiteral("tensorflow");
    QTest::newRow("xgboost json") << QStringList{QStringLiteral("m.ubj")}
                                  << QStringLiteral("xgboost");
    QTest::newRow("other") << QStringList{QStringLiteral("weights.bin")}
                           << QStringLiteral("custom");
    QTest::newRow("missing pickle")
        << QStringList{QStringLiteral("gone.pkl")} << QStringLiteral("custom");
}

void TestFrameworkGuess::byFileName()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, framework);
    QTemporaryDir dir;
    QCOMPARE(framework::guess(dir.path(), paths), framework);
}

void TestFrameworkGuess::pickles_data()
{
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("framework");
    for (int protocol = 0; protocol <= 5; ++protocol) {
        QTest::addRow("sklearn p%d", protocol)
            << protocol << QStringLiteral("LogisticRegression()") << QStringLiteral("scikit-learn");
        QTest::addRow("xgboost p%d", protocol)
            << protocol << QStringLiteral("XgbBooster()") << QStringLiteral("xgboost");
        QTest::addRow("lightgbm p%d", protocol)
            << protocol << QStringLiteral("LgbBooster()") << QStringLiteral("lightgbm");
        QTest::addRow("own class p%d", protocol)
            << protocol << QStringLiteral("Model()") << QStringLiteral("custom");
        // Bytes and strings before the model are skipped by length, not parsed.
        QTest::addRow("after a payload p%d", protocol)
            << protocol
            << QStringLiteral("{'blob': b'x' * 200000, 'name': 'n' * 5000, "
                              "'model': LogisticRegression()}")
            << QStringLiteral("scikit-learn");
        QTest::addRow("code that would run p%d", protocol)
            << protocol << QStringLiteral("Evil()") << QStringLiteral("custom");
    }
}

void TestFrameworkGuess::pickles()
{
    QFETCH(int, protocol);
    QFETCH(QString, expression);
    QFETCH(QString, framework);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("model.pkl"));
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), QString::fromUtf8(makePickle), dir.path(), file,
                  QString::number(protocol), expression});
    QVERIFY(python.waitForFinished(30000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QCOMPARE(framework::guess(dir.path(), {QStringLiteral("model.pkl")}), framework);
    QFile::rename(file, dir.filePath(QStringLiteral("model.joblib")));
    QCOMPARE(framework::guess(dir.path(), {QStringLiteral("model.joblib")}), framework);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("UNPICKLED"))));
}

void TestFrameworkGuess::garbageIsNotAPickle()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("m.pkl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A BINUNICODE claiming 4 GB, then nothing: read as far as it goes, no crash.
    file.write(QByteArray("\x80\x04X\xff\xff\xff\xffsklearn", 12));
    file.close();
    QVERIFY(framework::pickleModules(file.fileName()).isEmpty());
    QCOMPARE(framework::guess(dir.path(), {QStringLiteral("m.pkl")}), QStringLiteral("custom"));
}

QTEST_GUILESS_MAIN(TestFrameworkGuess)
#include "tst_frameworkguess.moc"
