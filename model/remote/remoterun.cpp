#include "remote/remoterun.h"

#include "runs/runending.h"

#include "runs/runconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace mlwb {

namespace {

// Identifies a helper folder by its content, so an edited helper is shipped again.
QString treeHash(const QString &folder)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &path : std::as_const(files)) {
        if (path.contains(QLatin1String("__pycache__")))
            continue;
        hash.addData(QDir(folder).relativeFilePath(path).toUtf8());
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

SshResult failed(const QString &message)
{
    SshResult result;
    result.failure = SshResult::Failure::Other;
    result.message = message;
    return result;
}

int uploadTimeout(const QString &file)
{
    return 60000 + int(QFileInfo(file).size() / 1000); // >= 1 MB/s
}

// Snapshots up to this size go with the check, cached on the VM or not.
const qint64 bundleLimit = 4 << 20;

// The snapshot is stored, then expanded: room for it three times and 1 MiB to spare.
qint64 neededKb(const QString &zip)
{
    return (QFileInfo(zip).size() * 3 + (1 << 20) + 1023) / 1024;
}

// The check both ways of preparing start with: Python 3, the folders, free space.
QString checkScript(const QString &python, const QString &workdir, qint64 needKb,
                    const QString &onFailure)
{
    return QStringLiteral(
               "PY=%1; W=%2\n"
               // Found, not run: each Python start-up costs; the version shows in the
               // environment read after the start.
               "command -v \"$PY\" >/dev/null 2>&1 || { %4echo nopython; exit 0; }\n"
               "mkdir -p \"$W/snapshots\" \"$W/python\" \"$W/runs\" || { %4echo nofolder; exit 0; "
               "}\n"
               "free=$(df -Pk \"$W\" </dev/null | awk 'NR==2{print $4}')\n"
               "echo ok; [ -n \"$free\" ] && echo \"free=$free\"\n"
               "[ -n \"$free\" ] && [ \"$free\" -lt %3 ] && { %4exit 0; }\n")
        .arg(python, workdir)
        .arg(needKb)
        .arg(onFailure);
}

} // namespace

RemoteRun::RemoteRun(const SshConnection &connection, const QString &uid)
    : m_connection(connection)
    , m_uid(uid)
{}

QString RemoteRun::folder() const
{
    return SshConnection::remotePath(m_connection.workdir()) + QStringLiteral("/runs/")
           + shellQuote(m_uid);
}

QString RemoteRun::helperPath(const QString &hash) const
{
    return SshConnection::remotePath(m_connection.workdir()) + QStringLiteral("/python/") + hash;
}

SshResult RemoteRun::prepare(const QString &helperFolder, const QString &zip, const QString &sha256)
{
    const QString hash = treeHash(helperFolder);
    m_helperHash = hash;
    // Small enough to send unasked: checking and shipping in one session.
    if (QFileInfo(zip).size() <= bundleLimit)
        return prepareInOneSession(helperFolder, zip, sha256);
    const QString script =
        checkScript(SshConnection::remotePath(m_connection.python()),
                    SshConnection::remotePath(m_connection.workdir()), neededKb(zip), QString())
        + QStringLiteral("[ -d %1 ] && echo helper; [ -f \"$W/snapshots/%2.zip\" ] && echo "
                         "snapshot\nexit 0\n")
              .arg(helperPath(hash), sha256);
    SshResult result = m_connection.run(script);
    if (!checked(&result, zip))
        return result;
    const QString out = QString::fromUtf8(result.out);
    if (!out.contains(QLatin1String("helper"))) {
        result = shipHelper(helperFolder, hash);
        if (!result.ok())
            return result;
    }
    if (!out.contains(QLatin1String("snapshot")))
        return shipSnapshot(zip, sha256);
    return result;
}

