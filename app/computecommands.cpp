// `mlwb compute ...`: the targets runs execute on.
#include "commandcontext.h"
#include "remote/sshprobe.h"
#include "runs/runqueue.h"
#include "store/computetargets.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QFileInfo>
#include <QLocale>

namespace mlwb {

namespace {

QJsonObject toJson(const ComputeTarget &t, int activeRuns)
{
    const QJsonValue host = t.config.value(QLatin1String("host"));
    const QJsonValue port = t.config.value(QLatin1String("port"));
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("kind"), kindName(t.kind)},
            {QStringLiteral("host"), host.isUndefined() ? QJsonValue::Null : host},
            {QStringLiteral("port"), port.isUndefined() ? QJsonValue::Null : port},
            {QStringLiteral("max_concurrent"), t.maxConcurrent},
            {QStringLiteral("active_runs"), activeRuns},
            {QStringLiteral("config"), t.config},
            {QStringLiteral("created_at"), CliOutput::time(t.createdAt)}};
}

QList<Column> columns()
{
    return {{QStringLiteral("name"), Cli::tr("name")},
            {QStringLiteral("kind"), Cli::tr("kind")},
            {QStringLiteral("host"), Cli::tr("host")},
            {QStringLiteral("port"), Cli::tr("port")},
            {QStringLiteral("max_concurrent"), Cli::tr("max concurrent")},
            {QStringLiteral("active_runs"), Cli::tr("active runs")}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    ComputeTargets targets(*ws);
    QString error;
    const QList<ComputeTarget> all = targets.list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const ComputeTarget &t : all) {
        const int active = targets.activeRuns(t.id, &error);
        if (!error.isEmpty())
            return context.fail(error);
        rows.append(toJson(t, active));
    }
    context.output().list(columns(), rows);
    return ExitSuccess;
}

int show(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    ComputeTargets targets(*ws);
    QString error;
    const auto target = targets.find(context.argument(0), &error);
    if (!target)
        return context.fail(error);
    const int active = targets.activeRuns(target->id, &error);
    if (!error.isEmpty())
        return context.fail(error);
    context.output().show(QList<Column>{{QStringLiteral("id"), Cli::tr("id")}} + columns()
                              + QList<Column>{{QStringLiteral("created_at"), Cli::tr("created at")},
                                              {QStringLiteral("config"), Cli::tr("config")}},
                          toJson(*target, active));
    return ExitSuccess;
}

// The SSH settings of attach-ssh / edit-ssh, over what `config` already holds.
bool sshConfig(CommandContext &context, ComputeTarget *target, QString *error)
{
    const auto set = [&](const char *option, const char *key) {
        if (context.isSet(QLatin1String(option)))
            target->config.insert(QLatin1String(key), context.value(QLatin1String(option)));
    };
    set("host", "host");
    set("user", "user");
    set("jump", "jump");
    set("workdir", "workdir");
    set("python", "python");
    if (context.isSet(QStringLiteral("identity")))
        target->config.insert(
            QStringLiteral("identity"),
            QFileInfo(context.value(QStringLiteral("identity"))).absoluteFilePath());
    bool ok = true;
    if (context.isSet(QStringLiteral("port"))) {
        const int port = context.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return sql::fail(error, Cli::tr("--port must be a number from 1 to 65535."));
        target->config.insert(QStringLiteral("port"), port);
    }
    if (context.isSet(QStringLiteral("max-concurrent"))) {
        target->maxConcurrent = context.value(QStringLiteral("max-concurrent")).toInt(&ok);
        if (!ok || target->maxConcurrent < 0)
            return sql::fail(error, Cli::tr("--max-concurrent must be 0 (no limit) or more."));
    }
    if (context.isSet(QStringLiteral("keep-run-folders")))
        target->config.insert(QStringLiteral("keepRunFolders"), true);
    if (target->config.value(QLatin1String("host")).toString().isEmpty())
        return sql::fail(error, Cli::tr("--host is required."));
    return true;
}

