// mlwb's own plumbing: `mlwb __NAME ...`. Not in help; used by the shell
// completion scripts and by the build (man page, completion, README table).
#include "cli.h"
#include "commandregistry.h"
#include "completer.h"
#include "completionscript.h"
#include "manpage.h"
#include "store/defaultworkspace.h"

#include <QTextStream>

namespace mlwb {

namespace {

// `__complete KIND [PREFIX] [--workspace DIR]`: one candidate a line.
int complete(QStringList arguments, QTextStream &out, QTextStream &err)
{
    QString workspace;
    const qsizetype option = arguments.indexOf(QStringLiteral("--workspace"));
    if (option >= 0 && option + 1 < arguments.size()) {
        workspace = arguments.at(option + 1);
        arguments.remove(option, 2);
    }
    const ValueKind kind = Completer::kindNamed(arguments.value(0));
    if (kind == ValueKind::Unknown || arguments.size() > 2) {
        err << QStringLiteral("mlwb: ")
            << Cli::tr("usage: mlwb __complete runs|experiments|targets|datastores|models "
                       "[PREFIX] [--workspace DIR]")
            << Qt::endl;
        return ExitUsage;
    }
    QByteArray lines;
    QString error;
    const Completer completer(defaults::resolveWorkspacePath(workspace));
    if (!completer.complete(kind, arguments.value(1), &lines, &error)) {
        err << QStringLiteral("mlwb: ") << error << Qt::endl;
        return ExitFailure;
    }
    out << QString::fromUtf8(lines) << Qt::flush;
    return ExitSuccess;
}

} // namespace

int runCompletion(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 2; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return complete(arguments, out, err);
}

bool runHiddenCommand(const CommandRegistry &registry, const QStringList &arguments,
                      QTextStream &out, QTextStream &err, int *code)
{
    const QString name = arguments.value(0);
    if (!name.startsWith(QLatin1String("__")))
        return false;
    *code = ExitSuccess;
    if (name == QLatin1String("__complete"))
        *code = complete(arguments.mid(1), out, err);
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
