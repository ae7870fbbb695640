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
/// its reason, never dropped. A file that was truncated, rewritten or
/// replaced is read again from its start, and one that is not a regular file
/// (a FIFO, a device) is refused without blocking; each of these comes back
/// once as a note.
class MetricTail
{
    Q_DECLARE_TR_FUNCTIONS(MetricTail)

public:
    /// How much of a line a diagnostic keeps.
    static constexpr qsizetype kRawBytes = 4096;

    /// One complete line: its record, or why it could not be read. Or a note
    /// about the file itself (fileNote), which is no line of it.
    struct Line {
        qint64 offset = 0;   // where the line starts in the file (a note: where reading was)
        qint64 number = 0;   // 1-based line number; 0: unknown
        MetricRecord record; // valid when ok()
        QString error;
        bool fileNote = false;
        qint64 length = 0; // of the line in bytes, without its newline
        QByteArray bytes;  // holds the line's first bytes (often the shared read buffer) ...
        qsizetype start = 0, size = 0; // ... here (size is less than length when cut)
        bool ok() const { return error.isNull(); }
        /// The line's text for a diagnostic: at most kRawBytes of it, with its
        /// full length noted when it was cut.
        QString raw() const;
    };

    explicit MetricTail(const QString &path);

    QString path() const { return m_path; }

    /// Lines longer than this are reported as errors without being parsed.
    void setMaxLineLength(qsizetype bytes) { m_maxLineLength = bytes; }
    /// Once the writer has gone, a last line without its newline is complete.
    void setWriterFinished(bool finished) { m_writerFinished = finished; }

    /// Appends to \a out up to \a maxLines (<= 0: all) complete lines starting
    /// at \a fromOffset, which is 0 or where the last call stopped, and sets
    /// \a nextOffset to where the next call should start. A file that does
    /// not exist yet has nothing to read; one that cannot be opened gives a
    /// note (once). Fails only when reading breaks off; the caller retries.
    bool readAvailable(qint64 fromOffset, int maxLines, QList<Line> *out, qint64 *nextOffset,
                       QString *error);

private:
    /// Where a read started or stopped, and which file it was.
    struct Mark {
        qint64 offset = -1;
        qint64 line = 0; // 0: unknown
        quint64 device = 0, inode = 0;
        bool known = false; // device and inode are set
        QByteArray head;    // the file's first bytes then
    };
    enum class Opened { Yes, Missing, NotRegular, Failed };
    enum class Skip { Done, Incomplete, Failed };
    Opened open(QFile &file, Mark *now, QString *why);
    Mark markAt(qint64 offset) const;
    bool noteUnopened(Opened opened, const Mark &mark, const Mark &now, const QString &why,
                      QList<Line> *out, qint64 *nextOffset);
    qint64 startAt(QFile &file, const Mark &now, QList<Line> *out);
    QString changeSince(QFile &file, const Mark &now, const Mark &mark);
    qint64 countLines(QFile &file, qint64 offset);
    void addNote(const QString &message, qint64 offset, QList<Line> *out);
    bool readLines(QFile &file, qint64 *base, int budget, QList<Line> *out, QString *error);
    qsizetype takeLines(qsizetype scanFrom, qint64 base, int *budget, QList<Line> *out);
    void consume(qsizetype scanFrom, qint64 *base, int *budget, QList<Line> *out);
    Skip skipLongLine(QFile &file, qint64 *base, int *budget, QList<Line> *out, QString *error);
    void appendLine(qsizetype start, qsizetype end, qint64 offset, QList<Line> *out);

    QString m_path;
    qsizetype m_maxLineLength = 16 << 20;
    bool m_writerFinished = false;
    QByteArray m_buffer;     // bytes read but not yet consumed, starting at a line
    MetricRecord m_scratch;  // reused so repeated names share one string
    qint64 m_lineNumber = 0; // of the next line in this read; 0: unknown
    Mark m_start, m_end;     // where the last read started (for a retry) and stopped
    Mark m_refused;          // the non-regular file already reported
    QString m_openError;     // why it could not be opened, already reported
};

} // namespace mlwb
