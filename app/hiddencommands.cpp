// mlwb's own plumbing: `mlwb __NAME ...`. Not in help; used by the shell
// completion scripts and by the build (man page, completion, README table).
#include "cli.h"
#include "commandregistry.h"
#include "completer.h"
#include "completionscript.h"
#include "manpage.h"

#include <QTextStream>

namespace mlwb {

bool runHiddenCommand(const CommandRegistry &registry, const QStringList &arguments,
                      QTextStream &out, QTextStream &err, int *code)
{
    const QString name = arguments.value(0);
    if (!name.startsWith(QLatin1String("__")))
        return false;
    *code = ExitSuccess;
    if (name == QLatin1String("__complete"))
        *code = Completer::run(arguments.mid(1), out, err);
    else if (name == QLatin1String("__manpage"))
        out << ManPage::roff(registry);
    else if (name == QLatin1String("__readme-table"))
        out << ManPage::markdownTable(registry);
    else if (name == QLatin1String("__bash-completion"))
        out << CompletionScript::bash(registry);
    else if (name == QLatin1String("__zsh-completion"))
        out << CompletionScript::zsh(registry);
    else
        return false; // an unknown word: the parser says so
    out << Qt::flush;
    return true;
}

} // namespace mlwb