bool RemoteRun::checked(SshResult *result, const QString &zip) const
{
    if (!result->ok()) {
        if (result->message.isEmpty())
            *result =
                failed(tr("Checking %1 failed: %2")
                           .arg(m_connection.name(), QString::fromUtf8(result->err).trimmed()));
        return false;
    }
    const QString out = QString::fromUtf8(result->out);
    if (out.startsWith(QLatin1String("nopython"))) {
        *result = failed(tr("The interpreter '%1' was not found on %2.")
                             .arg(m_connection.python(), m_connection.name()));
        return false;
    }
    if (out.startsWith(QLatin1String("nofolder"))) {
        *result = failed(tr("The working folder %1 cannot be made on %2.")
                             .arg(m_connection.workdir(), m_connection.name()));
        return false;
    }
    const qint64 freeKb = out.section(QLatin1String("free="), 1)
                              .section(QLatin1Char('\n'), 0, 0)
                              .trimmed()
                              .toLongLong();
    if (out.contains(QLatin1String("free=")) && freeKb < neededKb(zip)) {
        *result = failed(tr("Not enough disk space on %1: %2 KiB free in %3, the run needs about "
                            "%4 KiB (its snapshot is %5 KiB). Free some space there or choose "
                            "another working folder.")
                             .arg(m_connection.name())
                             .arg(freeKb)
                             .arg(m_connection.workdir())
                             .arg(neededKb(zip))
                             .arg((QFileInfo(zip).size() + 1023) / 1024));
        return false;
    }
    return true;
}

SshResult RemoteRun::packHelper(const QString &helperFolder, const QString &tar)
{
    QProcess pack;
    pack.start(QStringLiteral("tar"),
               {QStringLiteral("-cf"), tar, QStringLiteral("--exclude=__pycache__"),
                QStringLiteral("-C"), helperFolder, QStringLiteral(".")});
    if (!pack.waitForFinished(60000) || pack.exitCode() != 0)
        return failed(tr("Could not pack the Python helper: %1")
                          .arg(QString::fromUtf8(pack.readAllStandardError())));
    SshResult packed;
    packed.exitCode = 0;
    return packed;
}

RemoteRun::Runner RemoteRun::orOwnSession(const Runner &runner) const
{
    if (runner)
        return runner;
    return [this](const QString &script, const QString &stdinFile, int timeoutMs) {
        return m_connection.runWithFiles(script, stdinFile, QString(), timeoutMs);
    };
}

SshResult RemoteRun::prepareInOneSession(const QString &helperFolder, const QString &zip,
                                         const QString &sha256, const QString &then,
                                         const Runner &runner)
{
    // One tar holding the helper's tar and the snapshot, received whole or not at all.
    QTemporaryDir temp;
    const QString helperTar = temp.filePath(QStringLiteral("helper.tar"));
    SshResult result = packHelper(helperFolder, helperTar);
    if (!result.ok())
        return result;
    const QString bundle = temp.filePath(QStringLiteral("bundle.tar"));
    if (!QFile::copy(zip, temp.filePath(QStringLiteral("snapshot.zip"))))
        return failed(tr("Cannot read the snapshot %1.").arg(zip));
    QProcess pack;
    pack.start(QStringLiteral("tar"),
               {QStringLiteral("-cf"), bundle, QStringLiteral("-C"), temp.path(),
                QStringLiteral("helper.tar"), QStringLiteral("snapshot.zip")});
    if (!pack.waitForFinished(60000) || pack.exitCode() != 0)
        return failed(tr("Could not pack the snapshot: %1")
                          .arg(QString::fromUtf8(pack.readAllStandardError())));
    // Whatever is not needed is still read, so the sender never sees a broken pipe.
    const QString script =
        checkScript(SshConnection::remotePath(m_connection.python()),
                    SshConnection::remotePath(m_connection.workdir()), neededKb(zip),
                    QStringLiteral("head -c %1 >/dev/null; ").arg(QFileInfo(bundle).size()))
        + QStringLiteral("B=\"$W/bundle.$$\"; D=%1; Z=\"$W/snapshots/%2.zip\"\n")
              .arg(helperPath(m_helperHash), sha256)
        + receive(QStringLiteral("\"$B.tar\""), QFileInfo(bundle).size())
        + QStringLiteral(
            "mkdir -p \"$B\" && tar -xf \"$B.tar\" -C \"$B\" && rm -f \"$B.tar\" || "
            "{ rm -rf \"$B\" \"$B.tar\"; exit 1; }\n"
            "if [ ! -d \"$D\" ]; then rm -rf \"$D.part.$$\" && mkdir -p \"$D.part.$$\" && tar -xf "
            "\"$B/helper.tar\" -C \"$D.part.$$\" && rm -rf \"$D\" && mv \"$D.part.$$\" \"$D\" || "
            "{ rm -rf \"$B\" \"$D.part.$$\"; exit 1; }; fi\n"
            "[ -f \"$Z\" ] || mv -f \"$B/snapshot.zip\" \"$Z\" || { rm -rf \"$B\"; exit 1; }\n"
            "rm -rf \"$B\"; echo shipped\n");
    result = orOwnSession(runner)(script + then, bundle, uploadTimeout(bundle));
    const QByteArray shipped("shipped\n");
    const qsizetype at = result.out.indexOf(shipped);
    if (!then.isEmpty() && at >= 0) { // checked and shipped: the rest is what `then` said
        result.out = result.out.mid(at + shipped.size());
        return result;
    }
    if (!checked(&result, zip))
        return result;
    if (!result.out.contains("shipped")) {
        const QString err = QString::fromUtf8(result.err).trimmed();
        return failed(
            err.contains(QLatin1String("No space left"))
                ? tr("The disk of %1 is full: the snapshot could not be copied.")
                      .arg(m_connection.name())
                : tr("Could not copy the snapshot to %1: %2").arg(m_connection.name(), err));
    }
    return result;
}

