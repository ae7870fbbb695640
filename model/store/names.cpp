#include "store/names.h"

#include "store/sqlerror.h"

#include <QRegularExpression>

namespace mlwb::names {

bool isValid(const QString &name, Rule rule)
{
    static const QRegularExpression asset(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$"));
    static const QRegularExpression shortName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    static const QRegularExpression spaced(QStringLiteral("^[\\w][\\w .-]{0,254}$"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    switch (rule) {
    case Rule::Asset:
        return asset.match(name).hasMatch();
    case Rule::Short:
        return shortName.match(name).hasMatch();
    case Rule::Spaced:
        return spaced.match(name).hasMatch() && name.trimmed() == name;
    }
    return false;
}

bool check(const QString &name, Rule rule, const QString &message, QString *error)
{
    return isValid(name, rule) || sql::fail(error, message.arg(name));
}

} // namespace mlwb::names
