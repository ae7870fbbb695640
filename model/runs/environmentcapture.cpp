#include "runs/environmentcapture.h"

#include "registry/environmentspec.h"
#include "runs/runconfig.h"
#include "store/environments.h"
#include "store/workspace.h"

#include <QObject>
#include <QProcess>
#include <QRegularExpression>

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
    if (!environmentspec::parse(QStringLiteral("pip"),
                                newline < 0 ? QByteArray() : output.mid(newline + 1), python, &spec,
                                error))
        return false;
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

bool captureLocal(const Workspace &workspace, Id runId, const QString &interpreter,
                  const QString &workingDirectory, const QProcessEnvironment &environment,
                  QString *error)
{
    if (interpreter.isEmpty())
        return true;
    QString ignored;
    if (Environments(workspace).forRun(runId, &ignored))
        return true; // named in mlwb.yaml, or captured before a restart
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(interpreter, {QStringLiteral("-c"), program()});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        if (error)
            *error = QObject::tr("Could not read the environment of %1: %2")
                         .arg(interpreter, process.error() == QProcess::FailedToStart
                                               ? process.errorString()
                                               : QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return store(workspace, runId, process.readAllStandardOutput(), error);
}

} // namespace mlwb::environmentcapture