SshResult RemoteRun::shipHelper(const QString &helperFolder, const QString &hash)
{
    QTemporaryDir temp;
    const QString tar = temp.filePath(QStringLiteral("helper.tar"));
    SshResult packed = packHelper(helperFolder, tar);
    if (!packed.ok())
        return packed;
    const QString dir = helperPath(hash);
    const QString script =
        QStringLiteral("D=%1\n").arg(dir)
        + receive(QStringLiteral("\"$D.tar\""), QFileInfo(tar).size())
        + QStringLiteral("rm -rf \"$D.part.$$\" && mkdir -p \"$D.part.$$\" && tar -xf \"$D.tar\" "
                         "-C \"$D.part.$$\" && rm -f \"$D.tar\" && rm -rf \"$D\" "
                         "&& mv \"$D.part.$$\" \"$D\"");
    SshResult result = m_connection.runWithFiles(script, tar, QString(), uploadTimeout(tar));
    if (!result.ok() && result.message.isEmpty())
        result.message = tr("Could not copy the Python helper to %1: %2")
                             .arg(m_connection.name(), QString::fromUtf8(result.err).trimmed());
    return result;
}

QString RemoteRun::receive(const QString &file, qint64 size)
{
    // stdin into `file`, whole or not at all. A per-attempt part file, and
    // its size checked: head cannot tell a dropped link from the end of the
    // data, and an attempt whose link died may still be writing. head, not
    // cat: stdin may stay open after the file (a stream's start).
    return QStringLiteral("P=%1.part.$$; head -c %2 > \"$P\" && [ \"$(wc -c < \"$P\")\" -eq %2 ] "
                          "&& mv -f \"$P\" %1 || { rm -f \"$P\"; exit 1; }\n")
        .arg(file)
        .arg(size);
}

SshResult RemoteRun::shipSnapshot(const QString &zip, const QString &sha256)
{
    const QString target =
        SshConnection::remotePath(m_connection.workdir()) + QStringLiteral("/snapshots/") + sha256;
    const QString script = QStringLiteral("Z=%1.zip\n").arg(target)
                           + receive(QStringLiteral("\"$Z\""), QFileInfo(zip).size());
    SshResult result = m_connection.runWithFiles(script, zip, QString(), uploadTimeout(zip));
    if (!result.ok() && result.message.isEmpty()) {
        const QString err = QString::fromUtf8(result.err).trimmed();
        result.message =
            err.contains(QLatin1String("No space left"))
                ? tr("The disk of %1 is full: the snapshot could not be copied.")
                      .arg(m_connection.name())
                : tr("Could not copy the snapshot to %1: %2").arg(m_connection.name(), err);
    }
    return result;
}

SshResult RemoteRun::start(const QString &sha256, const Launch &launch, qint64 *pgid,
                           const Runner &runner)
{
    return parseStart(orOwnSession(runner)(startScript(sha256, launch), QString(), 120000), pgid);
}

