#pragma once

#include "metrics/metricrecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QFile;

namespace mlwb {

/// Reads the complete lines a training script has appended to a run's
/// metrics.jsonl so far, from a byte offset the caller keeps (the store
/// saves it next to the run). A last line without its newline is still being
/// written and is left for the next call; a malformed line is returned with
/// its reason, never dropped.
class MetricTail
{
    Q_DECLARE_TR_FUNCTIONS(MetricTail)

public:
    /// One complete line: its record, or why it could not be read.
    struct Line {
        qint64 offset = 0;   // where the line starts in the file
        qint64 number = 0;   // 1-based line number; 0: unknown
        MetricRecord record; // valid when ok()
        QString error;
        QString raw; // a malformed line's text, at most 200 characters
        bool ok() const { return error.isNull(); }
    };

    explicit MetricTail(const QString &path);

    QString path() const { return m_path; }

    /// Lines longer than this are reported as errors without being parsed.
    void setMaxLineLength(qsizetype bytes) { m_maxLineLength = bytes; }

    /// Appends to \a out up to \a maxLines (<= 0: all) complete lines starting
    /// at \a fromOffset, which must be 0 or just after a newline, and sets
    /// \a nextOffset to where the next call should start. A file that does
    /// not exist yet has nothing to read; one shorter than \a fromOffset was
    /// truncated or replaced, which is an error.
    bool readAvailable(qint64 fromOffset, int maxLines, QList<Line> *out, qint64 *nextOffset,
                       QString *error);

private:
    enum class Opened { Yes, Missing, Failed };
    enum class Skip { Done, Incomplete, Failed };
    Opened openAt(QFile &file, qint64 offset, QString *error) const;
    qsizetype takeLines(qsizetype scanFrom, qint64 base, int *budget, QList<Line> *out);
    void consume(qsizetype scanFrom, qint64 *base, int *budget, QList<Line> *out);
    Skip skipLongLine(QFile &file, qint64 *base, int *budget, QList<Line> *out, QString *error);
    void appendLine(QByteArrayView text, qint64 offset, QList<Line> *out);

    QString m_path;
    qsizetype m_maxLineLength = 16 << 20;
    QByteArray m_buffer;        // bytes read but not yet consumed, starting at a line
    MetricRecord m_scratch;     // reused so repeated names share one string
    qint64 m_lineNumber = 0;    // of the next line in this read; 0: unknown
    qint64 m_endOffset = 0;     // where the last read stopped ...
    qint64 m_endLineNumber = 1; // ... and the number of the line there
};

} // namespace mlwb
