#include "commandcontext.h"

#include "store/defaultworkspace.h"
#include "store/workspace.h"

#include <QDir>

#include <utility>

namespace mlwb {

CommandContext::CommandContext(const ParsedCommand &command, QTextStream &out, QTextStream &err)
    : m_command(command)
    , m_out(out)
    , m_err(err)
    , m_bufferStream(&m_buffer)
    , m_output(m_bufferStream, command.format == QLatin1String("json") ? CliOutput::Format::Json
                                                                       : CliOutput::Format::Table)
{}

QString CommandContext::workspacePath() const
{
    const QString path = defaults::resolveWorkspacePath(m_command.workspace);
    return QDir::cleanPath(QDir(path).absolutePath());
}

std::unique_ptr<Workspace> CommandContext::openWorkspace()
{
    QString error;
    auto workspace = defaults::openOrCreate(workspacePath(), &error);
    if (!workspace)
        fail(error);
    else if (workspace->isReadOnly())
        note(Cli::tr("%1, so it was opened read-only; changes are refused.")
                 .arg(workspace->readOnlyReason()));
    return workspace;
}

int CommandContext::fail(const QString &message)
{
    m_bufferStream.flush();
    m_buffer.clear();
    m_bufferStream.setString(&m_buffer);
    m_err << QStringLiteral("mlwb: ") << message << Qt::endl;
    return ExitFailure;
}

void CommandContext::note(const QString &message)
{
    m_err << QStringLiteral("mlwb: ") << message << Qt::endl;
}

QTextStream &CommandContext::stream()
{
    m_out << takeOutput();
    return m_out;
}

QString CommandContext::takeOutput()
{
    m_bufferStream.flush();
    const QString text = std::exchange(m_buffer, QString());
    m_bufferStream.setString(&m_buffer);
    return text;
}

} // namespace mlwb
