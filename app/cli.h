#pragma once

#include <QStringList>

class QTextStream;

namespace mlwb {

class CommandRegistry;

/// Every command the CLI knows, as help, the man page and completion see them.
CommandRegistry commandRegistry();

/// The command line: `mlwb <noun> <verb> [options]`. Returns the exit code.
/// Output goes to `out`, errors to `err`; needs no display.
/// `mlwb help [COMMAND [VERB]]` is `mlwb [COMMAND [VERB]] --help`.
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

/// mlwb's own plumbing, `mlwb __NAME ...` (completion, man page, README table):
/// true when `arguments` name one; its exit code is then in *code.

bool runHiddenCommand(const CommandRegistry &registry, const QStringList &arguments,
                      QTextStream &out, QTextStream &err, int *code);

} // namespace mlwb
