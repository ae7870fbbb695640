#pragma once

#include <QByteArrayView>
#include <QString>

namespace mlwb {

/// What a metric or child run name may hold: valid UTF-8 (or, once decoded,
/// valid UTF-16) without control characters. Both parser paths ask here, so
/// a name refused by one is refused by the other.
class MetricName
{
public:
    /// Raw bytes of a JSON string without escapes.
    static bool isValid(QByteArrayView utf8);
    /// A decoded string.
    static bool isValid(QStringView name);
};

} // namespace mlwb
