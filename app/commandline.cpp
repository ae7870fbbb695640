#include "commandline.h"

#include <algorithm>

namespace mlwb {

namespace {

struct PendingOption {
    QString name;
    QString value;
};

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString quoted(const QString &word)
{
    return QLatin1Char('\'') + word + QLatin1Char('\'');
}

QString withHint(const QString &message, const QString &suggestion)
{
    if (suggestion.isEmpty())
        return message;
    return Cli::tr("%1; did you mean '%2'?").arg(message, suggestion);
}

QStringList verbNames(const NounSpec &noun)
{
    QStringList names;
    for (const VerbSpec &verb : noun.verbs)
        if (!verb.hidden)
            names << verb.name;
    return names;
}

} // namespace

CommandLine::CommandLine(const CommandRegistry &registry)
    : m_registry(registry)
{}

QList<OptionSpec> CommandLine::globalOptions()
{
    return {
        {QStringLiteral("workspace"), QStringLiteral("DIR"),
         Cli::tr("The workspace folder (default: $MLWB_WORKSPACE, else the default workspace)."),
         QChar()},
        {QStringLiteral("format"), QStringLiteral("table|json"),
         Cli::tr("How results are printed (default: table)."), QChar()},
        {QStringLiteral("help"), QString(), Cli::tr("Show help for the command and exit."),
         QLatin1Char('h')},
        {QStringLiteral("version"), QString(), Cli::tr("Show the version and exit."), QChar()},
    };
}

QString CommandLine::closest(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::max(1, int(word.size()) / 3) + 1;
    for (const QString &candidate : candidates) {
        int distance = editDistance(word, candidate);
        if (word.size() >= 2 && candidate.startsWith(word, Qt::CaseInsensitive))
            distance = std::min(distance, 1); // an abbreviation
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

ParsedCommand CommandLine::parse(const QStringList &arguments) const
{
    ParsedCommand result;
    QList<PendingOption> pending; // verb options seen before the verb itself
    bool optionsEnded = false;
    for (int i = 0; i < arguments.size() && result.error.isEmpty(); ++i) {
        const QString &word = arguments.at(i);
        if (!optionsEnded && word == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && word.size() > 1 && word.startsWith(QLatin1Char('-'))) {
            QString name, value;
            if (!readOption(arguments, &i, &result, &name, &value))
                break;
            if (result.verb || name == QLatin1String("workspace") || name == QLatin1String("format")
                || name == QLatin1String("help") || name == QLatin1String("version"))
                takeOption(name, value, &result);
            else
                pending.append({name, value});
        } else {
            takeWord(word, &result);
        }
    }
    for (const PendingOption &option : pending) {
        if (!result.error.isEmpty())
            break;
        takeOption(option.name, option.value, &result);
    }
    if (result.error.isEmpty() && !result.help && !result.version)
        checkArgumentCount(&result);
    return result;
}

// Reads the option at arguments[*index] (and its value, which may be the next
// word); turns a short name into its long one.
bool CommandLine::readOption(const QStringList &arguments, int *index, ParsedCommand *result,
                             QString *name, QString *value) const
{
    const QString &word = arguments.at(*index);
    const bool isLong = word.startsWith(QLatin1String("--"));
    QString body = word.mid(isLong ? 2 : 1);
    const int equals = body.indexOf(QLatin1Char('='));
    const bool inlineValue = equals >= 0;
    if (inlineValue) {
        *value = body.mid(equals + 1);
        body.truncate(equals);
    }
    const QList<OptionSpec> candidates = candidateOptions(*result);
    const auto spec = std::find_if(candidates.begin(), candidates.end(), [&](const OptionSpec &o) {
        return isLong ? o.name == body : (body.size() == 1 && o.shortName == body.at(0));
    });
    if (spec == candidates.end()) {
        const QString shown = (isLong ? QStringLiteral("--") : QStringLiteral("-")) + body;
        result->error = unknownOptionMessage(*result, shown);
        return false;
    }
    *name = spec->name;
    if (spec->valueName.isEmpty()) {
        if (inlineValue)
            result->error = Cli::tr("option '--%1' takes no value").arg(spec->name);
        return result->error.isEmpty();
    }
    if (!inlineValue) {
        if (*index + 1 >= arguments.size()) {
            result->error =
                Cli::tr("option '--%1' needs a value (%2)").arg(spec->name, spec->valueName);
            return false;
        }
        *value = arguments.at(++*index);
    }
    return true;
}

// The options that may be meant here: before the verb is known, those of
// every verb that could follow, so `--description X` can precede the verb.
QList<OptionSpec> CommandLine::candidateOptions(const ParsedCommand &result) const
{
    QList<OptionSpec> options = globalOptions();
    if (result.verb) {
        options += result.verb->options;
        return options;
    }
    const QList<NounSpec> nouns = result.noun ? QList<NounSpec>{*result.noun} : m_registry.nouns();
    for (const NounSpec &noun : nouns) {
        for (const VerbSpec &verb : noun.verbs)
            options += verb.options;
    }
    return options;
}

bool CommandLine::takeWord(const QString &word, ParsedCommand *result) const
{
    if (!result->noun) {
        result->noun = m_registry.noun(word);
        if (!result->noun) {
            QStringList names;
            for (const NounSpec &noun : m_registry.nouns())
                names << noun.name;
            result->error =
                withHint(Cli::tr("unknown command %1").arg(quoted(word)), closest(word, names));
        }
    } else if (!result->verb) {
        result->verb = result->noun->verb(word);
        if (!result->verb) {
            result->error = withHint(
                Cli::tr("unknown verb %1 for 'mlwb %2'").arg(quoted(word), result->noun->name),
                closest(word, verbNames(*result->noun)));
        }
    } else {
        result->arguments << word;
    }
    return result->error.isEmpty();
}

bool CommandLine::takeOption(const QString &name, const QString &value, ParsedCommand *result) const
{
    if (name == QLatin1String("help")) {
        result->help = true;
    } else if (name == QLatin1String("version")) {
        result->version = true;
    } else if (name == QLatin1String("workspace")) {
        result->workspace = value;
    } else if (name == QLatin1String("format")) {
        const QStringList formats{QStringLiteral("table"), QStringLiteral("json")};
        if (!formats.contains(value)) {
            result->error =
                withHint(Cli::tr("unknown format %1 (use table or json)").arg(quoted(value)),
                         closest(value, formats));
        }
        result->format = value;
    } else {
        const bool known = std::any_of(result->verb->options.begin(), result->verb->options.end(),
                                       [&](const OptionSpec &o) { return o.name == name; });
        if (!known)
            result->error = unknownOptionMessage(*result, QStringLiteral("--") + name);
        else
            result->options.insert(name, value);
    }
    return result->error.isEmpty();
}

QString CommandLine::unknownOptionMessage(const ParsedCommand &result, const QString &name) const
{
    QStringList names;
    QList<OptionSpec> options = globalOptions();
    if (result.verb)
        options += result.verb->options;
    for (const OptionSpec &option : options)
        names << QStringLiteral("--") + option.name;
    QString command = QStringLiteral("mlwb");
    if (result.noun)
        command += QLatin1Char(' ') + result.noun->name;
    if (result.verb)
        command += QLatin1Char(' ') + result.verb->name;
    return withHint(Cli::tr("unknown option %1 for '%2'").arg(quoted(name), command),
                    closest(name, names));
}

static qsizetype requiredArguments(const VerbSpec &verb)
{
    return std::count_if(verb.arguments.begin(), verb.arguments.end(),
                         [](const ArgumentSpec &a) { return !a.optional; });
}

bool CommandLine::checkArgumentCount(ParsedCommand *result) const
{
    if (!result->noun) {
        result->error = Cli::tr("no command given");
    } else if (!result->verb) {
        result->error =
            Cli::tr("'mlwb %1' needs a verb: %2")
                .arg(result->noun->name, verbNames(*result->noun).join(QLatin1String(", ")));
    } else if (result->arguments.size() < requiredArguments(*result->verb)) {
        result->error = Cli::tr("'mlwb %1 %2' needs %3")
                            .arg(result->noun->name, result->verb->name,
                                 result->verb->arguments.at(result->arguments.size()).name);
    } else if (result->arguments.size() > result->verb->arguments.size()
               && !(!result->verb->arguments.isEmpty()
                    && result->verb->arguments.last().repeated)) {
        result->error = Cli::tr("unexpected argument %1 for 'mlwb %2 %3'")
                            .arg(quoted(result->arguments.at(result->verb->arguments.size())),
                                 result->noun->name, result->verb->name);
    }
    return result->error.isEmpty();
}

} // namespace mlwb
