#include "oci/packagecheck.h"

#include "oci/baseimage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mlwb::oci {

namespace {

// -1, 0, 1 comparing dotted versions part by part, numbers as numbers.
int compareVersions(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char('.'));
    const QStringList y = b.split(QLatin1Char('.'));
    for (int i = 0; i < std::max(x.size(), y.size()); ++i) {
        const QString p = x.value(i, QStringLiteral("0"));
        const QString q = y.value(i, QStringLiteral("0"));
        bool pNumber = false, qNumber = false;
        const qlonglong m = p.toLongLong(&pNumber), n = q.toLongLong(&qNumber);
        const int c = pNumber && qNumber ? (m < n ? -1 : m > n ? 1 : 0) : QString::compare(p, q);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    return 0;
}

bool satisfies(const QString &version, const QString &op, const QString &wanted)
{
    const int c = compareVersions(version, wanted);
    if (op == QLatin1String("==") || op == QLatin1String("==="))
        return c == 0
               || (wanted.endsWith(QLatin1String(".*")) && version.startsWith(wanted.chopped(1)));
    if (op == QLatin1String(">=") || op == QLatin1String("~="))
        return c >= 0;
    if (op == QLatin1String(">"))
        return c > 0;
    if (op == QLatin1String("<="))
        return c <= 0;
    if (op == QLatin1String("<"))
        return c < 0;
    if (op == QLatin1String("!="))
        return c != 0;
    return false;
}

} // namespace

PackageCheck checkPackages(const QStringList &requirements, const QMap<QString, QString> &installed)
{
    static const QRegularExpression requirement(QStringLiteral(
        "^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*\\])?\\s*((?:(?:==|===|>=|<=|~=|!=|<|>)"
        "\\s*[A-Za-z0-9.*+!-]+\\s*,?\\s*)*)\\s*(?:;.*)?$"));
    static const QRegularExpression clause(
        QStringLiteral("(===|==|>=|<=|~=|!=|<|>)\\s*([A-Za-z0-9.*+!-]+)"));
    PackageCheck check;
    for (const QString &text : requirements) {
        const QRegularExpressionMatch m = requirement.match(text);
        if (!m.hasMatch()) {
            check.missingRequirements << text.trimmed();
            check.missing << QCoreApplication::translate(
                                 "oci", "%1 (not a requirement this check can read)")
                                 .arg(text);
            continue;
        }
        const QString name = normalizedPackageName(m.captured(1));
        if (!installed.contains(name)) {
            check.missingRequirements << text.trimmed();
            check.missing
                << QCoreApplication::translate("oci", "%1 (not in the base)").arg(text.trimmed());
            continue;
        }
        const QString version = installed.value(name);
        bool ok = true;
        auto clauses = clause.globalMatch(m.captured(2));
        while (ok && clauses.hasNext()) {
            const QRegularExpressionMatch c = clauses.next();
            ok = satisfies(version, c.captured(1), c.captured(2));
        }
        if (ok)
            check.present << QStringLiteral("%1 %2").arg(name, version);
        else
            check.missingRequirements << text.trimmed();
        if (!ok)
            check.missing << QCoreApplication::translate("oci", "%1 (the base has %2)")
                                 .arg(text.trimmed(), version);
    }
    return check;
}

} // namespace mlwb::oci
