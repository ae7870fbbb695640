#pragma once

#include "commandregistry.h"

#include <QString>

namespace mlwb {

/// The bash and zsh completion scripts, generated from the command registry.
/// Nouns, verbs, options and fixed choices are written into the script as
/// tables; workspace values (run ids, experiments, ...) come from
/// `mlwb __complete KIND PREFIX` when the word needs them.
class CompletionScript
{
public:
    static QString bash(const CommandRegistry &registry);
    static QString zsh(const CommandRegistry &registry);

private:
    /// The shell functions both shells share: the tables and the word scan.
    static QString common(const CommandRegistry &registry);
    static QString verbTable(const CommandRegistry &registry);
    static QString optionTable(const CommandRegistry &registry);
    static QString valueTable(const CommandRegistry &registry);
    static QString argumentTable(const CommandRegistry &registry);
};

} // namespace mlwb
