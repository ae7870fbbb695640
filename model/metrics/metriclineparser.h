#pragma once

#include "metrics/metricrecord.h"

#include <QByteArrayView>
#include <QLatin1String>
#include <QString>

namespace mlwb {

/// Decodes one line of metrics.jsonl (see the README's "Metrics file format").
/// The common scalar line and the "scalars" batch line take hand-written
/// paths that allocate nothing when the caller reuses the record; everything
/// else, and every malformed line, goes through QJsonDocument, which also
/// explains what is wrong. Python's bare NaN, Infinity and -Infinity are accepted.
class MetricLineParser
{
public:
    /// Parses \a line (without its newline) into \a out, resetting all of it.
    /// Reusing one record across lines lets repeated names share storage.
    static bool parse(QByteArrayView line, MetricRecord *out, QString *error);

    static QLatin1String kindName(MetricRecord::Kind kind);
    static bool kindFromName(QStringView name, MetricRecord::Kind *kind);

private:
    static bool parseFast(QByteArrayView line, MetricRecord *out);
    static bool parseScalarsFast(QByteArrayView line, MetricRecord *out);
    static bool parseJson(QByteArrayView line, MetricRecord *out, QString *error);
};

} // namespace mlwb
