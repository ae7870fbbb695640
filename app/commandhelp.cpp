#include "commandhelp.h"

#include "commandline.h"

#include <algorithm>

namespace mlwb {

QString CommandHelp::section(const QString &title, const QList<QPair<QString, QString>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = std::max(width, int(row.first.size()));
    QString text = QLatin1Char('\n') + title + QLatin1Char('\n');
    for (const auto &row : rows) {
        text += QStringLiteral("  ") + row.first.leftJustified(width + 3) + row.second
                + QLatin1Char('\n');
    }
    return text;
}

QString CommandHelp::options(const QString &title, const QList<OptionSpec> &options)
{
    QList<QPair<QString, QString>> rows;
    for (const OptionSpec &option : options) {
        QString names = QStringLiteral("--") + option.name;
        if (!option.shortName.isNull())
            names = QLatin1Char('-') + option.shortName + QStringLiteral(", ") + names;
        if (!option.valueName.isEmpty())
            names += QLatin1Char(' ') + option.valueName;
        rows.append({names, option.description});
    }
    return rows.isEmpty() ? QString() : section(title, rows);
}

QString CommandHelp::overview(const CommandRegistry &registry)
{
    QList<QPair<QString, QString>> rows;
    for (const NounSpec &noun : registry.nouns())
        rows.append({noun.name, noun.description});
    return Cli::tr("Usage: mlwb [<command> <verb> [arguments] [options]]\n\n"
                   "ML Workbench: the Azure Machine Learning workspace on your own machine.\n"
                   "Without arguments it opens the desktop workbench; with them it runs one\n"
                   "command and needs no display.\n")
           + section(Cli::tr("Commands:"), rows)
           + options(Cli::tr("Global options:"), CommandLine::globalOptions())
           + Cli::tr("\nRun 'mlwb <command> --help' or 'mlwb help <command>' for its verbs.\n")
           + section(Cli::tr("Exit codes:"), exitCodes());
}

QString CommandHelp::noun(const NounSpec &noun)
{
    QList<QPair<QString, QString>> rows;
    for (const VerbSpec &verb : noun.verbs)
        if (!verb.hidden)
            rows.append({verb.name, verb.description});
    return Cli::tr("Usage: mlwb %1 <verb> [arguments] [options]\n\n%2\n")
               .arg(noun.name, noun.description)
           + section(Cli::tr("Verbs:"), rows)
           + Cli::tr("\nRun 'mlwb %1 <verb> --help' for a verb's arguments and options.\n")
                 .arg(noun.name);
}

QString CommandHelp::usage(const NounSpec &noun, const VerbSpec &verb, bool withOptions)
{
    QString text = noun.name + QLatin1Char(' ') + verb.name;
    for (const ArgumentSpec &argument : verb.arguments) {
        text += QLatin1Char(' ')
                + (argument.optional ? QLatin1Char('[') + argument.name + QLatin1Char(']')
                                     : argument.name);
    }
    if (!withOptions)
        return text;
    for (const OptionSpec &option : verb.options) {
        text += QStringLiteral(" [--") + option.name;
        if (!option.valueName.isEmpty())
            text += QLatin1Char(' ') + option.valueName;
        text += QLatin1Char(']');
    }
    return text;
}

QList<QPair<QString, QString>> CommandHelp::exitCodes()
{
    return {{QStringLiteral("0"), Cli::tr("Success.")},
            {QStringLiteral("1"),
             Cli::tr("The command failed: no or a damaged workspace, not found, already exists, "
                     "or 'workspace check' found problems.")},
            {QStringLiteral("2"),
             Cli::tr("A usage error; the message names the offending word, with a \"did you "
                     "mean\" hint.")},
            {Cli::tr("other"), Cli::tr("'run submit --wait' exits with the run's own exit code.")}};
}

QStringList CommandHelp::jsonConventions()
{
    return {Cli::tr("A list is an array of objects; a single record is one object."),
            Cli::tr("Keys are snake_case and sorted, with a 2-space indent and a trailing "
                    "newline."),
            Cli::tr("Times are ISO 8601 in UTC with milliseconds and a Z; absent values are "
                    "null."),
            Cli::tr("Errors go to standard error as 'mlwb: <message>', with nothing on standard "
                    "output.")};
}

QString CommandHelp::verb(const NounSpec &noun, const VerbSpec &verb)
{
    QList<QPair<QString, QString>> arguments;
    for (const ArgumentSpec &argument : verb.arguments)
        arguments.append({argument.name, argument.description});
    QString text =
        Cli::tr("Usage: mlwb %1 [options]\n\n%2\n").arg(usage(noun, verb, false), verb.description);
    if (!arguments.isEmpty())
        text += section(Cli::tr("Arguments:"), arguments);
    return text + options(Cli::tr("Options:"), verb.options)
           + options(Cli::tr("Global options:"), CommandLine::globalOptions());
}

QString CommandHelp::seeAlso(const NounSpec *noun, const VerbSpec *verb)
{
    QString command = QStringLiteral("mlwb");
    if (noun)
        command += QLatin1Char(' ') + noun->name;
    if (noun && verb)
        command += QLatin1Char(' ') + verb->name;
    return Cli::tr("Run '%1 --help' for usage.").arg(command);
}

} // namespace mlwb
