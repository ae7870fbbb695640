#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mlwb {

/// What to run and how: a readable YAML file kept with the project (like an
/// Azure ML v2 command job), e.g.
///
///     experiment_name: mnist
///     command: python3 train.py --lr 0.1
///     code: .
///     compute: local
///     environment: sklearn-env:2
///     environment_variables: {SEED: "1"}
///
/// `command` runs through /bin/sh in the run's folder, as in Azure ML.
class RunConfig
{
    Q_DECLARE_TR_FUNCTIONS(RunConfig)
public:
    QString experimentName = QStringLiteral("default");
    QString displayName;
    QString command;
    QString code = QStringLiteral("."); // project folder, relative to the file
    QString interpreter;                // replaces a leading python/python3 in command
    QMap<QString, QString> environmentVariables;
    QString workingDirectory; // inside the snapshot; empty: its root
    int timeoutSeconds = 0;   // 0: no limit
    QString compute = QStringLiteral("local");
    QString environment; // NAME[:VERSION|@ALIAS]; empty: captured at run start
    QMap<QString, QString> tags;
    int snapshotMaxMegabytes = 0; // 0: the default (300 MB)
    int snapshotMaxFiles = 0;     // 0: the default (2,000 files)

    /// The conventional file name in a project folder.
    static QString fileName() { return QStringLiteral("mlwb.yaml"); }
    static bool load(const QString &path, RunConfig *out, QString *error);
    bool save(const QString &path, QString *error) const;
    /// Checks what a run needs; the message names the field.
    bool validate(QString *error) const;

    /// The shell command actually run (interpreter substituted).
    QString effectiveCommand() const;
    /// A command for a script and its arguments, quoted for /bin/sh.
    static QString commandFor(const QString &interpreter, const QString &script,
                              const QStringList &arguments);
    /// The script named by the command, if it runs one (for the run's record).
    QString script() const;

    QJsonObject toJson() const;
    static RunConfig fromJson(const QJsonObject &json);
};

/// Quotes one word for /bin/sh.
QString shellQuote(const QString &word);

} // namespace mlwb