// Tests the target; on failure the message says what to do next.
bool testTarget(CommandContext &context, const ComputeTarget &target, SshReport *report)
{
    *report = SshProbe::test(target, context.isSet(QStringLiteral("accept-new-host-key")));
    if (report->ok)
        return true;
    QString message = report->message;
    if (report->hostKeyUnknown)
        message += QLatin1Char('\n')
                   + Cli::tr("Check the fingerprint (on the VM: ssh-keygen -lf "
                             "/etc/ssh/ssh_host_ed25519_key.pub), then run again with "
                             "--accept-new-host-key.");
    context.fail(message);
    return false;
}

void showReport(CommandContext &context, const ComputeTarget &target, const SshReport &report)
{
    QJsonObject record = report.toJson();
    record.insert(QStringLiteral("name"), target.name);
    record.insert(QStringLiteral("host"), SshConnection(target).address());
    record.insert(QStringLiteral("memory"), QLocale::c().formattedDataSize(report.memoryBytes));
    record.insert(QStringLiteral("disk_free"),
                  QLocale::c().formattedDataSize(report.freeDiskBytes));
    if (report.hostKeyAdded)
        context.note(Cli::tr("Trusted the host key of %1: %2")
                         .arg(target.name, report.fingerprints.join(QStringLiteral(", "))));
    context.output().show({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("host"), Cli::tr("host")},
                           {QStringLiteral("os"), Cli::tr("os")},
                           {QStringLiteral("cpus"), Cli::tr("cpus")},
                           {QStringLiteral("memory"), Cli::tr("memory")},
                           {QStringLiteral("python"), Cli::tr("python")},
                           {QStringLiteral("workdir"), Cli::tr("working folder")},
                           {QStringLiteral("disk_free"), Cli::tr("free disk")}},
                          record);
}

int attachSsh(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    ComputeTarget target;
    target.name = context.argument(0);
    target.kind = ComputeTarget::Kind::Ssh;
    QString error;
    if (ComputeTargets(*ws).find(target.name, &error))
        return context.fail(Cli::tr("A compute target named '%1' already exists; change it with "
                                    "`mlwb compute edit-ssh`.")
                                .arg(target.name));
    if (!sshConfig(context, &target, &error))
        return context.fail(error);
    SshReport report;
    if (!testTarget(context, target, &report))
        return ExitFailure;
    if (!ComputeTargets(*ws).add(&target, &error))
        return context.fail(error);
    showReport(context, target, report);
    return ExitSuccess;
}

int editSsh(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    auto target = ComputeTargets(*ws).find(context.argument(0), &error);
    if (!target)
        return context.fail(error);
    if (target->kind != ComputeTarget::Kind::Ssh)
        return context.fail(Cli::tr("'%1' is not an SSH target.").arg(target->name));
    if (!sshConfig(context, &*target, &error))
        return context.fail(error);
    SshReport report;
    if (!testTarget(context, *target, &report))
        return ExitFailure;
    if (!ComputeTargets(*ws).update(*target, &error))
        return context.fail(error);
    showReport(context, *target, report);
    return ExitSuccess;
}

int test(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const auto target = ComputeTargets(*ws).find(context.argument(0), &error);
    if (!target)
        return context.fail(error);
    if (target->kind != ComputeTarget::Kind::Ssh) {
        context.output().message(Cli::tr("%1 is this computer: nothing to test.").arg(target->name),
                                 {{QStringLiteral("ok"), true}});
        return ExitSuccess;
    }
    SshReport report;
    if (!testTarget(context, *target, &report))
        return ExitFailure;
    showReport(context, *target, report);
    return ExitSuccess;
}

int detach(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QString name = context.argument(0);
    const auto target = ComputeTargets(*ws).find(name, &error);
    if (!target || !ComputeTargets(*ws).remove(name, &error))
        return context.fail(error);
    if (target->kind == ComputeTarget::Kind::Ssh)
        SshConnection(*target).closeMaster();
    context.output().message(Cli::tr("Detached %1.").arg(name), {{QStringLiteral("name"), name}});
    return ExitSuccess;
}

