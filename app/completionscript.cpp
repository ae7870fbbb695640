#include "completionscript.h"

#include "commandline.h"
#include "completer.h"

#include <QSet>

namespace mlwb {

namespace {

// How the script names what a value is: a `mlwb __complete` kind, file, dir,
// flag (no value), text (nothing to offer) or "=a b" (fixed choices).
QString kindWord(ValueKind given, const QString &valueName)
{
    if (valueName.isEmpty())
        return QStringLiteral("flag");
    const QStringList choices = valueChoices(valueName);
    if (!choices.isEmpty())
        return QLatin1Char('=') + choices.join(QLatin1Char(' '));
    const ValueKind kind = valueKind(given, valueName);
    if (kind == ValueKind::File)
        return QStringLiteral("file");
    if (kind == ValueKind::Directory)
        return QStringLiteral("dir");
    const QString dynamic = Completer::kindName(kind);
    return dynamic.isEmpty() ? QStringLiteral("text") : dynamic;
}

QString caseLine(const QString &pattern, const QString &body)
{
    return QStringLiteral("    ") + pattern + QStringLiteral(") ") + body + QStringLiteral(" ;;\n");
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString printWords(const QStringList &words)
{
    return QStringLiteral("printf '%s\\n' ") + words.join(QLatin1Char(' '));
}

const char *const scan = R"SH(
# _mlwb_context CWORD WORD...: what the word at CWORD (0 is mlwb itself) is.
# Sets _mlwb_kind (nouns, verbs, options or a value kind), _mlwb_cur (the
# text to complete), _mlwb_noun, _mlwb_verb and _mlwb_ws (--workspace).
_mlwb_context()
{
    local cword=$1 i=0 w value= ended= n=0
    shift
    _mlwb_noun= _mlwb_verb= _mlwb_ws= _mlwb_kind= _mlwb_cur=
    for w in "$@"; do
        if [[ $i -eq $cword ]]; then
            _mlwb_cur=$w
            break
        fi
        i=$((i + 1))
        [[ $i -eq 1 ]] && continue
        if [[ -n $value ]]; then
            [[ $value == --workspace ]] && _mlwb_ws=$w
            value=
        elif [[ -z $ended && $w == -- ]]; then
            ended=1
        elif [[ -z $ended && $w == -?* ]]; then
            if [[ $w == --workspace=* ]]; then
                _mlwb_ws=${w#*=}
            elif [[ $w != *=* && $(_mlwb_value "$_mlwb_noun" "$_mlwb_verb" "$w") != flag ]]; then
                value=$w
            fi
        elif [[ -z $_mlwb_noun ]]; then
            _mlwb_noun=$w
        elif [[ -z $_mlwb_verb ]]; then
            _mlwb_verb=$w
        else
            n=$((n + 1))
        fi
    done
    if [[ -n $value ]]; then
        _mlwb_kind=$(_mlwb_value "$_mlwb_noun" "$_mlwb_verb" "$value")
    elif [[ -z $ended && $_mlwb_cur == --*=* ]]; then
        _mlwb_kind=$(_mlwb_value "$_mlwb_noun" "$_mlwb_verb" "${_mlwb_cur%%=*}")
        _mlwb_cur=${_mlwb_cur#*=}
    elif [[ -z $ended && $_mlwb_cur == -* ]]; then
        _mlwb_kind=options
    elif [[ -z $_mlwb_noun ]]; then
        _mlwb_kind=nouns
    elif [[ $_mlwb_noun == help ]]; then
        # mlwb help [NOUN [VERB]]
        if [[ -z $_mlwb_verb ]]; then
            _mlwb_kind=nouns
        elif [[ $n -eq 0 ]]; then
            _mlwb_noun=$_mlwb_verb _mlwb_verb= _mlwb_kind=verbs
        fi
    elif [[ -z $_mlwb_verb ]]; then
        _mlwb_kind=verbs
    else
        _mlwb_kind=$(_mlwb_argument "$_mlwb_noun" "$_mlwb_verb" "$n")
    fi
}

# _mlwb_words KIND CUR: the fixed words (nouns, verbs, options, choices) that
# start with CUR, one a line; workspace values from `mlwb __complete`.
_mlwb_words()
{
    local w
    case $1 in
    nouns) _mlwb_nouns ;;
    verbs) _mlwb_verbs "$_mlwb_noun" ;;
    options) _mlwb_options "$_mlwb_noun" "$_mlwb_verb" ;;
    '='*) w=${1#=}; printf '%s\n' "${w// /
}" ;;
    *) return ;;
    esac | while IFS= read -r w; do
        [[ $w == "$2"* ]] && printf '%s\n' "$w"
    done
}

