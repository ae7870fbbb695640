// A separate process that registers model versions, for the concurrency
// tests: modelregistrar DIR NAME COUNT registers COUNT versions of model NAME
// and prints each number it got, one a line.
#include "store/models.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 4) {
        err << "usage: modelregistrar DIR NAME COUNT\n";
        return 2;
    }
    QString error;
    auto ws = mlwb::Workspace::open(args[1], &error);
    if (!ws) {
        err << error << '\n';
        return 1;
    }
    mlwb::Models models(*ws);
    const int count = args[3].toInt();
    for (int i = 0; i < count; ++i) {
        mlwb::ModelVersion v;
        v.modelName = args[2];
        const QByteArray seed =
            QByteArray::number(QCoreApplication::applicationPid()) + '-' + QByteArray::number(i);
        v.sha256 =
            QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
        if (!models.registerVersion(&v, &error)) {
            err << error << '\n';
            return 1;
        }
        out << v.version << '\n';
    }
    return 0;
}