// Settings every target has, this computer included; nothing to test.
int edit(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    auto target = ComputeTargets(*ws).find(context.argument(0), &error);
    if (!target)
        return context.fail(error);
    if (!context.isSet(QStringLiteral("max-concurrent")))
        return context.fail(Cli::tr("Nothing to change: give --max-concurrent N."));
    bool ok = false;
    const int limit = context.value(QStringLiteral("max-concurrent")).toInt(&ok);
    if (!ok || limit < 0)
        return context.fail(Cli::tr("--max-concurrent must be 0 (the default) or more."));
    target->maxConcurrent = limit;
    if (!ComputeTargets(*ws).update(*target, &error)
        || !RunQueue::dispatch(*ws, target->id, &error))
        return context.fail(error);
    const int active = ComputeTargets(*ws).activeRuns(target->id, &error);
    context.output().show(columns(), toJson(*target, active));
    return ExitSuccess;
}

QList<OptionSpec> sshOptions(bool hostRequired)
{
    return {{QStringLiteral("host"), QStringLiteral("HOST"),
             hostRequired ? Cli::tr("The VM's host name or address (required).")
                          : Cli::tr("The VM's host name or address."),
             QChar()},
            {QStringLiteral("port"), QStringLiteral("PORT"), Cli::tr("The SSH port (default: 22)."),
             QChar()},
            {QStringLiteral("user"), QStringLiteral("USER"),
             Cli::tr("The login user (default: from ~/.ssh/config, else yours)."), QChar()},
            {QStringLiteral("identity"), QStringLiteral("FILE"),
             Cli::tr("A private key file (default: the agent and ~/.ssh)."), QChar()},
            {QStringLiteral("jump"), QStringLiteral("HOST"),
             Cli::tr("A jump host to go through ([user@]host[:port])."), QChar()},
            {QStringLiteral("workdir"), QStringLiteral("DIR"),
             Cli::tr("The working folder on the VM (default: ~/.mlwb)."), QChar()},
            {QStringLiteral("python"), QStringLiteral("PATH"),
             Cli::tr("The interpreter on the VM (default: python3)."), QChar()},
            {QStringLiteral("max-concurrent"), QStringLiteral("N"),
             Cli::tr("At most N runs at once (default: 0, no limit)."), QChar()},
            {QStringLiteral("keep-run-folders"), QString(),
             Cli::tr("Keep each run's folder on the VM after it ends."), QChar()},
            {QStringLiteral("accept-new-host-key"), QString(),
             Cli::tr("Trust the host key of a VM not yet in known_hosts (a changed key is always "
                     "refused)."),
             QChar()}};
}

} // namespace

void registerComputeCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("compute");
    registry.addNoun(noun, Cli::tr("Compute targets: this computer and attached Linux VMs."));
    const ArgumentSpec nameArg{QStringLiteral("NAME"), Cli::tr("The target's name.")};
    ArgumentSpec targetArg = nameArg;
    targetArg.kind = ValueKind::ComputeTarget;
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the compute targets with their active runs."),
                            {},
                            {},
                            list});
    registry.addVerb(noun, {QStringLiteral("show"),
                            Cli::tr("Show one compute target with its configuration."),
                            {targetArg},
                            {},
                            show});
    registry.addVerb(noun, {QStringLiteral("attach-ssh"),
                            Cli::tr("Attach a Linux VM reached over SSH; it is tested first."),
                            {nameArg},
                            sshOptions(true),
                            attachSsh});
    registry.addVerb(noun, {QStringLiteral("edit-ssh"),
                            Cli::tr("Change an SSH target's settings; it is tested first."),
                            {targetArg},
                            sshOptions(false),
                            editSsh});
    registry.addVerb(
        noun, {QStringLiteral("edit"),
               Cli::tr("Change a target's settings that need no connection, such as how many runs "
                       "it takes at once; queued runs follow the new limit."),
               {nameArg},
               {{QStringLiteral("max-concurrent"), QStringLiteral("N"),
                 Cli::tr("At most N runs at once; 0 means one per core for this computer and no "
                         "limit for a VM."),
                 QChar()}},
               edit});
    registry.addVerb(
        noun,
        {QStringLiteral("test"),
         Cli::tr("Connect to a target and report its OS, CPUs, memory, Python and free disk."),
         {targetArg},
         {{QStringLiteral("accept-new-host-key"), QString(),
           Cli::tr("Trust the host key of a VM not yet in known_hosts."), QChar()}},
         test});
    registry.addVerb(noun, {QStringLiteral("detach"),
                            Cli::tr("Remove an SSH target (refused while it has unfinished runs)."),
                            {targetArg},
                            {},
                            detach});
}

} // namespace mlwb
