#include "oci/registryauth.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace mlwb::oci {

namespace {

// docker config keys may be URLs ("https://index.docker.io/v1/") or host[:port].
QString hostOf(const QString &key)
{
    if (!key.contains(QLatin1String("://")))
        return key.section(QLatin1Char('/'), 0, 0);
    const QUrl url(key);
    return url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port())
                          : url.host();
}

} // namespace

QStringList RegistryAuthFiles::candidates()
{
    QStringList files;
    const QString explicitFile = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    if (!explicitFile.isEmpty())
        files << explicitFile;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        files << runtime + QStringLiteral("/containers/auth.json");
    const QString home = QDir::homePath();
    files << home + QStringLiteral("/.config/containers/auth.json")
          << home + QStringLiteral("/.docker/config.json");
    return files;
}

RegistryCredentials RegistryAuthFiles::find(const QString &registry)
{
    for (const QString &path : candidates()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject auths = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QStringLiteral("auths"))
                                      .toObject();
        for (auto it = auths.begin(); it != auths.end(); ++it) {
            const QString host = hostOf(it.key());
            // docker login stores Docker Hub as https://index.docker.io/v1/
            const bool hub =
                registry == QLatin1String("docker.io") && host == QLatin1String("index.docker.io");
            if (host != registry && !hub)
                continue;
            const QByteArray decoded = QByteArray::fromBase64(
                it.value().toObject().value(QStringLiteral("auth")).toString().toLatin1());
            const int colon = decoded.indexOf(':');
            if (colon < 0)
                continue;
            return {QString::fromUtf8(decoded.left(colon)),
                    QString::fromUtf8(decoded.mid(colon + 1)), path};
        }
    }
    return {};
}

AuthChallenge AuthChallenge::parse(const QByteArray &header)
{
    AuthChallenge c;
    const QString text = QString::fromLatin1(header).trimmed();
    const int space = text.indexOf(QLatin1Char(' '));
    c.scheme = text.left(space < 0 ? text.size() : space).toLower();
    if (space < 0)
        return c;
    // key="value" pairs separated by commas; values may hold commas inside quotes.
    QString rest = text.mid(space + 1);
    int i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (rest[i] == QLatin1Char(',') || rest[i].isSpace()))
            ++i;
        const int eq = rest.indexOf(QLatin1Char('='), i);
        if (eq < 0)
            break;
        const QString key = rest.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        QString value;
        if (i < rest.size() && rest[i] == QLatin1Char('"')) {
            const int end = rest.indexOf(QLatin1Char('"'), i + 1);
            value = rest.mid(i + 1, (end < 0 ? rest.size() : end) - i - 1);
            i = end < 0 ? rest.size() : end + 1;
        } else {
            const int end = rest.indexOf(QLatin1Char(','), i);
            value = rest.mid(i, (end < 0 ? rest.size() : end) - i).trimmed();
            i = end < 0 ? rest.size() : end;
        }
        c.params.insert(key, value);
    }
    return c;
}

} // namespace mlwb::oci