SshResult RemoteRun::prepareAndStart(const QString &helperFolder, const QString &zip,
                                     const QString &sha256, const Launch &launch, qint64 *pgid,
                                     const Runner &runner)
{
    m_helperHash = treeHash(helperFolder);
    const SshResult result =
        prepareInOneSession(helperFolder, zip, sha256, startScript(sha256, launch), runner);
    if (!result.ok() && !result.message.isEmpty())
        return result; // said by the check or the shipping
    return parseStart(result, pgid);
}

bool RemoteRun::fitsOneSession(const QString &zip)
{
    return QFileInfo(zip).size() <= bundleLimit;
}

QString RemoteRun::startScript(const QString &sha256, const Launch &launch) const
{
    QString exports;
    for (auto it = launch.environment.cbegin(); it != launch.environment.cend(); ++it)
        exports += QStringLiteral("export %1=%2\n").arg(it.key(), shellQuote(it.value()));
    // The wrapper's guard: of two launches, only the first to make `launched` runs.
    const QString wrapper = QStringLiteral("mkdir \"$MLWB_RUN_DIR/launched\" 2>/dev/null "
                                           "|| [ ! -d \"$MLWB_RUN_DIR/launched\" ] || exit 0\n")
                            + QString::fromLatin1(RunEnding::wrapperScript());
    return QStringLiteral(
               "R=%1; H=%2; PY=%3\n"
               "mkdir -p \"$R\" && R=$(cd \"$R\" && pwd) || exit 3\n"
               "%4"
               "if [ ! -f \"$R/pgid\" ] && [ ! -d \"$R/launched\" ]; then\n"
               "rm -rf \"$R/code\" && mkdir -p \"$R/code\" || exit 3\n"
               // unzip where there is one: a Python start-up less before the run's own.
               "if command -v unzip >/dev/null 2>&1; then unzip -q -o %5 -d \"$R/code\"; else "
               "\"$PY\" -c 'import sys, zipfile; "
               "zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "
               "%5 \"$R/code\"; fi || { echo 'cannot expand the snapshot' >&2; exit 3; }\n"
               "cd \"$R/code\"/%6 || exit 3\n"
               "export MLWB_RUN_DIR=\"$R\" PYTHONUNBUFFERED=1 "
               "PYTHONPATH=\"$H${PYTHONPATH:+:$PYTHONPATH}\"\n"
               "%7"
               "setsid nohup /bin/sh -c %8 mlwb-run </dev/null >>\"$R/output.log\" 2>&1 &\n"
               "fi\n"
               "i=0; while [ ! -f \"$R/pgid\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); "
               "done\n"
               "rm -f \"$R/start.lock\"\n"
               "cat \"$R/pgid\" 2>/dev/null || { echo 'the run was launched but wrote no process "
               "group' >&2; exit 3; }\n")
        .arg(folder(), helperPath(m_helperHash), SshConnection::remotePath(m_connection.python()),
             startLock(),
             SshConnection::remotePath(m_connection.workdir()) + QStringLiteral("/snapshots/")
                 + sha256 + QStringLiteral(".zip"),
             shellQuote(launch.workingDirectory.isEmpty() ? QStringLiteral(".")
                                                          : launch.workingDirectory),
             exports, shellQuote(wrapper));
}

SshResult RemoteRun::parseStart(SshResult result, qint64 *pgid) const
{
    bool ok = false;
    const qsizetype newline = result.out.indexOf('\n');
    *pgid = QString::fromUtf8(result.out.left(newline)).trimmed().toLongLong(&ok);
    if (result.ok() && ok)
        return result;
    if (result.message.isEmpty()) {
        const QString err = QString::fromUtf8(result.err).trimmed();
        result.failure = SshResult::Failure::Other;
        result.message =
            err.contains(QLatin1String("No space left")) || err.contains(QLatin1String("disk full"))
                ? tr("The disk of %1 is full: the snapshot could not be expanded.")
                      .arg(m_connection.name())
                : tr("Could not start the run on %1: %2")
                      .arg(m_connection.name(),
                           err.isEmpty() ? tr("no process group was written") : err);
    }
    return result;
}

