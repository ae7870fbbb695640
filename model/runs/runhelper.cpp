#include "runs/runhelper.h"

#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "store/sqlerror.h"
#include "store/types.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace mlwb::runhelper {

namespace {

const char *const name = "mlwb-run-helper";

// Runs the helper to its end, beating meanwhile; its message is the error.
bool run(const QStringList &arguments, const std::function<void()> &beat, QString *error)
{
    const QString helper = program();
    if (helper.isEmpty())
        return sql::fail(
            error, QCoreApplication::translate("RunHelper", "Cannot find the program %1 beside %2.")
                       .arg(QString::fromLatin1(name), QCoreApplication::applicationFilePath()));
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(helper, arguments);
    if (!process.waitForStarted(30000))
        return sql::fail(error, QCoreApplication::translate("RunHelper", "Could not start %1: %2")
                                    .arg(helper, process.errorString()));
    while (!process.waitForFinished(250) && process.state() != QProcess::NotRunning)
        if (beat)
            beat();
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    QString message = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    const QString prefix = QString::fromLatin1(name) + QStringLiteral(": ");
    if (message.startsWith(prefix))
        message = message.mid(prefix.size());
    if (process.exitStatus() != QProcess::NormalExit || message.isEmpty())
        message = QCoreApplication::translate("RunHelper", "%1 ended abnormally (%2). %3")
                      .arg(helper, process.errorString(), message)
                      .trimmed();
    return sql::fail(error, message);
}

} // namespace

QString program()
{
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QLatin1String(name));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return RunLauncher::companionProgram(QString::fromLatin1(name));
}

bool verifySnapshot(const QString &zip, const std::function<void()> &beat, QString *error)
{
    return run({QStringLiteral("verify"), zip}, beat, error);
}

bool unpackSnapshot(const QString &zip, const QString &dir, const std::function<void()> &beat,
                    QString *error)
{
    return run({QStringLiteral("unpack"), zip, dir}, beat, error);
}

bool registerModels(const Workspace &workspace, const Run &run, QString *error)
{
    const RunFolder folder(workspace.folder(Workspace::Folder::Runs), run.uid);
    if (!QFileInfo::exists(folder.outputs() + QStringLiteral("/.mlwb/registrations.jsonl")))
        return true; // most runs ask for none: no program started for nothing
    return runhelper::run(
        {QStringLiteral("register"), run.uid, QStringLiteral("--workspace"), workspace.path()}, {},
        error);
}

} // namespace mlwb::runhelper
