#pragma once

#include "remote/sshconnection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace mlwb {

/// What `compute test` found on an SSH target.
struct SshReport {
    bool ok = false;
    QString message; // why not ok
    bool hostKeyUnknown = false;
    bool hostKeyChanged = false;
    bool hostKeyAdded = false; // trusted just now (accept-new)
    QStringList fingerprints;  // the host's keys, when they could be scanned
    QString os;
    int cpus = 0;
    qint64 memoryBytes = 0;
    QString python;  // its version, e.g. "3.11.2"
    QString workdir; // absolute, on the target
    qint64 freeDiskBytes = -1;
    QJsonObject toJson() const;
    /// Several lines for people: one fact per line.
    QString text() const;
};

/// Connects to an SSH target and reports what runs would find there: OS,
/// CPUs, memory, the interpreter's version and the free disk in the working
/// folder. An unknown host key is reported with its fingerprints and only
/// trusted when the caller says so; a changed one is always refused.
class SshProbe
{
    Q_DECLARE_TR_FUNCTIONS(SshProbe)
public:
    static SshReport test(const ComputeTarget &target, bool acceptNewHostKey);

private:
    static QString script(const SshConnection &connection);
    static void parse(const QByteArray &out, SshReport *report);
    static void check(const SshConnection &connection, SshReport *report);
};

} // namespace mlwb
