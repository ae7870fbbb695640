#include "runs/runstatustext.h"

#include "runs/rundetails.h"

namespace mlwb {

// The words keep RunDetails' translation context, where they were first translated.
// The accent colours of the run status icons in the workspace tree.
QString statusColour(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued:
        return QStringLiteral("#9e9e9e");
    case RunStatus::Preparing:
        return QStringLiteral("#29b6f6");
    case RunStatus::Running:
        return QStringLiteral("#1e88e5");
    case RunStatus::Finalizing:
        return QStringLiteral("#26a69a");
    case RunStatus::Completed:
        return QStringLiteral("#43a047");
    case RunStatus::Failed:
        return QStringLiteral("#e53935");
    case RunStatus::Canceled:
        return QStringLiteral("#757575");
    }
    return QStringLiteral("#9e9e9e");
}

QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued:
        return RunDetails::tr("Queued");
    case RunStatus::Preparing:
        return RunDetails::tr("Preparing");
    case RunStatus::Running:
        return RunDetails::tr("Running");
    case RunStatus::Finalizing:
        return RunDetails::tr("Finalizing");
    case RunStatus::Completed:
        return RunDetails::tr("Completed");
    case RunStatus::Failed:
        return RunDetails::tr("Failed");
    case RunStatus::Canceled:
        return RunDetails::tr("Canceled");
    }
    return {};
}

} // namespace mlwb
