#pragma once

#include "commandregistry.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace mlwb {

/// The workspace values shell completion offers (`mlwb __complete KIND PREFIX`):
/// run ids (with their display names), experiments, compute targets,
/// datastores and model NAME:VERSIONs. It must answer in well under 100 ms on
/// a big workspace, so it reads workspace.db read-only through SQLite's C
/// API: no schema check, no migration, no Qt SQL driver.
class Completer
{
public:
    explicit Completer(const QString &workspacePath);

    /// The kind a completion word names ("runs", "experiments", ...), or Unknown.
    static ValueKind kindNamed(const QString &word);
    /// The completion word of a kind with workspace values, else empty.
    static QString kindName(ValueKind kind);

    /// One candidate a line (UTF-8): the value, then for runs a tab and the
    /// display name. Runs match on id or display name (any case); the rest on
    /// the value. Bytes straight from SQLite: 10,000 runs cost no conversions.
    bool complete(ValueKind kind, const QString &prefix, QByteArray *lines, QString *error) const;

    /// `KIND [PREFIX] [--workspace DIR]`, as `mlwb __complete` and the small
    /// `mlwb-complete` take them: prints one candidate a line; the exit code.
    static int run(QStringList arguments, QTextStream &out, QTextStream &err);

private:
    QString m_databasePath;
};

/// Shell completion straight from main(), with the words from argv[first] on:
/// it runs on every Tab, so it needs no application object, no translations
/// and no registry.
int runCompletion(int argc, char *argv[], int first);

} // namespace mlwb
