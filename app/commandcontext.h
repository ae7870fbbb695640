#pragma once

#include "clioutput.h"
#include "commandline.h"

#include <QTextStream>
#include <algorithm>
#include <memory>

namespace mlwb {

class Workspace;

/// What a verb's handler works with: its arguments and options, the
/// workspace the command means, and where to print. Results are buffered
/// and reach stdout only when the command did not fail(), so an error
/// never leaves half a table behind.
class CommandContext
{
public:
    CommandContext(const ParsedCommand &command, QTextStream &out, QTextStream &err);

    QString argument(int index) const { return m_command.arguments.value(index); }
    bool isSet(const QString &option) const { return m_command.options.contains(option); }
    QString value(const QString &option) const { return m_command.options.value(option); }
    /// Every value of a repeatable option, in the order given.
    QStringList values(const QString &option) const
    {
        QStringList all = m_command.options.values(option);
        std::reverse(all.begin(), all.end());
        return all;
    }
    QStringList arguments() const { return m_command.arguments; }
    /// Standard output, unbuffered, for commands that stream (a log being
    /// followed); what was buffered so far is written first.
    QTextStream &stream();

    CliOutput &output() { return m_output; }
    /// The folder of the workspace the command means (--workspace,
    /// $MLWB_WORKSPACE or the default one), made absolute.
    QString workspacePath() const;
    /// Opens that workspace (creating the default one on first use); on
    /// failure reports why and returns null; the handler then returns ExitFailure.
    std::unique_ptr<Workspace> openWorkspace();
    /// Reports a failure on stderr, drops any buffered output; returns ExitFailure.
    int fail(const QString &message);
    /// Reports something on stderr and keeps the results (e.g. problems a check found).
    void note(const QString &message);

    /// The buffered results, for the dispatcher to print.
    QString takeOutput();

private:
    ParsedCommand m_command;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_buffer;
    QTextStream m_bufferStream;
    CliOutput m_output;
};

} // namespace mlwb
