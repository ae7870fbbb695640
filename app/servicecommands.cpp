#include "servicecommands.h"

#include "cli.h"
#include "commandcontext.h"
#include "serving/servicekeys.h"

#include <QDir>
#include <QFile>

namespace mlwb::servicecommands {

int keys(CommandContext &context, ServiceKeys &keys, const QString &name)
{
    QString error;
    if (context.isSet(QStringLiteral("regenerate"))
        && !keys.regenerate(context.value(QStringLiteral("regenerate")), &error))
        return context.fail(error);
    QString primary, secondary;
    if (!keys.read(&primary, &secondary, &error))
        return context.fail(error);
    context.output().show({{QStringLiteral("primary"), Cli::tr("primary")},
                           {QStringLiteral("secondary"), Cli::tr("secondary")},
                           {QStringLiteral("stored_in"), Cli::tr("stored in")}},
                          {{QStringLiteral("name"), name},
                           {QStringLiteral("primary"), primary},
                           {QStringLiteral("secondary"), secondary},
                           {QStringLiteral("stored_in"), keys.storedIn()},
                           {QStringLiteral("keychain"), keys.inKeychain()}});
    return ExitSuccess;
}

bool requestBody(CommandContext &context, QByteArray *body, QString *error)
{
    const QString data = context.value(QStringLiteral("data"));
    if (!data.startsWith(QLatin1Char('@'))) {
        *body = data.toUtf8();
        return true;
    }
    QFile file(QDir::current().absoluteFilePath(data.mid(1)));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Cli::tr("Cannot read %1: %2").arg(data.mid(1), file.errorString());
        return false;
    }
    *body = file.readAll();
    return true;
}

} // namespace mlwb::servicecommands
