#include "commandregistry.h"

#include <algorithm>

namespace mlwb {

const VerbSpec *NounSpec::verb(const QString &verbName) const
{
    for (const VerbSpec &v : verbs) {
        if (v.name == verbName)
            return &v;
    }
    return nullptr;
}

void CommandRegistry::addNoun(const QString &name, const QString &description)
{
    Q_ASSERT(!noun(name));
    m_nouns.append(NounSpec{name, description, {}});
}

void CommandRegistry::addVerb(const QString &noun, VerbSpec verb)
{
    for (NounSpec &n : m_nouns) {
        if (n.name == noun) {
            Q_ASSERT(!n.verb(verb.name));
            n.verbs.append(std::move(verb));
            std::sort(n.verbs.begin(), n.verbs.end(),
                      [](const VerbSpec &a, const VerbSpec &b) { return a.name < b.name; });
            return;
        }
    }
    Q_ASSERT_X(false, "CommandRegistry::addVerb", "verb added to an unknown noun");
}

const NounSpec *CommandRegistry::noun(const QString &name) const
{
    for (const NounSpec &n : m_nouns) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

QList<NounSpec> CommandRegistry::nouns() const
{
    QList<NounSpec> sorted = m_nouns;
    std::sort(sorted.begin(), sorted.end(),
              [](const NounSpec &a, const NounSpec &b) { return a.name < b.name; });
    return sorted;
}

ValueKind valueKind(ValueKind given, const QString &valueName)
{
    if (given != ValueKind::Unknown)
        return given;
    if (valueName.startsWith(QLatin1String("FILE")) || valueName == QLatin1String("PATH")
        || valueName == QLatin1String("SCRIPT [ARGS...]"))
        return ValueKind::File;
    if (valueName == QLatin1String("DIR"))
        return ValueKind::Directory;
    if (valueName == QLatin1String("RUN"))
        return ValueKind::Run;
    return ValueKind::Text;
}

QStringList valueChoices(const QString &valueName)
{
    QStringList choices;
    if (valueName.isEmpty() || valueName.at(0).isUpper())
        return choices;
    const QStringList words = valueName.split(QLatin1Char('|'));
    for (const QString &word : words) {
        // "metric:NAME" offers the fixed part, "metric:".
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        choices << (colon >= 0 ? word.left(colon + 1) : word);
    }
    return choices;
}

} // namespace mlwb
