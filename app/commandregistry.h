#pragma once

#include <QChar>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace mlwb {

class CommandContext;

/// The translation context of every command line message ("mlwb::cli").
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(mlwb::cli)
};

/// What `mlwb <noun> <verb>` returns to the shell.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1, // the command ran and failed: no workspace, not found, ...
    ExitUsage = 2,   // the command line itself is wrong
};

/// What a value is, so shell completion can offer candidates for it.
/// Unknown means: worked out from the value's name (FILE, DIR, RUN, table|json).
enum class ValueKind {
    Unknown,
    Text,
    File,
    Directory,
    Run,
    Experiment,
    ComputeTarget,
    Datastore,
    ModelVersion, // NAME:VERSION
};

/// One `--name VALUE` (or flag, when valueName is empty) a verb accepts.
struct OptionSpec {
    QString name; // long name, without the dashes
    QString valueName;
    QString description;
    QChar shortName;
    ValueKind kind = ValueKind::Unknown;
};

/// One positional argument of a verb, in order.
struct ArgumentSpec {
    QString name; // shown in usage, e.g. "NAME"
    QString description;
    bool optional = false;
    bool repeated = false; // the last argument may take all remaining words
    ValueKind kind = ValueKind::Unknown;
};

/// The kind of a value named `valueName` when not given: FILE..., DIR, PATH,
/// RUN, lower-case choices ("table|json") are Text with choices().
ValueKind valueKind(ValueKind given, const QString &valueName);
/// The fixed words a value may be ("table|json" -> table, json), else empty.
QStringList valueChoices(const QString &valueName);

/// `mlwb <noun> <verb>`: what it does, what it takes, and the code that runs it.
struct VerbSpec {
    QString name;
    QString description;
    QList<ArgumentSpec> arguments;
    QList<OptionSpec> options;
    std::function<int(CommandContext &)> handler;
    bool hidden = false; // mlwb's own plumbing (e.g. `run supervise`): not in help
};

/// A group of verbs over one kind of thing in the workspace.
struct NounSpec {
    QString name;
    QString description;
    QList<VerbSpec> verbs;
    const VerbSpec *verb(const QString &verbName) const;
};

/// Every noun and verb the command line knows. Each noun registers itself
/// from its own app/<noun>commands.cpp, so the dispatcher never changes.
class CommandRegistry
{
public:
    void addNoun(const QString &name, const QString &description);
    /// Adds a verb to a noun added before.
    void addVerb(const QString &noun, VerbSpec verb);

    const NounSpec *noun(const QString &name) const;
    /// Nouns sorted by name, as help lists them.
    QList<NounSpec> nouns() const;

private:
    QList<NounSpec> m_nouns;
};

} // namespace mlwb
