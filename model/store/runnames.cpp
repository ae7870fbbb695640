#include "store/runnames.h"

#include <QCryptographicHash>
#include <QStringList>
#include <array>

namespace mlwb {

namespace {

// Short, plain English words: names are read aloud and typed, not translated.
constexpr std::array<const char *, 48> kAdjectives{
    "amber", "bold",   "brave",   "bright", "brisk",  "calm",   "clever", "cosmic",
    "crisp", "daring", "dusty",   "eager",  "fancy",  "fierce", "fluent", "gentle",
    "glad",  "golden", "grand",   "happy",  "hidden", "honest", "jolly",  "keen",
    "kind",  "lively", "lucky",   "mellow", "misty",  "noble",  "polar",  "proud",
    "quiet", "rapid",  "royal",   "rustic", "silent", "silver", "sleek",  "snowy",
    "solar", "steady", "stellar", "sunny",  "swift",  "tidy",   "vivid",  "witty"};
constexpr std::array<const char *, 48> kNouns{
    "aurora", "badger",  "breeze", "brook",  "canyon", "cedar",   "comet",  "coral",
    "crane",  "dawn",    "delta",  "dune",   "falcon", "fern",    "field",  "forest",
    "fox",    "galaxy",  "glade",  "grove",  "harbor", "hawk",    "heron",  "hill",
    "lake",   "lotus",   "maple",  "meadow", "moon",   "nebula",  "oak",    "ocean",
    "otter",  "pine",    "planet", "pond",   "rain",   "reef",    "river",  "sky",
    "snow",   "sparrow", "star",   "stone",  "sun",    "thunder", "valley", "wave"};

} // namespace

QString generatedRunName(const QString &uid, const QSet<QString> &taken)
{
    const QByteArray hash = QCryptographicHash::hash(uid.toUtf8(), QCryptographicHash::Sha256);
    const auto byte = [&hash](int i) { return quint8(hash.at(i)); };
    const QString base = QLatin1String(kAdjectives[(byte(0) << 8 | byte(1)) % kAdjectives.size()])
                         + QLatin1Char('-')
                         + QLatin1String(kNouns[(byte(2) << 8 | byte(3)) % kNouns.size()]);
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    return name;
}

} // namespace mlwb
