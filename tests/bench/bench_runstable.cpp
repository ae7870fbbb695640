// (c) Open a workspace of 10,000 runs and 10,000,000 points to a usable
// runs table: time and peak resident memory, measured in a fresh process
// (the build happens in another one). Baseline: opening the workspace and
// a plain SELECT of the runs rows.
#include "benchworkspace.h"
#include "items/runstablemodel.h"
#include "runs/runstableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace mlwb;

namespace {

qint64 peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

int open(const QString &path, bool baseline)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        qFatal("%s", qPrintable(error));
    int rows = 0;
    if (baseline) {
        QSqlQuery q(ws->database());
        q.exec(QStringLiteral("SELECT * FROM runs"));
        while (q.next())
            ++rows;
    } else {
        RunsTableView view(*ws);
        view.resize(1400, 800);
        view.reload(&error);
        view.show();
        QCoreApplication::processEvents();
        rows = view.model()->rowCount();
    }
    QTextStream(stdout) << timer.elapsed() << ' ' << peakResidentKb() << ' ' << rows << '\n';
    return 0;
}

QList<double> child(const QString &path, bool baseline)
{
    QProcess p;
    QStringList args{QStringLiteral("--open"), path};
    if (baseline)
        args << QStringLiteral("--baseline");
    p.start(QCoreApplication::applicationFilePath(), args);
    p.waitForFinished(-1);
    QList<double> out;
    for (const QByteArray &word : p.readAllStandardOutput().trimmed().split(' '))
        out << word.toDouble();
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 2 && args.at(1) == QLatin1String("--open"))
        return open(args.at(2), args.contains(QStringLiteral("--baseline")));
    QTemporaryDir dir;
    QString error;
    const QString path = dir.path() + QStringLiteral("/ws");
    {
        auto ws = Workspace::create(path, &error);
        if (!ws)
            qFatal("%s", qPrintable(error));
        QElapsedTimer build;
        build.start();
        bench::fill(*ws, 10'000, 1'000);
        QTextStream(stdout) << "built 10,000 runs x 1,000 points in " << build.elapsed() << " ms\n";
    }
    QList<double> base, table;
    for (int i = 0; i < 3; ++i) { // median of three fresh processes
        base << child(path, true).value(0);
        table = child(path, false);
    }
    std::sort(base.begin(), base.end());
    QTextStream(stdout) << "bench_runstable: open to a usable runs table\n"
                        << "  baseline open + SELECT * FROM runs: " << base.at(1) << " ms\n"
                        << "  runs table shown: " << table.value(0) << " ms, ratio "
                        << table.value(0) / std::max(1.0, base.at(1)) << ", peak resident "
                        << table.value(1) / 1024 << " MB, rows " << table.value(2) << "\n"
                        << "  targets < 1000 ms and < 300 MB\n";
    return 0;
}
