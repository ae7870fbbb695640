#include "registry/manifest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <algorithm>

namespace mlwb {

void Manifest::sort()
{
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry &a, const ManifestEntry &b) { return a.path < b.path; });
}

qint64 Manifest::totalSize() const
{
    qint64 total = 0;
    for (const ManifestEntry &e : entries)
        total += e.size;
    return total;
}

QByteArray Manifest::toJson() const
{
    QJsonArray files;
    for (const ManifestEntry &e : entries)
        files.append(QJsonObject{{QStringLiteral("path"), e.path},
                                 {QStringLiteral("sha256"), e.sha256},
                                 {QStringLiteral("size"), e.size}});
    return QJsonDocument(QJsonObject{{QStringLiteral("files"), files}})
        .toJson(QJsonDocument::Compact);
}

QString Manifest::digest() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(toJson(), QCryptographicHash::Sha256).toHex());
}

std::optional<Manifest> Manifest::fromJson(const QByteArray &json, QString *error)
{
    static const QRegularExpression digestPattern(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    Manifest m;
    const QJsonArray files = doc.object().value(QStringLiteral("files")).toArray();
    for (const QJsonValue &value : files) {
        const QJsonObject o = value.toObject();
        ManifestEntry e{o.value(QStringLiteral("path")).toString(),
                        o.value(QStringLiteral("sha256")).toString(),
                        qint64(o.value(QStringLiteral("size")).toDouble())};
        // A path that climbs out would write outside the download folder.
        const bool safe = !e.path.isEmpty() && !e.path.startsWith(QLatin1Char('/'))
                          && !e.path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
        if (!safe || !digestPattern.match(e.sha256).hasMatch() || e.size < 0) {
            if (error)
                *error = QObject::tr("The model manifest is damaged.");
            return std::nullopt;
        }
        m.entries << e;
    }
    if (!doc.isObject() || m.entries.isEmpty()) {
        if (error)
            *error = QObject::tr("The model manifest is damaged.");
        return std::nullopt;
    }
    return m;
}

} // namespace mlwb
