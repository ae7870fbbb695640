#pragma once

#include "commandregistry.h"

#include <QString>

namespace mlwb {

/// The `--help` texts, at each level: all nouns, one noun's verbs, one verb.
class CommandHelp
{
public:
    static QString overview(const CommandRegistry &registry);
    static QString noun(const NounSpec &noun);
    static QString verb(const NounSpec &noun, const VerbSpec &verb);
    /// The line that follows a usage error: where to read more.
    static QString seeAlso(const NounSpec *noun, const VerbSpec *verb);

    /// "noun verb ARG [ARG]", with "[--name VALUE]..." for each option when asked.
    static QString usage(const NounSpec &noun, const VerbSpec &verb, bool withOptions);
    /// What each exit code means, one (code, meaning) pair each.
    static QList<QPair<QString, QString>> exitCodes();
    /// The rules every `--format json` output follows, one sentence each.
    static QStringList jsonConventions();

private:
    static QString section(const QString &title, const QList<QPair<QString, QString>> &rows);
    static QString options(const QString &title, const QList<OptionSpec> &options);
};

} // namespace mlwb