QString RemoteRun::startLock()
{
    // One start at a time: an attempt whose link died may still be going on
    // on the VM. The lock is a symlink naming its shell's pid (made
    // atomically); a lock whose shell is gone is stale and taken over.
    return QStringLiteral(
        "i=0; until e=$(ln -s $$ \"$R/start.lock\" 2>&1); do\n"
        "  [ -z \"${e##*exists*}\" ] || { echo \"$e\" >&2; exit 3; }\n"
        "  p=$(readlink \"$R/start.lock\"); kill -0 \"$p\" 2>/dev/null || rm -f \"$R/start.lock\"\n"
        "  i=$((i+1)); [ $i -gt 1800 ] && { echo 'an earlier start is still going on' >&2; "
        "exit 3; }\n"
        "  sleep 0.05\n"
        "done\n");
}

SshResult RemoteRun::poll(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes, Poll *out,
                          bool *more)
{
    // exit_code is read before the sizes: once it exists the sizes are final.
    const QString script =
        QStringLiteral("cd %1 2>/dev/null || { echo MLWB-VANISHED; exit 0; }\n"
                       "ec=$(cat exit_code 2>/dev/null); pg=$(cat pgid 2>/dev/null)\n"
                       "alive=0; [ -n \"$pg\" ] && kill -0 \"$pg\" 2>/dev/null && alive=1\n"
                       // The wrapper writes exit_code just before its group ends.
                       "[ $alive = 0 ] && ec=$(cat exit_code 2>/dev/null)\n"
                       "ls=$(wc -c 2>/dev/null < output.log || echo 0); ms=$(wc -c 2>/dev/null "
                       "< metrics.jsonl || echo 0)\n"
                       "ln=$((ls - %2)); [ $ln -gt %4 ] && ln=%4; [ $ln -lt 0 ] && ln=0\n"
                       "mn=$((ms - %3)); [ $mn -gt %4 ] && mn=%4; [ $mn -lt 0 ] && mn=0\n"
                       "echo \"MLWB ${ec:--} ${pg:--} $alive $ls $ms $ln $mn\"\n"
                       "[ $ln -gt 0 ] && tail -c +%5 output.log | head -c $ln\n"
                       "[ $mn -gt 0 ] && tail -c +%6 metrics.jsonl | head -c $mn\n"
                       "exit 0\n")
            .arg(folder(), QString::number(logOffset), QString::number(metricsOffset),
                 QString::number(maxBytes), QString::number(logOffset + 1),
                 QString::number(metricsOffset + 1));
    SshResult result = m_connection.run(script, 120000);
    if (!result.ok())
        return result;
    if (!parsePoll(result.out, out)) {
        // Most likely cut short by a link that broke: ask again.
        result.failure = SshResult::Failure::Unreachable;
        result.message = tr("%1 sent an unreadable answer: %2")
                             .arg(m_connection.name(), QString::fromUtf8(result.out.left(200)));
        return result;
    }
    *more = logOffset + out->log.size() < out->logSize
            || metricsOffset + out->metrics.size() < out->metricsSize;
    return result;
}

bool RemoteRun::parsePoll(const QByteArray &out, Poll *poll)
{
    return parseFrame(out, poll) == out.size(); // else cut short: ask again
}

