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
           + Cli::tr("\nRun 'mlwb <command> --help' for its verbs.\n")
           + Cli::tr("Exit codes: 0 success, 1 the command failed, 2 a usage error.\n");
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

QString CommandHelp::verb(const NounSpec &noun, const VerbSpec &verb)
{
    QString usage = QStringLiteral("mlwb ") + noun.name + QLatin1Char(' ') + verb.name;
    QList<QPair<QString, QString>> arguments;
    for (const ArgumentSpec &argument : verb.arguments) {
        usage += QLatin1Char(' ')
                 + (argument.optional ? QLatin1Char('[') + argument.name + QLatin1Char(']')
                                      : argument.name);
        arguments.append({argument.name, argument.description});
    }
    QString text = Cli::tr("Usage: %1 [options]\n\n%2\n").arg(usage, verb.description);
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
