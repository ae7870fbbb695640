#pragma once

#include <QByteArray>
#include <QString>

namespace mlwb {

class CommandContext;
class ServiceKeys;

/// What `service` and `endpoint` share on the command line.
namespace servicecommands {

/// `keys [--regenerate primary|secondary]`: shows both keys and where they are kept.
int keys(CommandContext &context, ServiceKeys &keys, const QString &name);
/// --data JSON, or @FILE for a file's contents.
bool requestBody(CommandContext &context, QByteArray *body, QString *error);

} // namespace servicecommands
} // namespace mlwb
