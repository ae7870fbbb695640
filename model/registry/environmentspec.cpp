#include "registry/environmentspec.h"

#include <QCryptographicHash>
#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace mlwb::environmentspec {

namespace {

// PEP 503: "Scikit_Learn" and "scikit-learn" are one package.
QString normalizeRequirement(QString line)
{
    line.replace(QRegularExpression(QStringLiteral("\\s+")), QString());
    static const QRegularExpression name(QStringLiteral("^([A-Za-z0-9][A-Za-z0-9._-]*)"));
    const auto m = name.match(line);
    if (!m.hasMatch())
        return line;
    QString canonical = m.captured(1).toLower();
    canonical.replace(QRegularExpression(QStringLiteral("[-_.]+")), QStringLiteral("-"));
    return canonical + line.mid(m.capturedLength(1));
}

bool parsePip(const QByteArray &text, Spec *out)
{
    // Continuation lines first, then comments (" #" starts one; "#" in a URL does not).
    QString joined = QString::fromUtf8(text);
    joined.replace(QRegularExpression(QStringLiteral("\\\\\\r?\\n")), QStringLiteral(" "));
    QStringList lines;
    for (QString line : joined.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const int comment = line.indexOf(QRegularExpression(QStringLiteral("\\s#")));
        if (comment >= 0)
            line = line.left(comment).trimmed();
        if (line.isEmpty())
            continue;
        out->packages << line;
        lines << normalizeRequirement(line);
    }
    lines.sort();
    lines.removeDuplicates();
    out->normalized = lines.join(QLatin1Char('\n'));
    return true;
}

} // namespace

void seal(const QString &python, Spec *out)
{
    if (!python.trimmed().isEmpty())
        out->python = python.trimmed();
    const QByteArray key =
        (out->kind + QLatin1Char('\n') + out->python + QLatin1Char('\n') + out->normalized)
            .toUtf8();
    out->sha256 =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
}

void parseRequirements(const QByteArray &text, const QString &python, Spec *out)
{
    *out = Spec();
    out->kind = QStringLiteral("pip");
    out->text = QString::fromUtf8(text);
    parsePip(text, out);
    seal(python, out);
}

} // namespace mlwb::environmentspec
