#include "runs/durationtext.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace mlwb {

QString durationText(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    const qint64 s = ms / 1000;
    if (s < 10) // short runs: "0 s" would say nothing
        return QCoreApplication::translate("Duration", "%1 s")
            .arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    if (s < 60)
        return QCoreApplication::translate("Duration", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Duration", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Duration", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace mlwb
