#pragma once

#include <QString>
#include <functional>

namespace mlwb {

class Workspace;
struct Run;

/// A run's archive work, done by a short-lived program of its own
/// (mlwb-run-helper): checking and unpacking the snapshot, registering the
/// models a run asked for. A supervisor watches its run for hours; this way
/// it never maps libarchive, OpenSSL and their codecs (about 5 MB resident
/// per running run) for the moments it needs them.
namespace runhelper {

/// mlwb-run-helper beside this program, else beside mlwb (a build's app/,
/// an installed ../lib/mlwb/); empty when there is none.
QString program();
/// Checks the snapshot zip against its sha256 (its file name).
bool verifySnapshot(const QString &zip, const std::function<void()> &beat, QString *error);
/// Checks and expands the snapshot zip into `dir`.
bool unpackSnapshot(const QString &zip, const QString &dir, const std::function<void()> &beat,
                    QString *error);
/// Registers the models the run asked for (outputs/.mlwb/registrations.jsonl);
/// each outcome is written to the run's log.
bool registerModels(const Workspace &workspace, const Run &run, QString *error);

} // namespace runhelper
} // namespace mlwb
