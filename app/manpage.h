#pragma once

#include "commandregistry.h"

#include <QString>

namespace mlwb {

/// The reference that is generated, never written by hand: the man page
/// mlwb(1) and the README's command table, both from the command registry.
class ManPage
{
public:
    /// mlwb.1 in roff (man macros): every noun, verb, argument and option,
    /// the global options, exit codes and JSON conventions.
    static QString roff(const CommandRegistry &registry);
    /// The README's command table (Markdown), one row per visible verb.
    static QString markdownTable(const CommandRegistry &registry);

private:
    static QString nounSection(const NounSpec &noun);
    static QString optionItems(const QList<OptionSpec> &options);
};

} // namespace mlwb
