#include "store/types.h"

namespace mlwb {

namespace {
const char *const statusNames[] = {"Queued",    "Preparing", "Running", "Finalizing",
                                   "Completed", "Failed",    "Canceled"};
const char *const metricKindNames[] = {"scalar", "string", "list", "row", "table", "image"};
const char *const taskStateNames[] = {"Pending", "Running", "Succeeded", "Failed", "Canceled"};

template <typename Enum, size_t N>
Enum fromName(const char *const (&names)[N], const QString &name, Enum fallback, bool *ok)
{
    for (size_t i = 0; i < N; ++i) {
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return static_cast<Enum>(i);
        }
    }
    if (ok)
        *ok = false;
    return fallback;
}
} // namespace

QString kindName(ComputeTarget::Kind kind)
{
    return kind == ComputeTarget::Kind::Ssh ? QStringLiteral("ssh") : QStringLiteral("local");
}

QString statusName(RunStatus status)
{
    return QLatin1String(statusNames[static_cast<int>(status)]);
}

RunStatus statusFromName(const QString &name, bool *ok)
{
    return fromName(statusNames, name, RunStatus::Queued, ok);
}

bool isFinal(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed
           || status == RunStatus::Canceled;
}

qint64 Run::durationMs() const
{
    if (!startedAt.isValid())
        return 0;
    const QDateTime end = endedAt.isValid() ? endedAt : QDateTime::currentDateTimeUtc();
    return startedAt.msecsTo(end);
}

QString kindName(MetricSeries::Kind kind)
{
    return QLatin1String(metricKindNames[static_cast<int>(kind)]);
}

MetricSeries::Kind metricKindFromName(const QString &name, bool *ok)
{
    return fromName(metricKindNames, name, MetricSeries::Kind::Scalar, ok);
}

QString stateName(Task::State state)
{
    return QLatin1String(taskStateNames[static_cast<int>(state)]);
}

Task::State taskStateFromName(const QString &name)
{
    return fromName(taskStateNames, name, Task::State::Pending, nullptr);
}

} // namespace mlwb
