#pragma once

#include "store/types.h"

#include <QList>
#include <QString>

namespace mlwb {

class SeriesLoader;

/// Writes every stored point of some metric series to a file, for use
/// outside the workbench: CSV (run,metric,step,time,value) or JSON
/// ([{run, metric, points: [{step, time, value}]}], NaN as null).
class MetricExport
{
public:
    struct Item {
        QString run; // the run id users know
        QString metric;
        Id seriesId = 0;
    };
    enum class Format { Csv, Json };

    /// The format a file name asks for (".json": JSON, else CSV).
    static Format formatFor(const QString &path);
    static bool write(SeriesLoader &loader, const QList<Item> &items, const QString &path,
                      Format format, QString *error);
};

} // namespace mlwb
