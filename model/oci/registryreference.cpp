#include "oci/registryreference.h"

#include "oci/descriptor.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

} // namespace

QString RegistryReference::toString() const
{
    return registry + QLatin1Char('/') + repository
           + (digest.isEmpty() ? QLatin1Char(':') + tag : QLatin1Char('@') + digest);
}

QString RegistryReference::host() const
{
    if (registry.startsWith(QLatin1Char('[')))
        return registry.mid(1, registry.indexOf(QLatin1Char(']')) - 1);
    return registry.section(QLatin1Char(':'), 0, 0);
}

bool RegistryReference::isLoopback() const
{
    const QString h = host();
    return h == QLatin1String("localhost") || h == QLatin1String("::1")
           || h.startsWith(QLatin1String("127."));
}

bool RegistryReference::looksLikeRegistry(const QString &text)
{
    for (const char *kind : {"oci-archive:", "docker-archive:", "oci:"})
        if (text.startsWith(QLatin1String(kind)))
            return false;
    const int slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return false;
    // Like docker: the first part is a registry when it has a dot or a port, or is
    // localhost; "KIND:PATH" of an unknown kind is not (its "port" is not a number).
    static const QRegularExpression registry(
        QStringLiteral("^(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::[0-9]+)?$"));
    const QString first = text.left(slash);
    if (!registry.match(first).hasMatch())
        return false;
    return first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':'))
           || first == QLatin1String("localhost");
}

bool RegistryReference::parse(const QString &text, RegistryReference *out, QString *error)
{
    static const QRegularExpression repoPattern(
        QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)"
                       "[a-z0-9]+)*)*$"));
    static const QRegularExpression tagPattern(
        QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    const auto fail = [&](const QString &why) {
        *error =
            tr("'%1' is not a registry image reference (REGISTRY/REPO:TAG): %2").arg(text, why);
        return false;
    };
    const int slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || !looksLikeRegistry(text))
        return fail(tr("it must start with a registry host, e.g. 127.0.0.1:5000/team/iris:1"));
    RegistryReference r;
    r.registry = text.left(slash);
    QString rest = text.mid(slash + 1);
    const int at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        r.digest = rest.mid(at + 1);
        rest = rest.left(at);
        if (!isSha256Digest(r.digest))
            return fail(tr("the digest must be sha256: followed by 64 hex digits"));
    }
    const int colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && at < 0) {
        r.tag = rest.mid(colon + 1);
        rest = rest.left(colon);
        if (!tagPattern.match(r.tag).hasMatch())
            return fail(tr("'%1' is not a valid tag").arg(r.tag));
    } else if (at < 0) {
        r.tag = QStringLiteral("latest");
    }
    r.repository = rest;
    if (!repoPattern.match(r.repository).hasMatch())
        return fail(tr("the repository '%1' must be lower case letters, digits and separators")
                        .arg(r.repository));
    *out = r;
    return true;
}

} // namespace mlwb::oci
