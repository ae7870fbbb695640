#include "cli.h"

#include "commandcontext.h"
#include "commandhelp.h"
#include "commandline.h"
#include "commandregistry.h"

#include <QTextStream>

namespace mlwb {

// Each noun lives in app/<noun>commands.cpp; adding one is adding its line
// here and in nounRegistrations below.
void registerWorkspaceCommands(CommandRegistry &registry);
void registerExperimentCommands(CommandRegistry &registry);
void registerComputeCommands(CommandRegistry &registry);
void registerDatastoreCommands(CommandRegistry &registry);
void registerModelCommands(CommandRegistry &registry);
void registerModelVersionCommands(CommandRegistry &registry);
void registerEnvironmentCommands(CommandRegistry &registry);
void registerImageCommands(CommandRegistry &registry);
void registerDeploymentCommands(CommandRegistry &registry);
void registerEndpointCommands(CommandRegistry &registry);
void registerPipelineCommands(CommandRegistry &registry);
void registerRunCommands(CommandRegistry &registry);
void registerChartCommands(CommandRegistry &registry);

namespace {

using Registration = void (*)(CommandRegistry &);
const Registration nounRegistrations[] = {
    registerWorkspaceCommands, registerExperimentCommands, registerComputeCommands,
    registerDatastoreCommands, registerModelCommands,      registerEnvironmentCommands,
    registerImageCommands,     registerDeploymentCommands, registerPipelineCommands,
    registerRunCommands,       registerChartCommands,      registerModelVersionCommands,
    registerEndpointCommands,
};

int usageError(const ParsedCommand &command, QTextStream &err)
{
    err << QStringLiteral("mlwb: ") << command.error << '\n'
        << CommandHelp::seeAlso(command.noun, command.verb) << Qt::endl;
    return ExitUsage;
}

QString helpFor(const CommandRegistry &registry, const ParsedCommand &command)
{
    if (command.verb)
        return CommandHelp::verb(*command.noun, *command.verb);
    if (command.noun)
        return CommandHelp::noun(*command.noun);
    return CommandHelp::overview(registry);
}

} // namespace

CommandRegistry commandRegistry()
{
    CommandRegistry registry;
    for (Registration registerNoun : nounRegistrations)
        registerNoun(registry);
    return registry;
}

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CommandRegistry registry = commandRegistry();
    int code = ExitSuccess;
    if (runHiddenCommand(registry, arguments, out, err, &code))
        return code;
    QStringList words = arguments;
    if (!words.isEmpty() && words.constFirst() == QLatin1String("help")) {
        words.removeFirst();
        words << QStringLiteral("--help");
    }
    const ParsedCommand command = CommandLine(registry).parse(words);
    if (!command.error.isEmpty())
        return usageError(command, err);
    if (command.help) {
        out << helpFor(registry, command) << Qt::flush;
        return ExitSuccess;
    }
    if (command.version) {
        out << QStringLiteral("mlwb ") << QStringLiteral(MLWB_VERSION) << Qt::endl;
        return ExitSuccess;
    }
    CommandContext context(command, out, err);
    code = command.verb->handler(context);
    out << context.takeOutput() << Qt::flush;
    err << Qt::flush;
    return code;
}

} // namespace mlwb
