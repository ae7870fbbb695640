#pragma once

#include "commandregistry.h"

#include <QMap>
#include <QStringList>

namespace mlwb {

/// A command line taken apart against the registry: which noun and verb,
/// their arguments and options, and the global options.
struct ParsedCommand {
    const NounSpec *noun = nullptr;
    const VerbSpec *verb = nullptr;
    QStringList arguments;
    QMultiMap<QString, QString> options; // by long name; a flag maps to an empty value
    QString workspace;                   // --workspace, empty when not given
    QString format = QStringLiteral("table");
    bool help = false;
    bool version = false;
    QString error; // a usage error (exit code 2) when not empty
};

/// The small parser behind `mlwb <noun> <verb> [arguments] [options]`.
/// Options may come before or after the noun and verb, as `--name value` or
/// `--name=value`; `--` ends them. Unknown words get a "did you mean" hint.
class CommandLine
{
public:
    explicit CommandLine(const CommandRegistry &registry);

    ParsedCommand parse(const QStringList &arguments) const;

    /// The options every command takes (--workspace, --format, --help, --version).
    static QList<OptionSpec> globalOptions();
    /// The candidate closest to `word`, or empty when none is close enough.
    static QString closest(const QString &word, const QStringList &candidates);

private:
    bool takeWord(const QString &word, ParsedCommand *result) const;
    bool takeOption(const QString &name, const QString &value, ParsedCommand *result) const;
    QList<OptionSpec> candidateOptions(const ParsedCommand &result) const;
    bool readOption(const QStringList &arguments, int *index, ParsedCommand *result, QString *name,
                    QString *value) const;
    bool checkArgumentCount(ParsedCommand *result) const;
    QString unknownOptionMessage(const ParsedCommand &result, const QString &name) const;

    const CommandRegistry &m_registry;
};

} // namespace mlwb