# mlwb-complete (beside mlwb in a build, in ../lib/mlwb once installed)
# answers like `mlwb __complete` without loading mlwb's GUI libraries.
_mlwb_values() # KIND CUR MLWB
{
    local program dir cmd
    program=$(type -P -- "$3" 2>/dev/null)
    dir=${program%/*}
    cmd=("$3" __complete)
    if [[ -n $program && -x $dir/mlwb-complete ]]; then
        cmd=("$dir/mlwb-complete")
    elif [[ -n $program && -x $dir/../lib/mlwb/mlwb-complete ]]; then
        cmd=("$dir/../lib/mlwb/mlwb-complete")
    fi
    if [[ -n $_mlwb_ws ]]; then
        "${cmd[@]}" "$1" "$2" --workspace "$_mlwb_ws" 2>/dev/null
    else
        "${cmd[@]}" "$1" "$2" 2>/dev/null
    fi
}
)SH";

const char *const bashMain = R"SH(
_mlwb()
{
    local words=() cword=0 i w IFS=$'\n'
    # bash splits NAME:VERSION and --name=value at : and =; join them again.
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        if ((i > 0)) && [[ $w == [:=] || ${COMP_WORDS[i-1]} == [:=] ]]; then
            words[${#words[@]}-1]+=$w
        else
            words+=("$w")
        fi
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    _mlwb_context "$cword" "${words[@]}"
    local cur=$_mlwb_cur
    case $_mlwb_kind in
    flag|text|'') COMPREPLY=() ;;
    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    nouns|verbs|options|'='*) COMPREPLY=($(_mlwb_words "$_mlwb_kind" "$cur")) ;;
    *) COMPREPLY=($(_mlwb_values "$_mlwb_kind" "$cur" "${COMP_WORDS[0]}"))
       COMPREPLY=("${COMPREPLY[@]%%$'\t'*}") ;;
    esac
    # bash replaces only the text after the word's last ':'.
    if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
        local strip=${cur%"${cur##*:}"}
        COMPREPLY=("${COMPREPLY[@]#"$strip"}")
    fi
}
complete -F _mlwb mlwb
)SH";

const char *const zshMain = R"SH(
_mlwb()
{
    local -a found shown
    local line
    _mlwb_context $((CURRENT - 1)) "${words[@]}"
    case $_mlwb_kind in
    flag|text|'') return 1 ;;
    file) _files ;;
    dir) _files -/ ;;
    nouns|verbs|options|'='*)
        found=("${(@f)$(_mlwb_words "$_mlwb_kind" "$_mlwb_cur")}")
        compadd -Q -- "${found[@]}" ;;
    *)
        # Runs match on their display name too, so the list is not filtered again.
        for line in "${(@f)$(_mlwb_values "$_mlwb_kind" "$_mlwb_cur" "${words[1]}")}"; do
            [[ -z $line ]] && continue
            found+=("${line%%$'\t'*}")
            shown+=("${line/$'\t'/  -- }")
        done
        compadd -U -Q -d shown -- "${found[@]}" ;;
    esac
}

if [[ $funcstack[1] == _mlwb ]]; then
    _mlwb "$@"
else
    compdef _mlwb mlwb
fi
)SH";

} // namespace

QString CompletionScript::verbTable(const CommandRegistry &registry)
{
    QString text = QStringLiteral("_mlwb_nouns()\n{\n    printf '%s\\n' help");
    for (const NounSpec &noun : registry.nouns())
        text += QLatin1Char(' ') + noun.name;
    text += QStringLiteral("\n}\n\n_mlwb_verbs() # NOUN\n{\n    case $1 in\n");
    for (const NounSpec &noun : registry.nouns()) {
        QStringList verbs;
        for (const VerbSpec &verb : noun.verbs)
            if (!verb.hidden)
                verbs << verb.name;
        text += caseLine(noun.name, printWords(verbs));
    }
    return text + QStringLiteral("    esac\n}\n");
}

QString CompletionScript::optionTable(const CommandRegistry &registry)
{
    QStringList globals;
    for (const OptionSpec &option : CommandLine::globalOptions())
        globals << QStringLiteral("--") + option.name;
    QString text = QStringLiteral("\n_mlwb_options() # NOUN VERB\n{\n    ") + printWords(globals)
                   + QStringLiteral("\n    case \"$1 $2\" in\n");
    for (const NounSpec &noun : registry.nouns()) {
        for (const VerbSpec &verb : noun.verbs) {
            QStringList names;
            for (const OptionSpec &option : verb.options)
                names << QStringLiteral("--") + option.name;
            if (!verb.hidden && !names.isEmpty())
                text +=
                    caseLine(quoted(noun.name + QLatin1Char(' ') + verb.name), printWords(names));
        }
    }
    return text + QStringLiteral("    esac\n}\n");
}

// An option's value kind for one verb, then, for options given before the
// verb, for the first verb that has an option of that name.
QString CompletionScript::valueTable(const CommandRegistry &registry)
{
    QString text = QStringLiteral("\n_mlwb_value() # NOUN VERB OPTION\n{\n    case \"$1 $2 $3\" "
                                  "in\n");
    QString fallbacks;
    QSet<QString> seen;
    for (const NounSpec &noun : registry.nouns()) {
        for (const VerbSpec &verb : noun.verbs) {
            for (const OptionSpec &option : verb.options) {
                const QString name = QStringLiteral("--") + option.name;
                const QString kind = QStringLiteral("echo '")
                                     + kindWord(option.kind, option.valueName) + QLatin1Char('\'');
                text += caseLine(
                    quoted(noun.name + QLatin1Char(' ') + verb.name + QLatin1Char(' ') + name),
                    kind);
                if (!seen.contains(name))
                    fallbacks += caseLine(QStringLiteral("*\" ") + name + QLatin1Char('"'), kind);
                seen.insert(name);
            }
        }
    }
    for (const OptionSpec &option : CommandLine::globalOptions()) {
        text += caseLine(QStringLiteral("*\" --") + option.name + QLatin1Char('"'),
                         QStringLiteral("echo '") + kindWord(option.kind, option.valueName)
                             + QLatin1Char('\''));
    }
    if (registry.nouns().size() > 0)
        text += fallbacks;
    return text + QStringLiteral("    *) echo flag ;;\n    esac\n}\n");
}

// The kind of the N-th argument (from 0); a repeated last one takes the rest.
QString CompletionScript::argumentTable(const CommandRegistry &registry)
{
    QString text = QStringLiteral("\n_mlwb_argument() # NOUN VERB N\n{\n    local n=$3 r=\n"
                                  "    case \"$1 $2\" in\n");
    for (const NounSpec &noun : registry.nouns()) {
        for (const VerbSpec &verb : noun.verbs) {
            if (verb.hidden || verb.arguments.isEmpty())
                continue;
            QStringList kinds;
            for (const ArgumentSpec &argument : verb.arguments)
                kinds << kindWord(argument.kind, argument.name);
            QString body = QStringLiteral("set -- '%1'").arg(kinds.join(QStringLiteral("' '")));
            if (verb.arguments.last().repeated)
                body += QStringLiteral("; r=1");
            text += caseLine(quoted(noun.name + QLatin1Char(' ') + verb.name), body);
        }
    }
    return text
           + QStringLiteral("    *) set -- ;;\n    esac\n"
                            "    if [ \"$n\" -ge $# ]; then\n"
                            "        [ -n \"$r\" ] || { echo text; return; }\n"
                            "        n=$(($# - 1))\n    fi\n"
                            "    shift \"$n\"\n    echo \"$1\"\n}\n");
}

QString CompletionScript::common(const CommandRegistry &registry)
{
    return verbTable(registry) + optionTable(registry) + valueTable(registry)
           + argumentTable(registry) + QLatin1String(scan);
}

QString CompletionScript::bash(const CommandRegistry &registry)
{
    return QStringLiteral("# bash completion for mlwb. Generated by 'mlwb __bash-completion' "
                          "from its command registry; do not edit.\n\n")
           + common(registry) + QLatin1String(bashMain);
}

QString CompletionScript::zsh(const CommandRegistry &registry)
{
    return QStringLiteral("#compdef mlwb\n# zsh completion for mlwb. Generated by "
                          "'mlwb __zsh-completion' from its command registry; do not edit.\n\n")
           + common(registry) + QLatin1String(zshMain);
}

} // namespace mlwb