qsizetype RemoteRun::parseFrame(QByteArrayView bytes, Poll *poll)
{
    static const QByteArray vanished("MLWB-VANISHED\n");
    if (bytes.startsWith(vanished)) {
        poll->vanished = true;
        return vanished.size();
    }
    const qsizetype newline = bytes.indexOf('\n');
    if (newline < 0)
        return bytes.size() > 200 ? -1 : 0; // a header line is short
    static const QByteArray environment("MLWB-ENVIRONMENT ");
    if (bytes.startsWith(environment)) {
        bool ok = false;
        const qint64 n = bytes.sliced(environment.size(), newline - environment.size())
                             .toByteArray()
                             .toLongLong(&ok);
        if (!ok || n < 0)
            return -1;
        if (bytes.size() < newline + 1 + n)
            return 0;
        poll->hasEnvironment = true;
        poll->environment = bytes.sliced(newline + 1, n).toByteArray();
        return newline + 1 + n;
    }
    static const QByteArray outputs("MLWB-OUTPUTS ");
    if (bytes.startsWith(outputs)) { // "-": too large for the stream, fetched apart
        const QByteArray size = bytes.sliced(outputs.size(), newline - outputs.size()).toByteArray();
        if (size == "-") {
            poll->outputs = Poll::Outputs::Apart;
            return newline + 1;
        }
        bool ok = false;
        const qint64 n = size.toLongLong(&ok);
        if (!ok || n < 0)
            return -1;
        if (bytes.size() < newline + 1 + n)
            return 0;
        poll->outputs = Poll::Outputs::Sent;
        poll->outputsTar = bytes.sliced(newline + 1, n).toByteArray();
        return newline + 1 + n;
    }
    const QList<QByteArray> words = bytes.first(newline).toByteArray().split(' ');
    if (words.size() != 8 || words.at(0) != "MLWB")
        return -1;
    poll->hasExitCode = words.at(1) != "-";
    poll->exitCode = poll->hasExitCode ? words.at(1).toInt() : -1;
    poll->pgid = words.at(2) == "-" ? -1 : words.at(2).toLongLong();
    poll->alive = words.at(3) == "1";
    poll->logSize = words.at(4).toLongLong();
    poll->metricsSize = words.at(5).toLongLong();
    const qint64 logBytes = words.at(6).toLongLong(), metricBytes = words.at(7).toLongLong();
    if (logBytes < 0 || metricBytes < 0)
        return -1;
    const qsizetype end = newline + 1 + logBytes + metricBytes;
    if (bytes.size() < end)
        return 0;
    poll->log = bytes.sliced(newline + 1, logBytes).toByteArray();
    poll->metrics = bytes.sliced(newline + 1 + logBytes, metricBytes).toByteArray();
    return end;
}

QString RemoteRun::streamScript(qint64 logOffset, qint64 metricsOffset, qint64 maxBytes,
                                const QString &captureInterpreter,
                                const QString &captureProgram) const
{
    // The environment is read beside the run, not in the start's session:
    // the stream's own start-up (the login shell) then overlaps it.
    const QString capture =
        captureProgram.isEmpty()
            ? QStringLiteral("envsent=1\n")
            : QStringLiteral("envsent=0; ew=0\n"
                             "[ -f \"$E\" ] || ( %1 -c %2 >\"$E.$$\" 2>/dev/null; "
                             "mv -f \"$E.$$\" \"$E\" ) </dev/null >/dev/null 2>&1 &\n")
                  .arg(shellQuote(captureInterpreter), shellQuote(captureProgram));
    // As poll(), in a loop. Between answers it sleeps only while nothing is
    // new, and briefly after a small answer, so that bytes travel in chunks.
    // The environment goes before the last answer (registrations at the
    // end inherit it), waited for at most 10 s.
    return QStringLiteral(
               "R=%1; E=\"$R/environment.txt\"\n"
               "lo=%2; mo=%3; quiet=0\n"
               "%5"
               "while :; do\n"
               "[ -d \"$R\" ] || { echo MLWB-VANISHED; exit 0; }\n"
               "if [ $envsent = 0 ] && [ -f \"$E\" ]; then\n"
               "echo \"MLWB-ENVIRONMENT $(wc -c < \"$E\")\"; cat \"$E\"; envsent=1; fi\n"
               "ec=$(cat \"$R/exit_code\" 2>/dev/null); pg=$(cat \"$R/pgid\" 2>/dev/null)\n"
               "alive=0; [ -n \"$pg\" ] && kill -0 \"$pg\" 2>/dev/null && alive=1\n"
               "[ $alive = 0 ] && ec=$(cat \"$R/exit_code\" 2>/dev/null)\n"
               "over=0; { [ -n \"$ec\" ] || { [ -n \"$pg\" ] && [ $alive = 0 ]; }; } && over=1\n"
               "[ $over = 1 ] && [ $envsent = 0 ] && [ $ew -lt 200 ] && "
               "{ ew=$((ew + 1)); sleep 0.05 2>/dev/null || sleep 1; continue; }\n"
               // 2> first: a missing file's message comes from the redirection.
               "ls=$(wc -c 2>/dev/null < \"$R/output.log\" || echo 0)\n"
               "ms=$(wc -c 2>/dev/null < \"$R/metrics.jsonl\" || echo 0)\n"
               "ln=$((ls - lo)); [ $ln -gt %4 ] && ln=%4; [ $ln -lt 0 ] && ln=0\n"
               "mn=$((ms - mo)); [ $mn -gt %4 ] && mn=%4; [ $mn -lt 0 ] && mn=0\n"
               "if [ $ln -gt 0 ] || [ $mn -gt 0 ] || [ $over = 1 ] || [ $quiet -ge 20 ]; then\n"
               "echo \"MLWB ${ec:--} ${pg:--} $alive $ls $ms $ln $mn\"\n"
               "[ $ln -gt 0 ] && tail -c +$((lo + 1)) \"$R/output.log\" | head -c $ln\n"
               "[ $mn -gt 0 ] && tail -c +$((mo + 1)) \"$R/metrics.jsonl\" | head -c $mn\n"
               "lo=$((lo + ln)); mo=$((mo + mn)); quiet=0\n"
               "[ $over = 1 ] && [ $lo -ge $ls ] && [ $mo -ge $ms ] && break\n"
               "[ $((ln + mn)) -lt 65536 ] && { sleep 0.05 2>/dev/null || sleep 1; }\n"
               "else quiet=$((quiet + 1)); sleep 0.1 2>/dev/null || sleep 1; fi\n"
               "done\n"
               // The outputs in this session when small (du first: no large
               // tar on the VM's disk), then the folder goes when asked.
               "O=\"$R/code/outputs\"; T=\"$R/outputs.tar.$$\"; os=0\n"
               "if [ -d \"$O\" ]; then os=-\n"
               "  k=$(du -sk \"$O\" 2>/dev/null | cut -f1)\n"
               "  [ -n \"$k\" ] && [ \"$k\" -le $((%4 / 1024)) ] && "
               "tar -cf \"$T\" -C \"$R/code\" outputs 2>/dev/null && os=$(wc -c < \"$T\")\n"
               "  [ \"$os\" != - ] && [ \"$os\" -gt %4 ] && os=-\n"
               "fi\n"
               "echo \"MLWB-OUTPUTS $os\"\n"
               "[ \"$os\" != - ] && [ \"$os\" -gt 0 ] && cat \"$T\"\n"
               "rm -f \"$T\"\n"
               "read -r w && [ \"$w\" = remove ] && rm -rf \"$R\"\n"
               "exit 0\n")
        .arg(folder(), QString::number(logOffset), QString::number(metricsOffset),
             QString::number(maxBytes), capture);
}

