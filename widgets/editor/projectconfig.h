#pragma once

#include "runs/runconfig.h"

#include <QString>

namespace mlwb {

/// The run configuration (mlwb.yaml) of a project folder: where it lives,
/// what a new one holds, and reading it for editing.
class ProjectConfig
{
public:
    explicit ProjectConfig(const QString &projectDir);

    QString path() const;
    bool exists() const;
    /// A configuration for a project without one: the experiment named after
    /// the folder, running `currentFile` when it is a Python script in the
    /// project, else train.py, main.py or the first script found.
    RunConfig defaults(const QString &currentFile = {}) const;
    /// The file's configuration, even one that does not validate (an editor
    /// shows why); the defaults when there is no file. False only when the
    /// file cannot be read or parsed.
    bool loadForEditing(RunConfig *out, QString *error) const;

private:
    QString defaultScript(const QString &currentFile) const;

    QString m_projectDir;
};

} // namespace mlwb
