#pragma once

#include <QJsonValue>
#include <QString>

namespace mlwb {

/// One line of a run's metrics.jsonl, decoded: a metric point, a tag, a child
/// run's declaration or its end. What is filled depends on the kind:
/// Scalar: number. String, Image (relative path), Tag (value), Status: text.
/// List, Row, Table: json. Child: run, and text (the display name).
struct MetricRecord {
    enum class Kind { Scalar, String, List, Row, Table, Image, Tag, Child, Status };

    QString run; // child run name; empty: the root run
    QString name;
    Kind kind = Kind::Scalar;
    double number = 0;
    qint64 step = -1; // -1: absent
    double time = 0;  // seconds since the epoch; 0: absent
    QString text;
    QJsonValue json;
};

} // namespace mlwb
