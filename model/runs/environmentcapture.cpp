#include "runs/environmentcapture.h"

#include "registry/environmentspec.h"
#include "runs/runconfig.h"
#include "store/environments.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <algorithm>
#include <unistd.h>

namespace mlwb::environmentcapture {

QString anonymousName()
{
    return QStringLiteral("anonymous");
}

QString interpreterFor(const RunConfig &config)
{
    if (!config.interpreter.isEmpty())
        return config.interpreter;
    static const QRegularExpression python(QStringLiteral("^\\s*((?:\\S*/)?python[0-9.]*)(\\s|$)"));
    const auto m = python.match(config.command);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString program()
{
    // pip freeze leaves out the tools pip itself needs; so does this.
    return QStringLiteral(
        "import sys\n"
        "print('%d.%d.%d' % sys.version_info[:3])\n"
        "try:\n"
        "    from importlib import metadata\n"
        "except ImportError:\n"
        "    sys.exit(0)\n"
        "seen = {}\n"
        "for d in metadata.distributions():\n"
        "    n = d.metadata['Name']\n"
        "    if n and n.lower() not in ('pip', 'setuptools', 'wheel', 'distribute'):\n"
        "        seen.setdefault(n.lower(), '%s==%s' % (n, d.version))\n"
        "for k in sorted(seen):\n"
        "    print(seen[k])\n");
}

bool store(const Workspace &workspace, Id runId, const QByteArray &output, QString *error)
{
    const int newline = output.indexOf('\n');
    const QString python = QString::fromUtf8(output.left(newline)).trimmed();
    static const QRegularExpression version(QStringLiteral("^[0-9]+\\.[0-9]+"));
    if (!version.match(python).hasMatch()) {
        if (error)
            *error = QObject::tr("The interpreter printed no Python version: %1")
                         .arg(QString::fromUtf8(output.left(200)));
        return false;
    }
    environmentspec::Spec spec;
    environmentspec::parseRequirements(newline < 0 ? QByteArray() : output.mid(newline + 1), python,
                                       &spec);
    EnvironmentVersion v;
    v.python = spec.python;
    v.packages = spec.packages;
    v.spec = spec.text;
    v.specKind = spec.kind;
    v.specSha256 = spec.sha256;
    bool existed = false;
    Environments environments(workspace);
    return environments.createVersion(anonymousName(), &v, &existed, error)
           && environments.setForRun(runId, v.id, error);
}

namespace {
// As long as a capture may take, and as long as a registration waits for it.
constexpr int captureLimitMs = 60000;
} // namespace

struct LocalCapture::Private {
    Private(const Workspace &w, Id id, const QString &python, const QString &pending)
        : workspace(w)
        , runId(id)
        , interpreter(python)
        , pendingFile(pending)
    {}

    const Workspace &workspace;
    Id runId;
    QString interpreter;
    QString pendingFile;
    QProcess process;
    QElapsedTimer started;
    bool done = false;

    void end(QString *error)
    {
        done = true;
        const bool ran = process.state() == QProcess::NotRunning
                         && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (ran) {
            store(workspace, runId, process.readAllStandardOutput(), error);
        } else {
            process.kill();
            process.waitForFinished(1000);
            if (error)
                *error =
                    QObject::tr("Could not read the environment of %1: %2")
                        .arg(interpreter, process.error() == QProcess::FailedToStart
                                              ? process.errorString()
                                              : QString::fromUtf8(process.readAllStandardError()));
        }
        QFile::remove(pendingFile);
    }
};

LocalCapture::LocalCapture(const Workspace &workspace, Id runId, const QString &interpreter,
                           const QString &workingDirectory, const QProcessEnvironment &environment,
                           const QString &pendingFile)
    : d(new Private(workspace, runId, interpreter, pendingFile))
{
    QString ignored;
    if (interpreter.isEmpty() || Environments(workspace).forRun(runId, &ignored)) {
        d->done = true; // named in mlwb.yaml, or captured before a restart
        return;
    }
    QFile(pendingFile).open(QIODevice::WriteOnly);
    d->started.start();
    d->process.setProcessEnvironment(environment);
    d->process.setWorkingDirectory(workingDirectory);
    // Below the runs in priority: when many start at once (a queue's slots
    // freeing together) their supervisors and scripts go first; niceness 10,
    // not 19, so a busy machine still lets it finish within its limit.
    d->process.setChildProcessModifier([] { (void)::nice(10); });
    d->process.start(interpreter, {QStringLiteral("-c"), program()});
}

LocalCapture::~LocalCapture()
{
    if (d->done)
        return;
    d->process.kill();
    d->process.waitForFinished(1000);
    QFile::remove(d->pendingFile);
}

bool LocalCapture::poll(QString *error)
{
    if (d->done)
        return true;
    // Reads what it printed so far, so a long list never fills the pipe.
    if (d->process.state() != QProcess::NotRunning && !d->process.waitForFinished(0)
        && d->started.elapsed() < captureLimitMs)
        return false;
    d->end(error);
    return true;
}

void LocalCapture::finish(QString *error)
{
    if (d->done)
        return;
    if (d->process.state() != QProcess::NotRunning)
        d->process.waitForFinished(int(std::max<qint64>(0, captureLimitMs - d->started.elapsed())));
    d->end(error);
}

void waitForLocal(const QString &pendingFile)
{
    QFileInfo marker(pendingFile);
    while (marker.exists()
           && marker.lastModified().msecsTo(QDateTime::currentDateTime()) < captureLimitMs) {
        QThread::msleep(50);
        marker.refresh();
    }
}

} // namespace mlwb::environmentcapture