SshResult RemoteRun::terminate(qint64 pgid, int graceMs)
{
    const QString script =
        QStringLiteral(
            "pg=%1; kill -TERM -$pg 2>/dev/null || exit 0\n"
            "i=0; while kill -0 -$pg 2>/dev/null && [ $i -lt %2 ]; do sleep 0.1; i=$((i+1)); done\n"
            "kill -KILL -$pg 2>/dev/null; exit 0\n")
            .arg(QString::number(pgid), QString::number(graceMs / 100));
    return m_connection.run(script, graceMs + 30000);
}

SshResult RemoteRun::fetchOutputs(const QString &localFolder)
{
    QTemporaryDir temp;
    const QString tar = temp.filePath(QStringLiteral("outputs.tar"));
    const QString script =
        QStringLiteral(
            "cd %1/code 2>/dev/null && [ -d outputs ] && exec tar -cf - outputs; exit 0\n")
            .arg(folder());
    SshResult result = m_connection.runWithFiles(script, QString(), tar, 3600 * 1000);
    if (!result.ok() || QFileInfo(tar).size() == 0)
        return result;
    const SshResult unpacked = unpackOutputs(tar, localFolder);
    return unpacked.ok() ? result : unpacked;
}

SshResult RemoteRun::unpackOutputs(const QString &tar, const QString &localFolder)
{
    QProcess unpack;
    unpack.start(QStringLiteral("tar"),
                 {QStringLiteral("-xf"), tar, QStringLiteral("-C"), localFolder});
    if (!unpack.waitForFinished(600000) || unpack.exitCode() != 0)
        return failed(tr("Could not unpack the outputs of the run: %1")
                          .arg(QString::fromUtf8(unpack.readAllStandardError())));
    SshResult unpacked;
    unpacked.exitCode = 0;
    return unpacked;
}

SshResult RemoteRun::remove()
{
    return m_connection.run(QStringLiteral("rm -rf %1").arg(folder()), 120000);
}

} // namespace mlwb
