#pragma once

#include <QStringList>

class QTextStream;

namespace mlwb {

/// The command line: `mlwb <noun> <verb> [options]`. Returns the exit code.
/// Output goes to `out`, errors to `err`; needs no display.
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace mlwb
