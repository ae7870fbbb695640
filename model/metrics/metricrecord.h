#pragma once

#include <QJsonValue>
#include <QString>
#include <QVector>

namespace mlwb {

/// One line of a run's metrics.jsonl, decoded: a metric point, a tag, a child
/// run's declaration or its end. What is filled depends on the kind:
/// Scalar: number. String, Image (relative path), Tag (value), Status: text.
/// List, Row, Table: json. Child: run, and text (the display name).
/// Scalars (many points of one series in one line): numbers, with steps and
/// times either empty (absent, as for a Scalar) or of the same length.
struct MetricRecord {
    enum class Kind { Scalar, String, List, Row, Table, Image, Tag, Child, Status, Scalars };

    QString run; // child run name; empty: the root run
    QString name;
    Kind kind = Kind::Scalar;
    double number = 0;
    qint64 step = -1; // -1: absent
    double time = 0;  // seconds since the epoch; 0: absent
    QString text;
    QJsonValue json;
    QVector<double> numbers;
    QVector<qint64> steps;
    QVector<double> times;
};

} // namespace mlwb
