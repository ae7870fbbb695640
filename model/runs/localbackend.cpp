#include "runs/localbackend.h"

#include "runs/environmentcapture.h"
#include "runs/processgroup.h"
#include "runs/runending.h"
#include "runs/runhelper.h"
#include "runs/runlauncher.h"
#include "store/defaultworkspace.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>

namespace mlwb {

namespace {

const int cancelGraceMs = 5000;

// Moves every file under `from` to the same place under `to`; a name that
// is taken gets " (2)" etc., so nothing a run wrote is overwritten.
void moveTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        QDir().mkpath(QFileInfo(target).absolutePath());
        const QFileInfo info(target);
        for (int n = 2; QFileInfo::exists(target); ++n)
            target =
                QDir(info.absolutePath())
                    .filePath(QStringLiteral("%1 (%2)%3")
                                  .arg(info.completeBaseName())
                                  .arg(n)
                                  .arg(info.suffix().isEmpty() ? QString()
                                                               : QLatin1Char('.') + info.suffix()));
        QFile::rename(source, target);
    }
    QDir(from).removeRecursively();
}

} // namespace

LocalBackend::LocalBackend(const RunContext &context)
    : m_context(context)
{}

bool LocalBackend::hasStarted() const
{
    return QFileInfo::exists(m_context.folder.processGroupFile());
}

bool LocalBackend::prepare(QString *error)
{
    QString sha, zip;
    if (!snapshot(m_context, &sha, &zip, error))
        return false;
    QDir(m_context.folder.code()).removeRecursively(); // a half expansion from a dead supervisor
    return runhelper::unpackSnapshot(zip, m_context.folder.code(), m_context.heartbeat, error);
}

bool LocalBackend::start(QString *error)
{
    const Workspace &workspace = m_context.workspace;
    const RunConfig &config = m_context.config;
    const RunFolder &folder = m_context.folder;
    const QString helper = defaults::pythonHelperFolder(workspace, error);
    if (helper.isEmpty())
        return false;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = config.environmentVariables.cbegin(); it != config.environmentVariables.cend();
         ++it)
        env.insert(it.key(), it.value());
    const QString pythonPath = env.value(QStringLiteral("PYTHONPATH"));
    env.insert(QStringLiteral("PYTHONPATH"),
               pythonPath.isEmpty() ? helper : helper + QLatin1Char(':') + pythonPath);
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("MLWB_RUN_DIR"), folder.root());
    env.insert(QStringLiteral("MLWB_RUN_ID"), m_context.run.uid);
    env.insert(QStringLiteral("MLWB_EXPERIMENT"), m_context.run.experimentName);
    env.insert(QStringLiteral("MLWB_COMMAND"), config.effectiveCommand());
    env.insert(QStringLiteral("MLWB_WAIT_FOR_SPACE"), QStringLiteral("1")); // see wrapperScript()
    // run.register_model() in the script calls this program on this workspace.
    env.insert(QStringLiteral("MLWB_PROGRAM_PATH"), RunLauncher::program());
    env.insert(QStringLiteral("MLWB_WORKSPACE_PATH"), workspace.path());
    const QString workingDirectory = QDir(folder.code()).filePath(config.workingDirectory);
    QProcess process;
    // setsid: its own session and process group, so a cancel reaches all
    // of it and closing a terminal or the GUI reaches none of it.
    process.setProgram(QStringLiteral("setsid"));
    process.setArguments({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                          QString::fromLatin1(RunEnding::wrapperScript()),
                          QStringLiteral("mlwb-run")});
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(folder.log(), QIODevice::Append);
    process.setStandardErrorFile(folder.log(), QIODevice::Append);
    QFile::remove(folder.exitCodeFile());
    if (!process.startDetached())
        return sql::fail(error, tr("Could not start the run: %1").arg(process.errorString()));
    // Beside the run, not before it: a model the script registers waits
    // for it (environmentcapture::waitForLocal). A run whose Python cannot
    // say what it holds still runs.
    m_capture = std::make_unique<environmentcapture::LocalCapture>(
        workspace, m_context.run.id, environmentcapture::interpreterFor(config), workingDirectory,
        env, folder.environmentPendingFile());
    // The wrapper writes its pgid first thing; wait for it briefly.
    for (int i = 0; i < 200 && !hasStarted(); ++i)
        QThread::msleep(10);
    return true;
}

LocalBackend::~LocalBackend() = default;

void LocalBackend::endCapture(bool wait)
{
    if (!m_capture)
        return;
    QString error;
    if (wait)
        m_capture->finish(&error);
    else if (!m_capture->poll(&error))
        return;
    if (!error.isEmpty())
        qWarning("mlwb supervisor: %s", qPrintable(error));
    m_capture.reset();
}

TargetBackend::Step LocalBackend::poll(bool *ended, bool *more, QString *)
{
    // The wrapper writes its pgid first thing: wait for it after a start.
    for (int i = 0; i < 500 && m_pgid <= 0; ++i) {
        m_pgid = processgroup::readNumber(m_context.folder.processGroupFile());
        if (m_pgid <= 0)
            QThread::msleep(10);
    }
    *more = false;
    *ended = QFileInfo::exists(m_context.folder.exitCodeFile()) || !processgroup::isAlive(m_pgid);
    endCapture(*ended);
    return Step::Done;
}

bool LocalBackend::terminate()
{
    processgroup::terminate(m_pgid, cancelGraceMs);
    return true;
}

TargetBackend::Step LocalBackend::collect(QString *)
{
    endCapture(true); // a run cut short before its poll saw the end
    const QString produced = QDir(m_context.folder.code()).filePath(QStringLiteral("outputs"));
    if (QFileInfo(produced).isDir())
        moveTree(produced, m_context.folder.outputs());
    return Step::Done;
}

QString LocalBackend::failureMessage(qint64 exitCode, bool timedOut) const
{
    return RunEnding::failureMessage(exitCode, timedOut, m_context.config.timeoutSeconds,
                                     m_context.config.effectiveCommand(), QString(),
                                     m_context.folder.log());
}

} // namespace mlwb
